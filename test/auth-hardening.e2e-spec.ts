import { jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { AppConfig } from '@app/config';
import { TestApp } from './support/test-app.js';
import { dataSource, PASSWORD, registerUser, uniqueEmail } from './support/fixtures.js';
import { closeCode } from './support/notification-helpers.js';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`;
const ME = `{ me { id } }`;

/** A sign-in sent with an X-Forwarded-For header: its error code ('OK' when signed in) and duration. */
async function loginFrom(t: TestApp, forwardedFor: string | null, email: string, password: string) {
  const started = performance.now();
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  return { code: body.errors?.[0]?.extensions?.code ?? 'OK', ms: performance.now() - started };
}

async function codesOf(attempts: Array<() => Promise<{ code: string }>>): Promise<string[]> {
  const codes: string[] = [];
  for (const attempt of attempts) codes.push((await attempt()).code);
  return codes;
}

describe('Sign-in limits: no lock-out of the owner, bounded guessing, trusted proxies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({
      TRUSTED_PROXIES: 'loopback',
      AUTH_RATE_LIMIT_MAX: '3',
      AUTH_ADDRESS_FAILURE_MAX: '5',
      AUTH_ACCOUNT_DELAY_MAX_MS: '600',
    });
  });
  afterAll(() => t?.close());

  it("lets the owner sign in after a stranger's 50 failures from another address, and limits the stranger", async () => {
    const owner = await registerUser(t, 'owner');
    const stranger = Array.from(
      { length: 50 },
      (_, i) => () => loginFrom(t, '203.0.113.7', owner.email, `guess-${i}-x`),
    );
    const codes = await codesOf(stranger);
    expect(codes.slice(0, 3)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(new Set(codes.slice(3))).toEqual(new Set(['RATE_LIMITED']));
    expect((await loginFrom(t, '198.51.100.20', owner.email, PASSWORD)).code).toBe('OK');
    // the stranger stays limited, even with the right password
    expect((await loginFrom(t, '203.0.113.7', owner.email, PASSWORD)).code).toBe('RATE_LIMITED');
  });

  it('slows sign-ins to an account guessed at from many addresses, without refusing its owner', async () => {
    const owner = await registerUser(t, 'spread');
    const guesses = Array.from(
      { length: 6 },
      (_, i) => () => loginFrom(t, `192.0.2.${i + 1}`, owner.email, 'wrong-guess-1'),
    );
    expect(await codesOf(guesses)).toEqual(Array(6).fill('UNAUTHENTICATED'));
    const slowed = await loginFrom(t, '192.0.2.200', owner.email, 'wrong-guess-2');
    expect(slowed).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(slowed.ms).toBeGreaterThanOrEqual(590); // 6 failures > 3: the capped delay
    const signedIn = await loginFrom(t, '198.51.100.21', owner.email, PASSWORD);
    expect(signedIn.code).toBe('OK');
    expect(signedIn.ms).toBeGreaterThanOrEqual(590);
  });

  it('limits failures from one address over all accounts (password spraying), not other addresses', async () => {
    const sprayed = Array.from(
      { length: 6 },
      () => () => loginFrom(t, '203.0.113.99', uniqueEmail('spray'), 'summer-2026!'),
    );
    expect(await codesOf(sprayed)).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
    expect((await loginFrom(t, '203.0.113.100', uniqueEmail('spray'), 'summer-2026!')).code).toBe('UNAUTHENTICATED');
  });

  it('takes the client address from X-Forwarded-For only when the proxy is trusted', async () => {
    const target = uniqueEmail('xff');
    // trusted (loopback): each forwarded address is its own client, so no pair reaches the limit
    const spread = Array.from(
      { length: 4 },
      (_, i) => () => loginFrom(t, `198.51.100.${50 + i}`, target, 'wrong-password'),
    );
    expect(await codesOf(spread)).toEqual(Array(4).fill('UNAUTHENTICATED'));

    const untrusted = await TestApp.start({ AUTH_RATE_LIMIT_MAX: '3' });
    try {
      const forged = Array.from(
        { length: 4 },
        (_, i) => () => loginFrom(untrusted, `198.51.100.${i}`, target, 'nope-nope-1'),
      );
      expect(await codesOf(forged)).toEqual([...Array(3).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
    } finally {
      await untrusted.close();
    }
  });
});

describe('Sign-in without Redis', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL: 'redis://127.0.0.1:1', AUTH_RATE_LIMIT_MAX: '3' });
  });
  // the app closes cleanly; only the test harness' removal of Redis keys cannot reach the closed port
  afterAll(() => t?.close().catch(() => undefined));

  it('signs in within a second while Redis is unreachable, and still applies the limits in process', async () => {
    const user = await registerUser(t, 'no-redis');
    const signedIn = await loginFrom(t, null, user.email, PASSWORD);
    expect(signedIn.code).toBe('OK');
    expect(signedIn.ms).toBeLessThan(1000);
    const wrong = Array.from({ length: 4 }, () => () => loginFrom(t, null, user.email, 'wrong-password'));
    expect(await codesOf(wrong)).toEqual([...Array(3).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
  });
});

describe('Access tokens: infrastructure failures, sessions and subscriptions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET: '3' });
  });
  afterAll(() => t?.close());

  it('answers SERVICE_UNAVAILABLE, not UNAUTHENTICATED, when the token lookup fails; bad tokens stay UNAUTHENTICATED', async () => {
    const user = await registerUser(t, 'outage');
    const ds = dataSource(t);
    const original = ds.query.bind(ds);
    const spy = jest
      .spyOn(ds, 'query')
      .mockImplementation(((sql: string, ...rest: unknown[]) =>
        /refresh_token t/.test(sql)
          ? Promise.reject(new Error('Connection terminated unexpectedly'))
          : (original as (...args: unknown[]) => Promise<unknown>)(sql, ...rest)) as typeof ds.query);
    try {
      const res = await t.gql(ME, {}, user.token);
      expect(res.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.errors?.[0].message).not.toMatch(/token/i);
      expect(await closeCode(t.url, { authorization: `Bearer ${user.token}` })).toBe(4503);
      expect((await t.gql(ME, {}, 'garbage')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      spy.mockRestore();
    }
    expect((await t.ok(ME, {}, user.token)).me.id).toBe(user.id);
  });

  it('closes a graphql-ws connection with 4401 when its access token expires', async () => {
    const user = await registerUser(t, 'expiring');
    const [{ sid }] = await dataSource(t).query('SELECT family_id AS sid FROM refresh_token WHERE user_id = $1', [
      user.id,
    ]);
    const token = await new JwtService({}).signAsync(
      { sub: user.id, role: 'USER', sid },
      { secret: t.get(AppConfig).jwtSecret, expiresIn: 2, algorithm: 'HS256' },
    );
    const started = Date.now();
    const code = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      const timer = setTimeout(() => reject(new Error('still open 10 s later')), 10_000);
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: { accessToken: token } })),
      );
      socket.on('close', (closed) => {
        clearTimeout(timer);
        resolve(closed);
      });
      socket.on('error', () => undefined);
    });
    expect(code).toBe(4401);
    expect(Date.now() - started).toBeGreaterThan(500); // it was accepted first, then closed at expiry
  });

  it('refuses operations beyond the per-connection cap with an error, and the connection stays usable', async () => {
    const user = await registerUser(t, 'many-subs');
    const client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { accessToken: user.token },
      retryAttempts: 0,
    });
    const run = (query: string) =>
      new Promise<{ code: string; dispose: () => void }>((resolve) => {
        let settled = false;
        const dispose = client.subscribe(
          { query },
          {
            next: () => !settled && ((settled = true), resolve({ code: 'OK', dispose })),
            error: (errors) => {
              const code = (errors as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code ?? 'ERROR';
              if (!settled) resolve({ code, dispose });
              settled = true;
            },
            complete: () => !settled && ((settled = true), resolve({ code: 'COMPLETE', dispose })),
          },
        );
        if (query.startsWith('subscription'))
          setTimeout(() => !settled && ((settled = true), resolve({ code: 'OPEN', dispose })), 300);
      });
    try {
      const open = [];
      for (let i = 0; i < 3; i++) open.push(await run(`subscription { notificationAdded { id } }`));
      expect(open.map((s) => s.code)).toEqual(['OPEN', 'OPEN', 'OPEN']);
      expect((await run(ME)).code).toBe('RATE_LIMITED');
      open[0].dispose();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await run(ME)).code).toBe('OK');
    } finally {
      await client.dispose();
    }
  });
});

describe('Password rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  it('refuses common passwords and one repeated character, naming input.password; keeps the length rule', async () => {
    for (const password of ['password123', 'Qwertyuiop', '1234567890', 'aaaaaaaaaaaa', '££££££££££']) {
      const res = await t.gql(REGISTER, { i: { email: uniqueEmail('weak'), password, name: 'Weak' } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    }
    const short = await t.gql(REGISTER, { i: { email: uniqueEmail('short'), password: 'x7#Kp', name: 'Short' } });
    expect(short.errors?.[0].message).toMatch(/at least 10 characters/);
    const ok = await t.gql(REGISTER, { i: { email: uniqueEmail('strong'), password: PASSWORD, name: 'Strong' } });
    expect(ok.errors).toBeUndefined();
  });
});
