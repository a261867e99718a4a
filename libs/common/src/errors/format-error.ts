import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error.js';

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

/**
 * The one place where errors become what a client sees: domain errors keep their code and
 * extensions; anything unexpected becomes INTERNAL_SERVER_ERROR without message, stack or SQL.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const base = { locations: formatted.locations, path: formatted.path };
  const original = originalOf(error);
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { ...original.extensions, code: original.code } };
  }
  if (isExpectedError(error)) {
    const code = (formatted.extensions?.code as string | undefined) ?? 'GRAPHQL_VALIDATION_FAILED';
    return { ...base, message: formatted.message, extensions: { code } };
  }
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
