import { TestApp } from './support/test-app.js';
import { addMember, createOrg, orgInput, promote, registerUser, TestUser, verify } from './support/fixtures.js';
import { fundInput } from './support/fund-fixtures.js';
import { consultationInput } from './support/inputs.js';

const UPDATE = `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { verification } }`;
const HISTORY = `query($id: ID) { organization(id: $id) { verification verificationHistory { fromStatus toStatus note } } }`;
const CONTACT = `query($id: ID) { organization(id: $id) { contactEmail } }`;
const DECIDE = `mutation($o: ID!) { decideVerification(organizationId: $o, approve: true) { verification } }`;
const CREATE_FUND = `mutation($i: FundInput!) { createFund(input: $i) { id } }`;
const CONVENE = `mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }`;
const CREATE_ORG = `mutation($i: OrganizationInput!) { createOrganization(input: $i) { id slug } }`;

describe('Organizations hardening: verification and slugs', () => {
  let t: TestApp;
  let owner: TestUser;
  let moderator: TestUser;
  let other: string;
  beforeAll(async () => {
    t = await TestApp.start();
    owner = await registerUser(t, 'owner');
    moderator = await promote(t, await registerUser(t, 'moderator'), 'MODERATOR');
    other = (await createOrg(t, await registerUser(t, 'other'), { contactEmail: 'board@other.example' })).id;
  });
  afterAll(() => t?.close());

  /** A VERIFIED organization of `owner` with the profile orgInput(base). */
  async function verifiedOrg(base: Record<string, unknown>) {
    const name = `Verified ${Math.random().toString(36).slice(2, 8)}`;
    const { id } = await createOrg(t, owner, { ...base, name });
    await verify(t, id);
    return { id, input: orgInput({ ...base, name }) };
  }

  const changes: Array<[string, Record<string, unknown>]> = [
    ['kind', { kind: 'NGO' }],
    ['name', { name: 'A New Name' }],
    ['countriesOfOrigin', { countriesOfOrigin: ['GH', 'SN'] }],
    ['countriesOfResidence', { countriesOfResidence: ['FR'] }],
    ['legallyRegistered', { legallyRegistered: false }],
  ];

  it.each(changes)(
    'a change of %s sends a VERIFIED organization back to PENDING, with history',
    async (field, change) => {
      const org = await verifiedOrg({});
      const updated = await t.ok(UPDATE, { id: org.id, i: { ...org.input, ...change } }, owner.token);
      expect(updated.updateOrganization.verification).toBe('PENDING');
      const history = (await t.ok(HISTORY, { id: org.id }, owner.token)).organization.verificationHistory;
      expect(history).toEqual([
        { fromStatus: 'VERIFIED', toStatus: 'PENDING', note: `Changed since verification: ${field}` },
      ]);
    },
  );

  it('a change of what verification did not vouch for keeps VERIFIED (also countries in another order)', async () => {
    const org = await verifiedOrg({ countriesOfOrigin: ['GH', 'SN'] });
    const input = { ...org.input, countriesOfOrigin: ['SN', 'GH', 'GH'], description: 'New text', city: 'Leeds' };
    expect((await t.ok(UPDATE, { id: org.id, i: input }, owner.token)).updateOrganization.verification).toBe(
      'VERIFIED',
    );
    expect((await t.ok(HISTORY, { id: org.id }, owner.token)).organization.verificationHistory).toEqual([]);
  });

  it('a verified diaspora organization that becomes a government agency loses every privilege until verified again', async () => {
    const org = await verifiedOrg({});
    // a verified government agency reads contact e-mails, convenes and creates funds
    const agency = await verifiedOrg({ kind: 'GOVERNMENT_AGENCY' });
    expect((await t.ok(CONTACT, { id: other }, owner.token)).organization.contactEmail).toBe('board@other.example');

    await t.ok(UPDATE, { id: org.id, i: { ...org.input, kind: 'GOVERNMENT_AGENCY' } }, owner.token);
    await t.ok(UPDATE, { id: agency.id, i: { ...agency.input, kind: 'DIASPORA_ORGANIZATION' } }, owner.token);
    expect((await t.ok(CONTACT, { id: other }, owner.token)).organization.contactEmail).toBeNull();
    const fund = await t.gql(CREATE_FUND, { i: fundInput(org.id) }, owner.token);
    expect(fund.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(fund.errors?.[0].message).toMatch(/verifies it again/);
    const convened = await t.gql(CONVENE, { i: consultationInput(org.id) }, owner.token);
    expect(convened.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // a moderator verifies the new kind: the privileges are back
    expect((await t.ok(DECIDE, { o: org.id }, moderator.token)).decideVerification.verification).toBe('VERIFIED');
    expect((await t.ok(CONTACT, { id: other }, owner.token)).organization.contactEmail).toBe('board@other.example');
    await t.ok(CREATE_FUND, { i: fundInput(org.id) }, owner.token);
    await t.ok(CONVENE, { i: consultationInput(org.id) }, owner.token);
  });

  it('an organization that was never verified keeps the privileges of its kind (drafts)', async () => {
    const { id } = await createOrg(t, owner, { kind: 'FUNDER' });
    await t.ok(CREATE_FUND, { i: fundInput(id) }, owner.token);
  });

  it('20 concurrent creations with one name all succeed with 20 distinct slugs', async () => {
    const users = await Promise.all(Array.from({ length: 4 }, (_, i) => registerUser(t, `slug${i}`)));
    const name = `Concurrent Association ${Math.random().toString(36).slice(2, 8)}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.gql(CREATE_ORG, { i: orgInput({ name }) }, users[i % 4].token)),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const slugs = results.map((r) => r.data!.createOrganization.slug as string);
    expect(new Set(slugs).size).toBe(20);
    const base = name.toLowerCase().replace(/ /g, '-');
    expect(slugs.sort()).toEqual([base, ...Array.from({ length: 19 }, (_, i) => `${base}-${i + 2}`)].sort());
  });

  it('a name whose slug looks like a numbered one does not collide with concurrent creations', async () => {
    const user = await registerUser(t, 'slugx');
    const name = `Numbered Club ${Math.random().toString(36).slice(2, 8)}`;
    const names = [...Array.from({ length: 8 }, () => name), `${name} 2`, `${name} 3`, `${name} 2`];
    const results = await Promise.all(names.map((n) => t.gql(CREATE_ORG, { i: orgInput({ name: n }) }, user.token)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data!.createOrganization.slug)).size).toBe(names.length);
  });

  describe('personal data: e-mail addresses', () => {
    const MEMBERS = `query($id: ID) { organization(id: $id) { members { user { id email } } } }`;
    const VISIBILITY = `mutation($v: EmailVisibility!) { updateEmailVisibility(visibility: $v) { email emailVisibility } }`;
    const emailsSeenBy = async (orgId: string, viewer: TestUser) =>
      Object.fromEntries(
        (await t.ok(MEMBERS, { id: orgId }, viewer.token)).organization.members.map(
          (m: { user: { id: string; email: string | null } }) => [m.user.id, m.user.email],
        ),
      );

    it('are private by default: only the user and moderators see them; ORGANIZATIONS shows them to fellow members', async () => {
      const alice = await registerUser(t, 'alice');
      const bob = await registerUser(t, 'bob');
      const { id: orgId } = await createOrg(t, alice);
      await addMember(t, alice, orgId, bob, 'MEMBER');

      expect(await emailsSeenBy(orgId, bob)).toEqual({ [alice.id]: null, [bob.id]: bob.email });
      expect(await emailsSeenBy(orgId, alice)).toEqual({ [alice.id]: alice.email, [bob.id]: null });
      expect(await emailsSeenBy(orgId, moderator)).toEqual({ [alice.id]: alice.email, [bob.id]: bob.email });

      const changed = (await t.ok(VISIBILITY, { v: 'ORGANIZATIONS' }, alice.token)).updateEmailVisibility;
      expect(changed).toEqual({ email: alice.email, emailVisibility: 'ORGANIZATIONS' });
      expect(await emailsSeenBy(orgId, bob)).toEqual({ [alice.id]: alice.email, [bob.id]: bob.email });
      // a member of another organization of hers does not see bob's, whose setting stays PRIVATE
      const carol = await registerUser(t, 'carol');
      const { id: other } = await createOrg(t, alice);
      await addMember(t, alice, other, carol, 'MEMBER');
      expect(await emailsSeenBy(orgId, carol)).toEqual({}); // not a member: no member list at all
      await t.ok(VISIBILITY, { v: 'PRIVATE' }, alice.token);
      expect(await emailsSeenBy(orgId, bob)).toEqual({ [alice.id]: null, [bob.id]: bob.email });
      expect((await t.gql(VISIBILITY, { v: 'ORGANIZATIONS' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('the signed-in user sees her own address in sign-in answers and in me', async () => {
      const dana = await registerUser(t, 'dana');
      const login = await t.ok(
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { email } } }`,
        { e: dana.email, p: 'correct-horse-battery' },
      );
      expect(login.login.user.email).toBe(dana.email);
      expect((await t.ok(`{ me { email emailVisibility } }`, {}, dana.token)).me).toEqual({
        email: dana.email,
        emailVisibility: 'PRIVATE',
      });
    });
  });
});
