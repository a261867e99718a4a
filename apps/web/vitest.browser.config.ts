import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built API and portal on the embedded database with the demo data, driven in
 * Debian's Chromium by playwright-core (no browser download). One API for all files (global setup),
 * files one after another: the machine is small and the tests must not race for it.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
