import { AppConfig } from '@app/config';
import { QueryCounterLogger } from '@app/persistence';
import { InProcessJobQueue, JobQueue } from '@app/queue';
import type { TestApp } from './test-app.js';

/** Longer than any test file runs: no scheduled job fires while statements are counted. */
export const QUIET_SCHEDULE = { JOB_SCHEDULE_INTERVAL_SECONDS: '86400' };

/**
 * The SQL statements that `call` makes. QueryCounterLogger counts every statement of the process,
 * so the app's own background work must stay out of the window: the in-process queue (no Redis:
 * the API runs the processors itself) first finishes what earlier calls started (event deliveries,
 * notifications), and the app must have been started with QUIET_SCHEDULE, or a scheduled job
 * (outbox sweep, deadlines, reminders, every JOB_SCHEDULE_INTERVAL_SECONDS) may run in the middle
 * and add its statements to the count. With Redis the API runs no processors.
 */
export async function statementsOf(t: TestApp, call: () => Promise<unknown>): Promise<number> {
  await settled(t);
  const before = QueryCounterLogger.count;
  await call();
  return QueryCounterLogger.count - before;
}

/** Waits until the app's own background work that earlier calls started is done (see statementsOf). */
export async function settled(t: TestApp): Promise<void> {
  const queue = t.app.get(JobQueue);
  if (!(queue instanceof InProcessJobQueue)) return;
  if (t.app.get(AppConfig).JOB_SCHEDULE_INTERVAL_SECONDS < Number(QUIET_SCHEDULE.JOB_SCHEDULE_INTERVAL_SECONDS)) {
    throw new Error('counting statements needs an app started with QUIET_SCHEDULE (scheduled jobs would be counted)');
  }
  await queue.onIdle();
}
