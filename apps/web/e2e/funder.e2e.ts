import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launch, newPage, PHONE, pick, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const FUNDER_USER = 'lena.keller@demo.example';
const FUNDER = 'Swiss Foundation for Diaspora-led Development';
const OPEN_FUND = 'African Diaspora Climate, Economy, Education and Health Grants';
const SUBMITTED = 'Association des Sénégalais de Lyon';
const SHORTLISTED = 'Fédération des Associations Maliennes de Montreuil';

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const previewCount = async (page: Page) => {
  const count = page.getByTestId('preview-count');
  return (await count.count()) === 1 ? Number(await count.getAttribute('data-count')) : null;
};
/** A date input's value `days` from today. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function openFunds(page: Page) {
  await page.goto('/funder');
  await expect.poll(() => heading(page)).toBe('My funds');
  const chooser = page.getByLabel('Funder', { exact: true });
  if ((await chooser.count()) === 1) await chooser.selectOption({ label: FUNDER });
  await expect.poll(() => page.getByTestId('funder-fund').filter({ hasText: OPEN_FUND }).count()).toBe(1);
}

describe('The funder workspace (a foundation’s owner)', () => {
  it('drafts a fund, watches the preview narrow, publishes, shortlists a candidate and awards within budget', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, FUNDER_USER);
    await expect.poll(() => page.getByRole('link', { name: 'My funds' }).count()).toBeGreaterThan(0);
    await openFunds(page);
    const open = page.getByTestId('funder-fund').filter({ hasText: OPEN_FUND });
    // the demo fund has one award of €50,000 out of €600,000, and applications in several statuses
    await expect
      .poll(() => open.getByTestId('budget-used').textContent())
      .toBe('Awarded €50,000 of €600,000 · €550,000 left');
    await expect.poll(() => open.getByTestId('application-counts').textContent()).toContain('Shortlisted: 1');
    await expectAccessible(page, 'my funds');

    // a new fund: the form refuses what is missing, then saves a draft
    await page.getByRole('link', { name: 'New fund' }).click();
    await expect.poll(() => heading(page)).toBe('New fund');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect.poll(() => page.getByText('Choose at least one theme').count()).toBe(1);
    await expect.poll(() => page.getByText('Required').count()).toBeGreaterThanOrEqual(3);
    await page.getByLabel(/^Title/).fill('Diaspora health pilots 2027');
    await page.getByLabel(/^Description/).fill('Small grants for diaspora-led health pilots.');
    await pick(page, 'Themes', 'Heal', 'Health');
    await page.getByLabel(/^Total budget/).fill('200000');
    await page.getByLabel(/^Smallest grant/).fill('40000');
    await page.getByLabel(/^Largest grant/).fill('30000');
    await page.getByLabel(/^Deadline/).fill(inDays(90));
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect
      .poll(() => page.getByText('The largest grant cannot be smaller than the smallest one').count())
      .toBe(1);
    await page.getByLabel(/^Smallest grant/).fill('5000');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/funder\/funds\/[\w-]+\/edit$/);
    await expect.poll(() => heading(page)).toBe('Edit the fund');

    // the preview beside the form: how many are eligible, the first ten with their reasons
    await expect.poll(() => previewCount(page), { timeout: 30_000 }).toBeGreaterThan(1);
    const before = (await previewCount(page))!;
    const first = page.getByTestId('preview-candidate').first();
    await expect.poll(() => first.getByRole('img').getAttribute('aria-label')).toMatch(/^Score [\d.]+ out of 100/);
    await expectAccessible(page, 'the fund editor with its preview');

    // narrowing a rule (based in France only) saves the draft and the preview shrinks
    await pick(page, 'Based in', 'Fran', 'France');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');
    await expect.poll(() => previewCount(page), { timeout: 30_000 }).toBeLessThan(before);
    const after = (await previewCount(page))!;
    expect(after).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Publish the fund' }).click();
    await page.waitForURL(/\/candidates\?published=1$/);
    await expect.poll(() => heading(page)).toBe('Candidates');
    await expect.poll(() => page.getByTestId('candidate').count()).toBe(Math.min(after, 20));
    await expectAccessible(page, 'the candidates of the new fund');

    // the open fund's candidates: shortlist the one who has applied, straight from the list
    await openFunds(page);
    await open.getByRole('link', { name: 'Candidates' }).click();
    await expect.poll(() => heading(page)).toBe('Candidates');
    await page.getByLabel('Candidates ranked').selectOption('100');
    const submitted = page.getByTestId('candidate').filter({ hasText: SUBMITTED });
    await expect.poll(() => submitted.textContent()).toContain('Applied · Submitted');
    expect(await submitted.getByRole('listitem').count()).toBeGreaterThan(0);
    await submitted.getByRole('button', { name: `Shortlist ${SUBMITTED}` }).click();
    await expect.poll(() => page.getByTestId('candidates-message').textContent()).toBe(`${SUBMITTED} is shortlisted.`);
    await expect.poll(() => submitted.textContent()).toContain('Applied · Shortlisted');
    await expect.poll(() => submitted.getByTestId('shortlisted-badge').count()).toBe(1);
    // a candidate that has not applied: onto the fund's shortlist, its members invited to apply
    const notApplied = page.getByTestId('candidate').filter({ hasText: 'Has not applied' }).first();
    const name = (await notApplied.getByRole('heading', { level: 2 }).getByRole('link').textContent())!;
    const invitee = page.getByTestId('candidate').filter({ hasText: name });
    await invitee.getByRole('button', { name: `Shortlist ${name}` }).click();
    await expect
      .poll(() => page.getByTestId('candidates-message').textContent())
      .toBe(`${name} is on the shortlist; its members are invited to apply.`);
    await expect.poll(() => invitee.getByTestId('shortlisted-badge').count()).toBe(1);
    await expect
      .poll(() => invitee.getByRole('button', { name: `Remove from the shortlist: ${name}` }).count())
      .toBe(1);
    await expectAccessible(page, 'the candidates of an open fund');
    await page.getByLabel('Shortlisted only').check();
    await expect.poll(() => page.getByTestId('candidate').filter({ hasText: name }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('candidate').filter({ hasText: SUBMITTED }).count()).toBe(1);
    const shown = await page.getByTestId('candidate').count();
    expect(await page.getByTestId('shortlisted-badge').count()).toBe(shown);
    await page.getByLabel('Shortlisted only').uncheck();

    // the inbox: the shortlisted application, awarded within the budget left
    await openFunds(page);
    await open.getByRole('link', { name: 'Applications' }).click();
    await expect.poll(() => heading(page)).toBe('Applications');
    const fundSelect = page.getByLabel('Fund', { exact: true });
    await expect.poll(() => fundSelect.locator('option:checked').textContent()).toBe(OPEN_FUND);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Shortlisted' });
    await expect.poll(() => page.getByTestId('inbox-application').count()).toBe(2);
    await page.getByTestId('inbox-application').getByRole('link', { name: SHORTLISTED }).click();
    const detail = page.getByTestId('application-detail');
    await expect.poll(() => detail.getByTestId('budget-left').textContent()).toContain('€550,000 left');
    // a rejection needs a note; an award above the largest grant is refused before asking the API
    await detail.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => detail.getByText('A rejection needs a note').count()).toBe(1);
    await detail.getByLabel(/^Amount awarded/).fill('70000');
    await detail.getByRole('button', { name: 'Award' }).click();
    await expect.poll(() => detail.getByText(/^At most €60,000:/).count()).toBe(1);
    await detail.getByLabel(/^Amount awarded/).fill('40000');
    await detail.getByRole('button', { name: 'Award' }).click();
    await expect.poll(() => page.getByTestId('inbox-message').textContent()).toBe('Decision recorded: Awarded.');
    await expect.poll(() => page.getByTestId('inbox-application').count()).toBe(1);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Awarded' });
    await page.getByTestId('inbox-application').getByRole('link', { name: SHORTLISTED }).click();
    await expect.poll(() => detail.getByTestId('detail-status').textContent()).toBe('Awarded');
    await expect.poll(() => detail.getByTestId('budget-left').textContent()).toContain('€510,000 left');
    await expect.poll(() => detail.getByTestId('decision-history').textContent()).toContain('Shortlisted → Awarded');
    await expectAccessible(page, 'the applications inbox');

    await openFunds(page);
    await expect
      .poll(() => open.getByTestId('budget-used').textContent())
      .toBe('Awarded €90,000 of €600,000 · €510,000 left');
    await context.close();
  }, 240_000);

  it('works on a phone: my funds, a fund’s candidates and the inbox', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await signIn(page, FUNDER_USER);
    await openFunds(page);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'my funds on a phone');

    await page
      .getByTestId('funder-fund')
      .filter({ hasText: OPEN_FUND })
      .getByRole('link', { name: 'Candidates' })
      .click();
    await expect.poll(() => page.getByTestId('candidate').count()).toBeGreaterThan(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'candidates on a phone');

    await openFunds(page);
    await page
      .getByTestId('funder-fund')
      .filter({ hasText: OPEN_FUND })
      .getByRole('link', { name: 'Applications' })
      .click();
    await expect.poll(() => page.getByTestId('inbox-application').count()).toBeGreaterThan(0);
    await page.getByTestId('inbox-application').first().getByRole('link').click();
    await expect.poll(() => page.getByTestId('application-detail').count()).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the inbox on a phone');

    await openFunds(page);
    await page.getByRole('link', { name: 'New fund' }).click();
    await expect.poll(() => heading(page)).toBe('New fund');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the fund editor on a phone');
    await context.close();
  }, 120_000);
});
