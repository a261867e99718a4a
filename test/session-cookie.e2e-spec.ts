import { PasswordService, User } from '@app/auth';
import { TestApp } from './support/test-app.js';
import { dataSource, PASSWORD, registerUser } from './support/fixtures.js';

/** The portal's /auth endpoints: the refresh token lives in an HttpOnly cookie, never in a body. */
describe('Session cookie endpoints (/auth)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  const JSON_HEADERS = { 'content-type': 'application/json' };

  async function post(
    path: string,
    body: unknown = {},
    cookie?: string,
    headers: Record<string, string> = JSON_HEADERS,
  ) {
    const res = await fetch(`${t.url}/auth/${path}`, {
      method: 'POST',
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { res, body: text ? JSON.parse(text) : null, setCookies: res.headers.getSetCookie() };
  }

  /** `nexus_refresh=<value>` from a Set-Cookie list, and its attributes. */
  function refreshCookie(setCookies: string[]) {
    const header = setCookies.find((c) => c.startsWith('nexus_refresh='));
    if (!header) return null;
    const [pair, ...attributes] = header.split(';').map((s) => s.trim());
    return { pair, value: pair.slice('nexus_refresh='.length), attributes: attributes.map((a) => a.toLowerCase()) };
  }

  async function me(accessToken: string) {
    return t.gql<{ me: { id: string } | null }>('{ me { id } }', {}, accessToken);
  }

  async function signIn(email: string) {
    const answer = await post('sign-in', { email, password: PASSWORD });
    expect(answer.res.status).toBe(200);
    const cookie = refreshCookie(answer.setCookies);
    expect(cookie).not.toBeNull();
    return { ...answer, cookie: cookie! };
  }

  it('signs in with an HttpOnly, SameSite=Strict cookie scoped to /auth, and no refresh token in the body', async () => {
    const user = await registerUser(t, 'cookie-sign-in');
    const { body, cookie, res } = await signIn(user.email);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/auth']));
    // plain HTTP outside production: not Secure, so a development server on localhost keeps the session
    expect(cookie.attributes).not.toContain('secure');
    expect(cookie.attributes.some((a) => a.startsWith('max-age='))).toBe(true);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn', 'user']);
    expect(JSON.stringify(body)).not.toContain(cookie.value);
    expect(body.user).toEqual({ id: user.id, name: 'cookie-sign-in', email: user.email, platformRole: 'USER' });
    expect((await me(body.accessToken)).data?.me?.id).toBe(user.id);
  });

  it('rotates the cookie on refresh, and a replayed cookie revokes the whole sign-in and is cleared', async () => {
    const user = await registerUser(t, 'cookie-rotate');
    const first = await signIn(user.email);
    const refreshed = await post('refresh', {}, first.cookie.pair);
    expect(refreshed.res.status).toBe(200);
    const second = refreshCookie(refreshed.setCookies)!;
    expect(second.value).not.toBe(first.cookie.value);
    expect((await me(refreshed.body.accessToken)).data?.me?.id).toBe(user.id);

    // the first cookie again (stolen and replayed): refused, cleared, and the newest one dies too
    const replay = await post('refresh', {}, first.cookie.pair);
    expect(replay.res.status).toBe(401);
    expect(replay.body.code).toBe('UNAUTHENTICATED');
    const cleared = refreshCookie(replay.setCookies)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toContain('path=/auth');
    expect((await post('refresh', {}, second.pair)).res.status).toBe(401);
    // the session's access token stops working with its family
    expect((await me(refreshed.body.accessToken)).data?.me ?? null).toBeNull();
  });

  it('signs out: the session is revoked server-side and the cookie cleared', async () => {
    const user = await registerUser(t, 'cookie-sign-out');
    const { body, cookie } = await signIn(user.email);
    const out = await fetch(`${t.url}/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.pair },
    });
    expect(out.status).toBe(204);
    const cleared = refreshCookie(out.headers.getSetCookie())!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes.some((a) => a.startsWith('expires=thu, 01 jan 1970'))).toBe(true);
    expect((await post('refresh', {}, cookie.pair)).res.status).toBe(401);
    expect((await me(body.accessToken)).data?.me ?? null).toBeNull();
    // signing out without a session is harmless
    expect((await post('sign-out')).res.status).toBe(204);
  });

  it('refuses requests a cross-site form could send (no JSON content type) without touching the session', async () => {
    const user = await registerUser(t, 'cookie-csrf');
    const { cookie } = await signIn(user.email);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const path of ['refresh', 'sign-out']) {
      const answer = await post(path, 'x=1', cookie.pair, form);
      expect([path, answer.res.status, answer.body.reason]).toEqual([path, 403, 'JSON_REQUIRED']);
      expect(answer.setCookies).toEqual([]);
    }
    const textPlain = await post('sign-in', JSON.stringify({ email: user.email, password: PASSWORD }), undefined, {
      'content-type': 'text/plain',
    });
    expect(textPlain.res.status).toBe(403);
    expect(textPlain.setCookies).toEqual([]);
    // the session survived the refused requests
    expect((await post('refresh', {}, cookie.pair)).res.status).toBe(200);
  });

  it('answers wrong credentials, missing cookies and invalid input as JSON errors naming the field', async () => {
    const user = await registerUser(t, 'cookie-errors');
    const wrong = await post('sign-in', { email: user.email, password: 'not-the-password' });
    expect([wrong.res.status, wrong.body.code, wrong.setCookies]).toEqual([401, 'UNAUTHENTICATED', []]);
    const none = await post('refresh');
    expect([none.res.status, none.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const unknown = await post('refresh', {}, 'nexus_refresh=not-a-token');
    expect(unknown.res.status).toBe(401);
    const badEmail = await post('register', { email: 'not-an-address', name: 'X', password: PASSWORD });
    expect([badEmail.res.status, badEmail.body.code, badEmail.body.field]).toEqual([400, 'BAD_USER_INPUT', 'email']);
    const badSignIn = await post('sign-in', { email: 'nope', password: 'x' });
    expect([badSignIn.res.status, badSignIn.body.field]).toEqual([400, 'email']);
  });

  it('registers with a session cookie where e-mail confirmation is off', async () => {
    const email = `cookie-register-${Date.now()}@example.org`;
    const answer = await post('register', { email, name: 'New person', password: PASSWORD });
    expect(answer.res.status).toBe(200);
    expect(refreshCookie(answer.setCookies)?.attributes).toContain('httponly');
    expect((await me(answer.body.accessToken)).data?.me?.id).toBe(answer.body.user.id);
  });
});

describe('Session cookie endpoints in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(64), GRAPHQL_EXPLORER: 'false' });
  });
  afterAll(() => t?.close());

  it('marks the cookie Secure, and refuses direct registration when e-mail confirmation is required', async () => {
    // production refuses register: the account is made as completeRegistration would
    const email = 'prod-cookie@example.org';
    const passwordHash = await t.get(PasswordService).hash(PASSWORD);
    await dataSource(t).getRepository(User).insert({ email, name: 'Prod', passwordHash });
    const res = await fetch(`${t.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0].toLowerCase();
    expect(cookie).toContain('; secure');
    expect(cookie).toContain('; httponly');
    expect(cookie).toContain('; samesite=strict');
    const register = await fetch(`${t.url}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'someone-new@example.org', name: 'Someone', password: PASSWORD }),
    });
    expect(register.status).toBe(403);
    expect(((await register.json()) as { reason?: string }).reason).toBe('EMAIL_CONFIRMATION_REQUIRED');
  });
});
