import { randomUUID } from 'node:crypto';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { urlencoded } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { RateLimiterService } from '@app/auth';
import { AppConfig } from '@app/config';
import { AppModule } from './app.module.js';
import { mountExplorer } from './explorer/explorer.js';
import { ClientErrorThrottle } from './graphql/client-error-throttle.js';
import { mountPortal } from './web/portal.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the API application (used by main.ts and by the end-to-end tests). */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
    bufferLogs: false,
    // the body parsers are registered below: Nest's defaults would run the form parser on every request
    bodyParser: false,
  });
  app.disable('x-powered-by');
  // no ETag on answers: GraphQL answers are no-store, and hashing every body cost a visible share of small requests
  app.set('etag', false);
  app.set('trust proxy', config.trustedProxies); // req.ip: X-Forwarded-For only from these proxies
  app.use((req: Request & { requestId?: string }, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    req.requestId = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', req.requestId);
    next();
  });
  // before the body parser: a client that keeps sending refused requests is answered unread
  app.use('/graphql', new ClientErrorThrottle(config, () => app.get(RateLimiterService)).middleware());
  app.useBodyParser('json', { limit: '1mb' });
  // form bodies (what Nest parses by default; the cookie routes refuse them, file uploads detect them):
  // never on /graphql, which takes JSON only, so that each GraphQL request does not pay its type check
  const form = urlencoded({ extended: true });
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.url.startsWith('/graphql') ? next() : form(req, res, next),
  );
  const portal = mountPortal(app);
  if (config.explorer) mountExplorer(app, { redirectRoot: !portal });
  app.enableShutdownHooks();
  return app;
}
