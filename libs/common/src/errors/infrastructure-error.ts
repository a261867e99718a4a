/**
 * Failures of the services the API depends on (PostgreSQL down or restarting, pool exhausted, a
 * statement cancelled by its time-out): the client did nothing wrong and should try again, so they
 * answer SERVICE_UNAVAILABLE (HTTP 503 with Retry-After), never UNAUTHENTICATED or a bare 500.
 * Classified by code and message, never by `instanceof`: errors made by Node's net module may come
 * from another realm (test/faults.e2e-spec.ts lists where each kind surfaces).
 */
const SQLSTATE_UNAVAILABLE = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '57014', // query_canceled (statement_timeout)
  '40P01', // deadlock_detected: a retry succeeds
  '40001', // serialization_failure: a retry succeeds
]);
const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** SQLSTATE classes: 08 connection exception, 53 insufficient resources (too many connections, disk full). */
const SQLSTATE_CLASSES = ['08', '53'];
const MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /is not queryable$/i,
  /Cannot use a pool after calling end on the pool/i,
  /Connection is closed/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
];

/** What one error (or what it wraps: TypeORM's driverError, `cause`) says about its kind. */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const record = current as Record<string, unknown>;
    yield record;
    current = record.driverError ?? record.originalError ?? record.cause;
  }
}

export function isInfrastructureError(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (SQLSTATE_UNAVAILABLE.has(code) || NODE_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
    if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  }
  return false;
}

/** A statement cancelled by DB_STATEMENT_TIMEOUT_MS. */
export function isStatementTimeout(error: unknown): boolean {
  for (const e of chain(error)) if (e.code === '57014') return true;
  return false;
}
