import { createHash } from 'node:crypto';
import { AppConfig } from '@app/config';
import { TestApp } from './support/test-app.js';
import {
  addMember,
  createOrg,
  dataSource,
  invitationToken,
  PASSWORD,
  registerUser,
  TestUser,
  uniqueEmail,
} from './support/fixtures.js';
import { waitFor } from './support/notification-helpers.js';

const FIELDS = 'id email role status expiresAt organization { id }';
const INVITE = `mutation($o: ID!, $e: String!, $r: MemberRole!) {
  inviteOrganizationMember(organizationId: $o, email: $e, role: $r) { ${FIELDS} } }`;
const ADD = `mutation($o: ID!, $e: String!, $r: MemberRole!) {
  addOrganizationMember(organizationId: $o, email: $e, role: $r) { ${FIELDS} } }`;
const ACCEPT = `mutation($i: AcceptMemberInvitationInput!) {
  acceptMemberInvitation(input: $i) { membership { role user { id } organization { id } } auth { accessToken user { id email } } } }`;
const DECLINE = `mutation($t: String!) { declineMemberInvitation(token: $t) }`;
const REVOKE = `mutation($i: ID!) { revokeMemberInvitation(id: $i) { status } }`;
const LIST = `query($o: ID!, $f: Int, $a: String) { memberInvitations(organizationId: $o, first: $f, after: $a) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id email role } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('Member invitations', () => {
  let t: TestApp;
  let owner: TestUser;
  let admin: TestUser;
  let orgId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    owner = await registerUser(t, 'owner');
    admin = await registerUser(t, 'admin');
    orgId = (await createOrg(t, owner)).id;
    await addMember(t, owner, orgId, admin, 'ADMIN');
  });
  afterAll(() => t?.close());

  const codeOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;
  const memberships = async (userId: string) =>
    dataSource(t).query(`SELECT role FROM membership WHERE organization_id = $1 AND user_id = $2`, [orgId, userId]);

  it('answers the same for an address with an account, one without, and a member', async () => {
    const known = await registerUser(t, 'known');
    const unknown = uniqueEmail('nobody');
    const answers = [];
    for (const [query, email] of [
      [INVITE, known.email],
      [INVITE, unknown],
      [INVITE, admin.email],
      [ADD, known.email],
      [ADD, unknown],
    ]) {
      const res = await t.gql(query, { o: orgId, e: email, r: 'MEMBER' }, owner.token);
      const data = res.data?.inviteOrganizationMember ?? res.data?.addOrganizationMember;
      answers.push({ errors: res.errors, keys: Object.keys(data ?? {}), role: data.role, status: data.status });
      expect(data.email).toBe(email);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ errors: undefined, role: 'MEMBER', status: 'PENDING' });
    // inviting a member changes nothing about the membership
    expect(await memberships(admin.id)).toEqual([{ role: 'ADMIN' }]);
  });

  it('a signed-in user with the invited address accepts: the membership has the invited role', async () => {
    const invitee = await registerUser(t, 'invitee');
    const invited = (await t.ok(INVITE, { o: orgId, e: invitee.email.toUpperCase(), r: 'ADMIN' }, owner.token))
      .inviteOrganizationMember;
    expect(invited).toMatchObject({
      email: invitee.email,
      role: 'ADMIN',
      status: 'PENDING',
      organization: { id: orgId },
    });
    const days = (Date.parse(invited.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(await memberships(invitee.id)).toEqual([]); // not added before consent

    const token = await invitationToken(t, invitee.email);
    const accepted = (await t.ok(ACCEPT, { i: { token } }, invitee.token)).acceptMemberInvitation;
    expect(accepted).toEqual({
      membership: { role: 'ADMIN', user: { id: invitee.id }, organization: { id: orgId } },
      auth: null,
    });
    expect(await memberships(invitee.id)).toEqual([{ role: 'ADMIN' }]);

    // single use
    const again = await t.gql(ACCEPT, { i: { token } }, invitee.token);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toBe(
      'The invitation was already accepted (an invitation that is ACCEPTED is final: it cannot become ACCEPTED)',
    );
    expect(again.errors?.[0].extensions?.allowed).toEqual([]);
  });

  it('the mail carries a link to PUBLIC_WEB_URL/invitations/<token>; only its hash is stored', async () => {
    const email = uniqueEmail('hash');
    const { id } = (await t.ok(INVITE, { o: orgId, e: email, r: 'MEMBER' }, owner.token)).inviteOrganizationMember;
    const token = await invitationToken(t, email);
    const [mail] = await dataSource(t).query(`SELECT subject, body FROM email_outbox WHERE to_address = $1`, [email]);
    expect(mail.body).toContain(`${t.get(AppConfig).PUBLIC_WEB_URL}/invitations/${token}`);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 random bits
    const [row] = await dataSource(t).query(
      `SELECT to_jsonb(i)::text AS text, token_hash FROM member_invitation i WHERE id = $1`,
      [id],
    );
    expect(row.token_hash).toBe(sha256(token));
    expect(row.text).not.toContain(token);
    if (!t.get(AppConfig).REDIS_URL) {
      // the API runs its own jobs without Redis: the queued mail goes out after commit
      await waitFor(
        async () =>
          (await dataSource(t).query(`SELECT sent_at FROM email_outbox WHERE to_address = $1`, [email]))[0].sent_at,
        15_000,
        'the invitation mail to be sent',
      );
    }
  });

  it('without an account, a name and a password create it, sign it in and make it a member', async () => {
    const email = uniqueEmail('newcomer');
    await t.ok(INVITE, { o: orgId, e: email, r: 'MEMBER' }, owner.token);
    const token = await invitationToken(t, email);
    const missing = await t.gql(ACCEPT, { i: { token } });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    const weak = await t.gql(ACCEPT, { i: { token, name: 'New', password: 'short' } });
    expect(codeOf(weak)).toBe('BAD_USER_INPUT');

    const accepted = (await t.ok(ACCEPT, { i: { token, name: 'Newcomer', password: PASSWORD } }))
      .acceptMemberInvitation;
    expect(accepted.auth.user.email).toBe(email);
    expect(accepted.membership).toMatchObject({ role: 'MEMBER', user: { id: accepted.auth.user.id } });
    const me = await t.ok(`{ me { id } }`, {}, accepted.auth.accessToken);
    expect(me.me.id).toBe(accepted.auth.user.id);
    expect((await t.ok(LOGIN, { e: email, p: PASSWORD })).login.user.id).toBe(accepted.auth.user.id);
  });

  it('an address with an account must sign in to accept; another account may not accept', async () => {
    const invitee = await registerUser(t, 'holder');
    const stranger = await registerUser(t, 'stranger');
    await t.ok(INVITE, { o: orgId, e: invitee.email, r: 'MEMBER' }, owner.token);
    const token = await invitationToken(t, invitee.email);

    const anonymous = await t.gql(ACCEPT, { i: { token, name: 'Mallory', password: 'another-long-password' } });
    expect(codeOf(anonymous)).toBe('CONFLICT');
    expect(anonymous.errors?.[0].message).toMatch(/sign in to accept/);
    const other = await t.gql(ACCEPT, { i: { token } }, stranger.token);
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(await memberships(stranger.id)).toEqual([]);
    // the invitation is still usable by its addressee
    expect((await t.ok(ACCEPT, { i: { token } }, invitee.token)).acceptMemberInvitation.membership.role).toBe('MEMBER');
  });

  it('expired, revoked, declined and unknown tokens fail with clear errors', async () => {
    const invitee = await registerUser(t, 'late');
    const tokenFor = async (role = 'MEMBER') => {
      const { id } = (await t.ok(INVITE, { o: orgId, e: invitee.email, r: role }, owner.token))
        .inviteOrganizationMember;
      return { id: id as string, token: await invitationToken(t, invitee.email) };
    };
    const expect409 = async (token: string, message: RegExp) => {
      const res = await t.gql(ACCEPT, { i: { token } }, invitee.token);
      expect({ code: codeOf(res), message: res.errors?.[0].message }).toEqual({
        code: 'CONFLICT',
        message: expect.stringMatching(message),
      });
    };

    const expired = await tokenFor();
    await dataSource(t).query(`UPDATE member_invitation SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expired.id,
    ]);
    await expect409(expired.token, /has expired/);

    const revoked = await tokenFor();
    expect(revoked.id).toBe(expired.id); // re-inviting refreshed the pending invitation
    expect((await t.ok(REVOKE, { i: revoked.id }, admin.token)).revokeMemberInvitation.status).toBe('REVOKED');
    await expect409(revoked.token, /was revoked/);

    const declined = await tokenFor();
    expect(declined.id).not.toBe(revoked.id);
    expect((await t.ok(DECLINE, { t: declined.token })).declineMemberInvitation).toBe(true);
    await expect409(declined.token, /was declined/);

    const unknown = await t.gql(ACCEPT, { i: { token: 'not-a-token' } }, invitee.token);
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(await memberships(invitee.id)).toEqual([]);
  });

  it('re-inviting a pending address sends a new link and retires the old one', async () => {
    const email = uniqueEmail('twice');
    const first = (await t.ok(INVITE, { o: orgId, e: email, r: 'MEMBER' }, owner.token)).inviteOrganizationMember;
    const oldToken = await invitationToken(t, email);
    const second = (await t.ok(INVITE, { o: orgId, e: email, r: 'ADMIN' }, owner.token)).inviteOrganizationMember;
    const newToken = await invitationToken(t, email);
    expect(second).toMatchObject({ id: first.id, role: 'ADMIN', status: 'PENDING' });
    expect(newToken).not.toBe(oldToken);
    expect(codeOf(await t.gql(ACCEPT, { i: { token: oldToken, name: 'X', password: PASSWORD } }))).toBe('NOT_FOUND');
    const [{ count }] = await dataSource(t).query(
      `SELECT count(*)::int AS count FROM member_invitation WHERE organization_id = $1 AND email = $2`,
      [orgId, email],
    );
    expect(count).toBe(1);
  });

  it('concurrent invitations of one address end as one pending invitation', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => t.gql(INVITE, { o: orgId, e: email, r: 'MEMBER' }, owner.token)),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data!.inviteOrganizationMember.id)).size).toBe(1);
  });

  it('a member invited again is told nothing, and accepting creates no second membership', async () => {
    await t.ok(INVITE, { o: orgId, e: admin.email, r: 'OWNER' }, owner.token);
    const res = await t.gql(ACCEPT, { i: { token: await invitationToken(t, admin.email) } }, admin.token);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(await memberships(admin.id)).toEqual([{ role: 'ADMIN' }]);
  });

  it('only managers invite, only an OWNER invites an OWNER, and only managers list invitations', async () => {
    const member = await registerUser(t, 'member');
    await addMember(t, owner, orgId, member, 'MEMBER');
    const outsider = await registerUser(t, 'outsider');
    const email = uniqueEmail('x');
    expect(codeOf(await t.gql(INVITE, { o: orgId, e: email, r: 'MEMBER' }, member.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(INVITE, { o: orgId, e: email, r: 'MEMBER' }, outsider.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(INVITE, { o: orgId, e: email, r: 'MEMBER' }))).toBe('UNAUTHENTICATED');
    const adminOwner = await t.gql(INVITE, { o: orgId, e: email, r: 'OWNER' }, admin.token);
    expect(codeOf(adminOwner)).toBe('FORBIDDEN');
    expect(adminOwner.errors?.[0].message).toBe('Only an OWNER may invite an OWNER');
    expect((await t.ok(INVITE, { o: orgId, e: email, r: 'OWNER' }, owner.token)).inviteOrganizationMember.role).toBe(
      'OWNER',
    );
    expect(codeOf(await t.gql(LIST, { o: orgId }, member.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(LIST, { o: orgId }, outsider.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(INVITE, { o: orgId, e: 'not an address', r: 'MEMBER' }, owner.token))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('managers page through the pending invitations of their organization', async () => {
    const { id: org } = await createOrg(t, owner);
    const emails = Array.from({ length: 5 }, (_, i) => uniqueEmail(`page${i}`));
    for (const e of emails) await t.ok(INVITE, { o: org, e, r: 'MEMBER' }, owner.token);
    await dataSource(t).query(`UPDATE member_invitation SET status = 'DECLINED' WHERE email = $1`, [emails[0]]);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const data: any = (await t.ok(LIST, { o: org, f: 2, a: after }, owner.token)).memberInvitations;
      expect(data.totalCount).toBe(4);
      seen.push(...data.nodes.map((n: { email: string }) => n.email));
      if (!data.pageInfo.hasNextPage) break;
      after = data.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(emails.slice(1).sort());
  });
});
