/** The error codes clients see in `extensions.code` (docs/domain.md, "Errors"). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The database or another service the API needs is unreachable: HTTP 503 with Retry-After; try again. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** An expected error: mapped to a GraphQL error with its code and never logged as a server fault. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super(ErrorCode.NOT_FOUND, id ? `${what} ${id} was not found` : `${what} was not found`);
  }
}

export class BadInputError extends DomainError {
  /** `field` is the input path, e.g. "input.countriesOfOrigin". */
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, { field, ...extra });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.CONFLICT, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to do this') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many attempts; try again in ${retryAfterSeconds} seconds`, {
      retryAfterSeconds,
    });
  }
}

/** An infrastructure failure (database down, pool exhausted): never reported as the client's fault. */
export class ServiceUnavailableError extends DomainError {
  constructor(retryAfterSeconds = 5, message = 'The service is temporarily unavailable; try again shortly') {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, { retryAfterSeconds, http: { status: 503 } });
  }
}
