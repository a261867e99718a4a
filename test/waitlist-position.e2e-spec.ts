import { TestApp } from './support/test-app.js';
import { QUIET_SCHEDULE, statementsOf } from './support/statement-count.js';
import { createOrg, registerUser, TestUser, verify } from './support/fixtures.js';
import { offerInput } from './support/inputs.js';

const CREATE = `mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishTrainingOffer(id: $id) { id } }`;
const ENROL = `mutation($t: ID!, $o: ID!) { enrol(trainingId: $t, organizationId: $o) { id status waitlistPosition } }`;
const CANCEL = `mutation($id: ID!) { cancelEnrolment(id: $id) { id status waitlistPosition } }`;
const MINE = `query($o: ID!) { organization(id: $o) { enrolments { id status waitlistPosition } } }`;
const ALL = (positions: boolean) =>
  `query($ids: ID!) { a: trainingOffer(id: $ids) { enrolments { id status ${positions ? 'waitlistPosition' : ''} } } }`;

/**
 * Enrolment.waitlistPosition: null unless WAITLISTED; 1 is the next to get a seat, in the order
 * seats are given (oldest first), per offer; one statement for any number of enrolments.
 */
describe('Enrolment.waitlistPosition', () => {
  let t: TestApp;
  let provider: TestUser;
  let providerId: string;
  const applicants: Array<{ user: TestUser; org: string }> = [];
  beforeAll(async () => {
    t = await TestApp.start(QUIET_SCHEDULE);
    provider = await registerUser(t, 'provider');
    providerId = (
      await createOrg(t, provider, {
        name: 'Waitlist Academy',
        kind: 'TRAINING_PROVIDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['BE'],
        languages: ['en', 'fr'],
      })
    ).id;
    await verify(t, providerId);
    for (let i = 0; i < 5; i++) {
      const user = await registerUser(t, `applicant${i}`);
      const org = (await createOrg(t, user, { name: `Waitlisted association ${i}` })).id;
      applicants.push({ user, org });
    }
  });
  afterAll(() => t?.close());

  const offer = async (seats: number) => {
    const { id } = (await t.ok(CREATE, { i: offerInput(providerId, { seats }) }, provider.token)).createTrainingOffer;
    await t.ok(PUBLISH, { id }, provider.token);
    return id as string;
  };
  const enrol = async (training: string, i: number) =>
    (await t.ok(ENROL, { t: training, o: applicants[i].org }, applicants[i].user.token)).enrol;
  const positionOf = async (i: number) => {
    const { enrolments } = (await t.ok(MINE, { o: applicants[i].org }, applicants[i].user.token)).organization;
    const live = enrolments.filter((e: { status: string }) => e.status !== 'CANCELLED');
    return live.length ? live[live.length - 1].waitlistPosition : 'none';
  };

  it('numbers the waiting list in the order seats are given, and moves it up', async () => {
    const training = await offer(1);
    const first = await enrol(training, 0);
    expect(first).toMatchObject({ status: 'ACCEPTED', waitlistPosition: null });
    const waiting = [];
    for (const i of [1, 2, 3]) waiting.push(await enrol(training, i));
    expect(waiting.map((e) => [e.status, e.waitlistPosition])).toEqual([
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
      ['WAITLISTED', 3],
    ]);
    // Another offer's waiting list is numbered on its own.
    const other = await offer(1);
    await enrol(other, 4);
    expect((await enrol(other, 3)).waitlistPosition).toBe(1);
    expect(await positionOf(3)).toBe(1); // its latest enrolment is the one on the other offer

    // The seat holder cancels: number 1 gets the seat, the others move up.
    await t.ok(CANCEL, { id: first.id }, applicants[0].user.token);
    expect(await positionOf(1)).toBeNull(); // ACCEPTED now
    expect(await positionOf(2)).toBe(1);
    // A waitlisted one leaves the list: those behind move up.
    const left = await t.ok(CANCEL, { id: waiting[1].id }, applicants[2].user.token);
    expect(left.cancelEnrolment).toMatchObject({ status: 'CANCELLED', waitlistPosition: null });
    const { a } = await t.ok(ALL(true), { ids: training }, provider.token);
    const byId = new Map(a.enrolments.map((e: { id: string; waitlistPosition: number | null }) => [e.id, e]));
    expect(byId.get(waiting[2].id)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(byId.get(waiting[0].id)).toMatchObject({ status: 'ACCEPTED', waitlistPosition: null });
  });

  it('reads every position of a list in one statement (no N+1)', async () => {
    const small = await offer(1);
    const large = await offer(1);
    await enrol(small, 0);
    await enrol(small, 1);
    for (const i of [0, 1, 2, 3, 4]) await enrol(large, i);
    const cost = async (training: string, positions: boolean) =>
      statementsOf(t, () => t.ok(ALL(positions), { ids: training }, provider.token));
    const extraSmall = (await cost(small, true)) - (await cost(small, false));
    const extraLarge = (await cost(large, true)) - (await cost(large, false));
    expect(extraSmall).toBe(1);
    expect(extraLarge).toBe(1);
    const { a } = await t.ok(ALL(true), { ids: large }, provider.token);
    expect(a.enrolments.map((e: { waitlistPosition: number | null }) => e.waitlistPosition)).toEqual([
      null,
      1,
      2,
      3,
      4,
    ]);
  });
});
