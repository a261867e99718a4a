import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launch, newPage, PHONE } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('What a visitor may see beside the directory (signed out)', () => {
  it('follows the home page to the open funds and a fund, and the directory to the training offers and one', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    const elsewhere = page.getByRole('navigation', { name: 'Also open to everyone' });
    await elsewhere.getByRole('link', { name: 'Open funds' }).click();
    await page.waitForURL(/\/funds$/);
    await expect.poll(() => heading(page)).toBe('Open funds');
    const funds = page.getByTestId('public-fund');
    await expect.poll(() => funds.count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the open funds');

    // a fund's own page, without signing in: what it is, and an invitation to sign in to check eligibility
    const title = (await funds.first().getByRole('link').textContent()) ?? '';
    await funds.first().getByRole('link').click();
    await page.waitForURL(/\/funds\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page)).toBe(title);
    await expect.poll(() => page.getByTestId('sign-in-to-check').count()).toBe(1);
    expect(await page.getByTestId('eligibility').count()).toBe(0);
    await expectAccessible(page, 'a fund seen by a visitor');

    await page.goto('/directory');
    await page
      .getByRole('navigation', { name: 'Also open to everyone' })
      .getByRole('link', { name: 'Training offers' })
      .click();
    await page.waitForURL(/\/training-offers$/);
    await expect.poll(() => heading(page)).toBe('Training offers');
    const offers = page.getByTestId('public-training');
    await expect.poll(() => offers.count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the training offers');
    const offer = (await offers.first().getByRole('link').textContent()) ?? '';
    await offers.first().getByRole('link').click();
    await page.waitForURL(/\/trainings\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page)).toBe(offer);
    await expect.poll(() => page.getByTestId('sign-in-to-enrol').count()).toBe(1);
    await expectAccessible(page, 'a training offer seen by a visitor');

    // signing in from there comes back to the offer
    await page.getByTestId('sign-in-to-enrol').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in$/);
    await context.close();
  });

  it('fits a phone: the lists scroll only downwards', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    for (const path of ['/funds', '/training-offers']) {
      await page.goto(path);
      await expect.poll(() => page.getByRole('listitem').count()).toBeGreaterThan(0);
      await expectNoHorizontalScroll(page);
    }
    await context.close();
  });
});
