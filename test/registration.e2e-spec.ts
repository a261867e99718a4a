import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '@app/config';
import { InProcessJobQueue, JobQueue } from '@app/queue';
import { TestApp } from './support/test-app.js';
import { QUIET_SCHEDULE } from './support/statement-count.js';
import { dataSource, PASSWORD, uniqueEmail } from './support/fixtures.js';
import { waitFor } from './support/notification-helpers.js';

const START = `mutation($e: String!) { startRegistration(email: $e) }`;
const COMPLETE = `mutation($t: String!, $n: String!, $p: String!) {
  completeRegistration(token: $t, name: $n, password: $p) { accessToken refreshToken user { id email name } } }`;
const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id email } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }`;
const ME = `{ me { id email name } }`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Mail {
  user_id: string | null;
  subject: string;
  body: string;
  dedupe_key: string;
}

/** Everything a client sees of an answer: HTTP status, headers that could differ, and the body. */
async function rawPost(t: TestApp, query: string, variables: Record<string, unknown>) {
  const started = performance.now();
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.text();
  return {
    ms: performance.now() - started,
    seen: { status: res.status, type: res.headers.get('content-type'), length: body.length, body },
  };
}

const mailsTo = (t: TestApp, email: string): Promise<Mail[]> =>
  dataSource(t).query(
    `SELECT user_id, subject, body, dedupe_key FROM email_outbox WHERE to_address = $1 ORDER BY created_at, id`,
    [email],
  );

/** The token of the latest registration link mailed to `email`, read from the mail (as the person would). */
async function registrationToken(t: TestApp, email: string): Promise<string> {
  const links = (await mailsTo(t, email)).filter((m) => m.dedupe_key.startsWith('registration:'));
  const token = /\/register\/([\w-]+)/.exec(links.at(-1)?.body ?? '')?.[1];
  if (!token) throw new Error(`No registration link was mailed to ${email}`);
  return token;
}

const accounts = async (t: TestApp, email: string) =>
  Number((await dataSource(t).query(`SELECT count(*) AS n FROM app_user WHERE email = $1`, [email]))[0].n);

const errorOf = (res: { errors?: Array<{ message: string; extensions?: Record<string, any> }> }) => ({
  code: res.errors?.[0]?.extensions?.code,
  field: res.errors?.[0]?.extensions?.field,
  message: res.errors?.[0]?.message,
});

describe('Registration with e-mail confirmation (REGISTRATION_EMAIL_CONFIRMATION on)', () => {
  let t: TestApp;
  let known: { id: string; email: string };

  /** startRegistration + completeRegistration: the account, signed in. */
  async function signUp(email: string, name = 'Someone') {
    expect((await t.ok(START, { e: email })).startRegistration).toBe(true);
    const token = await registrationToken(t, email.trim().toLowerCase());
    return (await t.ok(COMPLETE, { t: token, n: name, p: PASSWORD })).completeRegistration;
  }

  beforeAll(async () => {
    // no scheduled job runs in the middle of a timed request (they would land on one kind or the other)
    t = await TestApp.start({ REGISTRATION_EMAIL_CONFIRMATION: 'true', ...QUIET_SCHEDULE });
    const email = uniqueEmail('known');
    known = { id: (await signUp(email, 'Known Person')).user.id, email };
  });
  afterAll(() => t?.close());

  it('answers startRegistration identically, in comparable time, for an address with an account and one without', async () => {
    const answers = new Set<string>();
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    const queue = t.app.get(JobQueue);
    for (let i = 0; i < 16; i++) {
      // interleaved, so that load on the machine affects both alike; medians of 15 each, so that a
      // few requests slowed by something else (another process, a GC pause) do not decide
      for (const kind of i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)) {
        const email = kind === 'known' ? known.email.toUpperCase() : uniqueEmail('new').toUpperCase();
        // without Redis the API delivers the previous request's mail itself: not in this request's time
        if (queue instanceof InProcessJobQueue) await queue.onIdle();
        const { ms, seen } = await rawPost(t, START, { e: email });
        answers.add(JSON.stringify(seen));
        if (i > 0) times[kind].push(ms); // the first pair warms up
      }
    }
    expect(answers.size).toBe(1);
    expect(JSON.parse([...answers][0])).toMatchObject({ status: 200, body: '{"data":{"startRegistration":true}}\n' });
    // the old register answered a known address at once (CONFLICT) and hashed a password for a new one
    // each pair ran back to back: the median of the pairs' differences is the systematic difference,
    // whatever the machine's load did between pairs (which moves both medians, not always alike)
    const difference = median(times.known.map((ms, i) => ms - times.unknown[i]));
    console.info(
      `startRegistration medians: known ${median(times.known).toFixed(1)} ms, unknown ${median(times.unknown).toFixed(1)} ms, ` +
        `of the pairs' differences ${difference.toFixed(1)} ms`,
    );
    expect(Math.abs(difference)).toBeLessThan(40);
  });

  it('mails a new address a single-use link to PUBLIC_WEB_URL/register/<token>; only its hash is stored', async () => {
    const email = uniqueEmail('fresh');
    await t.ok(START, { e: `  ${email.toUpperCase()} ` });
    const [mail, ...more] = await mailsTo(t, email);
    expect(more).toEqual([]);
    expect(mail.user_id).toBeNull();
    expect(mail.subject).toBe('Confirm your e-mail address for Diaspora Nexus');
    expect(mail.body).toContain('within 24 hours');
    const token = await registrationToken(t, email);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 random bits
    expect(mail.body).toContain(`${t.get(AppConfig).PUBLIC_WEB_URL}/register/${token}\n`);
    const rows = await dataSource(t).query(
      `SELECT to_jsonb(r)::text AS text, token_hash, extract(epoch FROM expires_at - now()) / 3600 AS hours
         FROM registration_request r WHERE email = $1`,
      [email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(sha256(token));
    expect(rows[0].text).not.toContain(token);
    expect(Number(rows[0].hours)).toBeGreaterThan(23.9);
    expect(Number(rows[0].hours)).toBeLessThanOrEqual(24);
    expect(await accounts(t, email)).toBe(0); // nothing is created before the address is confirmed
    if (!t.get(AppConfig).REDIS_URL) {
      // the API runs its own jobs without Redis: the queued mail goes out after commit
      await waitFor(
        async () =>
          (await dataSource(t).query(`SELECT sent_at FROM email_outbox WHERE dedupe_key = $1`, [mail.dedupe_key]))[0]
            .sent_at,
        15_000,
        'the registration mail to be sent',
      );
    }
  });

  it('mails the owner of an address that has an account a notice instead of a link', async () => {
    const before = (await mailsTo(t, known.email)).length;
    await t.ok(START, { e: known.email });
    const mails = (await mailsTo(t, known.email)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      user_id: known.id,
      subject: 'Someone tried to register with your e-mail address',
    });
    expect(mails[0].body).toContain('already has an account');
    expect(mails[0].body).toContain(`sign in at ${t.get(AppConfig).PUBLIC_WEB_URL}`);
    expect(mails[0].body).toContain('reset your password');
    expect(mails[0].body).not.toContain('/register/');
    expect(mails[0].dedupe_key).toMatch(/^registration-notice:/);
    // no usable link exists for the address (the one that created the account is used up)
    const pending = await dataSource(t).query(
      `SELECT count(*) AS n FROM registration_request WHERE email = $1 AND completed_at IS NULL`,
      [known.email],
    );
    expect(Number(pending[0].n)).toBe(0);
    expect(await accounts(t, known.email)).toBe(1);
  });

  it('completing creates exactly one account for the confirmed address and signs in', async () => {
    const email = uniqueEmail('complete');
    await t.ok(START, { e: email.toUpperCase() });
    const token = await registrationToken(t, email);
    const done = (await t.ok(COMPLETE, { t: token, n: '  Ama Mensah ', p: PASSWORD })).completeRegistration;
    expect(done.user).toMatchObject({ email, name: 'Ama Mensah' });
    expect(done.refreshToken).toEqual(expect.any(String));
    expect((await t.ok(ME, {}, done.accessToken)).me).toEqual({ id: done.user.id, email, name: 'Ama Mensah' });
    expect((await t.ok(LOGIN, { e: email, p: PASSWORD })).login.user.id).toBe(done.user.id);
    expect(await accounts(t, email)).toBe(1);
    const [row] = await dataSource(t).query(`SELECT completed_at FROM registration_request WHERE email = $1`, [email]);
    expect(row.completed_at).not.toBeNull();
  });

  it('a used, unknown, replaced or expired token answers BAD_USER_INPUT naming token', async () => {
    const email = uniqueEmail('tokens');
    await t.ok(START, { e: email });
    const first = await registrationToken(t, email);
    await t.ok(START, { e: email }); // asking again replaces the pending link
    const second = await registrationToken(t, email);
    expect(second).not.toBe(first);
    expect(
      Number(
        (await dataSource(t).query(`SELECT count(*) AS n FROM registration_request WHERE email = $1`, [email]))[0].n,
      ),
    ).toBe(1);

    const notValid = {
      code: 'BAD_USER_INPUT',
      field: 'token',
      message: 'This registration link is not valid; ask for a new one with startRegistration',
    };
    expect(errorOf(await t.gql(COMPLETE, { t: first, n: 'X', p: PASSWORD }))).toEqual(notValid);
    expect(errorOf(await t.gql(COMPLETE, { t: randomBytes(32).toString('base64url'), n: 'X', p: PASSWORD }))).toEqual(
      notValid,
    );
    expect(errorOf(await t.gql(COMPLETE, { t: '', n: 'X', p: PASSWORD }))).toEqual(notValid);

    await t.ok(COMPLETE, { t: second, n: 'First', p: PASSWORD });
    const reused = await t.gql(COMPLETE, { t: second, n: 'Second', p: `${PASSWORD}-2` });
    expect(reused.data).toBeNull();
    expect(errorOf(reused)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'token',
      message: 'This registration link was already used; sign in with your e-mail address and password',
    });
    expect(await accounts(t, email)).toBe(1);
    // the first password still signs in: the reuse changed nothing
    await t.ok(LOGIN, { e: email, p: PASSWORD });

    const late = uniqueEmail('late');
    await t.ok(START, { e: late });
    const expired = await registrationToken(t, late);
    await dataSource(t).query(
      `UPDATE registration_request SET expires_at = now() - interval '1 second' WHERE email = $1`,
      [late],
    );
    expect(errorOf(await t.gql(COMPLETE, { t: expired, n: 'Late', p: PASSWORD }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'token',
      message: 'This registration link has expired; ask for a new one with startRegistration',
    });
    expect(await accounts(t, late)).toBe(0);
    // a new request gives a new link that works
    await t.ok(START, { e: late });
    await t.ok(COMPLETE, { t: await registrationToken(t, late), n: 'Late', p: PASSWORD });
    expect(await accounts(t, late)).toBe(1);
  });

  it('applies the password and name rules of RegisterInput, naming the field, and keeps the token usable', async () => {
    const email = uniqueEmail('rules');
    await t.ok(START, { e: email });
    const token = await registrationToken(t, email);
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ p: 'short' }, 'password', 'password must be at least 10 characters'],
      [{ p: 'aaaaaaaaaaaa' }, 'password', 'password must not be one character repeated'],
      [{ p: 'password123' }, 'password', 'password is one of the most common passwords; choose another'],
      [{ n: '   ' }, 'name', 'name must not be empty'],
    ];
    for (const [change, field, message] of cases) {
      const res = await t.gql(COMPLETE, { t: token, n: 'Rules', p: PASSWORD, ...change });
      expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field, message });
    }
    expect(await accounts(t, email)).toBe(0);
    await t.ok(COMPLETE, { t: token, n: 'Rules', p: PASSWORD });
    expect(await accounts(t, email)).toBe(1);
  });

  it('refuses a token whose address got an account meanwhile, without a duplicate', async () => {
    const email = uniqueEmail('race');
    await t.ok(START, { e: email });
    const token = await registrationToken(t, email);
    // another path (e.g. an accepted member invitation) created the account after the link was mailed
    await dataSource(t).query(`INSERT INTO app_user (email, name, password_hash) VALUES ($1, 'Other', 'x')`, [email]);
    expect(errorOf(await t.gql(COMPLETE, { t: token, n: 'Late', p: PASSWORD }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'token',
      message: 'An account already uses this e-mail address; sign in, or reset your password',
    });
    expect(await accounts(t, email)).toBe(1);
  });

  it('completes a token used twice at once exactly once', async () => {
    const email = uniqueEmail('twice');
    await t.ok(START, { e: email });
    const token = await registrationToken(t, email);
    const results = await Promise.all([1, 2, 3].map((n) => t.gql(COMPLETE, { t: token, n: `Try ${n}`, p: PASSWORD })));
    const succeeded = results.filter((r) => r.data?.completeRegistration);
    expect(succeeded).toHaveLength(1);
    for (const failed of results.filter((r) => !r.data?.completeRegistration)) {
      expect(errorOf(failed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    }
    expect(await accounts(t, email)).toBe(1);
  });

  it('refuses register with FORBIDDEN (reason EMAIL_CONFIRMATION_REQUIRED), the same for every address', async () => {
    const fresh = uniqueEmail('direct');
    const answers = new Set<string>();
    for (const email of [known.email, fresh]) {
      const res = await t.gql(REGISTER, { i: { email, name: 'Direct', password: PASSWORD } });
      expect(res.data).toBeNull();
      expect(res.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'EMAIL_CONFIRMATION_REQUIRED' });
      expect(res.errors?.[0].message).toContain('startRegistration');
      answers.add(JSON.stringify(res));
    }
    expect(answers.size).toBe(1);
    expect(await accounts(t, fresh)).toBe(0);
  });

  it('startRegistration refuses a malformed address (BAD_USER_INPUT naming email) and mails nothing', async () => {
    const res = await t.gql(START, { e: 'not-an-address' });
    expect(errorOf(res)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'email',
      message: 'email must be a valid e-mail address',
    });
    expect(await mailsTo(t, 'not-an-address')).toEqual([]);
  });

  it('startRegistration is rate limited like register', async () => {
    const limited = await TestApp.start({ REGISTRATION_EMAIL_CONFIRMATION: 'true', AUTH_RATE_LIMIT_MAX: '3' });
    try {
      const email = uniqueEmail('limited');
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await limited.gql(START, { e: email })).errors?.[0]?.extensions?.code);
      expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    } finally {
      await limited.close();
    }
  });
});

describe('Registration without e-mail confirmation (REGISTRATION_EMAIL_CONFIRMATION unset outside production)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start(); // NODE_ENV=test
  });
  afterAll(() => t?.close());

  it('register creates the account and signs in, as before', async () => {
    const email = uniqueEmail('direct');
    const done = (await t.ok(REGISTER, { i: { email, name: 'Direct', password: PASSWORD } })).register;
    expect(done.user.email).toBe(email);
    expect((await t.ok(ME, {}, done.accessToken)).me.id).toBe(done.user.id);
    expect(await accounts(t, email)).toBe(1);
  });

  it('the confirmation flow works too', async () => {
    const email = uniqueEmail('flow');
    await t.ok(START, { e: email });
    const done = (await t.ok(COMPLETE, { t: await registrationToken(t, email), n: 'Flow', p: PASSWORD }))
      .completeRegistration;
    expect(done.user.email).toBe(email);
  });
});

describe('REGISTRATION_EMAIL_CONFIRMATION default', () => {
  it('is on in production: register is refused', async () => {
    const t = await TestApp.start({
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DEMO_DATA: 'false',
    });
    try {
      const res = await t.gql(REGISTER, { i: { email: uniqueEmail('prod'), name: 'Prod', password: PASSWORD } });
      expect(res.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'EMAIL_CONFIRMATION_REQUIRED' });
    } finally {
      await t.close();
    }
  });

  it('is a validated boolean, unset unless given', () => {
    expect(AppConfig.load({ DATA_DIR: 'memory' }).REGISTRATION_EMAIL_CONFIRMATION).toBeUndefined();
    expect(
      AppConfig.load({ REGISTRATION_EMAIL_CONFIRMATION: 'on', DATA_DIR: 'memory' }).REGISTRATION_EMAIL_CONFIRMATION,
    ).toBe(true);
    expect(() => AppConfig.load({ REGISTRATION_EMAIL_CONFIRMATION: 'maybe', DATA_DIR: 'memory' })).toThrow(
      /REGISTRATION_EMAIL_CONFIRMATION/,
    );
  });
});
