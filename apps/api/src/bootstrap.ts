import { randomUUID } from 'node:crypto';
import { LogLevel } from '@nestjs/common';
import type { ApolloServer } from '@apollo/server';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { NestFactory } from '@nestjs/core';
import { GRAPHQL_MODULE_OPTIONS, GraphQLModule } from '@nestjs/graphql';
import { NestExpressApplication } from '@nestjs/platform-express';
import { urlencoded } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { RateLimiterService } from '@app/auth';
import { AppConfig } from '@app/config';
import { AppModule } from './app.module.js';
import { ExpressPrototypesAdapter } from './express-adapter.js';
import { mountExplorer } from './explorer/explorer.js';
import { ClientErrorThrottle } from './graphql/client-error-throttle.js';
import { GRAPHQL_BODY_LIMIT, graphqlHttpHandler, GraphqlHttpOptions } from './graphql/graphql-http.js';
import { KnownOperations } from './graphql/known-operations.js';
import { mountPortal } from './web/portal.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the API application (used by main.ts and by the end-to-end tests). */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config),
    new ExpressPrototypesAdapter(),
    {
      logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
      bufferLogs: false,
      // the body parsers are registered below: Nest's defaults would run the form parser on every request
      bodyParser: false,
    },
  );
  app.disable('x-powered-by');
  // no ETag on answers: GraphQL answers are no-store, and hashing every body cost a visible share of small requests
  app.set('etag', false);
  app.set('trust proxy', config.trustedProxies); // req.ip: X-Forwarded-For only from these proxies
  app.use((req: Request, res: Response, next: NextFunction) => {
    requestId(req, res);
    next();
  });
  // before the body parser: a client that keeps sending refused requests is answered unread
  const throttle = new ClientErrorThrottle(config, () => app.get(RateLimiterService)).middleware();
  app.use('/graphql', throttle);
  app.useBodyParser('json', { limit: GRAPHQL_BODY_LIMIT });
  // form bodies (what Nest parses by default; the cookie routes refuse them, file uploads detect them):
  // never on /graphql, which takes JSON only, so that each GraphQL request does not pay its type check
  const form = urlencoded({ extended: true });
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.url.startsWith('/graphql') ? next() : form(req, res, next),
  );
  const portal = mountPortal(app);
  if (config.explorer) mountExplorer(app, { redirectRoot: !portal });
  app.enableShutdownHooks();
  // POST /graphql with a JSON body goes to Apollo without Express's router (graphql-http.ts)
  const server = app.getHttpServer();
  server.removeAllListeners('request');
  let apollo: ReturnType<GraphqlHttpOptions['apollo']> | undefined;
  server.on(
    'request',
    graphqlHttpHandler({
      express: app.getHttpAdapter().getInstance(),
      requestId,
      throttle,
      apollo: () =>
        (apollo ??= {
          server: (app.get(GraphQLModule).graphQlAdapter as unknown as { instance: ApolloServer }).instance,
          context: app.get<ApolloDriverConfig>(GRAPHQL_MODULE_OPTIONS).context as GraphqlContextFactory,
          known: app.get(KnownOperations),
        }),
    }),
  );
  return app;
}

type GraphqlContextFactory = ReturnType<GraphqlHttpOptions['apollo']>['context'];

/** The request's id: the client's X-Request-Id when it is a plain token, else a new one; echoed in the answer. */
function requestId(req: Request & { requestId?: string }, res: Response) {
  const given = req.header('x-request-id');
  req.requestId = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', req.requestId);
}
