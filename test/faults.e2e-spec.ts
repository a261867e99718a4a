/*
 * Fault tests (issue 11, "Tests that must exist", last bullet; must-fix 11 and 13): the API on PRIVATE
 * PostgreSQL and Redis servers (test/support/private-servers.ts) that this file stops and restarts.
 * The machine's shared servers (5432, 6379) are never touched: other test files use them meanwhile.
 * Runs in the PostgreSQL leg (DATABASE_URL set) when the PostgreSQL 15 binaries and redis-server exist;
 * otherwise the suite is skipped visibly, with the reason printed.
 *
 * WHERE DATABASE CONNECTION FAILURES SURFACE (measured with pg 8.23 / pg-pool / TypeORM 1.1.1 against a
 * private PostgreSQL 15 stopped with `pg_ctl -m fast` and `-m immediate`, frozen, and flooded):
 *
 *  1. A statement in flight when the server stops:
 *     - `-m fast`: TypeORM QueryFailedError, `code` = `driverError.code` = '57P01' (admin_shutdown,
 *       "terminating connection due to administrator command"); driverError is a pg DatabaseError.
 *     - `-m immediate` (crash-like): QueryFailedError WITHOUT a code, message (and driverError.message)
 *       "Connection terminated unexpectedly" (driverError is a plain Error).
 *  2. The next statement on a pooled connection the pool has not evicted yet: QueryFailedError without a
 *     code, "Connection terminated unexpectedly".
 *  3. Every new connection while the server is down, from dataSource.query, repositories AND
 *     dataSource.transaction(): a plain Node Error, NOT a QueryFailedError (it is thrown by
 *     pool.connect(), outside TypeORM's query wrapper, so there is no driverError): `code` 'ECONNREFUSED',
 *     `errno` -111, `syscall` 'connect', message "connect ECONNREFUSED 127.0.0.1:<port>". It fails at
 *     once (1-3 ms). Same family on other networks: ECONNRESET, EPIPE, ETIMEDOUT, EHOSTUNREACH,
 *     ENETUNREACH, ENOTFOUND, EAI_AGAIN.
 *  4. New connections while the server shuts down or starts up: pg DatabaseError (plain, no
 *     QueryFailedError) code '57P03' cannot_connect_now ("the database system is shutting down" /
 *     "the database system is starting up").
 *  5. A server that accepts TCP but does not answer (frozen, or a black-holed network): pg-pool Error
 *     "Connection terminated due to connection timeout" (cause: Error "timeout expired") after the pool's
 *     connectionTimeoutMillis, which WAS 30 s: such a request hung 30 s. persistence.module.ts now sets
 *     5 s on PostgreSQL servers (embedded PGlite keeps 30 s: its single connection is a queue, not a network).
 *  6. No pooled connection free within connectionTimeoutMillis (pool exhausted): pg-pool Error
 *     "timeout exceeded when trying to connect" (no code).
 *  7. Server full: DatabaseError '53300' too_many_connections ("sorry, too many clients already").
 *  8. Rarer driver messages without a code: "Connection terminated", "Client has encountered a connection
 *     error and is not queryable", "Client was closed and is not queryable", and at shutdown
 *     "Cannot use a pool after calling end on the pool".
 *
 * SO THE GRAPHQL LAYER MUST TREAT AS SERVICE_UNAVAILABLE: take `e = error.driverError ?? error` (also
 * walk `cause`), then
 *   - SQLSTATE class 08 (connection exception: 08000, 08001, 08003, 08004, 08006, 08007), 57P01
 *     admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections (and the
 *     rest of class 53, insufficient resources: 53000, 53100, 53200);
 *   - Node codes ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH, ENOTFOUND, EAI_AGAIN;
 *   - code-less pg/pg-pool messages: /^Connection terminated( unexpectedly| due to connection timeout)?$/,
 *     "timeout exceeded when trying to connect", /is not queryable$/, "Cannot use a pool after calling end
 *     on the pool".
 *   Not 57014 query_canceled (a statement timeout is the request's own runaway query, not an outage).
 *   Errors of kinds 3-6 are plain Errors, so matching only QueryFailedError misses the common case.
 *   The auth user lookup (AccessTokenService.userOf) sees exactly these errors: today passport turns
 *   them into UNAUTHENTICATED "The access token is invalid".
 *   Compared with libs/common/src/errors/infrastructure-error.ts (work in progress when this was written):
 *   it lacks ENETUNREACH, "Client was closed and is not queryable" (use /is not queryable$/), "Cannot use
 *   a pool after calling end on the pool" and class 53 beyond 53300; it adds 57014, 40P01 and 40001.
 *
 * UNDER JEST, ECONNREFUSED IS NOT `instanceof Error`: errors made by Node core (net) belong to the main
 * realm, the app runs in Jest's VM context (checked: `err instanceof Error` is false for both a net
 * socket error and pg Pool's ECONNREFUSED; pg's own errors, QueryFailedError and DatabaseError are
 * fine). Consequences seen in this file's run: GraphQLExceptionFilter RETURNS the exception for
 * GraphQL, so a resolver whose query got ECONNREFUSED returns that error object as its VALUE, and
 * graphql-js (whose `result instanceof Error` check fails) completes it as data: anonymous
 * `organizations { totalCount }` answered INTERNAL_SERVER_ERROR "Cannot return null for non-nullable
 * field OrganizationConnection.totalCount" while PostgreSQL was down. A thrown cross-realm error is no
 * better: graphql-js's locatedError wraps a non-Error as new Error("Unexpected error value: ...") and the
 * code is lost from originalError. So classify by duck typing (code/message, never instanceof) and, in
 * the GraphQL branch of GraphQLExceptionFilter, THROW `unavailableError(exception) ?? exception` (a
 * ServiceUnavailableError made in the app's realm) instead of returning the exception. In production
 * (one realm) returning works, but the tests run in Jest. (Done in 074ec17; since then every outage answer
 * carries SERVICE_UNAVAILABLE and Retry-After.)
 *
 * STILL OPEN at the last run of this file (working tree of 04:30): those answers come with HTTP 200, not
 * 503, although httpStatusHooks set response.http.status and its Retry-After header does arrive (seen
 * with a raw node:http request: status 200, headers retry-after: 5 and cache-control: no-store).
 *
 * RECOVERY: TypeORM and pg recover by themselves, no restart of the API: pg-pool evicts an idle client on
 * its 'error' event (TypeORM installs a pool error handler, so the process does not crash) and a client
 * whose query failed on a broken connection (pg-pool's release drops clients that are not _queryable);
 * after `pg_ctl start` the first statements open new connections and succeed (probe: first query 20-40 ms
 * after the server accepted connections; this file: the API answers normally 110-170 ms after pg_ctl
 * start returns). Nothing bounds a statement on a connection whose server froze mid-query
 * (statement_timeout runs on the server; pg's client-side query_timeout is unset, and pg leaves the
 * connection in use when it fires, so it is no fix by itself).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { orgInput, PASSWORD, registerUser, TestUser } from './support/fixtures.js';
import { blackHole, PrivatePostgres, privateServersUnavailable, PrivateRedis } from './support/private-servers.js';
import { TestApp } from './support/test-app.js';

const unavailable = privateServersUnavailable();
// Straight to stderr: Jest does not show the console output of a file whose tests were all skipped.
if (unavailable) process.stderr.write(`\nSKIPPED test/faults.e2e-spec.ts (fault tests): ${unavailable}\n`);
const describeFaults = unavailable ? describe.skip : describe;

/** No request may take longer than this while a server is down or restarting. */
const MAX_REQUEST_MS = 5_000;
/** A server that accepts connections and never answers: the pool's connection timeout (5 s) plus a margin. */
const MAX_UNANSWERED_MS = 8_000;
/** The same API process answers normally again within this time after PostgreSQL accepts connections. */
const MAX_RECOVERY_MS = 15_000;
/** Sign-in with Redis down (it took 8-9.5 s: the rate limiter waited on Redis). */
const MAX_SIGN_IN_WITHOUT_REDIS_MS = 2_000;

interface HttpAnswer {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  ms: number;
}

const ME = `{ me { id email } }`;
const ORGANIZATION = `query($id: ID!) { organization(id: $id) { id name } }`;
const ORGANIZATIONS = `{ organizations(first: 5) { totalCount } }`;
const CREATE_ORG = `mutation($input: OrganizationInput!) { createOrganization(input: $input) { id name } }`;
const UPDATE_ORG = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id name } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { id } } }`;

describeFaults(`faults on private servers${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let postgres: PrivatePostgres | undefined;
  let redis: PrivateRedis | undefined;
  let t: TestApp | undefined;
  let user: TestUser;
  let organizationId: string;

  /** POST /graphql with the status, Retry-After and duration; a request that hangs fails after 20 s. */
  async function post(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<HttpAnswer> {
    const started = performance.now();
    const res = await fetch(`${t!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    let body: HttpAnswer['body'];
    try {
      body = JSON.parse(text) as HttpAnswer['body'];
    } catch {
      throw new Error(`HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`);
    }
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body, ms: performance.now() - started };
  }

  async function health() {
    const started = performance.now();
    const res = await fetch(`${t!.url}/health`, { signal: AbortSignal.timeout(20_000) });
    const body = (await res.json()) as Record<string, unknown>;
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body, ms: performance.now() - started };
  }

  const describeAnswer = (a: HttpAnswer) =>
    `HTTP ${a.status} in ${Math.round(a.ms)} ms, Retry-After ${a.retryAfter}: ${JSON.stringify(a.body).slice(0, 400)}`;

  /** Why `a` is not a normal answer (HTTP 200, no errors, within the bound), or null. */
  function notOk(a: HttpAnswer, what: string): string | null {
    if (a.status !== 200 || a.body.errors?.length)
      return `${what}: expected 200 without errors, got ${describeAnswer(a)}`;
    if (a.ms >= MAX_REQUEST_MS) return `${what}: took ${Math.round(a.ms)} ms (bound ${MAX_REQUEST_MS} ms)`;
    return null;
  }

  /**
   * Why `a` is not the outage answer, or null: HTTP 503, only SERVICE_UNAVAILABLE errors (never
   * UNAUTHENTICATED or INTERNAL_SERVER_ERROR), a Retry-After in whole seconds, within the bound.
   */
  function notUnavailable(a: HttpAnswer, what: string): string | null {
    const codes = (a.body.errors ?? []).map((e) => e.extensions?.code);
    if (a.status !== 503 || !codes.length || codes.some((c) => c !== 'SERVICE_UNAVAILABLE')) {
      return `${what}: expected HTTP 503 SERVICE_UNAVAILABLE, got ${describeAnswer(a)}`;
    }
    if (!/^[1-9]\d*$/.test(a.retryAfter ?? '')) return `${what}: Retry-After ${a.retryAfter}, expected seconds`;
    if (a.ms >= MAX_REQUEST_MS) return `${what}: took ${Math.round(a.ms)} ms (bound ${MAX_REQUEST_MS} ms)`;
    return null;
  }

  function expectOk(a: HttpAnswer, what: string): void {
    const problem = notOk(a, what);
    if (problem) throw new Error(problem);
  }

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([PrivatePostgres.create(), PrivateRedis.create()]);
    t = await TestApp.start({ REDIS_URL: redis.url, DB_POOL_SIZE: '4' }, { serverUrl: postgres.url });
    user = await registerUser(t, 'faults');
    organizationId = (await t.ok(CREATE_ORG, { input: orgInput() }, user.token)).createOrganization.id;
  });

  afterAll(async () => {
    try {
      // closing needs both servers (dropping the database, closing Redis connections)
      if (postgres && !(await postgres.isRunning())) await postgres.start().catch(() => undefined);
      if (redis && !redis.running) await redis.start().catch(() => undefined);
      await t?.close();
    } finally {
      await Promise.all([postgres?.destroy(), redis?.destroy()]);
    }
  });

  describe('PostgreSQL stops and starts again under the same API process', () => {
    it.each(['fast', 'immediate'] as const)(
      'pg_ctl stop -m %s: reads answer 503 SERVICE_UNAVAILABLE with Retry-After (never 401 or 500), then recover',
      async (mode) => {
        // before: normal answers, authenticated and anonymous
        expectOk(await post(ME, {}, user.token), 'me before');
        expectOk(await post(ORGANIZATION, { id: organizationId }, user.token), 'organization before');
        expectOk(await post(ORGANIZATIONS), 'anonymous organizations before');

        // Every wrong answer is collected, so that one run shows all of them; asserted at the end.
        const problems: string[] = [];
        const check = (problem: string | null) => {
          if (problem) problems.push(problem);
        };

        // a reader keeps asking all along: every answer is a normal one or a clean 503
        const seen: Array<HttpAnswer & { what: string }> = [];
        let reading = true;
        const ask = async (what: string, query: string, variables: Record<string, unknown>, token?: string) => {
          const a = await post(query, variables, token).catch((error: Error): HttpAnswer => ({
            status: 0,
            retryAfter: null,
            body: { errors: [{ message: error.message }] },
            ms: 0,
          }));
          seen.push({ ...a, what });
        };
        const reader = (async () => {
          while (reading) {
            await ask('reader: organization', ORGANIZATION, { id: organizationId }, user.token);
            await ask('reader: anonymous organizations', ORGANIZATIONS, {});
          }
        })();
        const stopReader = async () => {
          reading = false;
          await reader;
        };

        try {
          await postgres!.stop(mode);
          try {
            // down: authenticated reads (the token's user lookup fails too), anonymous reads, a write
            check(notUnavailable(await post(ME, {}, user.token), 'me while down'));
            check(
              notUnavailable(await post(ORGANIZATION, { id: organizationId }, user.token), 'organization while down'),
            );
            check(notUnavailable(await post(ORGANIZATIONS), 'anonymous organizations while down'));
            check(
              notUnavailable(await post(ORGANIZATION, { id: organizationId }), 'anonymous organization while down'),
            );
            const input = orgInput({ name: 'Written while down' });
            check(
              notUnavailable(await post(UPDATE_ORG, { id: organizationId, input }, user.token), 'update while down'),
            );
            check(notUnavailable(await post(CREATE_ORG, { input: orgInput() }, user.token), 'create while down'));
            const down = await health();
            if (down.status !== 503 || down.body.database !== 'down' || !down.retryAfter || down.ms >= MAX_REQUEST_MS) {
              problems.push(
                `/health while down: HTTP ${down.status} in ${Math.round(down.ms)} ms, Retry-After ${down.retryAfter}: ${JSON.stringify(down.body)}`,
              );
            }
            // still down a little later (nothing cached, no state stuck)
            await new Promise((r) => setTimeout(r, 500));
            check(notUnavailable(await post(ME, {}, user.token), 'me still down'));
            check(notUnavailable(await post(ORGANIZATIONS), 'anonymous organizations still down'));
          } finally {
            await postgres!.start();
          }

          // up again: the same process answers normally within the bound, with the same token
          const upAt = performance.now();
          for (;;) {
            const a = await post(ORGANIZATION, { id: organizationId }, user.token);
            if (a.status === 200 && !a.body.errors) break;
            if (performance.now() - upAt > MAX_RECOVERY_MS) {
              throw new Error(`not recovered ${MAX_RECOVERY_MS} ms after PostgreSQL started: ${describeAnswer(a)}`);
            }
            check(notUnavailable(a, 'organization while recovering'));
            await new Promise((r) => setTimeout(r, 100));
          }
          const recoveryMs = performance.now() - upAt;
          await stopReader();

          const up = await health();
          if (up.status !== 200 || up.body.database !== 'up')
            problems.push(`/health after: HTTP ${up.status} ${JSON.stringify(up.body)}`);
          const me = await post(ME, {}, user.token);
          check(notOk(me, 'me after (same token)'));
          if (me.body.data?.me?.id !== user.id)
            problems.push(`me after: not the signed-in user: ${describeAnswer(me)}`);
          const name = `Recovered ${mode} ${randomBytes(3).toString('hex')}`;
          const updated = await post(UPDATE_ORG, { id: organizationId, input: orgInput({ name }) }, user.token);
          check(notOk(updated, 'updateOrganization after'));
          if (updated.body.data?.updateOrganization?.name !== name) {
            problems.push(`updateOrganization after: not saved: ${describeAnswer(updated)}`);
          }
          check(notOk(await post(CREATE_ORG, { input: orgInput() }, user.token), 'createOrganization after'));
          check(notOk(await post(ORGANIZATIONS), 'anonymous organizations after'));

          // what the reader saw across the whole restart: normal answers or clean 503s, none slow
          for (const a of seen) if (notOk(a, a.what)) check(notUnavailable(a, a.what));
          const slowest = Math.max(...seen.map((a) => a.ms));
          const normal = seen.filter((a) => !notOk(a, '')).length;
          const unavailable503 = seen.filter((a) => !notUnavailable(a, '')).length;
          console.log(
            `faults: pg_ctl stop -m ${mode}: ${seen.length} reads during the restart: ${normal} normal, ` +
              `${unavailable503} clean 503, ${seen.length - normal - unavailable503} wrong; slowest ${Math.round(slowest)} ms; ` +
              `recovered ${Math.round(recoveryMs)} ms after PostgreSQL accepted connections`,
          );
          // one line per kind of wrong answer (timings stripped), with its count
          const counts = new Map<string, number>();
          for (const p of problems)
            counts.set(p.replace(/ in \d+ ms/, ''), (counts.get(p.replace(/ in \d+ ms/, '')) ?? 0) + 1);
          expect([...counts].map(([p, n]) => (n > 1 ? `${n} x ${p}` : p))).toEqual([]);
        } finally {
          await stopReader();
        }
      },
    );
  });

  describe('PostgreSQL stops answering (accepts connections, never replies)', () => {
    it('requests answer 503 SERVICE_UNAVAILABLE after the pool connection timeout (5 s), not 30 s, then recover', async () => {
      expectOk(await post(ORGANIZATIONS), 'anonymous organizations before');
      // Stopping the server drops every pooled connection; a listener that never answers then takes
      // its port, so every request needs a new connection and waits for the pool's timeout.
      await postgres!.stop('fast');
      const hole = await blackHole(postgres!.port);
      const answers: Array<[string, HttpAnswer]> = [];
      let healthDown: Awaited<ReturnType<typeof health>>;
      try {
        const attempt = (query: string, variables: Record<string, unknown>, token?: string) =>
          post(query, variables, token).catch((error: Error): HttpAnswer => ({
            status: 0,
            retryAfter: null,
            body: { errors: [{ message: error.message }] },
            ms: 20_000,
          }));
        const [me, anonymous, one, down] = await Promise.all([
          attempt(ME, {}, user.token),
          attempt(ORGANIZATIONS, {}),
          attempt(ORGANIZATION, { id: organizationId }),
          health().catch(() => ({ status: 0, retryAfter: null, body: {}, ms: 20_000 })),
        ]);
        answers.push(
          ['me (unanswered server)', me],
          ['anonymous organizations (unanswered server)', anonymous],
          ['anonymous organization (unanswered server)', one],
        );
        healthDown = down;
        expect(hole.connections()).toBeGreaterThan(0);
      } finally {
        await hole.close();
        await postgres!.start();
      }
      const problems: string[] = [];
      for (const [what, a] of answers) {
        const problem = notUnavailable({ ...a, ms: 0 }, what);
        if (problem) problems.push(problem);
        if (a.ms >= MAX_UNANSWERED_MS)
          problems.push(`${what}: took ${Math.round(a.ms)} ms (bound ${MAX_UNANSWERED_MS} ms)`);
      }
      if (healthDown.status !== 503 || healthDown.ms >= MAX_UNANSWERED_MS) {
        problems.push(`/health (unanswered server): HTTP ${healthDown.status} in ${Math.round(healthDown.ms)} ms`);
      }
      console.log(
        `faults: unanswered PostgreSQL: ${answers.map(([w, a]) => `${w} HTTP ${a.status} in ${Math.round(a.ms)} ms`).join(', ')}, ` +
          `/health HTTP ${healthDown.status} in ${Math.round(healthDown.ms)} ms`,
      );
      expect(problems).toEqual([]);

      const upAt = performance.now();
      for (;;) {
        const a = await post(ORGANIZATIONS);
        if (!notOk(a, '')) break;
        if (performance.now() - upAt > MAX_RECOVERY_MS) throw new Error(`not recovered: ${describeAnswer(a)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expectOk(await post(ME, {}, user.token), 'me after');
    });
  });

  describe('Redis stops and starts again', () => {
    beforeAll(async () => {
      if (!(await postgres!.isRunning())) await postgres!.start();
    });

    it('sign-in, registration and writes go on without Redis, and after it is back', async () => {
      await redis!.stop();
      try {
        const login = await post(LOGIN, { email: user.email, password: PASSWORD });
        expectOk(login, 'login without Redis');
        expect(login.ms).toBeLessThan(MAX_SIGN_IN_WITHOUT_REDIS_MS);
        const token = login.body.data!.login.accessToken as string;

        const registered = await post(`mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`, {
          input: { email: `faults-${randomBytes(5).toString('hex')}@example.org`, password: PASSWORD, name: 'x' },
        });
        expectOk(registered, 'register without Redis');
        expect(registered.ms).toBeLessThan(MAX_SIGN_IN_WITHOUT_REDIS_MS);

        const created = await post(CREATE_ORG, { input: orgInput() }, token);
        expectOk(created, 'createOrganization without Redis');
        const id = created.body.data!.createOrganization.id as string;
        const name = `Without Redis ${randomBytes(3).toString('hex')}`;
        const updated = await post(UPDATE_ORG, { id, input: orgInput({ name }) }, token);
        expectOk(updated, 'updateOrganization without Redis');
        expect(updated.body.data!.updateOrganization).toEqual({ id, name });
        expectOk(await post(ORGANIZATION, { id }, token), 'organization without Redis');
        console.log(
          `faults: without Redis: login ${Math.round(login.ms)} ms, register ${Math.round(registered.ms)} ms, ` +
            `createOrganization ${Math.round(created.ms)} ms, updateOrganization ${Math.round(updated.ms)} ms`,
        );
      } finally {
        await redis!.start();
      }

      // Redis is back (empty: no persistence): sign-in and writes work, and rate limits are counted in
      // Redis again once the API has reconnected
      const login = await post(LOGIN, { email: user.email, password: PASSWORD });
      expectOk(login, 'login after Redis returned');
      const created = await post(CREATE_ORG, { input: orgInput() }, login.body.data!.login.accessToken as string);
      expectOk(created, 'createOrganization after Redis returned');

      const raw = new Redis(redis!.url, { maxRetriesPerRequest: 1 });
      try {
        const deadline = Date.now() + 10_000;
        let keys: string[] = [];
        while (!keys.length) {
          expectOk(await post(LOGIN, { email: user.email, password: PASSWORD }), 'login after Redis returned');
          keys = await raw.keys('*ratelimit*');
          if (!keys.length && Date.now() > deadline)
            throw new Error('no rate-limit key in Redis 10 s after it returned');
          if (!keys.length) await new Promise((r) => setTimeout(r, 250));
        }
      } finally {
        raw.disconnect();
      }
    });
  });
});
