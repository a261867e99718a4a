import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUnlessCurrent, freePort, RunningApi, startBundledApi } from './support/bundled-api.js';

/*
 * The admin CLI run while the API is up on the same embedded data folder (DATA_DIR): the API holds
 * DATA_DIR/embedded-database.lock with its PGlite socket; the CLI finds it and writes through that
 * socket instead of opening a second PGlite on the folder (whose writes were lost). Real processes
 * from dist/, on a temporary folder; the same on both legs (the embedded database is the subject).
 */
const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');
const LOCK = 'embedded-database.lock';
const PASSWORD = 'correct-horse-battery';

describe('The admin CLI while the API runs on the same embedded data folder', () => {
  let dataDir: string;
  let port: number;
  let api: RunningApi | undefined;
  const env = () => ({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: '', // the embedded database, on both legs
    REDIS_URL: '',
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    GRAPHQL_EXPLORER: 'false',
    LOG_LEVEL: 'log',
  });

  const startApi = () => startBundledApi({ ...env(), PORT: String(port) });
  async function stopApi() {
    const running = api;
    api = undefined;
    await running?.stop();
  }

  function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [CLI, ...args], { env: env(), timeout: 120_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  }
  const register = (email: string) =>
    gql(`mutation($i: RegisterInput!) { register(input: $i) { user { id } } }`, {
      i: { email, password: PASSWORD, name: 'Amina Diallo' },
    });
  const roleOf = async (email: string) =>
    (
      await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { platformRole } } }`, {
        e: email,
        p: PASSWORD,
      })
    ).login.user.platformRole as string;

  beforeAll(async () => {
    // the processes run from dist/: build it when it is missing or predates the lock
    buildUnlessCurrent({ file: join(process.cwd(), 'dist/libs/persistence/src/embedded-database.js'), contains: LOCK });
    dataDir = mkdtempSync(join(tmpdir(), 'nexus-cli-api-'));
    port = await freePort();
  });
  afterAll(async () => {
    await stopApi();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes through the running API’s database: the change is visible at once and survives a restart', async () => {
    api = await startApi();
    const lock = JSON.parse(readFileSync(join(dataDir, LOCK), 'utf8'));
    expect(lock).toMatchObject({ pid: api.child.pid, host: '127.0.0.1' });
    expect(lock.port).toBeGreaterThan(0);
    await register('moderator-to-be@example.org');
    await register('admin-to-be@example.org');

    const promoted = await cli('user:promote', '--email', 'moderator-to-be@example.org', '--role', 'MODERATOR');
    expect(promoted).toMatchObject({ code: 0 });
    expect(promoted.stdout).toContain('moderator-to-be@example.org is now MODERATOR');
    expect(promoted.stdout).toMatch(/held by process \d+ \(the running API\): using it through 127\.0\.0\.1:\d+/);
    expect(promoted.stdout + promoted.stderr).not.toMatch(/Embedded PostgreSQL \(PGlite/); // it opened no PGlite of its own
    expect(await roleOf('moderator-to-be@example.org')).toBe('MODERATOR');

    await stopApi();
    expect(existsSync(join(dataDir, LOCK))).toBe(false); // released on a clean stop
  }, 300_000);

  it('takes over a stale lock (its process is gone) and refuses clearly when the holder does not answer', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(join(dataDir, LOCK), JSON.stringify({ pid: gone.pid, host: '127.0.0.1', port: 1, startedAt: '' }));
    const taken = await cli('user:promote', '--email', 'admin-to-be@example.org', '--role', 'ADMIN');
    expect(taken).toMatchObject({ code: 0 });
    expect(taken.stdout).toContain('admin-to-be@example.org is now ADMIN');
    expect(existsSync(join(dataDir, LOCK))).toBe(false);

    // a live holder (this test process) whose socket does not answer: exit code 1, nothing opened
    const closed = await freePort();
    writeFileSync(
      join(dataDir, LOCK),
      JSON.stringify({ pid: process.pid, host: '127.0.0.1', port: closed, startedAt: '' }),
    );
    const refused = await cli('user:promote', '--email', 'admin-to-be@example.org', '--role', 'USER');
    expect(refused.code).toBe(1);
    expect(refused.stderr + refused.stdout).toMatch(/The API \(process \d+\) is running on the data folder .* stop it/);
    rmSync(join(dataDir, LOCK));
  }, 300_000);

  it('after a restart the API sees both changes', async () => {
    api = await startApi();
    expect(await roleOf('moderator-to-be@example.org')).toBe('MODERATOR');
    expect(await roleOf('admin-to-be@example.org')).toBe('ADMIN');
    await stopApi();
  }, 300_000);
});
