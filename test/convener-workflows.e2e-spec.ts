import { ConsultationDeadlinesService } from '@app/dialogue';
import { JobQueue } from '@app/queue';
import { TestApp } from './support/test-app.js';
import { createOrg, dataSource, registerUser, TestUser, verify } from './support/fixtures.js';
import { consultationInput } from './support/inputs.js';
import { waitFor } from './support/notification-helpers.js';

const CREATE = `mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }`;
const OPEN = `mutation($id: ID!) { openConsultation(id: $id) { status } }`;
const CLOSE = `mutation($id: ID!, $o: String) { closeConsultation(id: $id, outcomeSummary: $o) {
  status closedAt outcomeSummary outcomePublishedAt } }`;
const PUBLISH = `mutation($id: ID!, $o: String!) { publishConsultationOutcome(id: $id, outcomeSummary: $o) {
  status outcomeSummary outcomePublishedAt } }`;
const INVITE = `mutation($c: ID!, $o: [ID!]!) { inviteToConsultation(consultationId: $c, organizationIds: $o) {
  id organization { id } } }`;
const RESPOND = `mutation($id: ID!, $a: Boolean!) { respondToInvitation(id: $id, accept: $a) { status } }`;
const CONTRIBUTE = `mutation($c: ID!, $o: ID!, $b: String!) { submitContribution(consultationId: $c, organizationId: $o, body: $b) { id } }`;
const OUTCOME = `query($id: ID!) { consultation(id: $id) { status outcomeSummary outcomePublishedAt } }`;
const MY_INVITATIONS = `query($o: ID!, $s: InvitationStatus, $f: Int, $a: String) {
  organization(id: $o) {
    consultationInvitations(status: $s, first: $f, after: $a) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id status consultation { id title } }
    }
  }
}`;
const NOTIFICATIONS = `{ myNotifications(first: 100) { kind title body link organization { id } } }`;

interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string;
  organization: { id: string } | null;
}
interface InvitationsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<{ id: string; status: string; consultation: { id: string; title: string } }>;
}

/**
 * What conveners, invitees and participants learn after the invitations go out: answers and
 * contributions (convener), reminders (pending invitees), the closing and its outcome
 * (participants, each about its own organization), and an organization's own invitations.
 */
describe('Convener workflows', () => {
  let t: TestApp;
  let officer: TestUser; // OWNER of the ministry
  let deputy: TestUser; // ADMIN of the ministry
  let alice: TestUser; // alpha
  let bob: TestUser; // beta
  let gina: TestUser; // gamma
  let dave: TestUser; // delta
  let dual: TestUser; // member of alpha and delta
  let outsider: TestUser;
  let ministry: string;
  const org: Record<'alpha' | 'beta' | 'gamma' | 'delta', string> = { alpha: '', beta: '', gamma: '', delta: '' };
  let consultationId: string;
  const invitation: Record<string, string> = {};

  const notices = async (user: TestUser, kind: string): Promise<Notice[]> =>
    ((await t.ok(NOTIFICATIONS, {}, user.token)).myNotifications as Notice[]).filter((n) => n.kind === kind);
  /** Waits until every outbox event is processed and the queue is idle. */
  const settle = async () => {
    await waitFor(
      async () =>
        (await dataSource(t).query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`))[0].n ===
        0,
      15_000,
      'the events to be processed',
    );
    await t.app.get(JobQueue).onIdle();
  };
  const member = (userId: string, organizationId: string, role = 'MEMBER') =>
    dataSource(t).query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, $3)`, [
      userId,
      organizationId,
      role,
    ]);
  const myInvitations = async (
    user: TestUser | undefined,
    organizationId: string,
    vars: Record<string, unknown> = {},
  ) =>
    (await t.ok(MY_INVITATIONS, { o: organizationId, ...vars }, user?.token)).organization
      .consultationInvitations as InvitationsPage | null;

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL: '', JOB_SCHEDULE_INTERVAL_SECONDS: '86400' });
    [officer, deputy, alice, bob, gina, dave, dual, outsider] = await Promise.all(
      ['officer', 'deputy', 'alice', 'bob', 'gina', 'dave', 'dual', 'outsider'].map((n) => registerUser(t, n)),
    );
    ministry = (
      await createOrg(t, officer, {
        name: 'Ministry of Overseas Workers',
        kind: 'GOVERNMENT_AGENCY',
        countriesOfOrigin: [],
      })
    ).id;
    await verify(t, ministry);
    await member(deputy.id, ministry, 'ADMIN');
    org.alpha = (await createOrg(t, alice, { name: 'Alpha Filipino Nurses' })).id;
    org.beta = (await createOrg(t, bob, { name: 'Beta Domestic Workers Union' })).id;
    org.gamma = (await createOrg(t, gina, { name: 'Gamma Seafarers Club' })).id;
    org.delta = (await createOrg(t, dave, { name: 'Delta Migrant Teachers' })).id;
    await member(dual.id, org.alpha);
    await member(dual.id, org.delta);
  });
  afterAll(() => t?.close());

  describe('one consultation, in order', () => {
    it('1. an invitation to a DRAFT is not yet among the organization’s invitations; once open it is', async () => {
      consultationId = (await t.ok(CREATE, { i: consultationInput(ministry) }, officer.token)).createConsultation.id;
      const invited = (await t.ok(INVITE, { c: consultationId, o: Object.values(org) }, officer.token))
        .inviteToConsultation as Array<{ id: string; organization: { id: string } }>;
      for (const i of invited) invitation[i.organization.id] = i.id;
      expect((await myInvitations(alice, org.alpha))?.totalCount).toBe(0);
      await t.ok(OPEN, { id: consultationId }, officer.token);
      expect(await myInvitations(alice, org.alpha)).toEqual({
        totalCount: 1,
        pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
        nodes: [
          {
            id: invitation[org.alpha],
            status: 'PENDING',
            consultation: { id: consultationId, title: 'Consultation on labour rights' },
          },
        ],
      });
    });

    it('2. the convener’s members hear of each answer, about the convener; the one who answered does not', async () => {
      await t.ok(RESPOND, { id: invitation[org.alpha], a: true }, alice.token);
      await t.ok(RESPOND, { id: invitation[org.beta], a: false }, bob.token);
      await t.ok(RESPOND, { id: invitation[org.delta], a: true }, dave.token);
      await settle();
      for (const user of [officer, deputy]) {
        const answers = await notices(user, 'INVITATION_ANSWERED');
        expect(answers.map((n) => n.title).sort()).toEqual(
          [
            'Alpha Filipino Nurses accepted your invitation: Consultation on labour rights',
            'Beta Domestic Workers Union declined your invitation: Consultation on labour rights',
            'Delta Migrant Teachers accepted your invitation: Consultation on labour rights',
          ].sort(),
        );
        expect(
          answers.every((n) => n.organization?.id === ministry && n.link === `/consultations/${consultationId}`),
        ).toBe(true);
      }
      for (const user of [alice, bob, dave, gina]) expect(await notices(user, 'INVITATION_ANSWERED')).toHaveLength(0);
      // answering the same again changes nothing and tells nobody again
      await t.ok(RESPOND, { id: invitation[org.alpha], a: true }, alice.token);
      await settle();
      expect(await notices(officer, 'INVITATION_ANSWERED')).toHaveLength(3);
    });

    it('3. "my invitations" filter by status and page; only members and moderators see them', async () => {
      expect((await myInvitations(bob, org.beta, { s: 'DECLINED' }))?.nodes.map((n) => n.id)).toEqual([
        invitation[org.beta],
      ]);
      expect((await myInvitations(bob, org.beta, { s: 'ACCEPTED' }))?.totalCount).toBe(0);
      const second = (await t.ok(CREATE, { i: consultationInput(ministry, { title: 'Second round' }) }, officer.token))
        .createConsultation.id;
      await t.ok(INVITE, { c: second, o: [org.alpha] }, officer.token);
      await t.ok(OPEN, { id: second }, officer.token);
      const first = await myInvitations(dual, org.alpha, { f: 1 });
      expect(first?.nodes.map((n) => n.consultation.title)).toEqual(['Second round']);
      expect(first?.pageInfo.hasNextPage).toBe(true);
      const next = await myInvitations(dual, org.alpha, { f: 1, a: first?.pageInfo.endCursor });
      expect(next?.nodes.map((n) => n.consultation.id)).toEqual([consultationId]);
      expect(next?.pageInfo.hasNextPage).toBe(false);
      for (const viewer of [undefined, outsider, bob, officer])
        expect(await myInvitations(viewer, org.alpha)).toBeNull();
    });

    it('4. the convener’s members hear of each contribution', async () => {
      await t.ok(
        CONTRIBUTE,
        { c: consultationId, o: org.alpha, b: 'Nurses need recognised qualifications abroad.' },
        alice.token,
      );
      await settle();
      const [contribution] = await notices(deputy, 'CONTRIBUTION_SUBMITTED');
      expect(contribution).toMatchObject({
        title: 'New contribution from Alpha Filipino Nurses: Consultation on labour rights',
        organization: { id: ministry },
      });
      expect(await notices(officer, 'CONTRIBUTION_SUBMITTED')).toHaveLength(1);
      expect(await notices(alice, 'CONTRIBUTION_SUBMITTED')).toHaveLength(0);
    });

    it('5. pending invitees are reminded once, three days before it closes; those who answered are not', async () => {
      const deadlines = t.app.get(ConsultationDeadlinesService);
      expect(await deadlines.run()).toEqual({ reminded: 0, closed: 0 }); // 20 days left
      await dataSource(t).query(`UPDATE consultation SET closes_at = now() + interval '2 days' WHERE id = $1`, [
        consultationId,
      ]);
      expect(await deadlines.run()).toEqual({ reminded: 1, closed: 0 });
      expect(await deadlines.run()).toEqual({ reminded: 0, closed: 0 });
      await settle();
      const [reminder] = await notices(gina, 'INVITATION_REMINDER');
      expect(reminder).toMatchObject({
        title: 'Closing soon: Consultation on labour rights',
        organization: { id: org.gamma },
      });
      expect(reminder.body).toMatch(/has not answered the invitation .* closes on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      expect(await notices(gina, 'INVITATION_REMINDER')).toHaveLength(1);
      for (const user of [alice, bob, dave, officer])
        expect(await notices(user, 'INVITATION_REMINDER')).toHaveLength(0);
    });

    it('6. closing with an outcome: each participant organization’s members are told, about their organization', async () => {
      const outcome = 'The ministry will fund recognition of nursing diplomas from 2027.';
      const closed = (await t.ok(CLOSE, { id: consultationId, o: outcome }, deputy.token)).closeConsultation;
      expect(closed).toMatchObject({ status: 'CLOSED', outcomeSummary: outcome });
      expect(closed.outcomePublishedAt).toBe(closed.closedAt);
      await settle();
      const about = async (user: TestUser) =>
        (await notices(user, 'CONSULTATION_CLOSED')).map((n) => n.organization?.id).sort();
      expect(await about(alice)).toEqual([org.alpha]);
      expect(await about(dave)).toEqual([org.delta]);
      expect(await about(dual)).toEqual([org.alpha, org.delta].sort());
      for (const user of [bob, gina, officer, deputy]) expect(await about(user)).toEqual([]);
      const [told] = await notices(alice, 'CONSULTATION_CLOSED');
      expect(told.body).toBe(
        '"Consultation on labour rights" is closed; Ministry of Overseas Workers published what came of it. Read the outcome.',
      );
      // the outcome is public with the (published) consultation
      expect((await t.ok(OUTCOME, { id: consultationId })).consultation).toMatchObject({ outcomeSummary: outcome });
    });

    it('7. the convener may publish a revised outcome later; participants are told again', async () => {
      const revised = 'Diplomas will be recognised from 2027; a follow-up consultation opens in May.';
      const published = (await t.ok(PUBLISH, { id: consultationId, o: `  ${revised}  ` }, officer.token))
        .publishConsultationOutcome;
      expect(published).toMatchObject({ status: 'CLOSED', outcomeSummary: revised });
      await settle();
      expect((await notices(dual, 'CONSULTATION_OUTCOME_PUBLISHED')).map((n) => n.organization?.id).sort()).toEqual(
        [org.alpha, org.delta].sort(),
      );
      expect(await notices(bob, 'CONSULTATION_OUTCOME_PUBLISHED')).toHaveLength(0);
      expect((await t.ok(OUTCOME, { id: consultationId }, outsider.token)).consultation.outcomeSummary).toBe(revised);
    });
  });

  it('announces a consultation whose closing date passed, once, and not again when the convener closes it', async () => {
    const id = (
      await t.ok(CREATE, { i: consultationInput(ministry, { title: 'Expired consultation' }) }, officer.token)
    ).createConsultation.id;
    const [invited] = (await t.ok(INVITE, { c: id, o: [org.beta] }, officer.token)).inviteToConsultation;
    await t.ok(OPEN, { id }, officer.token);
    await t.ok(RESPOND, { id: invited.id, a: true }, bob.token);
    await dataSource(t).query(`UPDATE consultation SET closes_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const deadlines = t.app.get(ConsultationDeadlinesService);
    expect(await deadlines.run()).toEqual({ reminded: 0, closed: 1 });
    expect(await deadlines.run()).toEqual({ reminded: 0, closed: 0 });
    await settle();
    const closedFor = async () =>
      (await notices(bob, 'CONSULTATION_CLOSED')).filter(
        (n) => n.title === 'Consultation closed: Expired consultation',
      );
    expect(await closedFor()).toHaveLength(1);
    expect((await closedFor())[0].body).toContain('may publish its outcome later');
    // the convener closes it with an outcome: participants hear of the outcome, not of a second closing
    await t.ok(CLOSE, { id, o: 'Nothing changes for now; see the annual report.' }, officer.token);
    await settle();
    expect(await closedFor()).toHaveLength(1);
    expect(
      (await notices(bob, 'CONSULTATION_OUTCOME_PUBLISHED')).filter(
        (n) => n.title === 'Outcome published: Expired consultation',
      ),
    ).toHaveLength(1);
  });

  it('publishes an outcome only of a CLOSED consultation, of 10 characters or more', async () => {
    const id = (await t.ok(CREATE, { i: consultationInput(ministry, { title: 'Still open' }) }, officer.token))
      .createConsultation.id;
    await t.ok(OPEN, { id }, officer.token);
    const open = await t.gql(PUBLISH, { id, o: 'An outcome before the end.' }, officer.token);
    expect(open.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(open.errors?.[0].message).toBe('Only a CLOSED consultation has an outcome to publish; this one is OPEN');
    for (const [query, o] of [
      [PUBLISH, 'Too short'],
      [CLOSE, '   short   '],
      [PUBLISH, 'x'.repeat(20_001)],
    ] as const) {
      const res = await t.gql(query, { id, o }, officer.token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outcomeSummary' });
    }
    expect((await t.ok(OUTCOME, { id }, officer.token)).consultation).toEqual({
      status: 'OPEN',
      outcomeSummary: null,
      outcomePublishedAt: null,
    });
  });
});
