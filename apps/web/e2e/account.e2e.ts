import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  DEMO_PASSWORD,
  expectAccessible,
  expectNoHorizontalScroll,
  launch,
  newPage,
  PHONE,
  signIn,
} from './support/browser';

const OWNER = 'amina.owusu@demo.example';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The API seen from outside the browser (to check what the pages stored), with its own session. */
async function api(email: string) {
  const signedIn = await fetch(`${baseUrl()}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
}

describe('Account and my organization', () => {
  it('asks for a password-reset link without telling whether the address has an account', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/reset-password');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reset your password');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByLabel('E-mail address').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the password-reset request with an error');
    await page.getByLabel('E-mail address').fill('nobody-here@demo.example');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect
      .poll(() => page.getByTestId('reset-sent').textContent())
      .toContain('If an account uses nobody-here@demo.example');
    await expectAccessible(page, 'the password-reset request sent');
    await context.close();
  });

  it('shows the settings: this device among the sessions, the e-mail frequency saved and kept', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, OWNER);
    await page.goto('/me/settings');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Account settings');
    await expect.poll(() => page.getByTestId('sessions').getByText('This device', { exact: true }).count()).toBe(1);
    const query = await api(OWNER);
    const stored = async () =>
      (
        await query<{ myNotificationPreferences: { emailFrequency: string } }>(
          '{ myNotificationPreferences { emailFrequency } }',
        )
      ).myNotificationPreferences.emailFrequency;
    const notifications = page.getByRole('region', { name: 'Notifications by e-mail' });
    await page.getByLabel('Never (notifications stay in the portal)').check();
    await expect.poll(() => notifications.getByRole('status').textContent()).toBe('Saved.');
    await expect.poll(stored).toBe('NONE');
    await page.getByLabel('Once a day, a digest').check();
    await expect.poll(stored).toBe('DAILY_DIGEST');
    await expectAccessible(page, 'the account settings');

    // a wrong current password is refused next to its field
    await page.locator('input[autocomplete="current-password"]').first().fill('not-my-password');
    await page.locator('input[autocomplete="new-password"]').fill('another-long-password-2026');
    await page.getByRole('button', { name: 'Change the password' }).click();
    const password = page.getByRole('region', { name: 'Password', exact: true });
    await expect.poll(() => password.getByText('The password is wrong').count()).toBe(1);
    expect(await password.getByRole('alert').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByLabel('Once a day, a digest').isChecked()).toBe(true);
    await context.close();
  });

  it('edits the description of an organization on a phone and keeps every other field', async () => {
    const query = await api(OWNER);
    const profile = `{ id name city website description countriesOfOrigin { code } countriesOfResidence { code }
      themes { code } languages { code } legallyRegistered womenLed youthLed foundedYear memberCount }`;
    type Profile = Record<string, unknown> & { id: string; description: string | null };
    const { me } = await query<{ me: { memberships: { role: string; organization: { id: string; slug: string } }[] } }>(
      '{ me { memberships { role organization { id slug } } } }',
    );
    const owned = me.memberships.find((m) => m.organization.slug.includes('ghana') && m.role === 'OWNER')!;
    const before = (
      await query<{ organization: Profile }>(`query($id: ID!) { organization(id: $id) ${profile} }`, {
        id: owned.organization.id,
      })
    ).organization;

    const { context, page } = await newPage(browser, { viewport: PHONE });
    await signIn(page, OWNER);
    await page.goto(`/me/organizations/${owned.organization.id}`);
    const description = page.getByLabel('Description');
    await expect.poll(() => description.inputValue()).toBe(before.description ?? '');
    const text = `Hometown support, edited in the browser test at ${new Date().toISOString()}.`;
    await description.fill(text);
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(() => page.getByTestId('profile-status').textContent()).toBe('Changes saved.');
    await page.mouse.move(0, 0); // axe judges the button as it rests, not under the pointer
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the organization profile form');

    const after = (
      await query<{ organization: Profile }>(`query($id: ID!) { organization(id: $id) ${profile} }`, {
        id: owned.organization.id,
      })
    ).organization;
    expect(after).toEqual({ ...before, description: text });

    await page.reload();
    await expect.poll(() => page.getByLabel('Description').inputValue()).toBe(text);

    // the capacity tab: the radar and its table
    await page.getByRole('tab', { name: 'Capacity' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Capacity self-assessment' }).count()).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the capacity self-assessment');
    await context.close();
  });

  it('marks every notification read from the notification centre', async () => {
    const query = await api(OWNER);
    const unread = async () =>
      (await query<{ myNotifications: { id: string }[] }>('{ myNotifications(first: 100, unreadOnly: true) { id } }'))
        .myNotifications.length;
    expect(await unread()).toBeGreaterThan(0);

    const { context, page } = await newPage(browser);
    await signIn(page, OWNER);
    await page.goto('/notifications');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Notifications');
    await expect.poll(() => page.locator('[data-testid="notification"][data-read="false"]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the notification centre');
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => page.getByTestId('mark-all-status').textContent()).toMatch(/notifications? marked as read/);
    expect(await page.locator('[data-testid="notification"][data-read="false"]').count()).toBe(0);
    expect(await unread()).toBe(0);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="notification"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="notification"][data-read="false"]').count()).toBe(0);
    await context.close();
  });
});
