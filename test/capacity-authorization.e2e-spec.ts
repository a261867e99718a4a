import { TestApp } from './support/test-app.js';
import { dataSource, registerUser, TestUser } from './support/fixtures.js';
import {
  AuthzRow,
  Cast,
  cast,
  expectVisibleToOwnersAndModerators,
  orgOwnedBy,
  orgWithRoles,
  runAuthzTable,
  snapshot,
} from './support/authz.js';
import { inDays, offerInput as sharedOfferInput } from './support/inputs.js';

const TABLES = ['capacity_assessment', 'training_offer', 'enrolment', 'enrolment_event'];

const ASSESS = `mutation($o: ID!, $s: [CapacityScoreInput!]!) { submitCapacityAssessment(organizationId: $o, scores: $s) { id } }`;
const CREATE = `mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) { id } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateTrainingOfferInput!) { updateTrainingOffer(id: $id, input: $i) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishTrainingOffer(id: $id) { id } }`;
const ENROL = `mutation($t: ID!, $o: ID!) { enrol(trainingId: $t, organizationId: $o) { id } }`;
const CANCEL = `mutation($id: ID!) { cancelEnrolment(id: $id) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id } }`;
const RATE = `mutation($id: ID!, $r: Int!) { rateTraining(enrolmentId: $id, rating: $r) { id } }`;
const MATCHES = `query($o: ID!) { trainingMatches(organizationId: $o) { score } }`;

/** Starts on day 40, ends on day 41, enrolment until day 30: the refusals below are relative to these dates. */
const offerInput = (providerId: string, overrides: Record<string, unknown> = {}) =>
  sharedOfferInput(providerId, {
    startsAt: inDays(40),
    endsAt: inDays(41),
    applicationDeadline: inDays(30),
    ...overrides,
  });

describe('Authorization and bad input of the capacity-building mutations', () => {
  let t: TestApp;
  let c: Cast;
  let third: TestUser;

  /** A training offer inserted directly. */
  const insertOffer = async (providerId: string, status: 'DRAFT' | 'PUBLISHED', seats = 12) => {
    const [{ id }] = await dataSource(t).query(
      `INSERT INTO training_offer (provider_id, title, description, capacity_areas, format, languages, starts_at,
                                   application_deadline, seats, status, created_by_id)
       VALUES ($1, 'Policy advocacy basics', 'Four sessions on policy processes and advocacy.', '{POLICY_ADVOCACY}',
               'ONLINE', '{en}', now() + interval '40 days', now() + interval '30 days', $2, $3, $4) RETURNING id`,
      [providerId, seats, status, third.id],
    );
    return id as string;
  };
  /** An enrolment (with its creation event) inserted directly. */
  const insertEnrolment = async (trainingId: string, organizationId: string, status: string) => {
    const [{ id }] = await dataSource(t).query(
      `INSERT INTO enrolment (training_id, organization_id, participant_id, status) VALUES ($1, $2, $3, $4) RETURNING id`,
      [trainingId, organizationId, third.id, status],
    );
    await dataSource(t).query(
      `INSERT INTO enrolment_event (enrolment_id, actor_id, from_status, to_status) VALUES ($1, $2, NULL, $3)`,
      [id, third.id, status],
    );
    return id as string;
  };
  // VERIFIED: publishing an offer notifies others (test/publishing-rules.e2e-spec.ts covers unverified providers)
  const castProvider = () => orgWithRoles(t, c, { kind: 'TRAINING_PROVIDER', verification: 'VERIFIED' });
  const thirdProvider = () => orgOwnedBy(t, third, { kind: 'TRAINING_PROVIDER', verification: 'VERIFIED' });

  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    third = await registerUser(t, 'third');
  });
  afterAll(() => t?.close());

  it('lets only the allowed roles act, and refused calls write nothing', async () => {
    const rows: AuthzRow[] = [
      {
        name: 'submitCapacityAssessment',
        allowed: ['member', 'admin', 'owner'],
        tables: TABLES,
        prepare: async () => ({
          query: ASSESS,
          variables: { o: await orgWithRoles(t, c), s: [{ area: 'FUNDRAISING', level: 2 }] },
        }),
      },
      {
        name: 'createTrainingOffer (provider kind)',
        allowed: ['admin', 'owner'],
        tables: TABLES,
        prepare: async () => ({ query: CREATE, variables: { i: offerInput(await castProvider()) } }),
      },
      {
        name: 'createTrainingOffer (a diaspora organization is no provider)',
        allowed: [],
        tables: TABLES,
        prepare: async () => ({ query: CREATE, variables: { i: offerInput(await orgWithRoles(t, c)) } }),
      },
      {
        // moderators see a DRAFT (read-only): FORBIDDEN, not NOT_FOUND, as for DRAFT funds
        name: 'updateTrainingOffer (DRAFT)',
        allowed: ['admin', 'owner'],
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => {
          const provider = await castProvider();
          return { query: UPDATE, variables: { id: await insertOffer(provider, 'DRAFT'), i: offerInput(provider) } };
        },
      },
      {
        name: 'updateTrainingOffer (PUBLISHED)',
        allowed: ['admin', 'owner'],
        tables: TABLES,
        prepare: async () => {
          const provider = await castProvider();
          return {
            query: UPDATE,
            variables: { id: await insertOffer(provider, 'PUBLISHED'), i: offerInput(provider) },
          };
        },
      },
      {
        name: 'publishTrainingOffer',
        allowed: ['admin', 'owner'],
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => ({ query: PUBLISH, variables: { id: await insertOffer(await castProvider(), 'DRAFT') } }),
      },
      {
        name: 'enrol',
        allowed: ['member', 'admin', 'owner'],
        tables: TABLES,
        prepare: async () => ({
          query: ENROL,
          variables: { t: await insertOffer(await thirdProvider(), 'PUBLISHED'), o: await orgWithRoles(t, c) },
        }),
      },
      {
        name: 'cancelEnrolment (own organization)',
        allowed: ['member', 'admin', 'owner'],
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => {
          const offer = await insertOffer(await thirdProvider(), 'PUBLISHED');
          return {
            query: CANCEL,
            variables: { id: await insertEnrolment(offer, await orgWithRoles(t, c), 'ACCEPTED') },
          };
        },
      },
      {
        name: 'completeEnrolment (as the provider)',
        allowed: ['admin', 'owner'],
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => {
          const offer = await insertOffer(await castProvider(), 'PUBLISHED');
          const org = await orgOwnedBy(t, third);
          return { query: COMPLETE, variables: { id: await insertEnrolment(offer, org, 'ACCEPTED') } };
        },
      },
      {
        name: 'rateTraining (own organization, COMPLETED)',
        allowed: ['member', 'admin', 'owner'],
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => {
          const offer = await insertOffer(await thirdProvider(), 'PUBLISHED');
          return {
            query: RATE,
            variables: { id: await insertEnrolment(offer, await orgWithRoles(t, c), 'COMPLETED'), r: 5 },
          };
        },
      },
      {
        name: 'trainingMatches (reveals needs)',
        allowed: ['member', 'admin', 'owner', 'moderator'],
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => ({ query: MATCHES, variables: { o: await orgWithRoles(t, c) } }),
      },
    ];
    await runAuthzTable(t, c, rows);
  });

  it('shows a DRAFT training offer to the provider’s members and (read-only) moderators only', async () => {
    const READ = `query($id: ID!) { trainingOffer(id: $id) { id status } }`;
    const id = await insertOffer(await castProvider(), 'DRAFT');
    await expectVisibleToOwnersAndModerators(t, c, third, {
      query: READ,
      variables: { id },
      field: 'trainingOffer',
      expected: { id, status: 'DRAFT' },
    });
    const published = await insertOffer(await castProvider(), 'PUBLISHED');
    expect((await t.ok(READ, { id: published })).trainingOffer.id).toBe(published);
  });

  /** Expects BAD_USER_INPUT naming `field` (or the given code) and no write. */
  const refused = async (query: string, variables: Record<string, unknown>, token: string, expected: string) => {
    const before = await snapshot(t, TABLES);
    const res = await t.gql(query, variables, token);
    const ext = res.errors?.[0].extensions;
    if (expected === 'CONFLICT') expect(ext?.code).toBe('CONFLICT');
    else expect({ code: ext?.code, field: ext?.field }).toEqual({ code: 'BAD_USER_INPUT', field: expected });
    expect(await snapshot(t, TABLES)).toBe(before);
  };

  it('refuses bad assessments: level 0 or 6, a duplicate area, no scores', async () => {
    const org = await orgWithRoles(t, c);
    const token = c.member.token;
    await refused(ASSESS, { o: org, s: [{ area: 'FUNDRAISING', level: 0 }] }, token, 'scores.0.level');
    await refused(
      ASSESS,
      {
        o: org,
        s: [
          { area: 'FUNDRAISING', level: 3 },
          { area: 'DIGITAL_SKILLS', level: 6 },
        ],
      },
      token,
      'scores.1.level',
    );
    await refused(
      ASSESS,
      {
        o: org,
        s: [
          { area: 'FUNDRAISING', level: 3 },
          { area: 'DIGITAL_SKILLS', level: 2 },
          { area: 'FUNDRAISING', level: 1 },
        ],
      },
      token,
      'scores.2.area',
    );
    await refused(ASSESS, { o: org, s: [] }, token, 'scores');
    // the boundaries themselves are fine
    const ok = await t.gql(
      ASSESS,
      {
        o: org,
        s: [
          { area: 'FUNDRAISING', level: 1 },
          { area: 'DIGITAL_SKILLS', level: 5 },
        ],
      },
      token,
    );
    expect(ok.errors).toBeUndefined();
  });

  it('refuses bad training offers: zero seats, end before start, deadline after start, unknown codes', async () => {
    const provider = await castProvider();
    const token = c.owner.token;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ seats: 0 }, 'input.seats'],
      [{ seats: -3 }, 'input.seats'],
      [{ endsAt: inDays(39) }, 'input.endsAt'],
      [{ applicationDeadline: inDays(45) }, 'input.applicationDeadline'],
      [{ capacityAreas: [] }, 'input.capacityAreas'],
      [{ languages: ['xx'] }, 'input.languages'],
      [{ country: 'ZZ' }, 'input.country'],
      [{ format: 'IN_PERSON', country: null }, 'input.country'],
      [{ cost: { amount: 100, currency: 'ABC' } }, 'input.cost.currency'],
      [{ title: 'ab' }, 'input.title'],
    ];
    for (const [overrides, field] of cases) await refused(CREATE, { i: offerInput(provider, overrides) }, token, field);
    const published = await insertOffer(provider, 'PUBLISHED');
    await refused(UPDATE, { id: published, i: offerInput(provider, { seats: 0 }) }, token, 'input.seats');
    await refused(UPDATE, { id: published, i: offerInput(provider, { endsAt: inDays(1) }) }, token, 'input.endsAt');
    // publishing twice is a wrong state
    await refused(PUBLISH, { id: published }, token, 'CONFLICT');
    // a draft whose enrolment would already be closed cannot be published
    const stale = await insertOffer(provider, 'DRAFT');
    await dataSource(t).query(
      `UPDATE training_offer SET application_deadline = now() - interval '1 day' WHERE id = $1`,
      [stale],
    );
    await refused(PUBLISH, { id: stale }, token, 'applicationDeadline');
  });

  it('refuses a rating before completion or twice (CONFLICT) and outside 1..5 (BAD_USER_INPUT)', async () => {
    const offer = await insertOffer(await thirdProvider(), 'PUBLISHED');
    const org = await orgWithRoles(t, c);
    const accepted = await insertEnrolment(offer, org, 'ACCEPTED');
    await refused(RATE, { id: accepted, r: 4 }, c.member.token, 'CONFLICT');
    const waitlisted = await insertEnrolment(offer, await orgWithRoles(t, c), 'WAITLISTED');
    await refused(RATE, { id: waitlisted, r: 4 }, c.member.token, 'CONFLICT');
    const done = await insertEnrolment(offer, await orgWithRoles(t, c), 'COMPLETED');
    await refused(RATE, { id: done, r: 0 }, c.member.token, 'rating');
    await refused(RATE, { id: done, r: 6 }, c.member.token, 'rating');
    expect((await t.gql(RATE, { id: done, r: 3 }, c.member.token)).errors).toBeUndefined();
    await refused(RATE, { id: done, r: 5 }, c.owner.token, 'CONFLICT');
    const [row] = await dataSource(t).query('SELECT rating FROM enrolment WHERE id = $1', [done]);
    expect(row.rating).toBe(3);
    // completing twice, and cancelling a completed enrolment, are wrong states
    const provider = await castProvider();
    const own = await insertOffer(provider, 'PUBLISHED');
    const completed = await insertEnrolment(own, await orgOwnedBy(t, third), 'COMPLETED');
    await refused(COMPLETE, { id: completed }, c.owner.token, 'CONFLICT');
    await refused(CANCEL, { id: done }, c.member.token, 'CONFLICT');
  });
});
