import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import autocannon from 'autocannon';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { seedApiExtras, seedSynthetic } from '../seed-synthetic.js';
import { BENCH_PG_SQL } from './bench-pg.js';
import type { ProbeStats } from './probe.js';
import { BenchContext, HttpRequest, ServerName, WORKLOADS, dataOf } from './workloads.js';

/**
 * npm run bench:api — this API, PostGraphile v4 and a raw pg + node:http server on one PostgreSQL
 * database (DATABASE_URL; default the database bench_api of the local server, created if missing),
 * each alone while measured: checks that they return the same rows for each workload (exit 1 if
 * not), then measures each with autocannon. See docs/performance.md.
 *
 * Flags: --size full|small, --duration s (20), --warmup s (10), --rounds n (3), --connections n (16),
 * --only workload[,workload] (names in workloads.ts), --servers api,postgraphile,raw.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..'); // the build's root: <outDir>/bench/api → <outDir>
const SERVERS: ServerName[] = ['api', 'postgraphile', 'raw'];
const SEED = 'nexus-2026';
const PASSWORD = 'bench-member-password-2026';
const POOL_SIZE = '10';

function flags() {
  const args = process.argv.slice(2);
  const get = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const size = get('size', 'full');
  if (size !== 'full' && size !== 'small') throw new Error('--size is full or small');
  const only = get('only', '');
  const servers = get('servers', SERVERS.join(',')).split(',') as ServerName[];
  const unknown = [
    ...only.split(',').filter((w) => w && !WORKLOADS.some((x) => x.name === w)),
    ...servers.filter((s) => !SERVERS.includes(s)),
  ];
  if (unknown.length) throw new Error(`Unknown workload or server: ${unknown.join(', ')}`);
  return {
    size,
    counts:
      size === 'small'
        ? { organizations: 5_000, projects: 10_000, funds: 500 }
        : { organizations: 100_000, projects: 200_000, funds: 10_000 },
    duration: Number(get('duration', '20')),
    warmup: Number(get('warmup', '10')),
    rounds: Number(get('rounds', '3')),
    connections: Number(get('connections', '16')),
    workloads: only ? WORKLOADS.filter((w) => only.split(',').includes(w.name)) : WORKLOADS,
    servers,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Creates the database DATABASE_URL names when missing; never the tests' database. */
async function ensureDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name || name === 'test') throw new Error(`Refusing to benchmark in the database "${name}" (tests use it)`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rows.length) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created the database ${name}`);
    }
  } finally {
    await client.end();
  }
}

interface Running {
  name: ServerName;
  child: ChildProcess;
  base: string;
  token?: string;
}

/** The Node flags the API is started with in production: those of package.json's `start:prod`. */
function apiNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return scripts['start:prod'].split(/\s+/).filter((word) => word.startsWith('--'));
}

async function start(name: ServerName, databaseUrl: string, withToken = true): Promise<Running> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // a minimal environment: what each server reads, nothing of this shell's
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    DB_POOL_SIZE: POOL_SIZE,
    NODE_ENV: 'production',
  };
  const main = {
    api: join(root, 'apps', 'api', 'src', 'main.js'),
    postgraphile: join(here, 'postgraphile-server.js'),
    raw: join(here, 'raw-server.js'),
  }[name];
  if (name === 'api') {
    Object.assign(env, {
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'error', // not every slow statement under load
      DEMO_DATA: 'false',
      DATA_DIR: 'memory',
      // one client sending fundMatches thousands of times a minute: no per-client budget
      EXPENSIVE_BUDGET_POINTS: String(Number.MAX_SAFE_INTEGER),
    });
  }
  const child = spawn(
    process.execPath,
    [...(name === 'api' ? apiNodeFlags() : []), '--import', join(here, 'probe.js'), main],
    {
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  let ready = false;
  let exited = false;
  child.on('message', (m) => {
    if (m === 'bench:ready') ready = true;
  });
  child.on('exit', () => (exited = true));
  for (let i = 0; !ready; i++) {
    if (exited) throw new Error(`${name} exited while starting`);
    if (i > 1200) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start in 120 s`);
    }
    if (name === 'api') ready = (await fetch(`${base}/health`).catch(() => null))?.status === 200;
    if (!ready) await sleep(100);
  }
  const running: Running = { name, child, base };
  if (name === 'api' && withToken) {
    try {
      running.token = await signIn(base);
    } catch (error) {
      await stop(running);
      throw error;
    }
  }
  return running;
}

async function stop(server: Running) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function stats(server: Running): Promise<ProbeStats> {
  return new Promise((resolve) => {
    const listener = (m: any) => {
      if (m?.['bench:stats']) {
        server.child.off('message', listener);
        resolve(m['bench:stats'] as ProbeStats);
      }
    };
    server.child.on('message', listener);
    server.child.send('bench:stats');
  });
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: 'bench-member@bench.invalid', p: PASSWORD },
    }),
  });
  return dataOf(await res.json()).login.accessToken;
}

/** The Accept header the portal's GraphQL client (@urql/core) sends with every query. */
const PORTAL_ACCEPT =
  'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';

/** This API gets the portal's headers (its answers' type is negotiated from them); the others ignore Accept. */
function headersOf(server: Running, request: HttpRequest): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(server.name === 'api' ? { accept: PORTAL_ACCEPT } : {}),
    ...(request.auth && server.token ? { authorization: `Bearer ${server.token}` } : {}),
  };
}

async function send(server: Running, request: HttpRequest): Promise<any> {
  const res = await fetch(server.base + request.path, {
    method: request.method,
    headers: headersOf(server, request),
    body: request.body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${server.name} ${request.path}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** Loads the data set unless this size of it is already there (the marker row says so). */
async function load(databaseUrl: string, size: string, counts: Parameters<typeof seedSynthetic>[2]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const marker = `bench-api-marker-${SEED}-${size}`;
    const { rows } = await client.query('SELECT 1 FROM organization WHERE slug = $1', [marker]);
    if (!rows.length) {
      const started = performance.now();
      const runner = { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows };
      await seedSynthetic(runner as unknown as QueryRunner, SEED, counts);
      await seedApiExtras(runner as unknown as QueryRunner, SEED, await hash(PASSWORD));
      await client.query(`INSERT INTO organization (slug, name, kind) VALUES ($1, 'Bench marker', 'NGO')`, [marker]);
      console.log(`Loaded the ${size} data set in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else {
      console.log(`The ${size} data set is already loaded`);
    }
    await client.query(BENCH_PG_SQL);
    const [organization] = (
      await client.query(`SELECT o.id, o.slug FROM organization o JOIN membership m ON m.organization_id = o.id
        JOIN app_user u ON u.id = m.user_id WHERE u.email = 'bench-member@bench.invalid'`)
    ).rows;
    const [fund] = (
      await client.query(
        `SELECT id FROM fund WHERE title LIKE 'Bench fund %' AND status = 'OPEN' ORDER BY length(title), title LIMIT 1`,
      )
    ).rows;
    return { organizationId: organization.id, slug: organization.slug, fundId: fund.id };
  } finally {
    await client.end();
  }
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  cpuMs: number;
  /** CPU of PostgreSQL's processes per request, when they run on this machine (Linux); else undefined. */
  dbCpuMs?: number;
  failed: number;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * The CPU time (ms) all processes named `postgres` on this machine have used (their /proc stat), or undefined
 * where there is no /proc or no such process (a database on another machine). The database's share of a
 * request: what the servers make PostgreSQL do beside their own CPU.
 */
function postgresCpuMs(): number | undefined {
  let ticks = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  for (const pid of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    const fields = stat.slice(close + 2).split(' '); // from the 3rd field (state) on
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (14th and 15th fields)
    found = true;
  }
  return found ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
}

const dbCpu = (ms: Measure[]) =>
  ms.every((m) => m.dbCpuMs !== undefined) ? fmt(median(ms.map((m) => m.dbCpuMs!)), 2) : '–';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(server: Running, request: HttpRequest, opts: ReturnType<typeof flags>): Promise<Measure> {
  const options = {
    url: server.base + request.path,
    method: request.method,
    body: request.body,
    headers: headersOf(server, request),
    connections: opts.connections,
  };
  if (opts.warmup > 0) await autocannon({ ...options, duration: opts.warmup });
  const before = await stats(server);
  const dbBefore = postgresCpuMs();
  const result = await autocannon({ ...options, duration: opts.duration });
  const dbAfter = postgresCpuMs();
  const after = await stats(server);
  const done = result.requests.total || 1;
  const cpu = after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMs: cpu / 1000 / done,
    dbCpuMs: dbBefore !== undefined && dbAfter !== undefined ? (dbAfter - dbBefore) / done : undefined,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n)
    ? '–'
    : n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main() {
  const opts = flags();
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_api';
  const loadStart = loadavg();
  console.log(
    `Database ${new URL(databaseUrl).pathname.slice(1)}; ${opts.size} data set ${JSON.stringify(opts.counts)}`,
  );
  await ensureDatabase(databaseUrl);
  // the API migrates the database when it starts
  await stop(await start('api', databaseUrl, false));
  const ctx: BenchContext = { ...(await load(databaseUrl, opts.size, opts.counts)), search: 'water', origin: 'GH' };

  // 1. the same rows from every server, and the SQL statements each sends per request
  const answers = new Map<string, Map<ServerName, string[]>>();
  const statements = new Map<string, Map<ServerName, number>>();
  for (const name of opts.servers) {
    const server = await start(name, databaseUrl);
    try {
      for (const w of opts.workloads) {
        const request = w.requests(ctx)[name];
        if (!request) continue;
        const ids = w.ids(name, await send(server, request));
        (answers.get(w.name) ?? answers.set(w.name, new Map()).get(w.name)!).set(name, ids);
        const before = await stats(server);
        const n = 10;
        for (let i = 0; i < n; i++) await send(server, request);
        const after = await stats(server);
        const perRequest = (after.statements - before.statements) / n;
        (statements.get(w.name) ?? statements.set(w.name, new Map()).get(w.name)!).set(name, perRequest);
      }
    } finally {
      await stop(server);
    }
  }
  const mismatches: string[] = [];
  for (const w of opts.workloads) {
    const byServer = answers.get(w.name)!;
    const [first, ...others] = [...byServer.entries()];
    console.log(`${w.name}: ${first[1].length} rows (${first[1].slice(0, 3).join(' ')} …)`);
    if (first[1].length < 2 && w.name !== 'typename') mismatches.push(`${w.name}: too few rows from ${first[0]}`);
    for (const [server, ids] of others) {
      if (ids.join() !== first[1].join()) {
        const at = ids.findIndex((id, i) => id !== first[1][i]);
        mismatches.push(
          `${w.name}: ${server} differs from ${first[0]} at row ${at} (${ids[at]} ≠ ${first[1][at]}; ${ids.length} vs ${first[1].length} rows)`,
        );
      }
    }
  }
  if (mismatches.length) {
    console.error(`\n!!! ROW MISMATCH — the servers do not return the same rows:\n  ${mismatches.join('\n  ')}\n`);
    process.exit(1);
  }
  console.log('Same rows from every server for every workload.\n');

  // 2. interleaved rounds: each server alone on the machine while it is measured
  const results = new Map<string, Map<ServerName, Measure[]>>();
  let failed = 0;
  for (let round = 0; round < opts.rounds; round++) {
    const order = opts.servers.map((_, i) => opts.servers[(i + round) % opts.servers.length]);
    for (const name of order) {
      const server = await start(name, databaseUrl);
      try {
        for (const w of opts.workloads) {
          const request = w.requests(ctx)[name];
          if (!request) continue;
          const m = await measure(server, request, opts);
          if (m.failed) console.error(`!!! ${name} ${w.name}: ${m.failed} failed requests (errors, timeouts, non-2xx)`);
          failed += m.failed;
          console.log(
            `round ${round + 1} ${name.padEnd(12)} ${w.name.padEnd(12)} ${fmt(m.rps, 1).padStart(9)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  ${fmt(m.cpuMs, 2)} CPU ms/req  ${fmt(m.dbCpuMs, 2)} DB CPU ms/req`,
          );
          const byServer = results.get(w.name) ?? results.set(w.name, new Map()).get(w.name)!;
          byServer.set(name, [...(byServer.get(name) ?? []), m]);
        }
      } finally {
        await stop(server);
      }
    }
  }
  const loadEnd = loadavg();

  // 3. the table
  const lines = [
    `| workload | server | req/s | p50 ms | p99 ms | CPU ms/req | DB CPU ms/req | SQL statements/req |`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  const ratios = [`| workload | API ÷ PostGraphile | API ÷ raw |`, `| --- | ---: | ---: |`];
  for (const w of opts.workloads) {
    const rps: Partial<Record<ServerName, number>> = {};
    for (const name of opts.servers) {
      const ms = results.get(w.name)?.get(name) ?? [];
      if (!ms.length && !statements.get(w.name)?.has(name)) continue; // no request of this server
      rps[name] = ms.length ? median(ms.map((m) => m.rps)) : undefined;
      lines.push(
        `| ${w.label} | ${name} | ${fmt(rps[name], (rps[name] ?? 0) < 100 ? 1 : 0)} | ${fmt(median(ms.map((m) => m.p50)))} | ${fmt(median(ms.map((m) => m.p99)))} | ${fmt(median(ms.map((m) => m.cpuMs)), 2)} | ${dbCpu(ms)} | ${fmt(statements.get(w.name)?.get(name), 1)} |`,
      );
    }
    const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2) : '–');
    ratios.push(`| ${w.label} | ${ratio(rps.api, rps.postgraphile)} | ${ratio(rps.api, rps.raw)} |`);
  }
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `\n${opts.size} data set; ${opts.connections} connections, ${opts.warmup} s warm-up, ${opts.duration} s measured, ` +
      `${opts.rounds} round(s), median of rounds; load average at start ${loads(loadStart)}, at end ${loads(loadEnd)}\n`,
  );
  console.log(lines.join('\n'));
  console.log(`\n${ratios.join('\n')}`);
  if (failed) {
    console.error(`\n!!! ${failed} requests failed while measuring: the figures above are not comparable`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
