// npm run bench:portal: how fast the directory page becomes usable, measured in Debian's Chromium with
// the Performance API against the built API on the embedded database with the demo data. Each run is a
// fresh browser context (empty cache); the time is from the start of the navigation to the moment the
// first page of results is rendered (the `directory-results-rendered` mark of the Directory page),
// which comes after the page's JavaScript is running (domInteractive). Target: ≤ 1.5 s.
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS, startPortal } from './portal-server.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const TARGET_MS = 1500;
const MARK = 'directory-results-rendered';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${Math.round(value)} ms`;

async function main() {
  // PORTAL_URL: measure a portal already running (with the demo data) instead of starting one
  if (!process.env.PORTAL_URL) console.log('Starting the API with the demo data (about a minute)…');
  const portal = process.env.PORTAL_URL ? { url: process.env.PORTAL_URL, stop: async () => {} } : await startPortal();
  // the API is stopped whatever fails, a browser that cannot start included
  const browser = await chromium
    .launch({ executablePath: CHROMIUM, headless: true, args: FLAGS })
    .catch(async (error) => {
      await portal.stop();
      throw error;
    });
  const runs = [];
  try {
    // one untimed visit warms the server (first queries, JIT), as a running server would be
    const warm = await browser.newContext({ baseURL: portal.url });
    await (await warm.newPage()).goto('/directory', { waitUntil: 'networkidle' });
    await warm.close();
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ baseURL: portal.url, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto('/directory');
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 30_000 });
      const timing = await page.evaluate((mark) => {
        const [nav] = performance.getEntriesByType('navigation');
        const [rendered] = performance.getEntriesByName(mark);
        // the waterfall: what the page fetched, when it started and when it ended (ms from navigation)
        const resources = performance.getEntriesByType('resource').map((entry) => ({
          name: entry.name.replace(location.origin, ''),
          start: entry.startTime,
          end: entry.responseEnd,
          server: entry.serverTiming?.map((t) => `${t.name}=${Math.round(t.duration)}`).join(' ') ?? '',
        }));
        return {
          resources,
          ttfb: nav.responseStart,
          domInteractive: nav.domInteractive,
          domContentLoaded: nav.domContentLoadedEventEnd,
          results: rendered.startTime,
        };
      }, MARK);
      const interactive = Math.max(timing.domInteractive, timing.results);
      runs.push({ interactive });
      console.log(
        `run ${i + 1}: interactive with results ${ms(interactive)} (first byte ${ms(timing.ttfb)}, ` +
          `DOM interactive ${ms(timing.domInteractive)}, DOMContentLoaded ${ms(timing.domContentLoaded)})`,
      );
      if (process.env.WATERFALL)
        for (const r of timing.resources)
          console.log(`    ${ms(r.start).padStart(8)} → ${ms(r.end).padStart(8)}  ${r.name.slice(0, 70)} ${r.server}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await portal.stop();
  }
  const values = runs.map((run) => run.interactive);
  const med = median(values);
  const max = Math.max(...values);
  console.log(`directory interactive: median ${ms(med)}, max ${ms(max)} over ${RUNS} runs (target ≤ ${TARGET_MS} ms)`);
  if (med > TARGET_MS) {
    console.log('median above the target');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
