import { Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApolloServerPlugin } from '@apollo/server';
import { AccessTokenService, RateLimiterService } from '@app/auth';
import { AppConfig } from '@app/config';
import {
  chooseLocale,
  clientAddress,
  DomainError,
  ErrorCode,
  GqlContext,
  isExpectedError,
  localizedMessage,
  RateLimitedError,
  unavailableError,
} from '@app/common';
import { assertComplexity, assertVariables } from './query-limits.js';

const logger = new Logger('GraphQL');

/**
 * Logs unexpected errors with the request id (clients get INTERNAL_SERVER_ERROR or, for an
 * infrastructure failure, SERVICE_UNAVAILABLE: formatGraphQLError).
 */
export function errorLoggingPlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isExpectedError(error)) continue;
            const original = error.originalError ?? error;
            const where = `request ${contextValue?.req?.requestId ?? '-'} at ${error.path?.join('.') ?? '-'}`;
            if (unavailableError(original)) logger.warn(`${where}: service unavailable: ${original.message}`);
            else logger.error(`${where}: ${original.stack ?? original.message}`);
          }
        },
      };
    },
  };
}

/**
 * Errors in the request's language (RequestContext.locale): a domain error's message becomes its
 * `text` in that language before formatGraphQLError turns it into what the client sees (Apollo calls
 * didEncounterErrors before it formats the errors). English messages are left as they were thrown.
 */
export function localizedErrorsPlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const locale =
            contextValue?.requestContext?.locale ??
            chooseLocale(contextValue?.req?.headers?.['accept-language'], contextValue?.req?.user?.preferredLanguage);
          if (locale === 'en') return;
          for (const error of errors) {
            const original = error.originalError ?? error;
            if (original instanceof DomainError && original.text) original.message = localizedMessage(original, locale);
          }
        },
      };
    },
  };
}

/**
 * Before any resolver runs: the variables are coerced once (first error only), the cost is checked
 * against GRAPHQL_MAX_COMPLEXITY, and the expensive work it asks for (matching, search) is charged to
 * the client's budget (EXPENSIVE_BUDGET_POINTS per EXPENSIVE_BUDGET_WINDOW_SECONDS, in Redis when
 * present so that every instance shares it). The client is the signed-in user, else the address.
 */
export function operationLimitsPlugin(config: AppConfig, moduleRef: ModuleRef): ApolloServerPlugin<GqlContext> {
  const limiter = () => moduleRef.get(RateLimiterService, { strict: false });
  const tokens = () => moduleRef.get(AccessTokenService, { strict: false });
  const clientOf = (req: GqlContext['req'] | undefined): string => {
    // a refused token is refused by the guard; its work is charged to the address
    const token = /^Bearer (.+)$/i.exec(req?.headers?.authorization ?? '')?.[1];
    const sub = token ? tokens().subjectOf(token) : null;
    return sub ? `user:${sub}` : `ip:${clientAddress(req)}`;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation, contextValue }) {
          if (operation) assertVariables(schema, operation, request.variables);
          const { expensive } = assertComplexity(
            schema,
            document,
            request.operationName ?? undefined,
            request.variables,
            config.GRAPHQL_MAX_COMPLEXITY,
          );
          if (expensive === 0) return;
          const { EXPENSIVE_BUDGET_POINTS: max, EXPENSIVE_BUDGET_WINDOW_SECONDS: window } = config;
          const result = await limiter().hit(`expensive:${clientOf(contextValue?.req)}`, max, window, expensive);
          if (!result.allowed) throw new RateLimitedError(result.retryAfterSeconds);
        },
      };
    },
  };
}

/**
 * HTTP status of answers whose errors are not the client's to fix by changing the request:
 * SERVICE_UNAVAILABLE → 503, RATE_LIMITED → 429, both with Retry-After. Every answer is
 * `cache-control: no-store` (answers depend on who asks; nothing may keep them).
 */
export function httpStatusPlugin(): ApolloServerPlugin<GqlContext> {
  const statusOf: Partial<Record<string, number>> = {
    [ErrorCode.SERVICE_UNAVAILABLE]: 503,
    [ErrorCode.RATE_LIMITED]: 429,
  };
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const status = statusOf[error.extensions?.code as string];
            if (!status) continue;
            response.http.status = status;
            const retry = Number(error.extensions?.retryAfterSeconds);
            if (retry > 0) response.http.headers.set('retry-after', String(Math.ceil(retry)));
            return;
          }
        },
      };
    },
  };
}
