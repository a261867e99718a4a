import { AuthService, PlatformRole, User } from '@app/auth';
import { TestApp } from './support/test-app.js';
import { createOrg, dataSource, registerUser, TestUser, verify } from './support/fixtures.js';
import { offerInput } from './support/inputs.js';

/**
 * "ACCEPTED + COMPLETED never exceeds seats", under real concurrency over HTTP. Runs on PGlite by
 * default and on PostgreSQL when DATABASE_URL is set.
 */
const ENROL = `mutation($t: ID!, $o: ID!) { enrol(trainingId: $t, organizationId: $o) { id status organization { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelEnrolment(id: $id) { id status } }`;

interface Participant {
  userId: string;
  orgId: string;
  token: string;
}

describe('Enrolment under concurrency', () => {
  let t: TestApp;
  let provider: TestUser;
  let providerId: string;
  let participants: Participant[];
  const N = 60;
  const SEATS = 10;

  const publishedOffer = async (title: string, seats: number) => {
    const offer = (
      await t.ok(
        `mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) { id } }`,
        { i: offerInput(providerId, { title, languages: ['fr', 'en'], seats }) },
        provider.token,
      )
    ).createTrainingOffer;
    await t.ok(`mutation($id: ID!) { publishTrainingOffer(id: $id) { id } }`, { id: offer.id }, provider.token);
    return offer.id as string;
  };

  const counts = async (trainingId: string) => {
    const rows: Array<{ status: string; n: number }> = await dataSource(t).query(
      'SELECT status, count(*)::int AS n FROM enrolment WHERE training_id = $1 GROUP BY status',
      [trainingId],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  };

  beforeAll(async () => {
    t = await TestApp.start();
    provider = await registerUser(t, 'provider');
    providerId = (
      await createOrg(t, provider, {
        name: 'Concurrency Training Centre',
        kind: 'TRAINING_PROVIDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['BE'],
      })
    ).id;
    await verify(t, providerId); // publishing notifies others: VERIFIED providers only
    // N organizations, each with its own member, inserted directly (argon2 sign-ups would dominate the run)
    const ds = dataSource(t);
    const users: Array<{ id: string }> = await ds.query(
      `INSERT INTO app_user (email, name, password_hash)
       SELECT 'participant-' || g || '-' || md5(random()::text) || '@example.org', 'Participant ' || g, 'x'
         FROM generate_series(1, $1) g ORDER BY g RETURNING id`,
      [N],
    );
    const orgs: Array<{ id: string }> = await ds.query(
      `INSERT INTO organization (slug, name, kind, countries_of_origin, countries_of_residence, languages, legally_registered)
       SELECT 'concurrent-org-' || g || '-' || md5(random()::text), 'Concurrent association ' || g,
              'DIASPORA_ORGANIZATION', '{SN}', '{FR}', '{fr}', true
         FROM generate_series(1, $1) g ORDER BY g RETURNING id`,
      [N],
    );
    await ds.query(
      `INSERT INTO membership (user_id, organization_id, role)
       SELECT u, o, 'MEMBER' FROM unnest($1::uuid[], $2::uuid[]) AS x(u, o)`,
      [users.map((u) => u.id), orgs.map((o) => o.id)],
    );
    const auth = t.get(AuthService);
    participants = await Promise.all(
      users.map(async (u, i) => ({
        userId: u.id,
        orgId: orgs[i].id,
        token: (await auth.issueTokens({ id: u.id, platformRole: PlatformRole.USER } as User)).accessToken,
      })),
    );
  });
  afterAll(() => t?.close());

  it(`accepts exactly ${SEATS} of ${N} concurrent enrolments and waitlists the rest; concurrent cancellations promote exactly as many`, async () => {
    const training = await publishedOffer('Financial literacy, crowded cohort', SEATS);
    const responses = await Promise.all(participants.map((p) => t.gql(ENROL, { t: training, o: p.orgId }, p.token)));
    expect(responses.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const statuses = responses.map((r) => r.data?.enrol.status as string);
    expect(statuses.filter((s) => s === 'ACCEPTED')).toHaveLength(SEATS);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(N - SEATS);
    expect(await counts(training)).toEqual({ ACCEPTED: SEATS, WAITLISTED: N - SEATS });
    const [{ events }] = await dataSource(t).query(
      `SELECT count(*)::int AS events FROM enrolment_event ev JOIN enrolment e ON e.id = ev.enrolment_id
        WHERE e.training_id = $1 AND ev.from_status IS NULL`,
      [training],
    );
    expect(events).toBe(N);

    // cancel 5 ACCEPTED at once: the 5 oldest WAITLISTED (created_at, id) move up, no more, no fewer
    const CANCELS = 5;
    const expected: Array<{ id: string }> = await dataSource(t).query(
      `SELECT id FROM enrolment WHERE training_id = $1 AND status = 'WAITLISTED' ORDER BY created_at, id LIMIT $2`,
      [training, CANCELS],
    );
    const accepted = responses.filter((r) => r.data?.enrol.status === 'ACCEPTED').slice(0, CANCELS);
    const byOrg = new Map(participants.map((p) => [p.orgId, p]));
    const cancelled = await Promise.all(
      accepted.map((r) => t.gql(CANCEL, { id: r.data?.enrol.id }, byOrg.get(r.data?.enrol.organization.id)?.token)),
    );
    expect(cancelled.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    expect(await counts(training)).toEqual({ ACCEPTED: SEATS, CANCELLED: CANCELS, WAITLISTED: N - SEATS - CANCELS });
    const promoted: Array<{ enrolment_id: string }> = await dataSource(t).query(
      `SELECT ev.enrolment_id FROM enrolment_event ev JOIN enrolment e ON e.id = ev.enrolment_id
        WHERE e.training_id = $1 AND ev.from_status = 'WAITLISTED' AND ev.to_status = 'ACCEPTED'`,
      [training],
    );
    expect(promoted.map((p) => p.enrolment_id).sort()).toEqual(expected.map((e) => e.id).sort());
    const seatsLeft = (
      await t.ok(`query($id: ID!) { trainingOffer(id: $id) { seatsLeft waitlisted } }`, { id: training })
    ).trainingOffer;
    expect(seatsLeft).toEqual({ seatsLeft: 0, waitlisted: N - SEATS - CANCELS });
  });

  it('never oversells when enrolments and cancellations race each other', async () => {
    const training = await publishedOffer('Financial literacy, racing cohort', 3);
    const early = participants.slice(0, 6);
    const first = await Promise.all(early.map((p) => t.gql(ENROL, { t: training, o: p.orgId }, p.token)));
    const ids = first.map((r) => r.data?.enrol.id as string);
    const late = participants.slice(6, 26);
    const race = await Promise.all([
      ...late.map((p) => t.gql(ENROL, { t: training, o: p.orgId }, p.token)),
      ...early.slice(0, 4).map((p, i) => t.gql(CANCEL, { id: ids[i] }, p.token)),
    ]);
    expect(race.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const c = await counts(training);
    expect(c.ACCEPTED).toBe(3);
    expect(c.CANCELLED).toBe(4);
    expect(c.WAITLISTED).toBe(6 + 20 - 3 - 4);
  });

  it('lets exactly one of many concurrent enrolments of the same organization through', async () => {
    const training = await publishedOffer('Financial literacy, duplicate cohort', SEATS);
    const p = participants[0];
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.gql(ENROL, { t: training, o: p.orgId }, p.token)),
    );
    expect(results.filter((r) => r.data?.enrol)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(9);
    expect(await counts(training)).toEqual({ ACCEPTED: 1 });
  });
});
