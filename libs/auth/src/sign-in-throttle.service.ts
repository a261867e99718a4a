import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { RateLimitedError } from '@app/common';
import { RateLimiterService } from './rate-limiter.service.js';

/** First delay of a sign-in to an account past its failure threshold; it doubles with every further failure. */
const BASE_DELAY_MS = 250;

/**
 * Failed sign-ins are counted three ways in each window (AUTH_RATE_LIMIT_WINDOW_SECONDS), so that
 * guessing stays bounded while no stranger can lock an owner out:
 *
 * - per (account, client address): AUTH_RATE_LIMIT_MAX, then RATE_LIMITED for that pair only;
 * - per client address over all accounts: AUTH_ADDRESS_FAILURE_MAX, then RATE_LIMITED for that
 *   address (password spraying);
 * - per account from every address: never a refusal. Past AUTH_RATE_LIMIT_MAX failures each
 *   sign-in to the account waits 250 ms, doubling with every further failure, at most
 *   AUTH_ACCOUNT_DELAY_MAX_MS, so the owner still signs in while distributed guessing is slowed.
 *
 * Successful sign-ins are not counted, so failures from other addresses never block them.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly limiter: RateLimiterService,
    private readonly config: AppConfig,
  ) {}

  /** Refuses (RATE_LIMITED) or delays a sign-in before its password is checked. */
  async beforeAttempt(email: string, ip: string): Promise<void> {
    const window = this.config.AUTH_RATE_LIMIT_WINDOW_SECONDS;
    const [pair, address, account] = await Promise.all(
      this.keys(email, ip).map((key) => this.limiter.peek(key, window)),
    );
    if (pair.count >= this.config.AUTH_RATE_LIMIT_MAX) throw new RateLimitedError(pair.retryAfterSeconds);
    if (address.count >= this.config.AUTH_ADDRESS_FAILURE_MAX) throw new RateLimitedError(address.retryAfterSeconds);
    const delay = this.delayMs(account.count);
    if (delay > 0) await sleep(delay);
  }

  /** Counts a failed sign-in (wrong password or unknown account). */
  async failed(email: string, ip: string): Promise<void> {
    const window = this.config.AUTH_RATE_LIMIT_WINDOW_SECONDS;
    await Promise.all(this.keys(email, ip).map((key) => this.limiter.hit(key, Infinity, window)));
  }

  /** The delay of a sign-in to an account that failed `failures` times in the window. */
  delayMs(failures: number): number {
    const excess = failures - this.config.AUTH_RATE_LIMIT_MAX;
    if (excess < 0) return 0;
    return Math.min(this.config.AUTH_ACCOUNT_DELAY_MAX_MS, BASE_DELAY_MS * 2 ** Math.min(excess, 16));
  }

  /** The (account, address), address and account counters. */
  private keys(email: string, ip: string): [string, string, string] {
    return [`login-failed:pair:${ip}|${email}`, `login-failed:ip:${ip}`, `login-failed:account:${email}`];
  }
}
