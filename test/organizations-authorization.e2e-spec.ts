import { TestApp } from './support/test-app.js';
import { dataSource, registerUser, TestUser } from './support/fixtures.js';
import { AuthzRow, Cast, cast, orgOwnedBy, orgWithRoles, runAuthzTable } from './support/authz.js';
import { orgInput } from './support/fixtures.js';

const ORG_TABLES = ['organization', 'membership', 'network_membership', 'verification_event'];
const INVITATION_TABLES = [...ORG_TABLES, 'member_invitation'];

describe('Authorization of the organization mutations (table-driven)', () => {
  let t: TestApp;
  let c: Cast;
  let invitee: TestUser;
  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    invitee = await registerUser(t, 'invitee');
  });
  afterAll(() => t?.close());

  const membershipOf = async (orgId: string, userId: string) =>
    (
      await dataSource(t).query(`SELECT id FROM membership WHERE organization_id = $1 AND user_id = $2`, [
        orgId,
        userId,
      ])
    )[0].id;

  /** A pending invitation of `invitee` to the organization, inserted directly. */
  const invitationIn = async (orgId: string, role: string) =>
    (
      await dataSource(t).query(
        `INSERT INTO member_invitation (organization_id, email, role, token_hash, expires_at)
         VALUES ($1, $2, $3, md5(random()::text) || md5(random()::text), now() + interval '7 days') RETURNING id`,
        [orgId, invitee.email, role],
      )
    )[0].id as string;

  it('lets only the allowed roles act, and refused calls write nothing', async () => {
    const rows: AuthzRow[] = [
      {
        name: 'createOrganization',
        allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
        tables: ORG_TABLES,
        prepare: async () => ({
          query: `mutation($i: OrganizationInput!) { createOrganization(input: $i) { id } }`,
          variables: { i: orgInput() },
        }),
      },
      {
        name: 'updateOrganization',
        allowed: ['admin', 'owner'],
        tables: ORG_TABLES,
        prepare: async () => ({
          query: `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { id } }`,
          variables: { id: await orgWithRoles(t, c), i: orgInput({ name: 'Renamed association' }) },
        }),
      },
      ...(['addOrganizationMember', 'inviteOrganizationMember'] as const).flatMap((mutation): AuthzRow[] => [
        {
          name: `${mutation} (MEMBER)`,
          allowed: ['admin', 'owner'],
          tables: INVITATION_TABLES,
          prepare: async () => ({
            query: `mutation($o: ID!, $e: String!) { ${mutation}(organizationId: $o, email: $e, role: MEMBER) { id } }`,
            variables: { o: await orgWithRoles(t, c), e: invitee.email },
          }),
        },
        {
          name: `${mutation} (OWNER)`,
          allowed: ['owner'],
          tables: INVITATION_TABLES,
          prepare: async () => ({
            query: `mutation($o: ID!, $e: String!) { ${mutation}(organizationId: $o, email: $e, role: OWNER) { id } }`,
            variables: { o: await orgWithRoles(t, c), e: invitee.email },
          }),
        },
      ]),
      {
        name: 'revokeMemberInvitation (MEMBER)',
        allowed: ['admin', 'owner'],
        refused: { outsider: 'NOT_FOUND', member: 'NOT_FOUND', moderator: 'NOT_FOUND' },
        tables: INVITATION_TABLES,
        prepare: async () => ({
          query: `mutation($i: ID!) { revokeMemberInvitation(id: $i) { status } }`,
          variables: { i: await invitationIn(await orgWithRoles(t, c), 'MEMBER') },
        }),
      },
      {
        name: 'revokeMemberInvitation (OWNER)',
        allowed: ['owner'],
        refused: { outsider: 'NOT_FOUND', member: 'NOT_FOUND', moderator: 'NOT_FOUND' },
        tables: INVITATION_TABLES,
        prepare: async () => ({
          query: `mutation($i: ID!) { revokeMemberInvitation(id: $i) { status } }`,
          variables: { i: await invitationIn(await orgWithRoles(t, c), 'OWNER') },
        }),
      },
      {
        name: 'removeOrganizationMember (another MEMBER)',
        allowed: ['admin', 'owner'],
        refused: { outsider: 'NOT_FOUND', moderator: 'NOT_FOUND' },
        tables: ORG_TABLES,
        prepare: async () => {
          const org = await orgWithRoles(t, c);
          await dataSource(t).query(
            `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`,
            [invitee.id, org],
          );
          return {
            query: `mutation($m: ID!) { removeOrganizationMember(membershipId: $m) }`,
            variables: { m: await membershipOf(org, invitee.id) },
          };
        },
      },
      {
        name: 'removeOrganizationMember (another OWNER)',
        allowed: ['owner'],
        refused: { outsider: 'NOT_FOUND', moderator: 'NOT_FOUND' },
        tables: ORG_TABLES,
        prepare: async () => {
          const org = await orgWithRoles(t, c);
          await dataSource(t).query(
            `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`,
            [invitee.id, org],
          );
          return {
            query: `mutation($m: ID!) { removeOrganizationMember(membershipId: $m) }`,
            variables: { m: await membershipOf(org, invitee.id) },
          };
        },
      },
      {
        name: 'joinNetwork',
        allowed: ['admin', 'owner'],
        tables: ORG_TABLES,
        prepare: async () => {
          const network = await orgOwnedBy(t, invitee, { kind: 'DIASPORA_NETWORK' });
          return {
            query: `mutation($o: ID!, $n: ID!) { joinNetwork(organizationId: $o, networkId: $n) { id } }`,
            variables: { o: await orgWithRoles(t, c), n: network },
          };
        },
      },
      {
        name: 'respondToNetworkRequest (as the network)',
        allowed: ['admin', 'owner'],
        tables: ORG_TABLES,
        prepare: async () => {
          const network = await orgWithRoles(t, c, { kind: 'DIASPORA_NETWORK' });
          const applicant = await orgOwnedBy(t, invitee);
          await dataSource(t).query(
            `INSERT INTO network_membership (network_id, organization_id, status, requested_by_id) VALUES ($1, $2, 'PENDING', $3)`,
            [network, applicant, invitee.id],
          );
          return {
            query: `mutation($n: ID!, $o: ID!) { respondToNetworkRequest(networkId: $n, organizationId: $o, accept: true) { id } }`,
            variables: { n: network, o: applicant },
          };
        },
      },
      {
        name: 'pendingNetworkRequests (as the network)',
        allowed: ['admin', 'owner', 'moderator'],
        refused: { outsider: 'NOT_FOUND', member: 'NOT_FOUND' },
        tables: ORG_TABLES,
        prepare: async () => {
          const network = await orgWithRoles(t, c, { kind: 'DIASPORA_NETWORK' });
          await dataSource(t).query(
            `INSERT INTO network_membership (network_id, organization_id, status, requested_by_id) VALUES ($1, $2, 'PENDING', $3)`,
            [network, await orgOwnedBy(t, invitee), invitee.id],
          );
          return {
            query: `query($n: ID!) { pendingNetworkRequests(networkId: $n) { totalCount nodes { id organization { id } } } }`,
            variables: { n: network },
          };
        },
      },
      {
        name: 'changeMemberRole (a MEMBER made ADMIN)',
        allowed: ['admin', 'owner'],
        tables: ORG_TABLES,
        prepare: async () => {
          const org = await orgWithRoles(t, c);
          await dataSource(t).query(
            `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`,
            [invitee.id, org],
          );
          return {
            query: `mutation($o: ID!, $u: ID!) { changeMemberRole(organizationId: $o, userId: $u, role: ADMIN) { id role } }`,
            variables: { o: org, u: invitee.id },
          };
        },
      },
      {
        name: 'changeMemberRole (a MEMBER made OWNER)',
        allowed: ['owner'],
        tables: ORG_TABLES,
        prepare: async () => {
          const org = await orgWithRoles(t, c);
          await dataSource(t).query(
            `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`,
            [invitee.id, org],
          );
          return {
            query: `mutation($o: ID!, $u: ID!) { changeMemberRole(organizationId: $o, userId: $u, role: OWNER) { id role } }`,
            variables: { o: org, u: invitee.id },
          };
        },
      },
      {
        name: 'changeMemberRole (another OWNER made ADMIN)',
        allowed: ['owner'],
        tables: ORG_TABLES,
        prepare: async () => {
          const org = await orgWithRoles(t, c);
          await dataSource(t).query(
            `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`,
            [invitee.id, org],
          );
          return {
            query: `mutation($o: ID!, $u: ID!) { changeMemberRole(organizationId: $o, userId: $u, role: ADMIN) { id role } }`,
            variables: { o: org, u: invitee.id },
          };
        },
      },
      {
        name: 'requestVerification',
        allowed: ['admin', 'owner'],
        tables: ORG_TABLES,
        prepare: async () => ({
          query: `mutation($o: ID!) { requestVerification(organizationId: $o) { verification } }`,
          variables: { o: await orgWithRoles(t, c) },
        }),
      },
      {
        name: 'decideVerification',
        allowed: ['moderator'],
        tables: ORG_TABLES,
        prepare: async () => ({
          query: `mutation($o: ID!) { decideVerification(organizationId: $o, approve: true) { verification } }`,
          variables: { o: await orgWithRoles(t, c, { verification: 'PENDING' }) },
        }),
      },
      {
        name: 'verificationQueue (moderators and admins)',
        allowed: ['moderator'],
        tables: ORG_TABLES,
        prepare: async () => ({
          query: `query { verificationQueue(first: 5) { totalCount nodes { id organization { id } } } }`,
          variables: {},
        }),
      },
    ];
    await runAuthzTable(t, c, rows);
  });

  it('keeps the last OWNER: leaving as the only OWNER is CONFLICT', async () => {
    const org = await orgWithRoles(t, c);
    const res = await t.gql(
      `mutation($m: ID!) { removeOrganizationMember(membershipId: $m) }`,
      { m: await membershipOf(org, c.owner.id) },
      c.owner.token,
    );
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    const leave = await t.gql(
      `mutation($m: ID!) { removeOrganizationMember(membershipId: $m) }`,
      { m: await membershipOf(org, c.member.id) },
      c.member.token,
    );
    expect(leave.data?.removeOrganizationMember).toBe(true);
  });
});
