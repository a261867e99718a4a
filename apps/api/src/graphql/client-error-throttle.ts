import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterService } from '@app/auth';
import { AppConfig } from '@app/config';
import { clientAddress, ErrorCode } from '@app/common';
import type { RequestHooks } from './request-plugins.js';

/**
 * A client (its address) that keeps sending requests the API refuses (HTTP 400: bad variables,
 * documents over the limits…) is answered 429 at once, before its body is read or parsed, once it
 * has had CLIENT_ERROR_LIMIT refusals in CLIENT_ERROR_WINDOW_SECONDS. Each refusal is cheap, but a
 * loop of them keeps the one event loop busy and delays everyone (`npm run bench:hardening`); a real
 * client rarely sends more than a few invalid requests a minute. Counted in Redis when present.
 * An address well under the limit is not looked up again for CLEAN_FOR_MS (a Redis round trip per
 * request otherwise): a flood from several API processes at once gets at most that much further.
 */
const CLEAN_FOR_MS = 1_000;
const MAX_CLEAN = 10_000;
/** Addresses found well under the limit, until when they are not looked up again (the middleware's and the plugin's). */
const clean = new Map<string, number>();

export class ClientErrorThrottle {
  constructor(
    private readonly config: AppConfig,
    private readonly limiter: () => RateLimiterService,
  ) {}

  private key(req: Pick<Request, 'ip' | 'socket'> | undefined): string {
    return `client-errors:${clientAddress(req)}`;
  }

  /** Express middleware for the GraphQL path, mounted before the body parser. */
  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      const key = this.key(req);
      if ((clean.get(key) ?? 0) > Date.now()) return next();
      this.limiter()
        .peek(key, this.config.CLIENT_ERROR_WINDOW_SECONDS)
        .then(({ count, retryAfterSeconds }) => {
          if (count < this.config.CLIENT_ERROR_LIMIT / 2) {
            if (clean.size >= MAX_CLEAN) clean.clear();
            clean.set(key, Date.now() + CLEAN_FOR_MS);
          }
          if (count < this.config.CLIENT_ERROR_LIMIT) return next();
          res.status(429).setHeader('retry-after', String(retryAfterSeconds));
          res.json({
            errors: [
              {
                message: `Too many refused requests from this address; try again in ${retryAfterSeconds} seconds`,
                extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
              },
            ],
          });
        }, next);
    };
  }

  /** Counts every answer of HTTP status 400 against its client (a part of the request plugin). */
  hooks(): RequestHooks {
    return {
      willSendResponse: async ({ response, contextValue }) => {
        if (response.http.status !== 400) return;
        const { CLIENT_ERROR_LIMIT: max, CLIENT_ERROR_WINDOW_SECONDS: window } = this.config;
        const key = this.key(contextValue?.req);
        clean.delete(key);
        await this.limiter().hit(key, max, window);
      },
    };
  }
}
