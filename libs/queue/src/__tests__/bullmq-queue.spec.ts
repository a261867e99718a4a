import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppConfig } from '@app/config';
import { RedisService } from '@app/persistence';
import { BullMqJobQueue } from '../bullmq-queue.js';

const REDIS_URL = process.env.REDIS_URL;

/** Needs REDIS_URL (skipped without it, like the other Redis tests). */
(REDIS_URL ? describe : describe.skip)('BullMqJobQueue (needs REDIS_URL)', () => {
  const prefix = `test-${randomBytes(4).toString('hex')}:`;
  let redis: RedisService;
  let queue: BullMqJobQueue;
  /** Reads and cleans up the raw keys (no key prefix of its own). */
  let raw: Redis;
  beforeAll(() => {
    redis = new RedisService({ REDIS_URL, REDIS_KEY_PREFIX: prefix } as AppConfig);
    queue = new BullMqJobQueue(redis, { attempts: 5, backoffMs: 100, concurrency: 1 });
    raw = redis.create('test', { prefixKeys: false });
  });
  afterAll(async () => {
    await queue?.close();
    const keys = await raw.keys(`${prefix}*`);
    if (keys.length) await raw.del(...keys);
    await redis.onApplicationShutdown();
  });

  const stored = async (id: string) => {
    const opts = await raw.hget(`${prefix}bull:jobs:${id}`, 'opts');
    return JSON.parse(opts as string) as { attempts?: number; backoff?: { delay: number } };
  };

  it('gives jobs without their own options the queue defaults (attempts, backoff), as the in-process queue does', async () => {
    await queue.add('plain', {}, { jobId: 'plain-1' });
    await queue.addBulk([{ name: 'bulk', data: {}, options: { jobId: 'bulk-1' } }]);
    await queue.add('own', {}, { jobId: 'own-1', attempts: 2, backoffMs: 7 });
    expect(await stored('plain-1')).toMatchObject({ attempts: 5, backoff: { delay: 100 } });
    expect(await stored('bulk-1')).toMatchObject({ attempts: 5, backoff: { delay: 100 } });
    expect(await stored('own-1')).toMatchObject({ attempts: 2, backoff: { delay: 7 } });
  });
});
