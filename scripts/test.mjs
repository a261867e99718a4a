#!/usr/bin/env node
/**
 * `npm test`: with arguments, Jest alone with them (`npm test -- test/auth-tokens.e2e-spec.ts`); without,
 * every suite in turn — Jest (API), Vitest (the portal's components), then the browser tests (the built
 * API and portal in Chromium, on the embedded database; skipped when DATABASE_URL is set, as they would
 * not use it). Each suite runs even when an earlier one failed; the exit code is
 * non-zero when any failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const jest = ['node', ['--experimental-vm-modules', '--no-warnings', 'node_modules/jest/bin/jest.js', ...args]];
const suites = args.length
  ? [['API (Jest)', ...jest]]
  : [
      ['API (Jest)', ...jest],
      ['Portal components (Vitest)', 'npm', ['run', '--silent', 'test:web']],
      // always on the embedded database: the PostgreSQL leg (DATABASE_URL set) would run the same thing again
      ...(process.env.DATABASE_URL || !browserAvailable()
        ? []
        : [['Portal in the browser (Playwright + Chromium)', 'npm', ['run', '--silent', 'test:browser']]]),
    ];

/**
 * The browser tests need Debian's Chromium (never a downloaded browser). Without it they are skipped
 * with a visible notice on a developer's machine; in CI (CI=true, where .ci/run installs it) its
 * absence is a failure, so the suite can never be skipped silently there.
 */
function browserAvailable() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium) || process.env.CI) return true;
  console.warn(`\n==> Portal in the browser: SKIPPED, ${chromium} is missing (apt-get install -y chromium)`);
  return false;
}

const failed = [];
for (const [name, command, commandArgs] of suites) {
  if (suites.length > 1) console.log(`\n==> ${name}`);
  const { status, signal } = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (status !== 0) failed.push(`${name} (${signal ?? `exit ${status}`})`);
}
if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
