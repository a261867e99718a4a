import { Injectable } from '@nestjs/common';
import { RedisService } from '@app/persistence';

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters: in Redis when REDIS_URL is set (shared by every API instance), in
 * memory otherwise.
 */
@Injectable()
export class RateLimiterService {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly redis: RedisService) {}

  async hit(key: string, max: number, windowSeconds: number): Promise<RateLimitResult> {
    const client = this.redis.client();
    if (client) {
      const redisKey = `ratelimit:${key}`;
      const [[, count], [, ttl]] = (await client.multi().incr(redisKey).pttl(redisKey).exec()) as [
        [null, number],
        [null, number],
      ];
      if (ttl < 0) await client.pexpire(redisKey, windowSeconds * 1000);
      const retry = Math.ceil((ttl > 0 ? ttl : windowSeconds * 1000) / 1000);
      return { allowed: count <= max, retryAfterSeconds: retry };
    }
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
      if (this.windows.size > 100_000) this.sweep(now);
    }
    window.count++;
    return { allowed: window.count <= max, retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000) };
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
