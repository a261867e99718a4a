import { createRequire } from 'node:module';

/**
 * Preloaded (`node --import`) into each server the API benchmark starts: counts the SQL statements the
 * process sends through node-postgres (every pool and TypeORM query ends in Client.prototype.query) and
 * answers the parent's 'bench:stats' message with that count and the process's CPU time.
 */
const require = createRequire(`${process.cwd()}/`);
const pg = require('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
};

export interface ProbeStats {
  statements: number;
  /** process.cpuUsage(): user and system CPU time in µs. */
  cpu: { user: number; system: number };
}

process.on('message', (message) => {
  if (message === 'bench:stats') {
    const stats: ProbeStats = { statements, cpu: process.cpuUsage() };
    process.send?.({ 'bench:stats': stats });
  }
});

// the benchmark stopped without stopping this server (it crashed, or was killed): do not outlive it
process.on('disconnect', () => process.exit(0));
