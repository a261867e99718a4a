import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectAccessible, expectNoHorizontalScroll, launch, newPage, PHONE, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const MODERATOR = 'moderator@demo.example';
const OWNER = 'hodan.ali@demo.example';
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** A new organization of a demo owner that asks for verification (its own name: the test runs again on the same data). */
async function pendingOrganization() {
  const api = await apiAs(OWNER);
  const name = `Somali Women Bergen ${Date.now().toString(36)}`;
  const { createOrganization } = await api<{ createOrganization: { id: string } }>(
    `mutation($input: OrganizationInput!) { createOrganization(input: $input) { id } }`,
    {
      input: {
        name,
        kind: 'DIASPORA_ORGANIZATION',
        description: 'Somali women in Bergen working on education and remittances.',
        countriesOfOrigin: ['SO'],
        countriesOfResidence: ['NO'],
        themes: ['EDUCATION'],
        languages: ['so', 'no'],
      },
    },
  );
  await api(`mutation($id: ID!) { requestVerification(organizationId: $id) { id verification } }`, {
    id: createOrganization.id,
  });
  return { id: createOrganization.id, name, api };
}

describe('The moderation workspace', () => {
  it('a moderator verifies an organization from the queue; a rejection needs a note', async () => {
    const org = await pendingOrganization();
    const { context, page } = await newPage(browser);
    await signIn(page, MODERATOR);
    await page.getByRole('link', { name: 'Verification queue' }).first().click();
    await expect.poll(() => heading(page)).toBe('Verification queue');
    const card = page.getByTestId('verification-request').filter({ hasText: org.name });
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.getByTestId('requested').textContent()).toContain('Hodan Ali');
    await expect
      .poll(() => card.getByTestId('verification-history').textContent())
      .toContain('not verified → requested');
    await expectAccessible(page, 'the verification queue');

    await card.getByRole('button', { name: `Reject ${org.name}` }).click();
    await expect.poll(() => card.getByText('A rejection needs a note').count()).toBe(1);
    await card.getByRole('button', { name: `Verify ${org.name}` }).click();
    await expect.poll(() => page.getByTestId('queue-message').textContent()).toBe(`${org.name} is verified.`);
    await expect.poll(() => card.count()).toBe(0);
    const { organization } = await org.api<{ organization: { verification: string } }>(
      `query($id: ID!) { organization(id: $id) { verification } }`,
      { id: org.id },
    );
    expect(organization.verification).toBe('VERIFIED');
    await context.close();
  }, 180_000);

  it('works on a phone and is not offered to other users', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await signIn(page, MODERATOR);
    await page.goto('/moderation/verification');
    await expect.poll(() => heading(page)).toBe('Verification queue');
    await expect.poll(() => page.getByTestId('queue-count').count()).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the verification queue on a phone');
    await context.close();

    const other = await newPage(browser);
    await signIn(other.page, OWNER);
    expect(await other.page.getByRole('link', { name: 'Verification queue' }).count()).toBe(0);
    await other.page.goto('/moderation/verification');
    await expect.poll(() => other.page.getByText('Only moderators see the verification queue.').count()).toBe(1);
    await other.context.close();
  }, 120_000);
});
