import { ApolloDriverConfig } from '@nestjs/apollo';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { AppConfig } from '@app/config';
import {
  DateTimeScalar,
  GqlContext,
  graphQLErrorFormatter,
  LoaderRegistry,
  RequestContext,
  RequestLoaders,
  requestContext,
} from '@app/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { RateLimiterService } from '@app/auth';
import { ClientErrorThrottle } from './client-error-throttle.js';
import { compiledExecutionGateway } from './compiled-executor.js';
import { readColumnsInline } from './inline-columns.js';
import { KnownOperations } from './known-operations.js';
import { checkSocketOperation, limitRules, OperationLimits } from './query-limits.js';
import {
  errorLoggingHooks,
  httpStatusHooks,
  localizedErrorsHooks,
  operationLimitsHooks,
  requestPlugin,
} from './request-plugins.js';
import { SubscriptionAuthenticator, WsConnectionContext } from './subscription-auth.js';

/** Tokens of the largest document accepted (real operations have a few hundred; 1,000 aliases need 10,000). */
const MAX_TOKENS = 5_000;

export function graphqlOptions(
  config: AppConfig,
  registry: LoaderRegistry,
  moduleRef: ModuleRef,
  known: KnownOperations,
): ApolloDriverConfig {
  const auth = new SubscriptionAuthenticator(moduleRef, config.GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET);
  const limits: OperationLimits = {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxFields: config.GRAPHQL_MAX_ALIASES,
    maxRootFields: config.GRAPHQL_MAX_ROOT_FIELDS,
    maxTokens: MAX_TOKENS,
  };
  /** The context of one request: its loaders and the RequestContext of `@Ctx()`, made when first read. */
  const contextOf = (req: GqlContext['req'], res?: GqlContext['res']): GqlContext => new ApiContext(registry, req, res);
  return {
    // in memory: development runs write the committed schema.gql once they listen (main.ts, schema-file.ts)
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    graphiql: false,
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    path: '/graphql',
    context: (ctx: { req?: GqlContext['req']; res?: GqlContext['res'] } & Partial<WsConnectionContext>) => {
      if (!ctx.connectionParams) return contextOf(ctx.req as GqlContext['req'], ctx.res);
      // graphql-ws: no HTTP request. The socket was authenticated when it connected; the operation
      // gets a request-like object with the same bearer token, which the global JWT guard checks
      // again and puts the user on (req.user).
      // The language of its sentences comes with the connection too (the portal sends accept-language).
      const language = ctx.connectionParams['accept-language'];
      const req = {
        headers: {
          authorization: SubscriptionAuthenticator.header(ctx.connectionParams),
          ...(typeof language === 'string' ? { 'accept-language': language } : {}),
        },
      } as unknown as GqlContext['req'];
      return contextOf(req);
    },
    // Subscriptions over graphql-ws on the same path; unauthenticated connections are refused, a
    // connection closes when its token expires and runs at most GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET
    // operations at once (close codes: subscription-auth.ts).
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        onConnect: (context: unknown) => auth.onConnect(context as WsConnectionContext),
        onSubscribe: (context: unknown, _id: string, payload: { query: string; variables?: unknown }) =>
          auth.onSubscribe(context as WsConnectionContext) ??
          checkSocketOperation(moduleRef.get(GraphQLSchemaHost, { strict: false }).schema, payload, limits),
        onClose: (context: unknown) => auth.onClose(context as WsConnectionContext),
      },
    },
    // No scalar or field is ever silently coerced: DateTime is strict ISO 8601 (date-time.scalar.ts).
    // skipCheck: Nest's extra introspection run over the built schema (~0.1 s of every start) only in tests, which
    // build the same schema; Apollo validates it again when it starts anyway
    buildSchemaOptions: {
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      skipCheck: config.NODE_ENV !== 'test',
    },
    // A document of more tokens than any real operation is refused before it is parsed further.
    parseOptions: { maxTokens: limits.maxTokens },
    // Nest resets the status of answers with data to 200; httpStatusHooks set 503/429 themselves.
    preserveHttpStatusForExecutionErrors: false,
    formatError: graphQLErrorFormatter({ hideSchema: !config.introspection }),
    // operations run as compiled JavaScript (compiled-executor.ts); Apollo takes an executor only from a gateway
    gateway:
      config.GRAPHQL_COMPILED_EXECUTION !== false
        ? compiledExecutionGateway(
            () => moduleRef.get(GraphQLSchemaHost, { strict: false }).schema,
            config.GRAPHQL_COMPILE_AFTER,
            (schema) => readColumnsInline(schema, moduleRef.get(DataSource, { strict: false }).entityMetadatas),
            (operations) => known.useCompiled(operations),
          )
        : undefined,
    validationRules: limitRules(limits),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // answers are never cached by HTTP caches (cache-control: no-store): Apollo's cache-control plugin
      // would only wrap every field's resolver to compute hints nobody reads
      ApolloServerPluginCacheControlDisabled(),
      requestPlugin([
        errorLoggingHooks(),
        localizedErrorsHooks(),
        operationLimitsHooks(config, moduleRef, known.checked),
        known.hooks(),
        httpStatusHooks(),
        new ClientErrorThrottle(config, () => moduleRef.get(RateLimiterService, { strict: false })).hooks(),
      ]),
    ],
  } as ApolloDriverConfig; // `gateway` is left out of Nest's type, and passed on to Apollo Server as it is
}

/**
 * The GraphQL context of one request. Its loaders and RequestContext are made when a resolver first
 * reads them: a request that runs no resolver (`{ __typename }`, a refused operation) pays for neither.
 */
class ApiContext implements GqlContext {
  private madeLoaders?: RequestLoaders;
  private madeRequestContext?: RequestContext;

  constructor(
    private readonly registry: LoaderRegistry,
    readonly req: GqlContext['req'],
    readonly res?: GqlContext['res'],
  ) {}

  get loaders(): RequestLoaders {
    return (this.madeLoaders ??= this.registry.create(this.req));
  }

  get requestContext(): RequestContext {
    const loaders = this.loaders;
    return (this.madeRequestContext ??= requestContext(this.req, loaders, {
      access: () => loaders.organizations.access(),
    }));
  }
}
