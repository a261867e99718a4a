import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/** Debian's Chromium (apt-get install chromium); never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const baseUrl = () => inject('baseUrl');

/** A browser with a fresh profile (Playwright gives every launch a new temporary user-data-dir). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 30_000 });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function newPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? 'en-GB',
    // the portal then opens menus and dialogs without a fade, so axe never reads a half-faded colour
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Runs axe (WCAG 2.x A and AA rules) on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string) {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility of ${what}`).toEqual([]);
}

/** Waits two frames, then for every CSS transition or animation that has an end (a fade in progress lowers contrast). */
async function settled(page: Page) {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // a spinner's endless animation has no end to wait for
    const ending = document
      .getAnimations()
      .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)));
    await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  });
}

/** Nothing wider than the screen: no sideways scrolling on a phone. */
export async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    screen: window.innerWidth,
  }));
  expect(widths.content).toBeLessThanOrEqual(widths.screen);
}

export const DEMO_PASSWORD = 'demo-password-2026';

/** Signs in with a demo account's e-mail (the demo password) through the sign-in page. */
export async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/me\/organizations/);
}

/** Picks one option of a searchable multi-select by typing part of its label. */
export async function pick(page: Page, label: string, text: string, option: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(text);
  // the combobox's own options (a native select on the page may offer the same label)
  await page.getByRole('option', { name: option, exact: true }).and(page.locator('[data-combobox-option]')).click();
  await page.keyboard.press('Escape');
}

/**
 * The API seen from outside the browser, signed in as `email` with its own session: to check what
 * the pages stored, or to act as another person (a funder deciding, a provider completing) while a
 * page stays open. GraphQL errors fail the test.
 */
export async function apiAs(email: string, password = DEMO_PASSWORD) {
  const signedIn = await fetch(`${baseUrl()}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  expect(accessToken, `sign-in of ${email}`).toBeTruthy();
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

/** Creates an account through the sign-up page (no e-mail confirmation outside production) and waits to be signed in. */
export async function signUp(page: Page, person: { name: string; email: string; password: string }) {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('E-mail address').fill(person.email);
  await page.locator('input[autocomplete="new-password"]').fill(person.password);
  await page.getByRole('button', { name: 'Create the account' }).click();
  await page.waitForURL(/\/me\/organizations/);
}
