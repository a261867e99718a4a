import { TestApp } from './support/test-app.js';
import { dataSource } from './support/fixtures.js';
import { Cast, cast, orgOwnedBy, orgWithRoles, snapshot } from './support/authz.js';
import { fundInput } from './support/fund-fixtures.js';
import { consultationInput, offerInput } from './support/inputs.js';

const CREATE_FUND = `mutation($i: FundInput!) { createFund(input: $i) { id status } }`;
const PUBLISH_FUND = `mutation($id: ID!) { publishFund(id: $id) { id status } }`;
const CREATE_OFFER = `mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) { id status } }`;
const PUBLISH_OFFER = `mutation($id: ID!) { publishTrainingOffer(id: $id) { id status } }`;
const CREATE_CONSULTATION = `mutation($i: ConsultationInput!) { createConsultation(input: $i) { id status } }`;
const OPEN = `mutation($id: ID!) { openConsultation(id: $id) { id status } }`;
const INVITE = `mutation($c: ID!, $o: [ID!]!) { inviteToConsultation(consultationId: $c, organizationIds: $o) { id } }`;

/** Everything a publication writes or sends: the object, its invitations, the outbox, notifications, e-mails. */
const TABLES = [
  'fund',
  'training_offer',
  'consultation',
  'consultation_invitation',
  'consultation_event',
  'outbox_event',
  'notification',
  'email_outbox',
];

describe('Publishing that notifies other organizations requires a VERIFIED organization', () => {
  let t: TestApp;
  let c: Cast;
  let audience: string;
  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    // an organization every publication below would reach (matching fund, training, invitation)
    audience = await orgOwnedBy(t, c.outsider, { themes: ['EDUCATION', 'LABOUR_MIGRATION'] });
  });
  afterAll(() => t?.close());

  async function forbidden(query: string, variables: Record<string, unknown>) {
    const before = await snapshot(t, TABLES);
    const res = await t.gql(query, variables, c.owner.token);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/^Only a VERIFIED organization may .+ \(it notifies other organizations\)/);
    expect(await snapshot(t, TABLES)).toBe(before); // nothing published, nothing queued, nobody told
    return res.errors?.[0].message;
  }

  const events = async (type: string, key: string, id: string) =>
    (
      await dataSource(t).query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = $1 AND payload->>$2 = $3`, [
        type,
        key,
        id,
      ])
    )[0].n as number;

  describe.each(['UNVERIFIED', 'PENDING', 'REJECTED'])('an organization that is %s', (verification) => {
    it('keeps drafts but may not publish a fund', async () => {
      const funder = await orgWithRoles(t, c, { kind: 'FUNDER', verification, countries_of_origin: [] });
      const fund = (await t.ok(CREATE_FUND, { i: fundInput(funder) }, c.owner.token)).createFund;
      expect(fund.status).toBe('DRAFT');
      const message = await forbidden(PUBLISH_FUND, { id: fund.id });
      expect(message).toMatch(new RegExp(`publish funds .* is ${verification}$`));
    });

    it('keeps drafts but may not publish a training offer', async () => {
      const provider = await orgWithRoles(t, c, { kind: 'TRAINING_PROVIDER', verification });
      const offer = (await t.ok(CREATE_OFFER, { i: offerInput(provider) }, c.owner.token)).createTrainingOffer;
      expect(offer.status).toBe('DRAFT');
      await forbidden(PUBLISH_OFFER, { id: offer.id });
    });

    it('may invite to a draft consultation (nobody is told yet) but may not open it', async () => {
      const convener = await orgWithRoles(t, c, { kind: 'GOVERNMENT_AGENCY', verification, countries_of_origin: [] });
      const { id } = (await t.ok(CREATE_CONSULTATION, { i: consultationInput(convener) }, c.owner.token))
        .createConsultation;
      await t.ok(INVITE, { c: id, o: [audience] }, c.owner.token);
      expect(await events('INVITATION_RECEIVED', 'consultationId', id)).toBe(0);
      await forbidden(OPEN, { id });
    });
  });

  it('an open consultation whose convener is no longer VERIFIED takes no invitations', async () => {
    const convener = await orgWithRoles(t, c, {
      kind: 'LOCAL_AUTHORITY',
      verification: 'VERIFIED',
      countries_of_origin: [],
    });
    const { id } = (await t.ok(CREATE_CONSULTATION, { i: consultationInput(convener) }, c.owner.token))
      .createConsultation;
    await t.ok(OPEN, { id }, c.owner.token);
    await dataSource(t).query(`UPDATE organization SET verification = 'PENDING' WHERE id = $1`, [convener]);
    await forbidden(INVITE, { c: id, o: [audience] });
  });

  it('a VERIFIED organization publishes funds and trainings and opens consultations, which notifies', async () => {
    const funder = await orgWithRoles(t, c, { kind: 'FUNDER', verification: 'VERIFIED', countries_of_origin: [] });
    const fund = (await t.ok(CREATE_FUND, { i: fundInput(funder) }, c.owner.token)).createFund;
    expect((await t.ok(PUBLISH_FUND, { id: fund.id }, c.owner.token)).publishFund.status).toBe('OPEN');
    expect(await events('FUND_PUBLISHED', 'fundId', fund.id)).toBe(1);

    const provider = await orgWithRoles(t, c, { kind: 'TRAINING_PROVIDER', verification: 'VERIFIED' });
    const offer = (await t.ok(CREATE_OFFER, { i: offerInput(provider) }, c.owner.token)).createTrainingOffer;
    expect((await t.ok(PUBLISH_OFFER, { id: offer.id }, c.owner.token)).publishTrainingOffer.status).toBe('PUBLISHED');
    expect(await events('TRAINING_PUBLISHED', 'trainingOfferId', offer.id)).toBe(1);

    const convener = await orgWithRoles(t, c, {
      kind: 'INTERNATIONAL_ORGANIZATION',
      verification: 'VERIFIED',
      countries_of_origin: [],
    });
    const { id } = (await t.ok(CREATE_CONSULTATION, { i: consultationInput(convener) }, c.owner.token))
      .createConsultation;
    await t.ok(INVITE, { c: id, o: [audience] }, c.owner.token);
    expect((await t.ok(OPEN, { id }, c.owner.token)).openConsultation.status).toBe('OPEN');
    expect(await events('INVITATION_RECEIVED', 'consultationId', id)).toBe(1);
  });
});
