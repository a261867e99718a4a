import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO_PASSWORD,
  expectAccessible,
  expectNoHorizontalScroll,
  launch,
  newPage,
  PHONE,
  signIn,
} from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * At `width` px, on the directory: no sideways scroll, and the fixed header holds everything (what
 * overflows it would be cut off, not scrollable, so it is measured), the sign-out button on screen.
 */
async function expectHeaderFits(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.goto('/directory');
  await expect.poll(() => page.getByTestId('organization-card').count()).toBeGreaterThan(0);
  await expectNoHorizontalScroll(page);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await expect.poll(() => signOut.isVisible()).toBe(true);
  const box = (await signOut.boundingBox())!;
  expect([width, box.x >= 0 && box.x + box.width <= width]).toEqual([width, true]);
  const header = await page.evaluate(() => {
    const element = document.querySelector('header')!;
    return { scroll: element.scrollWidth, client: element.clientWidth };
  });
  expect([width, header.scroll]).toEqual([width, header.client]);
}

describe('Home and directory (signed out)', () => {
  it('shows what the platform is, the counts, and searches the directory from the home page', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('The network of diaspora organizations');
    // the counts come from the API: the demo data has organizations
    await expect
      .poll(async () => Number((await page.getByTestId('count').first().textContent())?.replace(/\D/g, '')))
      .toBeGreaterThan(30);
    await expectAccessible(page, 'the home page');

    await page.getByLabel('Search the directory').fill('Ghana');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/directory\?q=Ghana/);
    await expect.poll(() => page.getByTestId('organization-card').count()).toBeGreaterThan(0);
    const names = await page.getByTestId('organization-card').getByRole('heading').allTextContents();
    expect(names).toContain('Ghana Hometown Association of London');
    await context.close();
  });

  it('filters the directory with facets, pages with a cursor, and opens an organization page', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/directory');
    const count = page.getByTestId('result-count');
    await expect.poll(() => count.textContent()).toMatch(/^\d+ organizations$/);
    const all = Number((await count.textContent())!.split(' ')[0]);
    expect(await page.getByTestId('organization-card').count()).toBe(12);
    await expectAccessible(page, 'the directory');

    // the next page comes after the first twelve
    await page.getByRole('button', { name: 'Show more organizations' }).click();
    await expect.poll(() => page.getByTestId('organization-card').count()).toBe(Math.min(24, all));

    // a facet narrows the results and is kept in the address
    await page.getByLabel('Country of origin').selectOption('GH');
    await page.waitForURL(/origin=GH/);
    await expect.poll(async () => Number((await count.textContent())!.split(' ')[0])).toBeLessThan(all);
    const origins = await page.getByTestId('organization-card').allTextContents();
    expect(origins.length).toBeGreaterThan(0);
    for (const card of origins) expect(card).toContain('Ghana');

    await page.getByRole('link', { name: 'Ghana Hometown Association of London' }).click();
    await page.waitForURL(/\/organizations\//);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Ghana Hometown Association of London');
    await expect.poll(() => page.getByRole('heading', { name: 'Projects' }).count()).toBe(1);
    await expectAccessible(page, 'an organization page');
    // the organization page works when opened directly (SPA fallback) too
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Ghana Hometown Association of London');
    await context.close();
  });

  it('works on a 390 px phone, with the navigation behind the menu button', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await page.goto('/directory');
    await expect.poll(() => page.getByTestId('organization-card').count()).toBeGreaterThan(0);
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).last().click();
    await page.waitForURL((url) => url.pathname === '/');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the home page on a phone');
    await context.close();
  });

  it('speaks French, with country names in French', async () => {
    const { context, page } = await newPage(browser, { locale: 'fr-FR' });
    await page.goto('/directory?origin=GH');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Annuaire des organisations');
    await expect
      .poll(() => page.getByTestId('organization-card').first().textContent())
      .toContain('Origine\u00a0: Ghana');
    await page.getByLabel('Langue de l’interface').selectOption('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Directory of organizations');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await context.close();
  });
});

describe('Signing in and out', () => {
  it('says when the e-mail address or password is wrong', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill('amina.owusu@demo.example');
    await page.locator('input[autocomplete="current-password"]').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toBe('Wrong e-mail address or password.');
    await expectAccessible(page, 'the sign-in page with an error');
    await context.close();
  });

  it('shows a validation error from the API next to the field it is about', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Test Person');
    await page.getByLabel('E-mail address').fill('not-an-address');
    await page.locator('input[autocomplete="new-password"]').fill('a-long-enough-password-2026');
    await page.getByRole('button', { name: 'Create the account' }).click();
    const email = page.getByLabel('E-mail address');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy.split(' ').map((id) =>
        page
          .locator(`[id="${id}"]`)
          .textContent()
          .catch(() => ''),
      ),
    );
    expect(messages.join(' ')).toContain('email must be a valid e-mail address');
    expect(await page.getByLabel('Your name').getAttribute('aria-invalid')).not.toBe('true');
    await expectAccessible(page, 'the sign-up page with an error');
    await context.close();
  });

  it('signs in with a demo account, keeps the session across reloads with no token in storage, and signs out', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/sign-in');
    await expectAccessible(page, 'the sign-in page');
    await page.getByLabel('E-mail address').fill('amina.owusu@demo.example');
    await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/me\/organizations/);
    await expect.poll(() => page.getByRole('link', { name: 'Ghana Hometown Association of London' }).count()).toBe(1);
    await expectAccessible(page, 'my organizations');

    // the refresh token is an HttpOnly cookie for /auth only; nothing in storage, nothing readable by scripts
    const cookies = await context.cookies();
    const refresh = cookies.find((c) => c.name === 'nexus_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth' });
    const storage = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage, c: document.cookie }),
    );
    expect(storage).not.toContain(refresh!.value);
    expect(storage).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT anywhere

    // a reload starts from nothing in memory: the cookie brings the session back
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('notifications-bell').count()).toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect((await context.cookies()).find((c) => c.name === 'nexus_refresh')).toBeUndefined();
    await page.goto('/me/organizations');
    await page.waitForURL(/\/sign-in/);
    await context.close();
  });

  it('keeps the header on the screen from a 390 px phone to a narrow laptop: sign out visible, nothing cut off', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await signIn(page, 'amina.owusu@demo.example');
    for (const width of [390, 800, 1000, 1280]) {
      await expectHeaderFits(page, width, 844);
    }
    // on the phone the language choice is in the menu
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('fr');
    await expect.poll(() => page.getByRole('button', { name: 'Se déconnecter' }).isVisible()).toBe(true);
    await context.close();
  });

  it('folds the links of a user with many workspaces into a "More" menu: nothing cut off at 1280, 1024 and 768 px', async () => {
    // the platform admin (who moderates) also manages a funder, a ministry and a training provider, and is a
    // member of an association; not the demo moderator, whose links the moderation journey follows
    const ADMIN = 'admin@demo.example';
    const api = await apiAs(ADMIN);
    const CREATE = `mutation($i: OrganizationInput!) { createOrganization(input: $i) { id } }`;
    for (const [kind, name] of [
      ['FUNDER', 'Header Test Foundation'],
      ['GOVERNMENT_AGENCY', 'Header Test Ministry'],
      ['TRAINING_PROVIDER', 'Header Test Academy'],
      ['DIASPORA_ORGANIZATION', 'Header Test Association'],
    ]) {
      await api(CREATE, {
        i: { name, kind, countriesOfOrigin: [], countriesOfResidence: ['BE'], languages: ['en'], themes: [] },
      });
    }
    const ALL = [
      'Home',
      'Directory',
      'My organizations',
      'Funding',
      'Capacity building',
      'Consultations',
      'My funds',
      'My training offers',
      'Verification queue',
    ];
    const { context, page } = await newPage(browser);
    await signIn(page, ADMIN);
    for (const width of [1280, 1024, 768]) {
      await expectHeaderFits(page, width, 900);
      const nav = page.getByTestId('top-nav');
      if (width >= 992) {
        // every link is either in the header, whole, or in the "More" menu
        await expect.poll(() => page.getByTestId('nav-more').count()).toBe(1);
        const inHeader = await nav.evaluate((element) => {
          const right = element.getBoundingClientRect().right;
          return [...element.querySelectorAll(':scope > a')].map((a) => ({
            text: a.textContent!,
            whole: a.getBoundingClientRect().right <= right + 0.5,
          }));
        });
        expect(inHeader.every((l) => l.whole)).toBe(true);
        await page.getByTestId('nav-more').click();
        const menu = page.getByRole('menu');
        await expect.poll(() => menu.getByRole('menuitem').count()).toBeGreaterThan(0);
        const inMenu = await menu.getByRole('menuitem').allTextContents();
        expect([...inHeader.map((l) => l.text), ...inMenu]).toEqual(ALL);
        await expectAccessible(page, `the header's "More" menu at ${width} px`);
        const last = menu.getByRole('menuitem', { name: 'Verification queue' });
        await last.click();
        await page.waitForURL(/\/moderation\/verification/);
        await expect.poll(() => page.getByTestId('nav-more').getAttribute('data-current')).toBe('true');
      } else {
        // below 992 px the links are behind the menu button, all of them
        await expect.poll(() => nav.isVisible()).toBe(false);
        await page.getByRole('button', { name: 'Open the menu' }).click();
        const drawer = page.getByRole('navigation', { name: 'Main navigation' }).last();
        await expect.poll(() => drawer.getByRole('link').allTextContents()).toEqual(ALL);
      }
    }
    await context.close();
  }, 120_000);
});
