import { cpus, loadavg } from 'node:os';

/**
 * The machine's speed beside a bench's figures (figures of two machines, or of one machine at two moments, compare
 * only with it; docs/matching.md, docs/performance.md): how long Node sums 300,000,000 remainders.
 */
export function nodeLoopMs(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < 300_000_000; i++) sum += i % 7;
  if (sum <= 0) throw new Error('the loop was not run');
  return performance.now() - started;
}

/** The load average, for the line beside the figures: "1.20, 0.80, 0.50 (2 cores)". */
export const loadLine = () =>
  `${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} (${cpus().length} cores)`;
