import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@app/config';
import { JobQueue } from '@app/queue';
import { WorkerModule } from './worker.module.js';

async function main() {
  const logger = new Logger('Worker');
  const config = AppConfig.load();
  if (!config.DATABASE_URL || !config.REDIS_URL) {
    logger.error('The worker needs DATABASE_URL and REDIS_URL; without them the API runs background jobs in-process.');
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: false });
  app.enableShutdownHooks();
  const queue = app.get(JobQueue);
  await queue.startConsumer();
  logger.log(`Worker started (${queue.kind} queue); waiting for jobs`);
  // Keep the process alive until SIGTERM/SIGINT (shutdown hooks close connections).
  const keepAlive = setInterval(() => undefined, 60_000);
  const stop = async () => {
    clearInterval(keepAlive);
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  new Logger('Worker').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
