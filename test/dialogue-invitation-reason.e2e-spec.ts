import { TestApp } from './support/test-app.js';
import { createOrg, registerUser, TestUser, verify } from './support/fixtures.js';
import { consultationInput } from './support/inputs.js';

const CREATE = `mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }`;
const OPEN = `mutation($id: ID!) { openConsultation(id: $id) { status } }`;
const INVITE = `mutation($c: ID!, $o: [ID!]!, $r: String) {
  inviteToConsultation(consultationId: $c, organizationIds: $o, reason: $r) { id reason organization { id } } }`;
const READ = `query($id: ID!) { consultation(id: $id) { invitations { reason organization { id } } } }`;

/** Why an organization was invited: given with the invitation, kept, public with the invitations, validated. */
describe('The reason of an invitation to a consultation', () => {
  let t: TestApp;
  let officer: TestUser;
  let ministry: string;
  const diaspora: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    officer = await registerUser(t, 'officer');
    ministry = (await createOrg(t, officer, { name: 'Ministry of Diaspora Affairs', kind: 'GOVERNMENT_AGENCY' })).id;
    await verify(t, ministry);
    for (const name of ['Filipino Association of Turin', 'Filipino Nurses of Bologna', 'Filipino Seafarers Genoa']) {
      const owner = await registerUser(t, 'owner');
      diaspora.push((await createOrg(t, owner, { name, countriesOfOrigin: ['PH'], countriesOfResidence: ['IT'] })).id);
    }
  });
  afterAll(() => t?.close());

  it('keeps the reason of each new invitation, shows it to visitors once open, and keeps the first one on re-inviting', async () => {
    const { createConsultation } = await t.ok(CREATE, { i: consultationInput(ministry) }, officer.token);
    const id = createConsultation.id as string;
    const first = await t.ok(
      INVITE,
      { c: id, o: [diaspora[0]], r: '  Themes: labour migration; Filipino community in Italy  ' },
      officer.token,
    );
    expect(first.inviteToConsultation[0].reason).toBe('Themes: labour migration; Filipino community in Italy');
    await t.ok(INVITE, { c: id, o: [diaspora[1]] }, officer.token);
    // re-inviting returns the existing invitation with its first reason
    const again = await t.ok(INVITE, { c: id, o: [diaspora[0], diaspora[2]], r: 'Another reason' }, officer.token);
    expect(again.inviteToConsultation.map((i: { reason: string | null }) => i.reason)).toEqual([
      'Themes: labour migration; Filipino community in Italy',
      'Another reason',
    ]);
    await t.ok(OPEN, { id }, officer.token);
    // invitations (and why) are public once the consultation is open
    const { consultation } = await t.ok(READ, { id });
    const byOrg = new Map(
      consultation.invitations.map((i: { reason: string | null; organization: { id: string } }) => [
        i.organization.id,
        i.reason,
      ]),
    );
    expect(byOrg.get(diaspora[0])).toBe('Themes: labour migration; Filipino community in Italy');
    expect(byOrg.get(diaspora[1])).toBeNull();
    expect(byOrg.get(diaspora[2])).toBe('Another reason');
  });

  it('refuses a reason too short or too long with BAD_USER_INPUT naming reason, and writes nothing', async () => {
    const { createConsultation } = await t.ok(CREATE, { i: consultationInput(ministry) }, officer.token);
    const id = createConsultation.id as string;
    for (const reason of [' a ', 'x'.repeat(2001)]) {
      const res = await t.gql(INVITE, { c: id, o: [diaspora[0]], r: reason }, officer.token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
    const { consultation } = await t.ok(READ, { id }, officer.token);
    expect(consultation.invitations).toEqual([]);
  });
});

const LIST = `query($c: ID) { consultations(convenerId: $c, first: 50) { totalCount nodes { id status convener { id } } } }`;

/** The workspace's list: one convener's consultations, its DRAFTs only for its members. */
describe('consultations(convenerId)', () => {
  let t: TestApp;
  let officer: TestUser;
  let ministry: string;
  let other: string;

  beforeAll(async () => {
    t = await TestApp.start();
    officer = await registerUser(t, 'officer');
    ministry = (await createOrg(t, officer, { name: 'Ministry of Labour', kind: 'GOVERNMENT_AGENCY' })).id;
    other = (await createOrg(t, officer, { name: 'City of Turin', kind: 'LOCAL_AUTHORITY' })).id;
    await verify(t, ministry);
    await verify(t, other);
  });
  afterAll(() => t?.close());

  it('lists only that convener’s consultations, its drafts for its members only, and refuses a bad id naming convenerId', async () => {
    const create = async (convenerId: string) =>
      (await t.ok(CREATE, { i: consultationInput(convenerId) }, officer.token)).createConsultation.id as string;
    const draft = await create(ministry);
    const open = await create(ministry);
    await t.ok(OPEN, { id: open }, officer.token);
    const elsewhere = await create(other);
    await t.ok(OPEN, { id: elsewhere }, officer.token);

    const mine = (await t.ok(LIST, { c: ministry }, officer.token)).consultations;
    expect(mine.nodes.map((n: { id: string }) => n.id).sort()).toEqual([draft, open].sort());
    expect(mine.totalCount).toBe(2);
    const visitor = (await t.ok(LIST, { c: ministry })).consultations;
    expect(visitor.nodes.map((n: { id: string }) => n.id)).toEqual([open]);

    const res = await t.gql(LIST, { c: 'not-an-id' }, officer.token);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'convenerId' });
  });
});
