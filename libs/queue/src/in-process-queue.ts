import { randomUUID } from 'node:crypto';
import { assertJobId, backoffDelay, JobOptions, JobQueue } from './job-queue.js';

interface PendingJob {
  id: string;
  name: string;
  data: unknown;
  attempts: number;
  backoffMs: number;
  attemptsMade: number;
}

const KEPT_COMPLETED = 10_000;

/**
 * The queue without Redis: the same semantics as BullMQ (dedupe by jobId while a job is waiting,
 * running or recently completed; attempts with exponential backoff; delayed and repeatable jobs),
 * in memory. A job given up is logged; the outbox sweep delivers its event again, so nothing is
 * lost. close() lets running and due jobs finish (drains) before the database goes away.
 */
export class InProcessJobQueue extends JobQueue {
  readonly kind = 'in-process';
  private readonly waiting: PendingJob[] = [];
  private readonly known = new Set<string>(); // ids waiting, delayed or running
  private readonly completed = new Set<string>(); // recent ids (insertion order) for dedupe
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly intervals: NodeJS.Timeout[] = [];
  private readonly idleWaiters: Array<() => void> = [];
  private delayed = 0;
  private active = 0;
  private started = false;
  private closing = false;

  constructor(private readonly defaults: { attempts: number; backoffMs: number; concurrency: number }) {
    super();
  }

  get consuming(): boolean {
    return this.started && !this.closing;
  }

  async add<T>(name: string, data: T, options: JobOptions = {}): Promise<void> {
    if (this.closing) {
      this.logger.warn(`Job "${name}" not added: the queue is closing (the outbox sweep will deliver it later)`);
      return;
    }
    assertJobId(options.jobId);
    const id = options.jobId ?? randomUUID();
    if (this.known.has(id) || this.completed.has(id)) return;
    this.known.add(id);
    const job: PendingJob = {
      id,
      name,
      data: structuredClone(data),
      attempts: options.attempts ?? this.defaults.attempts,
      backoffMs: options.backoffMs ?? this.defaults.backoffMs,
      attemptsMade: 0,
    };
    this.enqueue(job, options.delayMs ?? 0);
  }

  async startConsumer(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const [name, spec] of this.schedules) {
      const timer = setInterval(
        () =>
          void this.add(name, spec.data ?? {}, { jobId: `schedule-${name}-${Math.floor(Date.now() / spec.every)}` }),
        spec.every,
      );
      timer.unref();
      this.intervals.push(timer);
    }
    this.pump();
  }

  onIdle(timeoutMs = 60_000): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The job queue was not idle after ${timeoutMs} ms`)), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    for (const timer of this.intervals) clearInterval(timer);
    // Drain: jobs already due (and retries of running ones that are due now) finish first.
    if (this.started && (this.active > 0 || this.waiting.length > 0)) {
      await this.onIdleOfDue(30_000).catch((error) => this.logger.warn(String(error)));
    }
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.waiting.length || this.delayed) {
      this.logger.warn(
        `Queue closed with ${this.waiting.length + this.delayed} job(s) not run; the outbox sweep delivers their events again`,
      );
    }
  }

  private onIdleOfDue(timeoutMs: number): Promise<void> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.active === 0 && this.waiting.length === 0) return resolve();
        if (Date.now() - started > timeoutMs) return reject(new Error('Timed out draining the job queue'));
        setTimeout(check, 10);
      };
      check();
    });
  }

  private enqueue(job: PendingJob, delayMs: number): void {
    if (delayMs > 0) {
      this.delayed++;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.delayed--;
        this.waiting.push(job);
        this.pump();
      }, delayMs);
      this.timers.add(timer);
      return;
    }
    this.waiting.push(job);
    this.pump();
  }

  private pump(): void {
    if (!this.started || this.closing) return;
    while (this.active < this.defaults.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift() as PendingJob;
      this.active++;
      void this.execute(job).finally(() => {
        this.active--;
        this.pump();
        this.notifyIdle();
      });
    }
    this.notifyIdle();
  }

  private async execute(job: PendingJob): Promise<void> {
    try {
      await this.run(job.name, job.data, { id: job.id, name: job.name, attemptsMade: job.attemptsMade });
      this.finish(job.id);
    } catch (error) {
      job.attemptsMade++;
      const message = error instanceof Error ? error.message : String(error);
      if (job.attemptsMade < job.attempts && !this.closing) {
        const delay = backoffDelay(job.backoffMs, job.attemptsMade);
        this.logger.warn(
          `Job ${job.name} (${job.id}) failed (attempt ${job.attemptsMade}/${job.attempts}): ${message}; retry in ${delay} ms`,
        );
        this.enqueue(job, delay);
      } else {
        this.logger.error(`Job ${job.name} (${job.id}) failed after ${job.attemptsMade} attempt(s): ${message}`);
        this.known.delete(job.id);
      }
    }
  }

  private finish(id: string): void {
    this.known.delete(id);
    this.completed.add(id);
    if (this.completed.size > KEPT_COMPLETED) {
      const oldest = this.completed.values().next().value as string;
      this.completed.delete(oldest);
    }
  }

  private isIdle(): boolean {
    return this.active === 0 && this.waiting.length === 0 && this.delayed === 0;
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    for (const waiter of this.idleWaiters.splice(0)) waiter();
  }
}
