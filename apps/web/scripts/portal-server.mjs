// Starts the built API (dist/) serving the built portal (apps/web/dist) on a fresh embedded database
// (a temporary DATA_DIR) with the demo data, as the browser tests' global setup does. Used by
// `npm run screenshots` and `npm run bench:portal`.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
export const DEMO_PASSWORD = 'demo-password-2026';

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Resolves to { url, stop() } once /health answers (the first start loads the demo data: about a minute). */
export async function startPortal({ timeoutMs = 300_000 } = {}) {
  // API_MAIN and WEB_DIST_DIR: builds kept elsewhere (as for the browser tests)
  const main = resolve(process.env.API_MAIN ?? join(repo, 'dist/api/main.js'));
  const web = resolve(process.env.WEB_DIST_DIR ?? join(repo, 'apps/web/dist'));
  for (const [what, path] of [
    ['the API (npm run build)', main],
    ['the portal (npm run build:web)', join(web, 'index.html')],
  ]) {
    if (!existsSync(path)) throw new Error(`Build ${what} first: ${path} is missing`);
  }
  const root = mkdtempSync(join(tmpdir(), 'nexus-portal-'));
  const dataDir = join(root, 'data');
  // a copy of the built portal: a rebuild of apps/web/dist while the script runs changes nothing
  const webCopy = join(root, 'web');
  cpSync(web, webCopy, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
    DEMO_DATA: 'true',
    WEB_DIST_DIR: webCopy,
    LOG_LEVEL: 'warn',
    PUBLIC_WEB_URL: url,
  };
  let log = '';
  const child = spawn(process.execPath, [main], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
    rmSync(root, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The API exited with ${child.exitCode}:\n${log.slice(-4000)}`);
    }
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API did not answer /health in time:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, stop };
}
