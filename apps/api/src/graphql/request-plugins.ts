import { Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { DocumentNode } from 'graphql';
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

/** What one part of the API's request plugin does at each of the hooks it uses; the same for every request. */
export type RequestHooks = Pick<
  GraphQLRequestListener<GqlContext>,
  'didResolveOperation' | 'didEncounterErrors' | 'willSendResponse'
>;

const HOOKS = ['didResolveOperation', 'didEncounterErrors', 'willSendResponse'] as const;

/**
 * The parts (error logging, error languages, operation limits, HTTP status, client-error throttle) as one
 * Apollo plugin that runs each hook's parts in their order, in one place. (Apollo awaits every plugin's
 * requestDidStart and, at each hook, all their listeners, for every request: one plugin makes fewer promises
 * than five, though no change of `{ __typename }`'s CPU was measurable.) The parts keep no per-request state,
 * so one listener serves every request.
 */
export function requestPlugin(parts: RequestHooks[]): ApolloServerPlugin<GqlContext> {
  const listener: GraphQLRequestListener<GqlContext> = {};
  for (const hook of HOOKS) {
    const run = parts.map((part) => part[hook]?.bind(part)).filter((fn) => fn !== undefined);
    if (run.length === 0) continue;
    listener[hook] = async (requestContext: never) => {
      for (const fn of run) await (fn as (context: never) => Promise<void>)(requestContext);
    };
  }
  return { requestDidStart: async () => listener };
}

/**
 * Logs unexpected errors with the request id (clients get INTERNAL_SERVER_ERROR or, for an
 * infrastructure failure, SERVICE_UNAVAILABLE: formatGraphQLError).
 */
export function errorLoggingHooks(): RequestHooks {
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
}

/**
 * Errors in the request's language (RequestContext.locale): a domain error's message becomes its
 * `text` in that language before formatGraphQLError turns it into what the client sees (Apollo calls
 * didEncounterErrors before it formats the errors). English messages are left as they were thrown.
 */
export function localizedErrorsHooks(): RequestHooks {
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
}

/**
 * Before any resolver runs: the variables are coerced once (first error only), the cost is checked
 * against GRAPHQL_MAX_COMPLEXITY, and the expensive work it asks for (matching, search) is charged to
 * the client's budget (EXPENSIVE_BUDGET_POINTS per EXPENSIVE_BUDGET_WINDOW_SECONDS, in Redis when
 * present so that every instance shares it). The client is the signed-in user, else the address.
 */
export function operationLimitsHooks(
  config: AppConfig,
  moduleRef: ModuleRef,
  checked = new CheckedOperations(),
): RequestHooks {
  const limiter = () => moduleRef.get(RateLimiterService, { strict: false });
  const tokens = () => moduleRef.get(AccessTokenService, { strict: false });
  const clientOf = (req: GqlContext['req'] | undefined): string => {
    // a refused token is refused by the guard; its work is charged to the address
    const token = /^Bearer (.+)$/i.exec(req?.headers?.authorization ?? '')?.[1];
    const sub = token ? tokens().subjectOf(token) : null;
    return sub ? `user:${sub}` : `ip:${clientAddress(req)}`;
  };
  return {
    async didResolveOperation({ schema, document, request, operation, contextValue }) {
      const operationName = request.operationName ?? undefined;
      let expensive = checked.get(document, operationName, request.variables);
      if (expensive === undefined) {
        if (operation) assertVariables(schema, operation, request.variables);
        ({ expensive } = assertComplexity(
          schema,
          document,
          operationName,
          request.variables,
          config.GRAPHQL_MAX_COMPLEXITY,
        ));
        checked.set(document, operationName, request.variables, expensive);
      }
      if (expensive === 0) return;
      const { EXPENSIVE_BUDGET_POINTS: max, EXPENSIVE_BUDGET_WINDOW_SECONDS: window } = config;
      const result = await limiter().hit(`expensive:${clientOf(contextValue?.req)}`, max, window, expensive);
      if (!result.allowed) throw new RateLimitedError(result.retryAfterSeconds);
    },
  };
}

/** Longest variables (as JSON) whose check is remembered; larger ones are checked every time. */
const MAX_CHECKED_VARIABLES = 2_000;
/** Distinct variables remembered per document (the oldest half is forgotten beyond it). */
const MAX_CHECKED_PER_DOCUMENT = 500;

/**
 * The outcome of the variables and cost checks of operations that passed them: their points of
 * expensive work, by document, operation name and variables. Both checks depend on nothing else (the
 * schema and the limits are fixed), and Apollo's document store hands out the same parsed document
 * for the same query text, so a document sent again with the same variables (a portal page, a
 * polling client) is not walked again. Refusals are not remembered: they are checked (and counted by
 * the client-error throttle) each time.
 */
export class CheckedOperations {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();

  private static key(operationName: string | undefined, variables: Record<string, unknown> | undefined) {
    const json = variables ? JSON.stringify(variables) : '';
    return json.length > MAX_CHECKED_VARIABLES ? undefined : `${operationName ?? ''}\u0000${json}`;
  }

  get(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined) {
    const outcomes = this.byDocument.get(document);
    if (!outcomes) return undefined;
    const key = CheckedOperations.key(operationName, variables);
    return key === undefined ? undefined : outcomes.get(key);
  }

  set(
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown> | undefined,
    expensive: number,
  ): void {
    const key = CheckedOperations.key(operationName, variables);
    if (key === undefined) return;
    let outcomes = this.byDocument.get(document);
    if (!outcomes) this.byDocument.set(document, (outcomes = new Map()));
    if (outcomes.size >= MAX_CHECKED_PER_DOCUMENT) forgetOldestHalf(outcomes);
    outcomes.set(key, expensive);
  }
}

/** Deletes the first half of a map's entries (the oldest set: a Map keeps insertion order). */
export function forgetOldestHalf(map: Map<unknown, unknown>): void {
  let drop = map.size / 2;
  for (const old of map.keys()) {
    if (drop-- <= 0) break;
    map.delete(old);
  }
}

/**
 * HTTP status of answers whose errors are not the client's to fix by changing the request:
 * SERVICE_UNAVAILABLE → 503, RATE_LIMITED → 429, both with Retry-After. Every answer is
 * `cache-control: no-store` (answers depend on who asks; nothing may keep them).
 */
export function httpStatusHooks(): RequestHooks {
  const statusOf: Partial<Record<string, number>> = {
    [ErrorCode.SERVICE_UNAVAILABLE]: 503,
    [ErrorCode.RATE_LIMITED]: 429,
  };
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
}
