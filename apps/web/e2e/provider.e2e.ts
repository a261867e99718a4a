import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
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

const PROVIDER_USER = 'pieter.devries@demo.example';
const PARTICIPANT = 'amina.owusu@demo.example';
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/** A datetime-local value `days` from now. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

describe('The provider workspace (a training provider’s owner)', () => {
  it('drafts an offer, is told what is missing, publishes it and completes an enrolment', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, PROVIDER_USER);
    await page.getByRole('link', { name: 'My training offers' }).first().click();
    await expect.poll(() => heading(page)).toBe('My training offers');
    await expect.poll(() => page.getByTestId('programme-evaluation').count()).toBe(1);
    // how the participants' later self-assessments moved: the provider's own figures
    const movement = page.getByTestId('assessment-movement');
    await expect.poll(() => movement.count()).toBe(1);
    await expect
      .poll(() => movement.getByRole('heading').textContent())
      .toBe("How participants' self-assessments moved");
    await expectAccessible(page, 'my training offers');

    await page.getByRole('link', { name: 'New training offer' }).click();
    await expect.poll(() => heading(page)).toBe('New training offer');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect.poll(() => page.getByText('Choose at least one capacity area').count()).toBe(1);
    await expect.poll(() => page.getByText('Required').count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, 'the offer editor with its errors');
    const title = `Budgeting for hometown associations ${Date.now().toString(36)}`;
    await page.getByLabel(/^Title/).fill(title);
    await page.getByLabel(/^Description/).fill('Four online sessions on budgets, reports and audits.');
    await pick(page, 'Capacity areas', 'Financial man', 'Financial management');
    await pick(page, 'Languages taught in', 'Engl', 'English');
    await page.getByLabel(/^Starts/).fill(inDays(40));
    await page.getByLabel(/^Seats/).fill('1');
    await pick(page, 'Regions where organizations are based', 'Euro', 'Europe');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/provider\/offers\/[\w-]+\/edit\?saved=1$/);
    await expect.poll(() => page.getByTestId('offer-status').textContent()).toBe('Draft');
    await page.getByRole('button', { name: 'Publish the offer' }).click();
    await page.waitForURL(/\/provider\/offers\/[\w-]+\?published=1$/);
    const offerId = /offers\/([\w-]+)\?/.exec(page.url())![1];
    await expect.poll(() => heading(page)).toBe(title);

    // the participant's side through the API: one organization takes the seat, a second waits
    const participant = await apiAs(PARTICIPANT);
    const { me } = await participant<{ me: { memberships: Array<{ organization: { id: string } }> } }>(
      `{ me { memberships { organization { id } } } }`,
    );
    const [first, second] = me.memberships.map((m) => m.organization.id);
    await participant(`mutation($t: ID!, $o: ID!) { enrol(trainingId: $t, organizationId: $o) { id status } }`, {
      t: offerId,
      o: first,
    });
    if (second)
      await participant(`mutation($t: ID!, $o: ID!) { enrol(trainingId: $t, organizationId: $o) { id status } }`, {
        t: offerId,
        o: second,
      });
    await page.reload();
    await expect.poll(() => page.getByTestId('enrolment').count()).toBe(second ? 2 : 1);
    if (second)
      await expect
        .poll(() => page.getByTestId('enrolment-status').allTextContents())
        .toContain('Waiting list, position 1');
    await expectAccessible(page, 'the enrolments of an offer');
    await page
      .getByRole('button', { name: /^Mark completed/ })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('enrolments-message').textContent()).toMatch(/completed the training/);
    await expect.poll(() => page.getByTestId('enrolment-status').allTextContents()).toContain('Completed');
    await context.close();
  }, 240_000);

  it('works on a phone: my offers and the editor', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await signIn(page, PROVIDER_USER);
    await page.goto('/provider');
    await expect.poll(() => heading(page)).toBe('My training offers');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'my training offers on a phone');
    await page.getByRole('link', { name: 'New training offer' }).click();
    await expect.poll(() => heading(page)).toBe('New training offer');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the offer editor on a phone');
    await context.close();
  }, 120_000);
});
