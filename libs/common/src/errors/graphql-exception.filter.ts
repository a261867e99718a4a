import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { unavailableError } from './format-error.js';

/**
 * In GraphQL, hand every exception back to Apollo: formatGraphQLError maps it to a code
 * and the error-logging plugin logs only the unexpected ones (with the request id). HTTP routes keep
 * Nest's default handling.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    // Thrown, not returned: a returned value that is not `instanceof Error` (a cross-realm Node error)
    // would become the field's data. Infrastructure failures become SERVICE_UNAVAILABLE here.
    if (host.getType<GqlContextType>() === 'graphql') throw unavailableError(exception) ?? exception;
    return super.catch(exception, host);
  }
}
