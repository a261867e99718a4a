import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '@app/config';
import { TestApp, type GqlResponse } from './support/test-app.js';
import { cast, runAuthzTable, type Cast } from './support/authz.js';
import {
  createOrg,
  dataSource,
  login,
  PASSWORD,
  promote,
  registerUser,
  uniqueEmail,
  type TestUser,
} from './support/fixtures.js';

const REQUEST_RESET = `mutation($e: String!, $l: String) { requestPasswordReset(email: $e, language: $l) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const SESSIONS = `query($f: Int, $a: String) { mySessions(first: $f, after: $a) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id userAgent ipAddress createdAt lastUsedAt expiresAt current } } }`;
const REVOKE = `mutation($id: ID!) { revokeSession(id: $id) }`;
const REVOKE_OTHERS = `mutation { revokeOtherSessions }`;
const REQUEST_EMAIL = `mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }`;
const CONFIRM_EMAIL = `mutation($t: String!) { confirmEmailChange(token: $t) }`;
const LANGUAGE = `mutation($l: String!) { updatePreferredLanguage(language: $l) { id preferredLanguage } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { id } } }`;
const REFRESH = `mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken refreshToken } }`;
const ME = `{ me { id email preferredLanguage } }`;
const NEW_PASSWORD = 'a-brand-new-passphrase-42';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A client address of its own for each call, so that the per-address limits of one test do not reach the next. */
const freshIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;

interface Mail {
  user_id: string | null;
  subject: string;
  body: string;
  html_body: string | null;
  dedupe_key: string;
}

describe('Accounts people can recover: password reset, password change, sessions, e-mail change, language', () => {
  let t: TestApp;
  let web: string;

  /** A GraphQL call from a given client address (X-Forwarded-For, TRUSTED_PROXIES=loopback) and User-Agent. */
  async function call<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown>,
    options: { token?: string; ip?: string; userAgent?: string } = {},
  ): Promise<GqlResponse<T> & { raw: string }> {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': options.ip ?? freshIp(),
        ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const raw = await res.text();
    return { ...(JSON.parse(raw) as GqlResponse<T>), raw };
  }
  const errorOf = (res: GqlResponse) => ({
    code: res.errors?.[0]?.extensions?.code,
    field: res.errors?.[0]?.extensions?.field,
    message: res.errors?.[0]?.message,
  });

  const mailsTo = (email: string): Promise<Mail[]> =>
    dataSource(t).query(
      `SELECT user_id, subject, body, html_body, dedupe_key FROM email_outbox WHERE to_address = $1 ORDER BY created_at, id`,
      [email],
    );
  /** The token of the latest link with `path` mailed to `email`, read from the mail as the person would. */
  async function tokenMailed(email: string, path: '/reset-password' | '/confirm-email'): Promise<string> {
    const mails = await mailsTo(email);
    for (const mail of mails.reverse()) {
      const token = new RegExp(`${path}\\?token=([\\w-]+)`).exec(mail.body)?.[1];
      if (token) return token;
    }
    throw new Error(`No ${path} link was mailed to ${email}`);
  }
  async function resetToken(user: { email: string }): Promise<string> {
    expect((await call(REQUEST_RESET, { e: user.email })).data?.requestPasswordReset).toBe(true);
    return tokenMailed(user.email, '/reset-password');
  }
  const canSignIn = async (email: string, password: string) => !(await call(LOGIN, { e: email, p: password })).errors;
  const meOf = async (token: string) => await call(ME, {}, { token });

  beforeAll(async () => {
    t = await TestApp.start({
      TRUSTED_PROXIES: 'loopback',
      ACCOUNT_MAIL_MAX_PER_EMAIL: '3',
      ACCOUNT_MAIL_MAX_PER_ADDRESS: '4',
    });
    web = t.get(AppConfig).PUBLIC_WEB_URL;
  });
  afterAll(() => t?.close());

  describe('password reset by e-mail', () => {
    it('answers identically for an address with an account and one without, and mails each what fits', async () => {
      const user = await registerUser(t, 'reset-known');
      const unknown = uniqueEmail('reset-unknown');
      const known = await call(REQUEST_RESET, { e: user.email.toUpperCase() });
      const none = await call(REQUEST_RESET, { e: unknown });
      expect(known.raw).toBe(none.raw);
      expect(known.raw).toBe('{"data":{"requestPasswordReset":true}}\n');

      const [link] = await mailsTo(user.email);
      expect(link.user_id).toBe(user.id);
      expect(link.subject).toBe('Reset your Diaspora Nexus password');
      const token = await tokenMailed(user.email, '/reset-password');
      expect(token.length).toBeGreaterThanOrEqual(43); // 256 random bits
      expect(link.body).toContain(`${web}/reset-password?token=${token}\n`);
      expect(link.body).toContain('within 60 minutes');
      expect(link.html_body).toContain(`href="${web}/reset-password?token=${token}"`);
      expect(link.dedupe_key).toBe(`password-reset:${sha256(token)}`);

      const rows = await dataSource(t).query(
        `SELECT to_jsonb(r)::text AS text, token_hash, extract(epoch FROM expires_at - now()) / 60 AS minutes
           FROM password_reset r WHERE user_id = $1`,
        [user.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).toBe(sha256(token));
      expect(rows[0].text).not.toContain(token); // only the hash is stored
      expect(Number(rows[0].minutes)).toBeGreaterThan(59);
      expect(Number(rows[0].minutes)).toBeLessThanOrEqual(60);

      const [notice, ...more] = await mailsTo(unknown);
      expect(more).toEqual([]);
      expect(notice.user_id).toBeNull();
      expect(notice.body).toContain('no account uses this address');
      expect(notice.body).not.toContain('token=');
    });

    it('sets the new password, signs the account out everywhere and mails a notice', async () => {
      const user = await registerUser(t, 'reset-ok');
      const second = await login(t, user.email);
      const token = await resetToken(user);
      expect((await call(RESET, { t: token, p: NEW_PASSWORD })).data?.resetPassword).toBe(true);

      const [{ n }] = await dataSource(t).query(
        `SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`,
        [user.id],
      );
      expect(n).toBe(0);
      // both earlier sessions are revoked: their access tokens and refresh tokens stop at once
      for (const session of [user, second]) {
        expect(errorOf(await meOf(session.token)).code).toBe('UNAUTHENTICATED');
        expect(errorOf(await call(REFRESH, { r: session.refreshToken })).code).toBe('UNAUTHENTICATED');
      }
      expect(await canSignIn(user.email, PASSWORD)).toBe(false);
      expect(await canSignIn(user.email, NEW_PASSWORD)).toBe(true);
      const notice = (await mailsTo(user.email)).at(-1)!;
      expect(notice.subject).toBe('Your Diaspora Nexus password was changed');
      expect(notice.body).toContain('Every session was signed out');
    });

    it('refuses a token used twice, an expired one and a wrong one (BAD_USER_INPUT naming token)', async () => {
      const user = await registerUser(t, 'reset-twice');
      const token = await resetToken(user);
      await call(RESET, { t: token, p: NEW_PASSWORD });
      const twice = errorOf(await call(RESET, { t: token, p: 'yet-another-passphrase-7' }));
      expect(twice).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(twice.message).toMatch(/already used/);
      expect(await canSignIn(user.email, NEW_PASSWORD)).toBe(true); // the second use changed nothing

      const late = await registerUser(t, 'reset-expired');
      const expired = await resetToken(late);
      await dataSource(t).query(
        `UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
        [sha256(expired)],
      );
      const old = errorOf(await call(RESET, { t: expired, p: NEW_PASSWORD }));
      expect(old).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(old.message).toMatch(/expired/);
      expect(await canSignIn(late.email, PASSWORD)).toBe(true);

      for (const wrong of ['not-a-token', `${token.slice(0, -2)}xy`, '']) {
        const res = errorOf(await call(RESET, { t: wrong, p: NEW_PASSWORD }));
        expect(res).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      }
    });

    it('a token resets only the account it was mailed for, and not while another account is signed in', async () => {
      const alice = await registerUser(t, 'reset-alice');
      const bob = await registerUser(t, 'reset-bob');
      const alicesToken = await resetToken(alice);
      const asBob = errorOf(await call(RESET, { t: alicesToken, p: NEW_PASSWORD }, { token: bob.token }));
      expect(asBob).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(asBob.message).toMatch(/another account/);
      // nothing was used up or changed, and bob is still signed in
      expect(await canSignIn(alice.email, PASSWORD)).toBe(true);
      expect(await canSignIn(bob.email, PASSWORD)).toBe(true);
      expect((await meOf(bob.token)).data?.me.id).toBe(bob.id);

      await call(RESET, { t: alicesToken, p: NEW_PASSWORD });
      expect(await canSignIn(alice.email, NEW_PASSWORD)).toBe(true);
      expect(await canSignIn(bob.email, PASSWORD)).toBe(true);
      expect(await canSignIn(bob.email, NEW_PASSWORD)).toBe(false);
      expect((await meOf(bob.token)).data?.me.id).toBe(bob.id);
    });

    it('checks the new password by the password rules before using the token up; asking again voids the earlier link', async () => {
      const user = await registerUser(t, 'reset-rules');
      const first = await resetToken(user);
      for (const weak of ['short', 'password123', 'aaaaaaaaaaaa']) {
        expect(errorOf(await call(RESET, { t: first, p: weak }))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'newPassword',
        });
      }
      const second = await resetToken(user);
      expect(second).not.toBe(first);
      expect(errorOf(await call(RESET, { t: first, p: NEW_PASSWORD }))).toMatchObject({ field: 'token' });
      expect((await call(RESET, { t: second, p: NEW_PASSWORD })).data?.resetPassword).toBe(true);
    });

    it('is rate-limited per e-mail address and per client address, alike for known and unknown addresses', async () => {
      const user = await registerUser(t, 'reset-limit');
      const unknown = uniqueEmail('reset-limit-unknown');
      for (const email of [user.email, unknown]) {
        for (let i = 0; i < 3; i++)
          expect((await call(REQUEST_RESET, { e: email })).data?.requestPasswordReset).toBe(true);
        const refused = await call(REQUEST_RESET, { e: email });
        expect(errorOf(refused).code).toBe('RATE_LIMITED');
        expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(3000);
      }
      expect((await mailsTo(user.email)).length).toBe(3);
      expect((await mailsTo(unknown)).length).toBe(3);

      const ip = freshIp();
      for (let i = 0; i < 4; i++) {
        expect((await call(REQUEST_RESET, { e: uniqueEmail('spray') }, { ip })).data?.requestPasswordReset).toBe(true);
      }
      expect(errorOf(await call(REQUEST_RESET, { e: uniqueEmail('spray') }, { ip })).code).toBe('RATE_LIMITED');
      expect((await call(REQUEST_RESET, { e: uniqueEmail('spray') })).data?.requestPasswordReset).toBe(true);
    });
  });

  describe('change password and sessions', () => {
    it('changes the password with the current one, keeps this session and revokes the others', async () => {
      const user = await registerUser(t, 'change');
      const other = await login(t, user.email);
      const wrong = errorOf(await call(CHANGE, { c: 'not-my-password', n: NEW_PASSWORD }, { token: user.token }));
      expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
      expect(errorOf(await call(CHANGE, { c: PASSWORD, n: 'password123' }, { token: user.token })).field).toBe(
        'newPassword',
      );
      expect(await canSignIn(user.email, PASSWORD)).toBe(true); // refused calls changed nothing

      expect((await call(CHANGE, { c: PASSWORD, n: NEW_PASSWORD }, { token: user.token })).data?.changePassword).toBe(
        true,
      );
      expect((await meOf(user.token)).data?.me.id).toBe(user.id); // this session stays
      expect(errorOf(await meOf(other.token)).code).toBe('UNAUTHENTICATED'); // the other one is revoked
      expect(errorOf(await call(REFRESH, { r: other.refreshToken })).code).toBe('UNAUTHENTICATED');
      expect((await call(REFRESH, { r: user.refreshToken })).data?.refreshToken.accessToken).toBeTruthy();
      expect(await canSignIn(user.email, PASSWORD)).toBe(false);
      expect(await canSignIn(user.email, NEW_PASSWORD)).toBe(true);
      expect((await mailsTo(user.email)).at(-1)?.subject).toBe('Your Diaspora Nexus password was changed');
    });

    it('lists the sessions with device, address, dates and the current one, and no token material', async () => {
      const email = uniqueEmail('sessions');
      await call(`mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`, {
        i: { email, password: PASSWORD, name: 'Sessions' },
      });
      const phone = (await call(LOGIN, { e: email, p: PASSWORD }, { ip: '203.0.113.9', userAgent: 'Phone/1.0' })).data!
        .login;
      const laptop = (await call(LOGIN, { e: email, p: PASSWORD }, { ip: '198.51.100.4', userAgent: 'Laptop/2.0' }))
        .data!.login;
      const res = await call(SESSIONS, {}, { token: laptop.accessToken });
      const page = res.data!.mySessions;
      expect(page.totalCount).toBe(3);
      expect(page.nodes[0]).toMatchObject({ userAgent: 'Laptop/2.0', ipAddress: '198.51.100.4', current: true });
      expect(page.nodes[1]).toMatchObject({ userAgent: 'Phone/1.0', ipAddress: '203.0.113.9', current: false });
      expect(page.nodes.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
      for (const s of page.nodes) {
        expect(new Date(s.lastUsedAt).getTime()).toBeGreaterThanOrEqual(new Date(s.createdAt).getTime());
        expect(new Date(s.expiresAt).getTime()).toBeGreaterThan(Date.now());
      }
      for (const secret of [phone.refreshToken, laptop.refreshToken, sha256(laptop.refreshToken), phone.accessToken]) {
        expect(res.raw).not.toContain(secret);
      }
      // a refresh moves the session up, keeps its id and counts as use
      const rotated = (await call(REFRESH, { r: phone.refreshToken }, { userAgent: 'Phone/1.1' })).data!.refreshToken;
      const after = (await call(SESSIONS, { f: 1 }, { token: rotated.accessToken })).data!.mySessions;
      expect(after.nodes[0]).toMatchObject({ id: page.nodes[1].id, userAgent: 'Phone/1.1', current: true });
      expect(after.pageInfo.hasNextPage).toBe(true);
      const rest = (await call(SESSIONS, { f: 5, a: after.pageInfo.endCursor }, { token: rotated.accessToken })).data!
        .mySessions;
      expect(rest.nodes.map((s: { id: string }) => s.id)).not.toContain(page.nodes[1].id);
      expect(rest.nodes).toHaveLength(2);
      expect(errorOf(await call(SESSIONS, { a: 'nonsense' }, { token: laptop.accessToken }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    });

    it('revokes one session, or every other one; another user’s session is NOT_FOUND', async () => {
      const user = await registerUser(t, 'revoke');
      const phone = await login(t, user.email);
      const tablet = await login(t, user.email);
      const stranger = await registerUser(t, 'revoke-stranger');
      const ids = async (token: string) =>
        (await call(SESSIONS, {}, { token })).data!.mySessions.nodes as Array<{ id: string; current: boolean }>;
      const phoneId = (await ids(phone.token)).find((s) => s.current)!.id;

      expect(errorOf(await call(REVOKE, { id: phoneId }, { token: stranger.token })).code).toBe('NOT_FOUND');
      expect((await meOf(phone.token)).data?.me.id).toBe(user.id);
      expect(errorOf(await call(REVOKE, { id: 'not-an-id' }, { token: user.token })).code).toBe('NOT_FOUND');

      expect((await call(REVOKE, { id: phoneId.toUpperCase() }, { token: user.token })).data?.revokeSession).toBe(true);
      expect(errorOf(await meOf(phone.token)).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await call(REVOKE, { id: phoneId }, { token: user.token })).code).toBe('NOT_FOUND'); // gone already
      expect((await ids(user.token)).map((s) => s.id)).not.toContain(phoneId);

      expect((await call(REVOKE_OTHERS, {}, { token: user.token })).data?.revokeOtherSessions).toBe(1); // the tablet
      expect(errorOf(await meOf(tablet.token)).code).toBe('UNAUTHENTICATED');
      expect((await meOf(user.token)).data?.me.id).toBe(user.id);
      expect(await ids(user.token)).toHaveLength(1);
      expect((await meOf(stranger.token)).data?.me.id).toBe(stranger.id); // other users are untouched
    });
  });

  describe('change of e-mail address with confirmation', () => {
    it('mails the new address a link and the old one a notice; the address changes only on confirmation', async () => {
      const user = await registerUser(t, 'move');
      const target = uniqueEmail('moved');
      expect(
        errorOf(await call(REQUEST_EMAIL, { e: target, p: 'wrong-password' }, { token: user.token })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
      expect(
        errorOf(await call(REQUEST_EMAIL, { e: 'not-an-address', p: PASSWORD }, { token: user.token })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newEmail' });
      expect(errorOf(await call(REQUEST_EMAIL, { e: user.email, p: PASSWORD }, { token: user.token })).field).toBe(
        'newEmail',
      );
      expect(await mailsTo(target)).toEqual([]);

      expect(
        (await call(REQUEST_EMAIL, { e: target.toUpperCase(), p: PASSWORD }, { token: user.token })).data
          ?.requestEmailChange,
      ).toBe(true);
      const token = await tokenMailed(target, '/confirm-email');
      const [confirm] = await mailsTo(target);
      expect(confirm.subject).toBe('Confirm your new e-mail address for Diaspora Nexus');
      expect(confirm.body).toContain(`${web}/confirm-email?token=${token}\n`);
      const notice = (await mailsTo(user.email)).at(-1)!;
      expect(notice.subject).toBe('A change of your Diaspora Nexus e-mail address was requested');
      expect(notice.body).toContain(target);
      expect(notice.body).not.toContain(token);
      const [row] = await dataSource(t).query(
        `SELECT to_jsonb(r)::text AS text FROM email_change_request r WHERE user_id = $1`,
        [user.id],
      );
      expect(row.text).not.toContain(token);

      expect((await meOf(user.token)).data?.me.email).toBe(user.email); // not yet
      expect((await call(CONFIRM_EMAIL, { t: token })).data?.confirmEmailChange).toBe(true);
      expect((await meOf(user.token)).data?.me.email).toBe(target);
      expect(await canSignIn(target, PASSWORD)).toBe(true);
      expect(await canSignIn(user.email, PASSWORD)).toBe(false);
      const twice = errorOf(await call(CONFIRM_EMAIL, { t: token }));
      expect(twice).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(twice.message).toMatch(/already used/);
    });

    it('does not reveal an address that has an account, and re-checks uniqueness on confirmation', async () => {
      const user = await registerUser(t, 'taker');
      const owner = await registerUser(t, 'owner-of-address');
      const res = await call(REQUEST_EMAIL, { e: owner.email, p: PASSWORD }, { token: user.token });
      expect(res.raw).toBe('{"data":{"requestEmailChange":true}}\n');
      const toOwner = await mailsTo(owner.email);
      expect(toOwner).toHaveLength(1);
      expect(toOwner[0].subject).toBe('Someone tried to use your e-mail address for another account');
      expect(toOwner[0].body).not.toMatch(/token=/);
      expect(await dataSource(t).query(`SELECT 1 FROM email_change_request WHERE user_id = $1`, [user.id])).toEqual([]);

      // the address is free when asked, taken before the link is opened
      const free = uniqueEmail('free');
      await call(REQUEST_EMAIL, { e: free, p: PASSWORD }, { token: user.token });
      const token = await tokenMailed(free, '/confirm-email');
      await call(`mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`, {
        i: { email: free, password: PASSWORD, name: 'Quicker' },
      });
      const taken = errorOf(await call(CONFIRM_EMAIL, { t: token }, { token: user.token }));
      expect(taken).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(taken.message).toMatch(/Another account uses this e-mail address/);
      expect((await meOf(user.token)).data?.me.email).toBe(user.email);
    });

    it('refuses an expired or unknown link, and one of another account than the signed-in one', async () => {
      const user = await registerUser(t, 'mover');
      const other = await registerUser(t, 'mover-other');
      const target = uniqueEmail('target');
      await call(REQUEST_EMAIL, { e: target, p: PASSWORD }, { token: user.token });
      const token = await tokenMailed(target, '/confirm-email');
      expect(errorOf(await call(CONFIRM_EMAIL, { t: token }, { token: other.token }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'token',
        message: expect.stringMatching(/another account/),
      });
      expect(errorOf(await call(CONFIRM_EMAIL, { t: 'unknown-token' }))).toMatchObject({ field: 'token' });
      await dataSource(t).query(
        `UPDATE email_change_request SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
      expect(errorOf(await call(CONFIRM_EMAIL, { t: token }, { token: user.token })).message).toMatch(/expired/);
      expect((await meOf(user.token)).data?.me.email).toBe(user.email);
    });

    it('a password change cancels a pending e-mail change (the notice says so)', async () => {
      const user = await registerUser(t, 'cancel-move');
      const target = uniqueEmail('never');
      await call(REQUEST_EMAIL, { e: target, p: PASSWORD }, { token: user.token });
      const token = await tokenMailed(target, '/confirm-email');
      await call(CHANGE, { c: PASSWORD, n: NEW_PASSWORD }, { token: user.token });
      expect(errorOf(await call(CONFIRM_EMAIL, { t: token })).field).toBe('token');
      expect((await meOf(user.token)).data?.me.email).toBe(user.email);
    });
  });

  describe('language of e-mails', () => {
    it('is en by default, settable to fr (then e-mails are French), shown only to the user herself', async () => {
      const user = await registerUser(t, 'langue');
      const moderator = await promote(t, await registerUser(t, 'curious'), 'MODERATOR');
      expect((await meOf(user.token)).data?.me.preferredLanguage).toBe('en');
      expect(errorOf(await call(LANGUAGE, { l: 'de' }, { token: user.token }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'language',
      });
      const set = await call(LANGUAGE, { l: 'fr' }, { token: user.token });
      expect(set.data?.updatePreferredLanguage).toEqual({ id: user.id, preferredLanguage: 'fr' });
      expect((await meOf(user.token)).data?.me.preferredLanguage).toBe('fr');

      await call(REQUEST_RESET, { e: user.email });
      const mail = (await mailsTo(user.email)).at(-1)!;
      expect(mail.subject).toBe('Réinitialisez votre mot de passe Diaspora Nexus');
      expect(mail.body).toContain('dans les 60 minutes');
      expect(mail.html_body).toContain('<html lang="fr">');

      // an address without an account gets the language the client asked for
      const stranger = uniqueEmail('inconnu');
      await call(REQUEST_RESET, { e: stranger, l: 'fr' });
      expect((await mailsTo(stranger))[0].subject).toBe(
        'Réinitialisation de mot de passe demandée pour Diaspora Nexus',
      );

      // others see null (members of an organization list each other)
      const orgId = (await createOrg(t, user)).id;
      const members = `query($id: ID!) { organization(id: $id) { members { user { id preferredLanguage } } } }`;
      const asOwner = (await t.ok(members, { id: orgId }, user.token)).organization.members;
      expect(asOwner[0].user).toEqual({ id: user.id, preferredLanguage: 'fr' });
      const asModerator = (await t.ok(members, { id: orgId }, moderator.token)).organization.members;
      expect(asModerator[0].user).toEqual({ id: user.id, preferredLanguage: null });
    });
  });

  describe('authorization', () => {
    let c: Cast;
    let hashes: Map<string, string>;
    const restorePasswords = async () => {
      for (const [id, hash] of hashes) {
        await dataSource(t).query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [id, hash]);
      }
    };
    /** A fresh session of `user` (for rows that revoke sessions); updates the cast so the runner uses it. */
    const relogin = async (key: keyof Cast) => {
      const [{ email }] = await dataSource(t).query(`SELECT email FROM app_user WHERE id = $1`, [c[key].id]);
      c[key] = await login(t, email);
      return c[key];
    };

    beforeAll(async () => {
      // an app of its own with high mail limits: the rows below ask for many mails for one account
      await t.close();
      t = await TestApp.start({
        TRUSTED_PROXIES: 'loopback',
        ACCOUNT_MAIL_MAX_PER_EMAIL: '1000',
        ACCOUNT_MAIL_MAX_PER_ADDRESS: '1000',
      });
      c = await cast(t);
      const rows: Array<{ id: string; password_hash: string }> = await dataSource(t).query(
        `SELECT id, password_hash FROM app_user WHERE id = ANY($1)`,
        [Object.values(c).map((u: TestUser) => u.id)],
      );
      hashes = new Map(rows.map((r) => [r.id, r.password_hash]));
    });

    it('every new mutation: who may, who may not, and refusals write nothing', async () => {
      const ownerSessionId = async () => {
        const other = await login(t, c.owner.email);
        const [{ family_id }] = await dataSource(t).query(`SELECT family_id FROM refresh_token WHERE token_hash = $1`, [
          sha256(other.refreshToken),
        ]);
        return family_id as string;
      };
      const ownersResetToken = async () => {
        await restorePasswords();
        await relogin('owner');
        await dataSource(t).query(`DELETE FROM password_reset`);
        await call(REQUEST_RESET, { e: c.owner.email });
        return tokenMailed(c.owner.email, '/reset-password');
      };
      const ownersEmailToken = async () => {
        await restorePasswords();
        await relogin('owner');
        const target = uniqueEmail('authz-move');
        const asked = await call(REQUEST_EMAIL, { e: target, p: PASSWORD }, { token: c.owner.token });
        expect(asked.data?.requestEmailChange).toBe(true);
        return tokenMailed(target, '/confirm-email');
      };
      const notOwner = {
        outsider: 'BAD_USER_INPUT',
        member: 'BAD_USER_INPUT',
        admin: 'BAD_USER_INPUT',
        moderator: 'BAD_USER_INPUT',
      };
      await runAuthzTable(t, c, [
        {
          name: 'requestPasswordReset (public; same answer for everyone)',
          allowed: ['anonymous', 'outsider', 'member', 'admin', 'owner', 'moderator'],
          tables: [],
          prepare: async () => ({ query: REQUEST_RESET, variables: { e: uniqueEmail('authz-reset') } }),
        },
        {
          name: 'resetPassword with the owner’s token (anyone holding it, unless signed in as someone else)',
          allowed: ['anonymous', 'owner'],
          refused: notOwner,
          tables: ['password_reset', 'app_user', 'refresh_token'],
          prepare: async () => ({ query: RESET, variables: { t: await ownersResetToken(), p: NEW_PASSWORD } }),
        },
        {
          name: 'changePassword (any signed-in user, for herself)',
          allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
          tables: ['app_user'],
          prepare: async () => {
            await restorePasswords();
            return {
              query: CHANGE,
              variables: { c: PASSWORD, n: `${NEW_PASSWORD}-${randomBytes(3).toString('hex')}` },
            };
          },
        },
        {
          name: 'revokeSession of a session of the owner (NOT_FOUND for anyone else)',
          allowed: ['owner'],
          refused: { outsider: 'NOT_FOUND', member: 'NOT_FOUND', admin: 'NOT_FOUND', moderator: 'NOT_FOUND' },
          tables: ['refresh_token'],
          prepare: async () => ({ query: REVOKE, variables: { id: await ownerSessionId() } }),
        },
        {
          name: 'revokeOtherSessions (any signed-in user, her own)',
          allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
          tables: ['refresh_token'],
          prepare: async () => ({ query: REVOKE_OTHERS, variables: {} }),
        },
        {
          name: 'requestEmailChange (any signed-in user, with her password)',
          allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
          tables: ['email_change_request', 'app_user'],
          prepare: async () => {
            await restorePasswords();
            return { query: REQUEST_EMAIL, variables: { e: uniqueEmail('authz-new'), p: PASSWORD } };
          },
        },
        {
          name: 'confirmEmailChange with the owner’s token (anyone holding it, unless signed in as someone else)',
          allowed: ['anonymous', 'owner'],
          refused: notOwner,
          tables: ['email_change_request', 'app_user'],
          prepare: async () => ({ query: CONFIRM_EMAIL, variables: { t: await ownersEmailToken() } }),
        },
        {
          name: 'updatePreferredLanguage (any signed-in user, her own)',
          allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
          tables: ['app_user'],
          prepare: async () => ({ query: LANGUAGE, variables: { l: 'fr' } }),
        },
      ]);
    });
  });
});
