import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * npm run bench:hardening — does a hostile client stall the API? Starts the built API in a process of
 * its own (embedded database in memory, or DATABASE_URL), then for BENCH_SECONDS (30) sends, from
 * BENCH_ATTACKERS (4) concurrent loops, the two requests of issue 11: a 300 KB list variable of the
 * wrong type, and an alias bomb of 1,000 `fundCandidates`. Meanwhile it reads /health every 50 ms and
 * prints its latency (p50, p99, max) idle and under attack, and what the attack requests answered.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const attackers = Number(process.env.BENCH_ATTACKERS ?? 4);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  return `n=${sorted.length} p50=${f(percentile(sorted, 50))} ms p99=${f(percentile(sorted, 99))} ms max=${f(sorted[sorted.length - 1])} ms`;
}

/** Reads /health every 50 ms until `until`; returns the latencies (a failed read counts as its time). */
async function probe(base: string, until: number): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  while (performance.now() < until) {
    const started = performance.now();
    const res = await fetch(`${base}/health`).catch(() => null);
    if (!res || res.status !== 200) failures++;
    await res?.text();
    latencies.push(performance.now() - started);
    await sleep(50);
  }
  return { latencies, failures };
}

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: 'production',
      JWT_SECRET: randomUUID().repeat(2),
      DATA_DIR: 'memory',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${base}/health`).catch(() => null))?.status === 200) break;
      if (i > 600) throw new Error('the API did not start');
      await sleep(100);
    }
    console.log(
      `API on ${base} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}); ${attackers} attackers for ${seconds} s`,
    );
    const idle = await probe(base, performance.now() + 5000);
    console.log(`/health idle:         ${summary(idle.latencies)}`);

    const list = JSON.stringify({
      query: 'query($a:[String!]){organizations(filter:{countriesOfOrigin:$a}){totalCount}}',
      variables: { a: Array.from({ length: 150_000 }, () => 1) },
    });
    const fundId = randomUUID();
    const bomb = JSON.stringify({
      query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: fundCandidates(fundId: "${fundId}", first: 1) { score }`).join(' ')} }`,
    });
    const statuses = new Map<string, number>();
    const attackLatencies: number[] = [];
    const until = performance.now() + seconds * 1000;
    const attack = async (n: number) => {
      for (let i = n; performance.now() < until; i++) {
        const started = performance.now();
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: i % 2 ? list : bomb,
        }).catch(() => null);
        await res?.text();
        attackLatencies.push(performance.now() - started);
        const key = `${i % 2 ? '300 KB list' : 'alias bomb'} → ${res?.status ?? 'failed'}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    };
    const [loaded] = await Promise.all([probe(base, until), ...Array.from({ length: attackers }, (_, n) => attack(n))]);
    console.log(`/health under attack: ${summary(loaded.latencies)}; failed reads: ${loaded.failures}`);
    console.log(`attack requests:      ${summary(attackLatencies)}`);
    for (const [key, count] of [...statuses].sort()) console.log(`  ${key}: ${count}`);
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
