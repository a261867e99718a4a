import { createRequire } from 'node:module';
import type { Queue, Worker } from 'bullmq';
import { RedisService } from '@app/persistence';
import { assertJobId, JobOptions, JobQueue, NewJob } from './job-queue.js';

const QUEUE_NAME = 'jobs';
/** BullMQ, loaded when a queue on Redis is made: without REDIS_URL (the in-process queue) it is never read. */
const bullmq = () => createRequire(import.meta.url)('bullmq') as typeof import('bullmq');

/**
 * The queue on Redis (BullMQ). Keys live under `<REDIS_KEY_PREFIX>bull:jobs:*`, so deployments and
 * test runs that share a Redis server stay apart. Jobs are kept a while after completion (dedupe by
 * jobId) and failed ones for a week (inspection); the outbox sweep re-delivers given-up events.
 */
export class BullMqJobQueue extends JobQueue {
  readonly kind = 'bullmq';
  private readonly queue: Queue;
  private worker?: Worker;
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisService,
    private readonly defaults: { attempts: number; backoffMs: number; concurrency: number },
  ) {
    super();
    this.prefix = `${redis.keyPrefix.replace(/:+$/, '')}:bull`;
    this.queue = new (bullmq().Queue)(QUEUE_NAME, {
      connection: this.connect('queue', 1),
      prefix: this.prefix,
      defaultJobOptions: {
        attempts: defaults.attempts,
        backoff: { type: 'exponential', delay: defaults.backoffMs },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 86400 },
      },
    });
    this.queue.on('error', (error) => this.logger.warn(`BullMQ queue: ${error.message}`));
  }

  get consuming(): boolean {
    return !!this.worker;
  }

  async add<T>(name: string, data: T, options: JobOptions = {}): Promise<void> {
    await this.queue.add(name, data, bullOptions(options));
  }

  /** One round trip for all the jobs (BullMQ's addBulk), with the same options and dedupe as `add`. */
  override async addBulk<T>(jobs: Array<NewJob<T>>): Promise<void> {
    if (!jobs.length) return;
    const bulk = jobs.map((job) => ({ name: job.name, data: job.data, opts: bullOptions(job.options ?? {}) }));
    await this.queue.addBulk(bulk);
  }

  async startConsumer(): Promise<void> {
    if (this.worker) return;
    // One scheduler per name across all consumers: upsert is idempotent.
    for (const [name, spec] of this.schedules) {
      await this.queue.upsertJobScheduler(name, { every: spec.every }, { name, data: spec.data ?? {} });
    }
    this.worker = new (bullmq().Worker)(
      QUEUE_NAME,
      async (job) => this.run(job.name, job.data, { id: job.id ?? '', name: job.name, attemptsMade: job.attemptsMade }),
      { connection: this.connect('worker', null), prefix: this.prefix, concurrency: this.defaults.concurrency },
    );
    this.worker.on('error', (error) => this.logger.warn(`BullMQ worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`Job ${job?.name} (${job?.id}) failed (attempt ${job?.attemptsMade}): ${error.message}`),
    );
    await this.worker.waitUntilReady();
  }

  async onIdle(timeoutMs = 60_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      // Repeatable jobs keep one delayed job each.
      const pending = Object.values(counts).reduce((a, b) => a + b, 0) - this.schedulesDelayed(counts.delayed);
      if (pending <= 0) return;
      if (Date.now() - started > timeoutMs) throw new Error(`The job queue was not idle after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Closes the worker and the queue; RedisService closes their connections at shutdown. */
  async close(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
  }

  private schedulesDelayed(delayed: number): number {
    return Math.min(delayed, this.schedules.size);
  }

  /** BullMQ manages its own key prefix, so its connections carry none (ioredis keyPrefix is refused). */
  private connect(name: string, maxRetriesPerRequest: number | null) {
    return this.redis.create(`bullmq-${name}`, { maxRetriesPerRequest, prefixKeys: false });
  }
}

/**
 * BullMQ's options of one job (throws on an id BullMQ refuses). Only the options the job sets: an
 * `undefined` would override the queue's defaults (attempts, backoff) instead of falling back to them.
 */
function bullOptions(options: JobOptions) {
  assertJobId(options.jobId);
  const set = {
    jobId: options.jobId,
    attempts: options.attempts,
    backoff: options.backoffMs ? { type: 'exponential', delay: options.backoffMs } : undefined,
    delay: options.delayMs,
  };
  return Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
}
