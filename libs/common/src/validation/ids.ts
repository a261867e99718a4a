import { NotFoundError } from '../errors/domain-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** An id that is not a UUID names nothing that exists: NOT_FOUND, before any SQL runs. */
export function requireId(value: string, what: string): string {
  if (!isUuid(value)) throw new NotFoundError(what, value);
  return value;
}
