import { ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export { freePort } from './private-servers.js';

/** The API as `npm start` and the image run it: the bundle (scripts/bundle-api.mjs). */
export const BUNDLED_API = join(process.cwd(), 'dist/api/main.js');

/**
 * Builds dist/ when the bundle is missing or older than the sources a test relies on (`marker`: a compiled file
 * and a string it must contain).
 */
export function buildUnlessCurrent(marker?: { file: string; contains: string }) {
  const stale =
    !existsSync(BUNDLED_API) ||
    (marker && (!existsSync(marker.file) || !readFileSync(marker.file, 'utf8').includes(marker.contains)));
  if (stale) execSync('npm run build', { stdio: 'inherit' });
}

export interface RunningApi {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `node dist/api/main.js` with `env` (in `cwd`) and waits for its "API ready" line. */
export function startBundledApi(env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<RunningApi> {
  let output = '';
  const child = spawn(process.execPath, [BUNDLED_API], { env, cwd, stdio: 'pipe' });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API did not start:\n${output}`)), 150_000);
    const check = setInterval(() => {
      if (output.includes('API ready')) {
        clearTimeout(timer);
        clearInterval(check);
        resolve({ child, output: () => output, stop });
      }
    }, 50);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`The API exited with ${code}:\n${output}`));
    });
  });
}
