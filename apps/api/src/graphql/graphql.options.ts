import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { AppConfig } from '@app/config';
import { formatGraphQLError, GqlContext, isExpectedError, LoaderRegistry } from '@app/common';
import { ModuleRef } from '@nestjs/core';
import { assertComplexity, depthLimitRule } from './query-limits.js';
import { SubscriptionAuthenticator, WsConnectionContext } from './subscription-auth.js';

const logger = new Logger('GraphQL');

/** Logs unexpected errors with the request id; clients get only INTERNAL_SERVER_ERROR (formatGraphQLError). */
function errorLoggingPlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isExpectedError(error)) continue;
            const original = error.originalError ?? error;
            logger.error(
              `request ${contextValue?.req?.requestId ?? '-'} at ${error.path?.join('.') ?? '-'}: ${original.stack ?? original.message}`,
            );
          }
        },
      };
    },
  };
}

function complexityPlugin(max: number): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          assertComplexity(schema, document, request.operationName ?? undefined, request.variables, max);
        },
      };
    },
  };
}

export function graphqlOptions(config: AppConfig, registry: LoaderRegistry, moduleRef: ModuleRef): ApolloDriverConfig {
  const auth = new SubscriptionAuthenticator(moduleRef);
  return {
    // The committed schema.gql is written by development runs and checked by a test.
    autoSchemaFile: config.NODE_ENV === 'development' ? join(process.cwd(), 'schema.gql') : true,
    sortSchema: true,
    playground: false,
    graphiql: false,
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    path: '/graphql',
    context: (ctx: { req?: GqlContext['req']; res?: GqlContext['res'] } & Partial<WsConnectionContext>) => {
      if (!ctx.connectionParams) {
        return { req: ctx.req, res: ctx.res, loaders: registry.create(ctx.req as GqlContext['req']) } as GqlContext;
      }
      // graphql-ws: no HTTP request. The socket was authenticated when it connected; the operation
      // gets a request-like object with the same bearer token, which the global JWT guard checks
      // again and puts the user on (req.user).
      const req = {
        headers: { authorization: SubscriptionAuthenticator.header(ctx.connectionParams) },
      } as unknown as GqlContext['req'];
      return { req, loaders: registry.create(req) } satisfies GqlContext;
    },
    // Subscriptions over graphql-ws on the same path; unauthenticated connections are refused.
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        onConnect: async (context: unknown) => {
          const ctx = context as WsConnectionContext;
          return !!(await auth.authenticate(ctx.connectionParams).catch(() => null));
        },
      },
    },
    formatError: formatGraphQLError,
    validationRules: [depthLimitRule(config.GRAPHQL_MAX_DEPTH)],
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      errorLoggingPlugin(),
      complexityPlugin(config.GRAPHQL_MAX_COMPLEXITY),
    ],
  };
}
