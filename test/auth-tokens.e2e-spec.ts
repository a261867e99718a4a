import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { TestApp } from './support/test-app.js';
import { dataSource, login, PASSWORD, registerUser } from './support/fixtures.js';
import { closeCode, subscribeNotifications } from './support/notification-helpers.js';

const REFRESH = `mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken refreshToken user { id } } }`;
const ME = `{ me { id } }`;

describe('Tokens: rotation, reuse detection, expiry and forgery', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  /** Access tokens for `userId` that must be refused: expired, signed with another secret, unsigned. */
  async function badTokens(userId: string) {
    const jwt = new JwtService({});
    const secret = t.get(AppConfig).jwtSecret;
    const expired = await jwt.signAsync({ sub: userId, role: 'USER' }, { secret, expiresIn: -10, algorithm: 'HS256' });
    const forged = await jwt.signAsync(
      { sub: userId, role: 'ADMIN' },
      { secret: 'x'.repeat(48), expiresIn: 600, algorithm: 'HS256' },
    );
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: userId, role: 'ADMIN', exp: 9999999999 })).toString('base64url');
    return { expired, forged, unsigned: `${header}.${body}.` };
  }

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const user = await registerUser(t, 'rotate');
    const first = (await t.ok(REFRESH, { r: user.refreshToken })).refreshToken;
    expect(first.refreshToken).not.toBe(user.refreshToken);
    expect(first.user.id).toBe(user.id);
    const second = (await t.ok(REFRESH, { r: first.refreshToken })).refreshToken;

    // the first token again: reuse → UNAUTHENTICATED, and the newest token of the family dies with it
    const reuse = await t.gql(REFRESH, { r: user.refreshToken });
    expect(reuse.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const afterReuse = await t.gql(REFRESH, { r: second.refreshToken });
    expect(afterReuse.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const revoked = await dataSource(t).query(
      'SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL',
      [user.id],
    );
    expect(revoked[0].n).toBe(0);

    // a new sign-in starts a new family that still works
    const again = await t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }`, {
      e: user.email,
      p: PASSWORD,
    });
    expect((await t.ok(REFRESH, { r: again.login.refreshToken })).refreshToken.user.id).toBe(user.id);
  });

  it('does not hand out two tokens for concurrent refreshes of the same token', async () => {
    const user = await registerUser(t, 'race');
    const results = await Promise.all([1, 2, 3, 4].map(() => t.gql(REFRESH, { r: user.refreshToken })));
    expect(results.filter((r) => r.data?.refreshToken).length).toBe(1);
  });

  it('logout revokes the refresh token family', async () => {
    const user = await registerUser(t, 'logout');
    expect((await t.ok(`mutation($r: String!) { logout(refreshToken: $r) }`, { r: user.refreshToken })).logout).toBe(
      true,
    );
    const res = await t.gql(REFRESH, { r: user.refreshToken });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stops the access token at once when its session signs out or is revoked by refresh-token reuse', async () => {
    const user = await registerUser(t, 'signout');
    expect((await t.ok(ME, {}, user.token)).me.id).toBe(user.id);
    await t.ok(`mutation($r: String!) { logout(refreshToken: $r) }`, { r: user.refreshToken });
    const afterLogout = await t.gql(ME, {}, user.token);
    expect(afterLogout.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await closeCode(t.url, { accessToken: user.token })).toBe(4403);

    const other = await registerUser(t, 'reuse');
    const rotated = (await t.ok(REFRESH, { r: other.refreshToken })).refreshToken;
    expect((await t.ok(ME, {}, rotated.accessToken)).me.id).toBe(other.id);
    await t.gql(REFRESH, { r: other.refreshToken }); // reuse: the family is revoked
    for (const token of [other.token, rotated.accessToken]) {
      expect((await t.gql(ME, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    // another session of the same user is untouched
    const again = await login(t, other.email);
    expect((await t.ok(ME, {}, again.token)).me.id).toBe(other.id);
  });

  it('refuses signed tokens without exp or without a session (sid), and a session of another user', async () => {
    const user = await registerUser(t, 'claims');
    const victim = await registerUser(t, 'victim');
    const [{ sid }] = await dataSource(t).query('SELECT family_id AS sid FROM refresh_token WHERE user_id = $1', [
      user.id,
    ]);
    const jwt = new JwtService({});
    const secret = t.get(AppConfig).jwtSecret;
    const sign = (payload: object, options: object = { expiresIn: 600 }) =>
      jwt.signAsync(payload, { secret, algorithm: 'HS256', ...options });
    const valid = await sign({ sub: user.id, role: 'USER', sid });
    expect((await t.ok(ME, {}, valid)).me.id).toBe(user.id);
    const refused = [
      await sign({ sub: user.id, role: 'USER', sid }, {}), // no exp
      await sign({ sub: user.id, role: 'USER' }), // no sid
      await sign({ sub: user.id, role: 'USER', sid: 'not-a-uuid' }),
      await sign({ sub: victim.id, role: 'USER', sid }), // someone else's session
    ];
    for (const token of refused) {
      expect((await t.gql(ME, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(await closeCode(t.url, { accessToken: token })).toBe(4403);
    }
  });

  it('rejects unknown, expired, forged and unsigned access tokens with UNAUTHENTICATED', async () => {
    const user = await registerUser(t, 'jwt');
    const { expired, forged, unsigned } = await badTokens(user.id);
    for (const token of [expired, forged, unsigned, 'garbage']) {
      const res = await t.gql(ME, {}, token);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const expiredRes = await t.gql(ME, {}, expired);
    expect(expiredRes.errors?.[0].message).toMatch(/expired/);
    expect((await t.ok(ME, {}, user.token)).me.id).toBe(user.id);
    const garbageRefresh = await t.gql(REFRESH, { r: 'not-a-token' });
    expect(garbageRefresh.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('applies the same rule to graphql-ws connections, and refuses the token of a deleted user on both', async () => {
    const user = await registerUser(t, 'socket');
    const gone = await registerUser(t, 'gone');
    const { expired, forged, unsigned } = await badTokens(user.id);
    await dataSource(t).query('DELETE FROM app_user WHERE id = $1', [gone.id]);
    for (const token of [expired, forged, unsigned, 'garbage', gone.token]) {
      expect(await closeCode(t.url, { authorization: `Bearer ${token}` })).toBe(4403);
      expect(await closeCode(t.url, { accessToken: token })).toBe(4403);
    }
    expect((await t.gql(ME, {}, gone.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // A valid token connects and subscribes.
    const socket = subscribeNotifications(t.url, user.token);
    try {
      const connected = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 10_000);
        socket.client.on('connected', () => resolve(true));
        socket.client.on('closed', () => resolve(false));
        socket.client.on('connected', () => clearTimeout(timer));
      });
      expect(connected).toBe(true);
    } finally {
      await socket.close();
    }
  });

  it('answers a wrong password with UNAUTHENTICATED without saying which part was wrong', async () => {
    const user = await registerUser(t, 'wrong');
    const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
    const wrongPassword = await t.gql(LOGIN, { e: user.email, p: 'not-the-password' });
    const unknownUser = await t.gql(LOGIN, { e: 'nobody@example.org', p: PASSWORD });
    expect(wrongPassword.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknownUser.errors?.[0].message).toBe(wrongPassword.errors?.[0].message);
  });
});

describe('Rate limits on sign-in and registration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ AUTH_RATE_LIMIT_MAX: '3', AUTH_RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => t?.close());

  it('answers RATE_LIMITED with a retry time after the configured number of attempts', async () => {
    const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.gql(LOGIN, { e: 'target@example.org', p: `guess-number-${i}` });
      codes.push(res.errors?.[0].extensions?.code);
    }
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
    const limited = await t.gql(LOGIN, { e: 'target@example.org', p: 'x' });
    expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // registration from the same IP is limited separately, by IP and by e-mail
    const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`;
    const reg: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.gql(REGISTER, { i: { email: `new${i}@example.org`, password: PASSWORD, name: 'New' } });
      reg.push(res.errors?.[0].extensions?.code ?? 'OK');
    }
    expect(reg).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
  });
});
