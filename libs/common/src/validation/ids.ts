import { NotFoundError } from '../errors/domain-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * An id that is not a UUID names nothing that exists: NOT_FOUND, before any SQL runs. Returns the
 * canonical (lower-case) form, the one PostgreSQL returns and the loaders key by.
 */
export function requireId(value: string, what: string): string {
  if (!isUuid(value)) throw new NotFoundError(what, value);
  return value.toLowerCase();
}

/** An optional id: null when absent (null or undefined); anything else, "" included, must be an id. */
export function optionalId(value: string | null | undefined, what: string): string | null {
  return value === null || value === undefined ? null : requireId(value, what);
}
