import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { RedisService } from '@app/persistence';
import { RateLimiterService } from '../rate-limiter.service.js';

/** A RedisService whose connection reports `status` and whose commands fail like a timed-out one. */
function brokenRedis(status: string) {
  const failing = () => Promise.reject(new Error('Command timed out'));
  const client = { status, multi: () => ({ incrby: () => ({ pttl: () => ({ exec: failing }) }) }), pexpire: failing };
  return { client: () => client } as unknown as RedisService;
}

describe('RateLimiterService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('adds the cost of each hit (default 1) and peeks without adding', async () => {
    const limiter = new RateLimiterService({ client: () => null } as unknown as RedisService);
    expect(await limiter.hit('k', 5, 60, 3)).toMatchObject({ allowed: true, count: 3 });
    expect(await limiter.peek('k', 60)).toMatchObject({ count: 3 });
    expect(await limiter.hit('k', 5, 60)).toMatchObject({ allowed: true, count: 4 });
    const over = await limiter.hit('k', 5, 60, 2);
    expect(over).toMatchObject({ allowed: false, count: 6 });
    expect(over.retryAfterSeconds).toBeGreaterThan(0);
  });

  it.each(['ready', 'reconnecting'])(
    'fails open to in-process counters when Redis is %s but failing, with one warning',
    async (status) => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const limiter = new RateLimiterService(brokenRedis(status));
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await limiter.hit('login', 3, 60));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/in this process/);
    },
  );
});

/** Needs REDIS_URL (skipped without it, like the other Redis tests). */
(process.env.REDIS_URL ? describe : describe.skip)('RateLimiterService in Redis (needs REDIS_URL)', () => {
  const config = {
    REDIS_URL: process.env.REDIS_URL,
    REDIS_KEY_PREFIX: `test-${randomBytes(4).toString('hex')}:`,
    REDIS_COMMAND_TIMEOUT_MS: 500,
  } as AppConfig;
  let redis: RedisService;
  beforeAll(() => {
    redis = new RedisService(config);
  });
  afterAll(async () => {
    const client = redis.client()!;
    const keys = await client.keys(`${config.REDIS_KEY_PREFIX}*`);
    if (keys.length) await client.del(...keys.map((k) => k.slice(config.REDIS_KEY_PREFIX.length)));
    await redis.onApplicationShutdown();
  });

  it('counts with INCRBY in Redis, shared by every limiter (API instance)', async () => {
    const [a, b] = [new RateLimiterService(redis), new RateLimiterService(redis)];
    await a.onModuleInit();
    expect(await a.hit('budget', 10, 60, 4)).toMatchObject({ allowed: true, count: 4 });
    expect(await b.hit('budget', 10, 60, 7)).toMatchObject({ allowed: false, count: 11 });
    expect(await redis.client()!.get('ratelimit:budget')).toBe('11');
  });
});
