import { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterService } from '@app/auth';
import { AppConfig } from '@app/config';
import { clientAddress, ErrorCode, GqlContext } from '@app/common';

/**
 * A client (its address) that keeps sending requests the API refuses (HTTP 400: bad variables,
 * documents over the limits…) is answered 429 at once, before its body is read or parsed, once it
 * has had CLIENT_ERROR_LIMIT refusals in CLIENT_ERROR_WINDOW_SECONDS. Each refusal is cheap, but a
 * loop of them keeps the one event loop busy and delays everyone (`npm run bench:hardening`); a real
 * client rarely sends more than a few invalid requests a minute. Counted in Redis when present.
 */
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
      this.limiter()
        .peek(this.key(req), this.config.CLIENT_ERROR_WINDOW_SECONDS)
        .then(({ count, retryAfterSeconds }) => {
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

  /** Counts every answer of HTTP status 400 against its client. */
  plugin(): ApolloServerPlugin<GqlContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ response, contextValue }) => {
          if (response.http.status !== 400) return;
          const { CLIENT_ERROR_LIMIT: max, CLIENT_ERROR_WINDOW_SECONDS: window } = this.config;
          await this.limiter().hit(this.key(contextValue?.req), max, window);
        },
      }),
    };
  }
}
