import { TestApp } from './support/test-app.js';
import { createOrg, registerUser, TestUser } from './support/fixtures.js';

const PENDING = `query($n: ID!, $first: Int, $after: String) {
  pendingNetworkRequests(networkId: $n, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id status createdAt organization { id name } requestedBy { id } network { id } }
  } }`;
const JOIN = `mutation($o: ID!, $n: ID!) { joinNetwork(organizationId: $o, networkId: $n) { id } }`;
const RESPOND = `mutation($n: ID!, $o: ID!, $a: Boolean!) { respondToNetworkRequest(networkId: $n, organizationId: $o, accept: $a) { id } }`;
const MEMBERS = `query($n: ID!) { organization(id: $n) { memberOrganizations { id } } }`;

/**
 * pendingNetworkRequests: what waits for a network's answer, oldest first, a page at a time; answered
 * requests leave the list (accepted ones become member organizations), a declined one made again returns.
 */
describe('pendingNetworkRequests', () => {
  let t: TestApp;
  let networkOwner: TestUser;
  let network: string;
  const applicants: Array<{ user: TestUser; org: string }> = [];
  beforeAll(async () => {
    t = await TestApp.start();
    networkOwner = await registerUser(t, 'network');
    network = (await createOrg(t, networkOwner, { name: 'Pan-African Diaspora Network', kind: 'DIASPORA_NETWORK' })).id;
    for (let i = 0; i < 3; i++) {
      const user = await registerUser(t, `applicant${i}`);
      applicants.push({ user, org: (await createOrg(t, user, { name: `Joining association ${i}` })).id });
    }
  });
  afterAll(() => t?.close());

  const pending = async (vars: Record<string, unknown> = {}) =>
    (await t.ok(PENDING, { n: network, ...vars }, networkOwner.token)).pendingNetworkRequests;

  it('lists the requests oldest first, pages them, and drops them once answered', async () => {
    expect(await pending()).toMatchObject({ totalCount: 0, nodes: [] });
    for (const a of applicants) await t.ok(JOIN, { o: a.org, n: network }, a.user.token);
    const all = await pending();
    expect(all.totalCount).toBe(3);
    expect(all.nodes.map((n: { organization: { id: string } }) => n.organization.id)).toEqual(
      applicants.map((a) => a.org),
    );
    expect(all.nodes[0]).toMatchObject({
      status: 'PENDING',
      requestedBy: { id: applicants[0].user.id },
      network: { id: network },
    });

    const first = await pending({ first: 2 });
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await pending({ first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((n: { organization: { id: string } }) => n.organization.id)).toEqual([applicants[2].org]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    await t.ok(RESPOND, { n: network, o: applicants[0].org, a: true }, networkOwner.token);
    await t.ok(RESPOND, { n: network, o: applicants[1].org, a: false }, networkOwner.token);
    const left = await pending();
    expect(left.nodes.map((n: { organization: { id: string } }) => n.organization.id)).toEqual([applicants[2].org]);
    const { organization } = await t.ok(MEMBERS, { n: network });
    expect(organization.memberOrganizations.map((o: { id: string }) => o.id)).toEqual([applicants[0].org]);

    // A declined organization may ask again: its request waits once more.
    await t.ok(JOIN, { o: applicants[1].org, n: network }, applicants[1].user.token);
    expect((await pending()).totalCount).toBe(2);
  });

  it('is NOT_FOUND for the applicants themselves and other organizations, like an unknown network', async () => {
    for (const token of [applicants[2].user.token, (await registerUser(t, 'stranger')).token]) {
      const res = await t.gql(PENDING, { n: network }, token);
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const unknown = await t.gql(PENDING, { n: '00000000-0000-4000-8000-000000000000' }, networkOwner.token);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(PENDING, { n: network })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
