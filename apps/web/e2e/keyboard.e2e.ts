import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, expectAccessible, launch, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Presses Tab until the focused element matches `selector` (at most `limit` presses): the element is
 * reachable with the keyboard alone, in the tab order. Returns how many presses it took.
 */
async function tabTo(page: Page, selector: string, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  throw new Error(`${selector} is not reachable with Tab (${limit} presses)`);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('Keyboard only', () => {
  it('signs in, searches the directory and opens an organization with Tab, typing and Enter', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').waitFor();

    await tabTo(page, 'input[type="email"]');
    await page.keyboard.type('amina.owusu@demo.example');
    await tabTo(page, 'input[autocomplete="current-password"]', 5);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/me\/organizations/);
    await expect.poll(() => page.getByRole('link', { name: 'Ghana Hometown Association of London' }).count()).toBe(1);

    // the directory from the main navigation
    await tabTo(page, 'header a[href="/directory"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/directory$/);
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^\d+ organizations$/);

    await tabTo(page, 'input[type="search"]');
    await page.keyboard.type('Ghana');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/directory\?q=Ghana/);
    await expect
      .poll(() => page.getByTestId('organization-card').getByRole('heading').allTextContents())
      .toContain('Ghana Hometown Association of London');

    // from the search box, Tab goes through the filters to the result cards
    await tabTo(page, '[data-testid="organization-card"] a');
    const name = await focusedText(page);
    expect(name).toMatch(/Ghana/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/organizations\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
    await context.close();
  });

  it('reaches a country of the home page’s world map with Tab and opens the directory filtered by it', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.locator('[data-testid="world-map"] a').first().waitFor({ state: 'attached' });
    await expectAccessible(page, 'the home page with the world map');

    // the toggle is a radio group: arrow keys switch to the countries of origin
    await tabTo(page, 'input[type="radio"][value="RESIDENCE"]');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.locator('[data-testid="world-map"] a').first().getAttribute('href'))
      .toMatch(/^\/directory\?origin=[A-Z]{2}$/);
    // every answer for the map is in (a late one re-renders its links and takes the focus with them)
    await page.waitForLoadState('networkidle');

    await tabTo(page, '[data-testid="world-map"] a');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    const count = Number(label.match(/: (\d+) organizations?$/)?.[1]);
    expect(count).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    // the directory shows exactly the organizations the map counted for that country
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toBe(count === 1 ? '1 organization' : `${count} organizations`);
    const code = href.slice(-2);
    // the filter shows the country once the reference lists (asked after the first results) have arrived
    await expect.poll(() => page.getByLabel('Country of origin').inputValue()).toBe(code);
    await context.close();
  });
});
