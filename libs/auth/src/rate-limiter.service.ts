import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RedisService } from '@app/persistence';
import { ThrottledWarning } from './throttled-warning.js';

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
  /** The window's count after this hit. */
  count: number;
}

interface Counted {
  count: number;
  retryAfterSeconds: number;
}

/** How long start-up waits for the Redis connection before counting in process. */
const READY_WAIT_MS = 2000;

/**
 * Fixed-window counters: in Redis when REDIS_URL is set (shared by every API instance), in
 * memory otherwise. Rate limits never depend on Redis: while it is unreachable or slow (each
 * command times out after REDIS_COMMAND_TIMEOUT_MS) the counters fail open to this process's
 * own, with a warning at most once a minute.
 */
@Injectable()
export class RateLimiterService implements OnModuleInit {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly warning = new ThrottledWarning(new Logger(RateLimiterService.name), 60_000);

  constructor(private readonly redis: RedisService) {}

  /** Connects at start-up, so that the first requests already count in Redis. */
  async onModuleInit(): Promise<void> {
    const client = this.redis.client();
    if (client && client.status !== 'ready') await whenReady(client, READY_WAIT_MS);
  }

  /** Adds `cost` (default 1) to the window of `key`; allowed while the count stays at most `max`. */
  async hit(key: string, max: number, windowSeconds: number, cost = 1): Promise<RateLimitResult> {
    const counted = (await this.inRedis(key, windowSeconds, cost)) ?? this.inProcess(key, windowSeconds, cost);
    return { allowed: counted.count <= max, ...counted };
  }

  /** The current count of the window of `key`, without adding to it. */
  async peek(key: string, windowSeconds: number): Promise<Counted> {
    const { count, retryAfterSeconds } = await this.hit(key, Infinity, windowSeconds, 0);
    return { count, retryAfterSeconds };
  }

  /** Counts in Redis; null without Redis or when it fails (then the caller counts in process). */
  private async inRedis(key: string, windowSeconds: number, cost: number): Promise<Counted | null> {
    const client = this.redis.client();
    if (!client) return null;
    if (client.status !== 'ready') {
      this.warning.warn(`Redis is ${client.status}: rate limits count in this process only`);
      return null;
    }
    try {
      const redisKey = `ratelimit:${key}`;
      const [[, count], [, ttl]] = (await client.multi().incrby(redisKey, cost).pttl(redisKey).exec()) as [
        [null, number],
        [null, number],
      ];
      if (ttl < 0) await client.pexpire(redisKey, windowSeconds * 1000);
      return { count, retryAfterSeconds: Math.ceil((ttl > 0 ? ttl : windowSeconds * 1000) / 1000) };
    } catch (error) {
      this.warning.warn(`Redis failed (${(error as Error).message}): rate limits count in this process only`);
      return null;
    }
  }

  private inProcess(key: string, windowSeconds: number, cost: number): Counted {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
      if (this.windows.size > 100_000) this.sweep(now);
    }
    window.count += cost;
    return { count: window.count, retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000) };
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/** Resolves when the connection is ready, or after `timeoutMs` (whichever comes first). */
function whenReady(client: Redis, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    client.once('ready', done);
    function done() {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    }
  });
}
