// npm run screenshots: PNGs of the portal's main pages at desktop (1280×800) and phone (390×844)
// widths in docs/screenshots/, taken in Debian's Chromium against the built API with the demo data.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, DEMO_PASSWORD, FLAGS, repo, startPortal } from './portal-server.mjs';

const OUT = join(repo, 'docs/screenshots');
const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};
const NOT_FOUND = 'Page not found';
const DEMO_USER = 'amina.owusu@demo.example';

/** Public pages first, then the signed-in ones; `ready` waits for the page's data. */
const PAGES = [
  { name: 'home', path: '/', ready: (page) => page.getByTestId('world-map').waitFor() },
  { name: 'directory', path: '/directory', ready: (page) => page.getByTestId('organization-card').first().waitFor() },
  {
    name: 'directory-filtered',
    path: '/directory?residence=GB',
    ready: (page) => page.getByTestId('organization-card').first().waitFor(),
  },
  {
    name: 'organization',
    path: null, // the first organization of the directory
    ready: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
  },
  { name: 'sign-in', path: '/sign-in', ready: (page) => page.getByLabel('E-mail address').waitFor() },
  { name: 'sign-up', path: '/sign-up', ready: (page) => page.getByRole('heading', { level: 1 }).waitFor() },
  { name: 'my-organizations', path: '/me/organizations', signedIn: true },
  // pages that exist once their part of the portal is built: taken when the route answers
  { name: 'funding', path: '/funding', signedIn: true, optional: true },
  { name: 'trainings', path: '/trainings', signedIn: true, optional: true },
  { name: 'notifications', path: '/notifications', signedIn: true, optional: true },
  { name: 'settings', path: '/me/settings', signedIn: true, optional: true },
  // the workspaces of part 2, each as a demo user who has one
  { name: 'funder-funds', path: '/funder', user: 'lena.keller@demo.example', optional: true },
  { name: 'funder-inbox', path: '/funder/applications', user: 'lena.keller@demo.example', optional: true },
  { name: 'government', path: '/government', user: 'lena.keller@demo.example', optional: true },
  {
    name: 'government-counterparts',
    path: '/government/counterparts',
    user: 'lena.keller@demo.example',
    optional: true,
  },
  { name: 'provider', path: '/provider', user: 'pieter.devries@demo.example', optional: true },
  { name: 'moderation', path: '/moderation/verification', user: 'moderator@demo.example', optional: true },
];

/** Who is signed in for a page: nobody, the diaspora demo user, or the workspace's user. */
const userOf = (entry) => entry.user ?? (entry.signedIn ? DEMO_USER : null);

async function signIn(page, email) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/me\//);
}

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  // no loader left spinning, fonts and images in place
  await page
    .waitForFunction(() => !document.querySelector('.mantine-Loader-root'), null, { timeout: 10_000 })
    .catch(() => {});
  await page.evaluate(() => document.fonts.ready);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  console.log('Starting the API with the demo data (about a minute)…');
  const portal = await startPortal();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const written = [];
  try {
    for (const [size, viewport] of Object.entries(SIZES)) {
      let context = null;
      let page = null;
      let user;
      let organizationPath = null;
      for (const entry of PAGES) {
        if (!context || userOf(entry) !== user) {
          // each user in a fresh context, so one's session never shows in another's pages
          await context?.close();
          user = userOf(entry);
          context = await browser.newContext({ baseURL: portal.url, viewport, locale: 'en-GB' });
          page = await context.newPage();
          page.setDefaultTimeout(20_000);
          if (user) await signIn(page, user);
        }
        const path = entry.path ?? organizationPath;
        if (!path) continue;
        await page.goto(path);
        if (entry.ready) await entry.ready(page);
        await settle(page);
        if (entry.optional && (await page.getByRole('heading', { level: 1, name: NOT_FOUND }).count()) > 0) continue;
        if (entry.name === 'directory' && !organizationPath)
          organizationPath = await page.getByTestId('organization-card').first().getByRole('link').getAttribute('href');
        const file = join(OUT, `${entry.name}-${size}.png`);
        await page.screenshot({ path: file, fullPage: false });
        written.push(file);
        console.log(`  ${file.slice(repo.length + 1)}`);
      }
      await context?.close();
    }
  } finally {
    await browser.close();
    await portal.stop();
  }
  console.log(`${written.length} screenshots written to docs/screenshots/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
