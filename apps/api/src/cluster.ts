import 'reflect-metadata';
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';

/**
 * Several API processes on one machine (`npm run start:cluster`): a Node process uses one core for
 * JavaScript, so on an n-core machine n processes answer about n times the requests. The primary
 * forks API_WORKERS processes (default: one per core) that share the port (node:cluster hands the
 * connections out round-robin) and replaces any that dies. Every process must see the same data
 * and the same live events: it needs DATABASE_URL and REDIS_URL (the embedded database and the
 * in-process queue belong to one process). Migrations run once (an advisory lock, see
 * PersistenceModule). See docs/performance.md.
 */
const logger = new Logger('Cluster');

if (cluster.isPrimary) {
  const config = AppConfig.load();
  if (!config.DATABASE_URL || !config.REDIS_URL) {
    logger.error('Several API processes need DATABASE_URL and REDIS_URL (the embedded database serves one process)');
    process.exit(1);
  }
  const requested = process.env.API_WORKERS?.trim();
  const workers = requested ? Number(requested) : availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    logger.error(`API_WORKERS must be a whole number from 1 to 64 (got "${requested}")`);
    process.exit(1);
  }
  let stopping = false;
  const started = new Map<number, number>();
  let quickExits = 0;
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < workers; i++) fork();
  logger.log(`${workers} API processes on port ${config.PORT}`);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    // a process that cannot even start (bad configuration, database down) is not restarted forever
    if (Date.now() - (started.get(worker.id) ?? 0) < 10_000 && ++quickExits >= 3 * workers) {
      logger.error('API processes keep ending as they start; stopping');
      process.exit(1);
    }
    logger.warn(`API process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    fork();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
    });
  }
} else {
  void import('./main.js');
}
