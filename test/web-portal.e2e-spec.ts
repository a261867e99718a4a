import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp } from './support/test-app.js';

/** The API serves the built portal (here a stand-in build in a temporary folder, WEB_DIST_DIR). */
describe('The portal served by the API', () => {
  let t: TestApp;
  let dir: string;
  const INDEX =
    '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head></html>';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nexus-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets/index-AbC123.js'), 'console.log("portal")');
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
    process.env.WEB_DIST_DIR = dir;
    t = await TestApp.start();
  });
  afterAll(async () => {
    delete process.env.WEB_DIST_DIR;
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const html = { accept: 'text/html,application/xhtml+xml' };

  it('answers index.html at / and for client routes, revalidated on every load, with a strict CSP', async () => {
    for (const path of [
      '/',
      '/directory',
      '/organizations/ghana-hometown-association',
      '/funds/123',
      '/register/tok',
    ]) {
      const res = await fetch(`${t.url}${path}`, { headers: html });
      expect([path, res.status]).toEqual([path, 200]);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('caches hashed assets for a year as immutable, and a missing asset is a 404, not the page', async () => {
    const res = await fetch(`${t.url}/assets/index-AbC123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toContain('javascript');
    const missing = await fetch(`${t.url}/assets/index-Gone99.js`, { headers: html });
    expect(missing.status).toBe(404);
    const robots = await fetch(`${t.url}/robots.txt`);
    expect([robots.status, robots.headers.get('cache-control')]).toEqual([200, 'no-cache']);
  });

  it('leaves the API paths to the API', async () => {
    const graphql = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(`${t.url}/health`, { headers: html })).status).toBe(200);
    expect(await (await fetch(`${t.url}/graphiql`, { headers: html })).text()).toContain('GraphiQL');
    for (const path of ['/auth/refresh', '/files/x', '/exports/x', '/calendar/x', '/graphiql/assets/nope.js']) {
      const res = await fetch(`${t.url}${path}`, { headers: html });
      expect([path, res.status === 200 && (await res.text()) === INDEX]).toEqual([path, false]);
    }
  });

  it('answers JSON clients of unknown paths with a 404 instead of the page', async () => {
    const res = await fetch(`${t.url}/no-such-endpoint`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
  });
});
