import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { AppConfig } from '@app/config';
import { formatGraphQLError, GqlContext, isExpectedError, LoaderRegistry } from '@app/common';
import { assertComplexity, depthLimitRule } from './query-limits.js';

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

export function graphqlOptions(config: AppConfig, registry: LoaderRegistry): ApolloDriverConfig {
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
    context: ({ req, res }: { req: GqlContext['req']; res: GqlContext['res'] }): GqlContext => ({
      req,
      res,
      loaders: registry.create(req),
    }),
    formatError: formatGraphQLError,
    validationRules: [depthLimitRule(config.GRAPHQL_MAX_DEPTH)],
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      errorLoggingPlugin(),
      complexityPlugin(config.GRAPHQL_MAX_COMPLEXITY),
    ],
  };
}
