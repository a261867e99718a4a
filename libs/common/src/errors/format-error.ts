import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode, ServiceUnavailableError } from './domain-error.js';
import { isInfrastructureError, isStatementTimeout } from './infrastructure-error.js';

/** Codes that GraphQL itself (parsing, validation, variable coercion) produces and that are safe to show. */
const CLIENT_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
  ...Object.values(ErrorCode),
]);

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError ? error.originalError : error;
}

/** True for errors a client caused (domain errors, GraphQL validation): not logged as server faults. */
export function isExpectedError(error: unknown): boolean {
  const original = originalOf(error);
  if (original instanceof DomainError) return true;
  if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) {
    const code = error.extensions?.code as string | undefined;
    return !code || CLIENT_CODES.has(code);
  }
  return false;
}

/** How long a client should wait before retrying after an infrastructure failure. */
const RETRY_AFTER_SECONDS = 5;

/** The client-facing error for an infrastructure failure (database down, statement time-out). */
export function unavailableError(error: unknown): ServiceUnavailableError | null {
  if (!isInfrastructureError(error)) return null;
  return isStatementTimeout(error)
    ? new ServiceUnavailableError(
        RETRY_AFTER_SECONDS,
        'The request took too long and was cancelled; try a narrower one',
        { key: 'errors.timeout' },
      )
    : new ServiceUnavailableError(RETRY_AFTER_SECONDS);
}

/** "Did you mean …?" hints name fields and types: not shown when introspection is off. */
const SUGGESTION = / Did you mean .*\?$/;

export interface ErrorFormatOptions {
  /** Hide schema hints (suggestions, the server library) when the schema is not public. */
  hideSchema: boolean;
}

/**
 * The one place where errors become what a client sees: domain errors keep their code and
 * extensions; infrastructure failures become SERVICE_UNAVAILABLE; anything else unexpected becomes
 * INTERNAL_SERVER_ERROR without message, stack or SQL.
 */
export function graphQLErrorFormatter(options: ErrorFormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const base = { locations: formatted.locations, path: formatted.path };
    const original = originalOf(error);
    const domain = original instanceof DomainError ? original : unavailableError(original);
    if (domain) {
      const { http: _http, ...extensions } = domain.extensions;
      return { ...base, message: domain.message, extensions: { ...extensions, code: domain.code } };
    }
    if (isExpectedError(error)) {
      const code = (formatted.extensions?.code as string | undefined) ?? 'GRAPHQL_VALIDATION_FAILED';
      const field = formatted.extensions?.field;
      const message = options.hideSchema ? schemaless(formatted.message) : formatted.message;
      return { ...base, message, extensions: { code, ...(typeof field === 'string' ? { field } : {}) } };
    }
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function schemaless(message: string): string {
  if (/introspection/i.test(message)) return 'Introspection is disabled';
  return message.replace(SUGGESTION, '');
}

/** The formatter with every hint shown (development). */
export const formatGraphQLError = graphQLErrorFormatter({ hideSchema: false });
