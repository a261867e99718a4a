import { TestApp } from './support/test-app.js';
import { dataSource, registerUser, TestUser } from './support/fixtures.js';
import { orgOwnedBy, snapshot } from './support/authz.js';

const CHANGE = `mutation($o: ID!, $u: ID!, $r: MemberRole!) {
  changeMemberRole(organizationId: $o, userId: $u, role: $r) { id role } }`;
const MEMBERS = `query($o: ID!) { organization(id: $o) { members { role user { id } } } }`;

/** changeMemberRole: the rules beyond who may call it (organizations-authorization has the table). */
describe('changeMemberRole', () => {
  let t: TestApp;
  let owner: TestUser;
  let second: TestUser;
  let admin: TestUser;
  let member: TestUser;
  beforeAll(async () => {
    t = await TestApp.start();
    [owner, second, admin, member] = await Promise.all(
      ['owner', 'second', 'admin', 'member'].map((n) => registerUser(t, n)),
    );
  });
  afterAll(() => t?.close());

  const organization = async () => {
    const org = await orgOwnedBy(t, owner);
    for (const [user, role] of [
      [admin, 'ADMIN'],
      [member, 'MEMBER'],
    ] as const) {
      await dataSource(t).query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, $3)`, [
        user.id,
        org,
        role,
      ]);
    }
    return org;
  };
  const roles = async (org: string) => {
    const { organization: o } = await t.ok(MEMBERS, { o: org }, owner.token);
    return Object.fromEntries(o.members.map((m: { role: string; user: { id: string } }) => [m.user.id, m.role]));
  };

  it('promotes and demotes, and the new role takes effect at once', async () => {
    const org = await organization();
    expect((await t.ok(CHANGE, { o: org, u: member.id, r: 'ADMIN' }, admin.token)).changeMemberRole.role).toBe('ADMIN');
    expect((await roles(org))[member.id]).toBe('ADMIN');
    // now an ADMIN, the former member may demote the other ADMIN
    await t.ok(CHANGE, { o: org, u: admin.id, r: 'MEMBER' }, member.token);
    expect(await roles(org)).toEqual({ [owner.id]: 'OWNER', [admin.id]: 'MEMBER', [member.id]: 'ADMIN' });
    // and the demoted one may no longer change roles
    const refused = await t.gql(CHANGE, { o: org, u: member.id, r: 'MEMBER' }, admin.token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the last OWNER: demoting the only OWNER is BAD_USER_INPUT on role, and writes nothing', async () => {
    const org = await organization();
    const before = await snapshot(t, ['membership']);
    const res = await t.gql(CHANGE, { o: org, u: owner.id, r: 'ADMIN' }, owner.token);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    expect(res.errors?.[0].message).toMatch(/last OWNER/);
    expect(await snapshot(t, ['membership'])).toBe(before);
    // with a second OWNER, the first may step down
    await t.ok(CHANGE, { o: org, u: member.id, r: 'OWNER' }, owner.token);
    await t.ok(CHANGE, { o: org, u: owner.id, r: 'MEMBER' }, owner.token);
    expect(await roles(org)).toMatchObject({ [owner.id]: 'MEMBER', [member.id]: 'OWNER' });
  });

  it('refuses an ADMIN who would make or unmake an OWNER', async () => {
    const org = await organization();
    await dataSource(t).query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`, [
      second.id,
      org,
    ]);
    const before = await snapshot(t, ['membership']);
    for (const [u, r] of [
      [member.id, 'OWNER'],
      [second.id, 'MEMBER'],
      [admin.id, 'OWNER'],
    ]) {
      const res = await t.gql(CHANGE, { o: org, u, r }, admin.token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await snapshot(t, ['membership'])).toBe(before);
  });

  it('answers NOT_FOUND for someone who is not a member, and leaves the same role as it is', async () => {
    const org = await organization();
    const res = await t.gql(CHANGE, { o: org, u: second.id, r: 'ADMIN' }, owner.token);
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.ok(CHANGE, { o: org, u: admin.id, r: 'ADMIN' }, owner.token)).changeMemberRole.role).toBe('ADMIN');
  });
});
