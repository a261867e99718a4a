import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  DEMO_PASSWORD,
  expectAccessible,
  expectNoHorizontalScroll,
  launch,
  newPage,
  PHONE,
  pick,
  signIn,
} from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The ministry: Lena Keller manages the Belgian Development Agency (and other conveners). */
const OFFICER = 'lena.keller@demo.example';
const MINISTRY = 'Belgian Development Agency – Diaspora Window';
/** The diaspora side: Fatima Benali owns the Moroccan associations in Madrid, Brussels and Rotterdam. */
const DIASPORA = 'fatima.benali@demo.example';
/** Another convener of Lena Keller's, with a demo consultation. */
const CITY = 'City of Brussels – Migrant Participation Council';

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** The API seen from outside the browser, signed in as `email` (the diaspora side answers through it). */
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

/** A day `days` from now as a date field takes it (YYYY-MM-DD, local time). */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The rows of a composition chart as { key: count }. */
async function chart(page: Page, group: string): Promise<Record<string, number>> {
  const items = page.getByTestId(`composition-${group}`).getByRole('listitem');
  const rows = await items.evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-key') ?? '', Number(el.getAttribute('data-count'))] as const),
  );
  return Object.fromEntries(rows);
}

describe('Government workspace (a ministry consults the diaspora)', () => {
  it('builds a balanced shortlist, invites it, sees a contribution arrive, closes and downloads the report', async () => {
    const { context, page } = await newPage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, OFFICER);

    // the nav leads a convener's manager to the workspace
    await page.getByRole('banner').getByRole('link', { name: 'Consultations' }).click();
    await expect.poll(() => heading(page)).toBe('Government workspace');
    await page.getByRole('link', { name: 'Find counterparts' }).click();
    await expect.poll(() => heading(page)).toBe('Counterpart finder');

    // the Moroccan community, balanced: results with the points of each reason
    await pick(page, 'Communities of origin', 'Moro', 'Morocco');
    expect(await page.getByRole('switch', { name: /Balanced shortlist/ }).isChecked()).toBe(true);
    const results = page.getByTestId('counterpart');
    // the previous (unfiltered) results stay on screen until the filtered answer arrives
    await expect
      .poll(async () => {
        const texts = await results.allTextContents();
        return texts.length >= 3 && texts.every((text) => /Represents .*Morocco/.test(text));
      })
      .toBe(true);
    const first = results.first();
    await expect
      .poll(() => first.getByTestId('reasons-bar').getAttribute('aria-label'))
      .toMatch(/^Score [\d.]+ out of 100: /);
    expect(await first.textContent()).toContain('Community of origin');
    await expectAccessible(page, 'the counterpart finder with results');

    // shortlist the first three: the composition panel shows their spread
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const card = results.nth(i);
      names.push((await card.getByRole('heading', { level: 3 }).textContent())!);
      await card.getByRole('button', { name: /^Add to shortlist: / }).click();
      await expect.poll(() => card.getByRole('button', { name: /^Remove .* from the shortlist$/ }).count()).toBe(1);
    }
    const shortlist = page.getByTestId('shortlist');
    await expect.poll(() => shortlist.getByRole('listitem').allTextContents()).toEqual(names.map((n) => `${n}Remove`));
    const residence = await chart(page, 'residence');
    // balanced: the three come from more than one country of residence, and the chart counts each
    expect(Object.keys(residence).length).toBeGreaterThan(1);
    expect(Object.values(residence).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    expect(await chart(page, 'origin')).toMatchObject({ MA: 3 });
    const kinds = await chart(page, 'kind');
    expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(3);
    expect(Object.keys(await chart(page, 'leadership')).sort()).toEqual(['neither', 'womenLed', 'youthLed']);
    expect(await page.getByTestId('composition-residence').getByRole('listitem').first().textContent()).toMatch(
      /^.+: \d of 3 \(\d+%\)$/,
    );
    await expectAccessible(page, 'the counterpart finder with a shortlist and its composition');

    // a draft consultation of the ministry
    await page.goto('/government');
    await expect.poll(() => heading(page)).toBe('Government workspace');
    await page.getByLabel('Convening organization').selectOption({ label: MINISTRY });
    await expect.poll(() => page.getByRole('heading', { name: `Consultations of ${MINISTRY}` }).count()).toBe(1);
    await expectAccessible(page, 'the government workspace');
    await page.getByRole('link', { name: 'New consultation' }).click();
    await expect.poll(() => heading(page)).toBe('New consultation');
    const topic = `Diaspora investment in Moroccan rural development ${Date.now()}`;
    await page.getByLabel('Topic').fill(topic);
    await page
      .getByLabel('Description')
      .fill('The agency asks Moroccan diaspora associations how co-financing should support rural projects.');
    await page.getByLabel('Level').selectOption({ label: 'International' });
    await pick(page, 'Themes', 'Agri', 'Agriculture and rural development');
    await pick(page, 'Diaspora communities whose voice is sought', 'Moro', 'Morocco');
    await page.getByLabel('Deadline').fill(inDays(20));
    await expectAccessible(page, 'the new consultation form');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/consultations\/[\w-]+$/);
    const url = new URL(page.url());
    const consultationId = url.pathname.split('/').pop()!;
    await expect.poll(() => heading(page)).toBe(topic);
    await expect.poll(() => page.getByTestId('consultation-status').textContent()).toBe('Draft');

    // invite the shortlist: each invitation keeps why (the finder's reasons)
    for (const name of names) await page.getByRole('checkbox', { name }).check();
    await page.getByRole('button', { name: 'Invite the selected organizations (3)' }).click();
    await expect
      .poll(() => page.getByTestId('invitation-counts').textContent())
      .toBe('3 pending · 0 accepted · 0 declined');
    const invited = page.getByTestId('invitations');
    for (const name of names) {
      const row = invited.getByRole('row').filter({ hasText: name });
      await expect.poll(() => row.textContent()).toMatch(/Why invited: Score [\d.]+ \/ 100 — .*Community of origin/);
    }
    await page.getByRole('button', { name: 'Open the consultation' }).click();
    await expect.poll(() => page.getByTestId('consultation-status').textContent()).toBe('Open');
    await expectAccessible(page, 'an open consultation, as its convener');

    // the diaspora side answers through the API: accepts and contributes
    const diaspora = await api(DIASPORA);
    const me = await diaspora<{ me: { memberships: { organization: { id: string; name: string } }[] } }>(
      '{ me { memberships { organization { id name } } } }',
    );
    const own = me.me.memberships.map((m) => m.organization).find((o) => names.includes(o.name));
    expect(own, `one of ${names.join(', ')} is Fatima Benali's`).toBeDefined();
    const { organization } = await diaspora<{
      organization: { consultationInvitations: { nodes: { id: string; consultation: { id: string } }[] } };
    }>(
      'query($id: ID!) { organization(id: $id) { consultationInvitations(status: PENDING) { nodes { id consultation { id } } } } }',
      {
        id: own!.id,
      },
    );
    const invitation = organization.consultationInvitations.nodes.find((n) => n.consultation.id === consultationId);
    expect(invitation).toBeDefined();
    await diaspora('mutation($id: ID!) { respondToInvitation(id: $id, accept: true) { status } }', {
      id: invitation!.id,
    });
    const body = 'Our members in the Souss region ask that co-financing cover irrigation cooperatives first.';
    await diaspora(
      'mutation($c: ID!, $o: ID!, $b: String!) { submitContribution(consultationId: $c, organizationId: $o, body: $b) { id } }',
      { c: consultationId, o: own!.id, b: body },
    );

    // it arrives on the convener's page without reloading (the notification, or the refresh poll)
    const contribution = page.getByTestId('contribution').filter({ hasText: own!.name });
    await expect.poll(() => contribution.count(), { timeout: 30_000 }).toBe(1);
    expect(await contribution.textContent()).toContain(body);
    await expect
      .poll(() => page.getByTestId('invitation-counts').textContent())
      .toBe('2 pending · 1 accepted · 0 declined');

    // close with the outcome
    const outcome = 'Co-financing will give priority to irrigation cooperatives proposed by diaspora associations.';
    await page.getByLabel('Outcome summary').fill(outcome);
    await page.getByRole('button', { name: 'Close the consultation' }).click();
    await expect.poll(() => page.getByTestId('consultation-status').textContent()).toBe('Closed');
    await expect.poll(() => page.getByTestId('outcome').textContent()).toBe(outcome);

    // the CSV (exportCsv CONSULTATION)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^consultation-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    for (const name of names) expect(csv).toContain(name);
    expect(csv).toContain(body);

    // the printable report
    await page.getByRole('link', { name: 'Consultation report (print or PDF)' }).click();
    await page.waitForURL(/\/report$/);
    await expect.poll(() => heading(page)).toBe(topic);
    const report = page.getByTestId('report');
    const rows = report.getByTestId('report-invitations').getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    for (const name of names)
      expect(await rows.filter({ hasText: name }).textContent()).toMatch(/Score [\d.]+ \/ 100 — .*Community of origin/);
    expect(await report.getByTestId('report-accepted').textContent()).toBe(`Accepted (1)${own!.name}`);
    expect(await report.getByTestId('report-pending').getByRole('listitem').count()).toBe(2);
    expect(await report.getByTestId('report-contribution').textContent()).toContain(body);
    expect(await report.getByTestId('report-outcome-text').textContent()).toBe(outcome);
    expect(await page.getByRole('button', { name: 'Print / save as PDF' }).isVisible()).toBe(true);
    await expectAccessible(page, 'the consultation report');
    // printed: the report alone, without the portal's header and buttons
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print / save as PDF' }).isVisible()).toBe(false);
    expect(await page.locator('header.mantine-AppShell-header').isVisible()).toBe(false);
    expect(await report.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    const [reportCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the CSV' }).click(),
    ]);
    expect(reportCsv.suggestedFilename()).toMatch(/\.csv$/);
    await context.close();

    // a visitor sees the public consultation: who was invited and why, not the contributions
    const visitor = await newPage(browser);
    await visitor.page.goto(`/consultations/${consultationId}`);
    await expect.poll(() => heading(visitor.page)).toBe(topic);
    await expect.poll(() => visitor.page.getByTestId('invitations').getByRole('row').count()).toBe(4);
    expect(await visitor.page.getByTestId('contribution').count()).toBe(0);
    expect(await visitor.page.getByRole('button', { name: 'Close the consultation' }).count()).toBe(0);
    await expectAccessible(visitor.page, 'a public consultation');
    await visitor.page.goto('/consultations');
    await expect.poll(() => visitor.page.getByRole('link', { name: topic }).count()).toBe(1);
    await expectAccessible(visitor.page, 'the public consultations');
    // a draft or an unknown one is not found
    await visitor.page.goto('/consultations/00000000-0000-4000-8000-000000000000');
    await expect.poll(() => heading(visitor.page)).toBe('Page not found');
    await visitor.context.close();
  }, 240_000);

  it('fits a phone: the finder, the workspace, a consultation and its report scroll only downwards', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await signIn(page, OFFICER);
    await page.goto('/government/counterparts');
    await expect.poll(() => heading(page)).toBe('Counterpart finder');
    await expect.poll(() => page.getByTestId('counterpart').count()).toBeGreaterThan(0);
    const card = page.getByTestId('counterpart').first();
    if ((await card.getByRole('button', { name: /^Add to shortlist: / }).count()) > 0)
      await card.getByRole('button', { name: /^Add to shortlist: / }).click();
    await expect.poll(() => page.getByTestId('composition-residence').count()).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the counterpart finder on a phone');

    await page.goto('/government');
    await expect.poll(() => heading(page)).toBe('Government workspace');
    await page.getByLabel('Convening organization').selectOption({ label: CITY });
    await expect.poll(() => page.getByTestId('consultation-item').count()).toBeGreaterThan(0);
    await expectNoHorizontalScroll(page);
    await page.getByTestId('consultation-item').first().getByRole('link').click();
    await page.waitForURL(/\/consultations\/[\w-]+$/);
    await expect.poll(() => page.getByTestId('consultation-status').count()).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'a consultation on a phone');
    await page.goto(`${new URL(page.url()).pathname}/report`);
    await expect.poll(() => page.getByTestId('report').count()).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'a consultation report on a phone');
    await page.goto('/government/consultations/new');
    await expect.poll(() => heading(page)).toBe('New consultation');
    await expectNoHorizontalScroll(page);
    await context.close();
  }, 180_000);
});
