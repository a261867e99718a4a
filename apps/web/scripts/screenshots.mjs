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
];

async function signIn(page) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(DEMO_USER);
  await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/me\/organizations/);
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
      const context = await browser.newContext({ baseURL: portal.url, viewport, locale: 'en-GB' });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      let organizationPath = null;
      let signedIn = false;
      for (const entry of PAGES) {
        if (entry.signedIn && !signedIn) {
          await signIn(page);
          signedIn = true;
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
      await context.close();
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
