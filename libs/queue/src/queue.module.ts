import { BeforeApplicationShutdown, Global, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { RedisService } from '@app/persistence';
import { BullMqJobQueue } from './bullmq-queue.js';
import { InProcessJobQueue } from './in-process-queue.js';
import { JobQueue } from './job-queue.js';

/** BullMQ when REDIS_URL is set, the in-process queue otherwise (chosen by configuration). */
export function createJobQueue(config: AppConfig, redis: RedisService): JobQueue {
  const defaults = {
    attempts: config.JOB_ATTEMPTS,
    backoffMs: config.JOB_BACKOFF_MS,
    concurrency: config.JOB_CONCURRENCY,
  };
  return redis.enabled ? new BullMqJobQueue(redis, defaults) : new InProcessJobQueue(defaults);
}

/**
 * The job queue, for every lib. Without Redis the API consumes its own jobs (started here once
 * every module has registered its processors); with Redis only apps/worker consumes, and API
 * instances only enqueue.
 */
@Global()
@Module({
  providers: [{ provide: JobQueue, inject: [AppConfig, RedisService], useFactory: createJobQueue }],
  exports: [JobQueue],
})
export class QueueModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueModule.name);

  constructor(
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.REDIS_URL) {
      await this.queue.startConsumer();
      this.logger.log('In-process job queue started (no REDIS_URL)');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
