import { Logger } from '@nestjs/common';

/** Options of one job. Retries use exponential backoff: backoffMs, 2×, 4×, … */
export interface JobOptions {
  /** Deduplication (no ':' in it, as BullMQ wants): a job with the same id that is still waiting, running or kept is not added again. */
  jobId?: string;
  /** Attempts before the job is given up (default JOB_ATTEMPTS). */
  attempts?: number;
  /** First retry delay (default JOB_BACKOFF_MS); doubles at every attempt. */
  backoffMs?: number;
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
}

/** One job of `addBulk`. */
export interface NewJob<T = unknown> {
  name: string;
  data: T;
  options?: JobOptions;
}

export interface JobInfo {
  id: string;
  name: string;
  /** Attempts already made before this one (0 on the first run). */
  attemptsMade: number;
}

export type JobHandler<T = unknown> = (data: T, job: JobInfo) => Promise<void>;

export interface RepeatSpec {
  /** Run every this many milliseconds. */
  every: number;
  data?: unknown;
}

/**
 * The background job queue. Libraries register processors (`process`) and repeatable jobs
 * (`schedule`) when their module starts; services `add` jobs. Two implementations with the same
 * semantics (dedupe by jobId, attempts with exponential backoff, delayed and repeatable jobs):
 * BullMQ on Redis when REDIS_URL is set, in-process otherwise. Only a consumer runs processors:
 * the worker (startConsumer in apps/worker) with Redis, the API itself without.
 */
export abstract class JobQueue {
  protected readonly logger = new Logger(JobQueue.name);
  protected readonly handlers = new Map<string, JobHandler>();
  protected readonly schedules = new Map<string, RepeatSpec>();

  /** 'bullmq' or 'in-process'. */
  abstract readonly kind: string;

  /** Registers the processor of the jobs called `name` (one per name). */
  process<T>(name: string, handler: JobHandler<T>): void {
    if (this.handlers.has(name)) throw new Error(`A processor for job "${name}" is already registered`);
    this.handlers.set(name, handler as JobHandler);
  }

  /** Replaces a processor (tests wrap one to inject failures). */
  replaceProcessor<T>(name: string, handler: JobHandler<T>): JobHandler {
    const previous = this.handlers.get(name);
    if (!previous) throw new Error(`No processor for job "${name}"`);
    this.handlers.set(name, handler as JobHandler);
    return previous;
  }

  /** Declares a repeatable job; the consumer starts it (once across all consumers with BullMQ). */
  schedule(name: string, spec: RepeatSpec): void {
    this.schedules.set(name, spec);
  }

  abstract add<T>(name: string, data: T, options?: JobOptions): Promise<void>;

  /** Adds several jobs, each as `add` would (in one round trip where the implementation can). */
  async addBulk<T>(jobs: Array<NewJob<T>>): Promise<void> {
    for (const job of jobs) await this.add(job.name, job.data, job.options);
  }

  /** Starts running processors and repeatable jobs in this process. */
  abstract startConsumer(): Promise<void>;

  abstract get consuming(): boolean;

  /** Resolves when no job is waiting, delayed or running (tests and benchmarks). */
  abstract onIdle(timeoutMs?: number): Promise<void>;

  /** Stops consuming; in-process, lets running and due jobs finish first. */
  abstract close(): Promise<void>;

  protected async run(name: string, data: unknown, job: JobInfo): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No processor for job "${name}"`);
    await handler(data, job);
  }
}

/** BullMQ refuses integer ids and ids with ':'; the in-process queue refuses them too, so both behave alike. */
export function assertJobId(jobId: string | undefined): void {
  if (jobId === undefined) return;
  if (`${parseInt(jobId, 10)}` === jobId || jobId.includes(':')) {
    throw new Error(`Invalid job id "${jobId}": it may not be an integer nor contain ':'`);
  }
}

/** The delay before retry number `attempt` (1 = first retry). */
export function backoffDelay(backoffMs: number, attempt: number): number {
  return backoffMs * 2 ** Math.max(0, attempt - 1);
}
