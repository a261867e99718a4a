import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launch, newPage, PHONE, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ORGANIZATION = 'Ghana Hometown Association of London';
const PROJECT = 'Diaspora health professionals train midwives in the Volta region';
const MATCHING_FUND = 'Diaspora Knowledge Transfer Fellowships';
const OTHER_FUND = 'Overseas Filipino Workers Welfare Grants';
const TRAINING = 'Monitoring and evaluation of development projects';
const COMPLETED = 'Democratic governance and membership (spring cohort)';

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('Funding and capacity building (a diaspora organization’s owner)', () => {
  it('sees a fund match with its reasons, reads why another fund does not match, and applies (draft → submit)', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'amina.owusu@demo.example');
    await page.goto('/funding');
    await expect.poll(() => heading(page)).toBe('Funding');
    await page.getByLabel('Organization', { exact: true }).selectOption({ label: ORGANIZATION });
    await page.getByLabel('Matches for').selectOption({ label: PROJECT });

    // the project's match: its score as the points of each reason, in a bar and as text
    const match = page.getByTestId('fund-match').filter({ hasText: MATCHING_FUND });
    await expect.poll(() => match.count()).toBe(1);
    const bar = match.getByRole('img');
    await expect.poll(() => bar.getAttribute('aria-label')).toMatch(/^Score [\d.]+ out of 100: Themes [\d.]+/);
    const reasons = await match.getByRole('listitem').allTextContents();
    expect(reasons.length).toBeGreaterThan(1);
    expect(reasons[0]).toMatch(/^Themes · [\d.]+ points — /);
    // the bar's segments add up to the score shown
    const score = Number((await match.getByText(/^Score [\d.]+ \/ 100$/).textContent())!.match(/[\d.]+/)![0]);
    const widths = await match
      .locator('[data-testid="reasons-bar"] [data-factor]')
      .evaluateAll((els) => els.map((el) => parseFloat((el as HTMLElement).style.width)));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(score, 0);
    await expectAccessible(page, 'the funding page');

    // another open fund does not match: its page says which rule fails and why
    await page.getByTestId('other-fund').getByRole('link', { name: OTHER_FUND }).click();
    await page.waitForURL(/\/funds\/[\w-]+\?/);
    await expect.poll(() => heading(page)).toBe(OTHER_FUND);
    const checklist = page.getByTestId('eligibility');
    await expect.poll(() => checklist.getByText('Not eligible').count()).toBe(1);
    const origin = checklist.locator('[data-rule="ORIGIN"]');
    expect(await origin.getAttribute('data-passed')).toBe('false');
    expect(await origin.textContent()).toContain(
      'Community of origin: not met — The fund accepts organizations of the diaspora communities from PH',
    );
    expect(await checklist.locator('[data-rule="FUND_OPEN"]').getAttribute('data-passed')).toBe('true');
    await expectAccessible(page, 'a fund page with failing eligibility');

    // apply to the matching fund with the project: first a draft, then submitted
    await page.goBack();
    await page.getByTestId('fund-match').filter({ hasText: MATCHING_FUND }).getByRole('link').click();
    await expect.poll(() => heading(page)).toBe(MATCHING_FUND);
    await expect.poll(() => page.getByLabel('Project', { exact: true }).inputValue()).not.toBe('');
    await expect.poll(() => checklist.getByText('Eligible', { exact: true }).count()).toBe(1);
    await page.getByLabel(/Amount requested/).fill('12000');
    await page.getByLabel(/Statement/).fill('Twelve diaspora midwives spend a month in Volta region clinics.');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/applications\/[\w-]+$/);
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('Draft');
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Draft');
    await expectAccessible(page, 'a draft application');

    await page.getByLabel(/Amount requested/).fill('15000');
    await page.getByRole('button', { name: 'Submit the application' }).click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('Submitted');
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Draft → Submitted');
    await expect.poll(() => page.getByText('Requested: €15,000').count()).toBe(1);

    // it is listed with the organization's applications
    await page.goto('/funding');
    const listed = page.getByTestId('application').filter({ hasText: MATCHING_FUND });
    await expect.poll(() => listed.textContent()).toContain('Submitted');
    await context.close();
  }, 180_000);

  it('enrols in a matched training on a phone, with the reasons shown', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await signIn(page, 'amina.owusu@demo.example');
    await page.goto('/trainings');
    await expect.poll(() => heading(page)).toBe('Capacity building');
    await page.getByLabel('Organization', { exact: true }).selectOption({ label: ORGANIZATION });
    const match = page.getByTestId('training-match').filter({ hasText: TRAINING });
    await expect.poll(() => match.count()).toBe(1);
    await expect.poll(() => match.getByRole('img').getAttribute('aria-label')).toMatch(/Needs 22.5/);
    expect(await match.getByRole('listitem').first().textContent()).toMatch(/^Needs · 22.5 points — Covers 1 of/);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the trainings page on a phone');

    await match.getByRole('button', { name: 'Enrol', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Enrolled in' }).textContent())
      .toBe(`Enrolled in “${TRAINING}”.`);
    const enrolment = page.getByTestId('enrolment').filter({ hasText: TRAINING });
    await expect.poll(() => enrolment.textContent()).toContain('Enrolled');
    await expectNoHorizontalScroll(page);

    // a completed training shows the rating given (the demo's was rated when it ended)
    const completed = page.getByTestId('enrolment').filter({ hasText: COMPLETED });
    await expect.poll(() => completed.textContent()).toContain('Completed');
    expect(await completed.textContent()).toContain('Your rating: 5 / 5');

    await enrolment.getByRole('link', { name: TRAINING }).click();
    await page.waitForURL(/\/trainings\/[\w-]+$/);
    await expect.poll(() => heading(page)).toBe(TRAINING);
    await expect.poll(() => page.getByTestId('enrolment').textContent()).toContain('Enrolled');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'a training page on a phone');
    await context.close();
  }, 120_000);
});
