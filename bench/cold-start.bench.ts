import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLine, nodeLoopMs } from './machine-speed.js';

/**
 * `npm run bench:cold-start`: the embedded API's cold start with a warm data folder (issue 17: under 2 s to
 * /health). The built bundle (`dist/api/main.js`, as `npm run start:prod` runs it) is started once on a new data
 * folder (PGlite made, migrated, demo data loaded; the bundle's code cache written), then `--runs` more times on
 * that folder, each a new process timed from its spawn to the first 200 of GET /health (polled every 20 ms), then
 * stopped with SIGTERM. Prints every start, the median, and the machine's speed beside them: on this workplace's
 * machines the same build's start varies with the machine (docs/performance.md, "Cold start").
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    port: { type: 'string', default: '3177' },
  },
});
const RUNS = Number(values.runs);
const PORT = Number(values.port);
const MAIN = join(process.cwd(), 'dist/api/main.js');
const FLAGS = ['--max-semi-space-size=64']; // as npm run start:prod

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/health`)).ok;
  } catch {
    return false;
  }
}

/** Starts the API on `dataDir`; resolves with the milliseconds from spawn to the first healthy answer. */
async function start(dataDir: string, deadlineMs: number): Promise<{ ms: number; stop: () => Promise<void> }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...FLAGS, MAIN], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), DATABASE_URL: '', REDIS_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += String(chunk)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  while (!(await healthy())) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${errors}`);
    if (performance.now() - started > deadlineMs) {
      await stop();
      throw new Error(`No healthy answer within ${deadlineMs} ms`);
    }
    await sleep(20);
  }
  return { ms: performance.now() - started, stop };
}

async function main() {
  if (await healthy()) throw new Error(`Port ${PORT} already answers: stop what runs there, or pass --port`);
  const dataDir = mkdtempSync(join(tmpdir(), 'nexus-cold-start-'));
  try {
    console.log(`First start on a new data folder (${dataDir}): migrations, demo data, the code cache…`);
    const first = await start(dataDir, 300_000);
    console.log(`  healthy after ${first.ms.toFixed(0)} ms`);
    await sleep(3_000); // the demo data's notification jobs go on after /health answers
    await first.stop();

    console.log(
      `Machine speed: Node sums 300,000,000 remainders in ${nodeLoopMs().toFixed(0)} ms; load average ${loadLine()}`,
    );

    const times: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const { ms, stop } = await start(dataDir, 60_000);
      await stop();
      times.push(ms);
      console.log(`  start ${run}: ${ms.toFixed(0)} ms to /health`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    console.log(
      `Cold start, warm data folder, ${RUNS} starts: median ${median.toFixed(0)} ms, ` +
        `min ${sorted[0].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (issue 17's target: under 2,000 ms)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
