import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const repo = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The API did not answer /health within ${timeoutMs / 1000} s:\n${output()}`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts the built API (dist/) with the built portal on a fresh embedded database with the demo data. */
export default async function setup(project: TestProject) {
  // API_MAIN and WEB_DIST_DIR let a developer test builds kept elsewhere (e.g. two checkouts side by side)
  const main = resolve(process.env.API_MAIN ?? join(repo, 'dist/api/main.js'));
  const web = resolve(process.env.WEB_DIST_DIR ?? join(repo, 'apps/web/dist'));
  for (const [what, path] of [
    ['the API (npm run build)', main],
    ['the portal (npm run build:web)', join(web, 'index.html')],
  ]) {
    if (!existsSync(path)) throw new Error(`Build ${what} before the browser tests: ${path} is missing`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'nexus-browser-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
    DEMO_DATA: 'true',
    WEB_DIST_DIR: web,
    LOG_LEVEL: 'warn',
    PUBLIC_WEB_URL: `http://127.0.0.1:${port}`,
  };
  let log = '';
  const child = spawn(process.execPath, [main], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  try {
    // the first start creates the database and loads the demo data (about a minute on 2 cores)
    await waitForHealth(url, child, () => log.slice(-4000), 240_000);
  } catch (error) {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', url);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
