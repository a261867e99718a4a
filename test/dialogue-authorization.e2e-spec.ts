import { randomUUID } from 'node:crypto';
import { TestApp } from './support/test-app.js';
import { dataSource, registerUser, TestUser } from './support/fixtures.js';
import { AuthzRow, Cast, cast, orgOwnedBy, orgWithRoles, runAuthzTable, snapshot } from './support/authz.js';
import { consultationInput, inDays } from './support/inputs.js';

const TABLES = ['consultation', 'consultation_invitation', 'contribution', 'consultation_event'];

const CREATE = `mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }`;
const OPEN = `mutation($id: ID!) { openConsultation(id: $id) { status } }`;
const CLOSE = `mutation($id: ID!) { closeConsultation(id: $id) { status } }`;
const INVITE = `mutation($c: ID!, $o: [ID!]!) { inviteToConsultation(consultationId: $c, organizationIds: $o) { id } }`;
const RESPOND = `mutation($id: ID!, $a: Boolean!) { respondToInvitation(id: $id, accept: $a) { status } }`;
const CONTRIBUTE = `mutation($c: ID!, $o: ID!, $b: String!) { submitContribution(consultationId: $c, organizationId: $o, body: $b) { id } }`;
const COUNTERPARTS = `query($q: CounterpartQuery!, $f: Int) { dialogueCounterparts(query: $q, first: $f) { score } }`;
const READ = `query($id: ID!) { consultation(id: $id) { id } }`;
const CLOSE_WITH_OUTCOME = `mutation($id: ID!, $o: String) { closeConsultation(id: $id, outcomeSummary: $o) { status } }`;
const PUBLISH_OUTCOME = `mutation($id: ID!, $o: String!) { publishConsultationOutcome(id: $id, outcomeSummary: $o) { status } }`;
const MY_INVITATIONS = `query($o: ID!) { organization(id: $o) { consultationInvitations { totalCount nodes { id } } } }`;

describe('Authorization of the dialogue mutations (table-driven) and bad input', () => {
  let t: TestApp;
  let c: Cast;
  let third: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    third = await registerUser(t, 'third');
  });
  afterAll(() => t?.close());

  /** Inserts a consultation directly (status DRAFT/OPEN/CLOSED) convened by `convenerId`. */
  const consultation = async (convenerId: string, status = 'OPEN') => {
    const [{ id }] = await dataSource(t).query(
      `INSERT INTO consultation (convener_id, title, description, level, status, themes, closes_at, created_by_id)
       VALUES ($1, 'Test consultation', 'A consultation for the test.', 'NATIONAL', $2, '{LABOUR_MIGRATION}', now() + interval '20 days', $3)
       RETURNING id`,
      [convenerId, status, third.id],
    );
    return id as string;
  };
  const invitation = async (consultationId: string, organizationId: string, status = 'PENDING') => {
    const [{ id }] = await dataSource(t).query(
      `INSERT INTO consultation_invitation (consultation_id, organization_id, status, invited_by_id)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [consultationId, organizationId, status, third.id],
    );
    return id as string;
  };
  // VERIFIED: opening and inviting notify others (test/publishing-rules.e2e-spec.ts covers unverified conveners)
  const GOVERNMENT = { kind: 'GOVERNMENT_AGENCY', verification: 'VERIFIED', countries_of_origin: [] };
  /** A government agency where the cast holds OWNER, ADMIN and MEMBER. */
  const castGovernment = () => orgWithRoles(t, c, GOVERNMENT);
  /** A government agency of a third party. */
  const otherGovernment = () => orgOwnedBy(t, third, { ...GOVERNMENT, kind: 'LOCAL_AUTHORITY' });

  it('lets only the allowed roles act, and refused calls write nothing', async () => {
    const rows: AuthzRow[] = [
      {
        name: 'createConsultation (government agency)',
        allowed: ['admin', 'owner'],
        tables: TABLES,
        prepare: async () => ({ query: CREATE, variables: { i: consultationInput(await castGovernment()) } }),
      },
      {
        name: 'createConsultation (international organization)',
        allowed: ['admin', 'owner'],
        tables: TABLES,
        prepare: async () => ({
          query: CREATE,
          variables: { i: consultationInput(await orgWithRoles(t, c, { kind: 'INTERNATIONAL_ORGANIZATION' })) },
        }),
      },
      {
        name: 'createConsultation (a diaspora organization may not convene)',
        allowed: [],
        tables: TABLES,
        prepare: async () => ({ query: CREATE, variables: { i: consultationInput(await orgWithRoles(t, c)) } }),
      },
      {
        name: 'createConsultation (a funder may not convene)',
        allowed: [],
        tables: TABLES,
        prepare: async () => ({
          query: CREATE,
          variables: { i: consultationInput(await orgWithRoles(t, c, { kind: 'FUNDER' })) },
        }),
      },
      {
        name: 'openConsultation (DRAFT: invisible to outsiders)',
        allowed: ['admin', 'owner'],
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => ({ query: OPEN, variables: { id: await consultation(await castGovernment(), 'DRAFT') } }),
      },
      {
        name: 'closeConsultation (OPEN)',
        allowed: ['admin', 'owner'],
        tables: TABLES,
        prepare: async () => ({ query: CLOSE, variables: { id: await consultation(await castGovernment()) } }),
      },
      {
        name: 'closeConsultation with an outcome summary (OPEN)',
        allowed: ['admin', 'owner'],
        tables: TABLES,
        prepare: async () => ({
          query: CLOSE_WITH_OUTCOME,
          variables: { id: await consultation(await castGovernment()), o: 'What came of the consultation.' },
        }),
      },
      {
        name: 'publishConsultationOutcome (CLOSED)',
        allowed: ['admin', 'owner'],
        tables: TABLES,
        prepare: async () => ({
          query: PUBLISH_OUTCOME,
          variables: { id: await consultation(await castGovernment(), 'CLOSED'), o: 'What came of the consultation.' },
        }),
      },
      {
        name: 'publishConsultationOutcome (DRAFT: invisible to outsiders)',
        allowed: [],
        refused: { outsider: 'NOT_FOUND', admin: 'CONFLICT', owner: 'CONFLICT' },
        tables: TABLES,
        prepare: async () => ({
          query: PUBLISH_OUTCOME,
          variables: { id: await consultation(await castGovernment(), 'DRAFT'), o: 'What came of the consultation.' },
        }),
      },
      {
        name: 'inviteToConsultation (OPEN)',
        allowed: ['admin', 'owner'],
        tables: TABLES,
        prepare: async () => ({
          query: INVITE,
          variables: { c: await consultation(await castGovernment()), o: [await orgOwnedBy(t, third)] },
        }),
      },
      {
        name: 'inviteToConsultation (DRAFT: invisible to outsiders)',
        allowed: ['admin', 'owner'],
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => ({
          query: INVITE,
          variables: { c: await consultation(await castGovernment(), 'DRAFT'), o: [await orgOwnedBy(t, third)] },
        }),
      },
      {
        name: 'respondToInvitation (members of the invited organization)',
        allowed: ['member', 'admin', 'owner'],
        tables: TABLES,
        prepare: async () => {
          const id = await consultation(await otherGovernment());
          return { query: RESPOND, variables: { id: await invitation(id, await orgWithRoles(t, c)), a: true } };
        },
      },
      {
        name: 'respondToInvitation (the convener cannot answer for the invitee)',
        allowed: [],
        tables: TABLES,
        prepare: async () => {
          const id = await consultation(await castGovernment());
          return { query: RESPOND, variables: { id: await invitation(id, await orgOwnedBy(t, third)), a: true } };
        },
      },
      {
        name: 'respondToInvitation (DRAFT: invisible to the invitee until it opens)',
        allowed: [],
        refused: { outsider: 'NOT_FOUND', member: 'NOT_FOUND', admin: 'NOT_FOUND', owner: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => {
          const id = await consultation(await otherGovernment(), 'DRAFT');
          return { query: RESPOND, variables: { id: await invitation(id, await orgWithRoles(t, c)), a: true } };
        },
      },
      {
        name: 'submitContribution (public consultation: members of the contributing organization)',
        allowed: ['member', 'admin', 'owner'],
        tables: TABLES,
        prepare: async () => ({
          query: CONTRIBUTE,
          variables: {
            c: await consultation(await otherGovernment()),
            o: await orgWithRoles(t, c),
            b: 'Our view on it.',
          },
        }),
      },
      {
        name: 'submitContribution (invited and accepted)',
        allowed: ['member', 'admin', 'owner'],
        tables: TABLES,
        prepare: async () => {
          const id = await consultation(await otherGovernment());
          const org = await orgWithRoles(t, c);
          await invitation(id, org, 'ACCEPTED');
          return { query: CONTRIBUTE, variables: { c: id, o: org, b: 'Our view on it.' } };
        },
      },
      {
        name: 'submitContribution (not invited while others are)',
        allowed: [],
        tables: TABLES,
        prepare: async () => {
          const id = await consultation(await otherGovernment());
          await invitation(id, await orgOwnedBy(t, third), 'ACCEPTED');
          return { query: CONTRIBUTE, variables: { c: id, o: await orgWithRoles(t, c), b: 'Our view on it.' } };
        },
      },
      {
        name: 'submitContribution (DRAFT: invisible)',
        allowed: [],
        refused: { outsider: 'NOT_FOUND', member: 'NOT_FOUND', admin: 'NOT_FOUND', owner: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => ({
          query: CONTRIBUTE,
          variables: {
            c: await consultation(await otherGovernment(), 'DRAFT'),
            o: await orgWithRoles(t, c),
            b: 'Our view on it.',
          },
        }),
      },
      {
        name: 'dialogueCounterparts (signed-in users)',
        allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
        tables: [],
        prepare: async () => ({ query: COUNTERPARTS, variables: { q: { countriesOfOrigin: ['GH'] } } }),
      },
    ];
    await runAuthzTable(t, c, rows);
  });

  it('shows a DRAFT to the convener’s members and moderators only', async () => {
    const id = await consultation(await castGovernment(), 'DRAFT');
    for (const [user, visible] of [
      [undefined, false],
      [c.outsider, false],
      [c.member, true],
      [c.owner, true],
      [c.moderator, true],
    ] as Array<[TestUser | undefined, boolean]>) {
      const res = await t.gql(READ, { id }, user?.token);
      if (visible) expect(res.data?.consultation.id).toBe(id);
      else expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const open = await consultation(await castGovernment());
    expect((await t.ok(READ, { id: open })).consultation.id).toBe(open);
  });

  it("shows an organization's invitations to its members and moderators only (null for anyone else)", async () => {
    const org = await orgWithRoles(t, c);
    const id = await invitation(await consultation(await otherGovernment()), org);
    await invitation(await consultation(await otherGovernment(), 'DRAFT'), org); // not announced: not listed
    for (const [user, visible] of [
      [undefined, false],
      [c.outsider, false],
      [third, false],
      [c.member, true],
      [c.admin, true],
      [c.owner, true],
      [c.moderator, true],
    ] as Array<[TestUser | undefined, boolean]>) {
      const { organization } = await t.ok(MY_INVITATIONS, { o: org }, user?.token);
      expect(organization.consultationInvitations).toEqual(visible ? { totalCount: 1, nodes: [{ id }] } : null);
    }
  });

  // Four entries per row (see organizations-bad-input: Jest's `done` callback).
  const createCases: Array<[string, Record<string, unknown>, string, RegExp | null]> = [
    ['an unknown theme', { themes: ['LABOUR_MIGRATION', 'SPACE_TRAVEL'] }, 'input.themes', /"SPACE_TRAVEL"/],
    ['no theme', { themes: [] }, 'input.themes', null],
    ['an unknown country of origin', { countriesOfOrigin: ['PH', 'XX'] }, 'input.countriesOfOrigin', /"XX"/],
    ['an unknown country', { country: 'ZZ' }, 'input.country', /"ZZ"/],
    ['closesAt before opensAt', { opensAt: inDays(10), closesAt: inDays(5) }, 'input.closesAt', null],
    ['a too short title', { title: 'x' }, 'input.title', null],
    ['a too long description', { description: 'D'.repeat(9000) }, 'input.description', null],
  ];

  it.each(createCases)(
    'createConsultation rejects %s, naming the field, writing nothing',
    async (_n, extra, field, msg) => {
      const convener = await castGovernment();
      const before = await snapshot(t, TABLES);
      const res = await t.gql(CREATE, { i: consultationInput(convener, extra) }, c.owner.token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      if (msg) expect(res.errors?.[0].message).toMatch(msg);
      expect(await snapshot(t, TABLES)).toBe(before);
    },
  );

  it('rejects bad invitations, contributions, state changes and counterpart queries, writing nothing', async () => {
    const convener = await castGovernment();
    const open = await consultation(convener);
    const diaspora = await orgWithRoles(t, c);
    const expectError = async (
      query: string,
      variables: Record<string, unknown>,
      user: TestUser,
      code: string,
      field?: string,
    ) => {
      const before = await snapshot(t, TABLES);
      const res = await t.gql(query, variables, user.token);
      expect(res.errors?.[0].extensions).toMatchObject(field ? { code, field } : { code });
      expect(await snapshot(t, TABLES)).toBe(before);
    };
    // Invitations: unknown or malformed organizations, the convener itself, none at all.
    await expectError(INVITE, { c: open, o: [diaspora, randomUUID()] }, c.owner, 'BAD_USER_INPUT', 'organizationIds');
    await expectError(INVITE, { c: open, o: ['not-an-id'] }, c.owner, 'BAD_USER_INPUT', 'organizationIds');
    await expectError(INVITE, { c: open, o: [convener] }, c.owner, 'BAD_USER_INPUT', 'organizationIds');
    await expectError(INVITE, { c: open, o: [] }, c.owner, 'BAD_USER_INPUT', 'organizationIds');
    await expectError(INVITE, { c: randomUUID(), o: [diaspora] }, c.owner, 'NOT_FOUND');
    // Contributions: too short, unknown consultation or organization.
    await expectError(CONTRIBUTE, { c: open, o: diaspora, b: 'short' }, c.member, 'BAD_USER_INPUT', 'body');
    await expectError(CONTRIBUTE, { c: open, o: diaspora, b: 'x'.repeat(10_001) }, c.member, 'BAD_USER_INPUT', 'body');
    await expectError(CONTRIBUTE, { c: randomUUID(), o: diaspora, b: 'A long enough body.' }, c.member, 'NOT_FOUND');
    await expectError(CONTRIBUTE, { c: open, o: randomUUID(), b: 'A long enough body.' }, c.member, 'NOT_FOUND');
    await expectError(RESPOND, { id: randomUUID(), a: true }, c.member, 'NOT_FOUND');
    // Wrong state: CONFLICT.
    await expectError(OPEN, { id: open }, c.owner, 'CONFLICT');
    await expectError(CLOSE, { id: await consultation(convener, 'DRAFT') }, c.owner, 'CONFLICT');
    await expectError(INVITE, { c: await consultation(convener, 'CLOSED'), o: [diaspora] }, c.owner, 'CONFLICT');
    // Opening with closesAt in the past.
    const stale = await consultation(convener, 'DRAFT');
    await dataSource(t).query(`UPDATE consultation SET closes_at = now() - interval '1 day' WHERE id = $1`, [stale]);
    await expectError(OPEN, { id: stale }, c.owner, 'BAD_USER_INPUT', 'closesAt');
    // Counterpart queries: unknown codes name the field; first is bounded.
    for (const [q, field] of [
      [{ countriesOfOrigin: ['XX'] }, 'query.countriesOfOrigin'],
      [{ countriesOfResidence: ['ZZ'] }, 'query.countriesOfResidence'],
      [{ themes: ['SPACE_TRAVEL'] }, 'query.themes'],
      [{ languages: ['qq'] }, 'query.languages'],
    ] as const) {
      await expectError(COUNTERPARTS, { q }, c.outsider, 'BAD_USER_INPUT', field);
    }
    await expectError(COUNTERPARTS, { q: {}, f: 0 }, c.outsider, 'BAD_USER_INPUT', 'first');
    await expectError(COUNTERPARTS, { q: {}, f: 101 }, c.outsider, 'BAD_USER_INPUT', 'first');
    // Lower-case codes are accepted (normalised).
    const ok = await t.gql(COUNTERPARTS, { q: { countriesOfOrigin: ['gh'], languages: ['EN'] } }, c.outsider.token);
    expect(ok.errors).toBeUndefined();
  });
});
