import { JobQueue } from '@app/queue';
import { TestApp } from './support/test-app.js';
import { createOrg, registerUser, TestUser, verify } from './support/fixtures.js';
import { consultationInput, offerInput } from './support/inputs.js';
import { MY_NOTIFICATIONS, NotificationView, waitFor } from './support/notification-helpers.js';

const ASSESS = `mutation($o: ID!, $s: [CapacityScoreInput!]!) { submitCapacityAssessment(organizationId: $o, scores: $s) { id } }`;
const CREATE_OFFER = `mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) { id } }`;
const PUBLISH_OFFER = `mutation($id: ID!) { publishTrainingOffer(id: $id) { id } }`;
const ENROL = `mutation($t: ID!, $o: ID!) { enrol(trainingId: $t, organizationId: $o) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelEnrolment(id: $id) { id status } }`;
const CREATE_CONSULTATION = `mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }`;
const OPEN_CONSULTATION = `mutation($id: ID!) { openConsultation(id: $id) { id status } }`;
const INVITE = `mutation($c: ID!, $o: [ID!]!) { inviteToConsultation(consultationId: $c, organizationIds: $o) { id } }`;

/**
 * Capacity-building and dialogue events reach the right members: a training for their needs, an
 * accepted or promoted enrolment, an invitation to a consultation once it is open.
 */
describe('Notifications of trainings, enrolments and invitations', () => {
  let t: TestApp;
  let provider: TestUser;
  let needy: TestUser; // its organization needs financial literacy
  let strong: TestUser; // its organization is strong in financial literacy
  let late: TestUser; // enrols when the single seat is taken
  let providerId: string;
  let needyOrg: string;
  let strongOrg: string;
  let lateOrg: string;

  const ofKind = async (user: TestUser, kind: string): Promise<NotificationView[]> =>
    ((await t.ok(MY_NOTIFICATIONS, { u: null, f: 100 }, user.token)).myNotifications as NotificationView[]).filter(
      (n) => n.kind === kind,
    );

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL: '' });
    [provider, needy, strong, late] = await Promise.all(
      ['provider', 'needy', 'strong', 'late'].map((name) => registerUser(t, name)),
    );
    providerId = (await createOrg(t, provider, { name: 'Brussels Training Centre', kind: 'TRAINING_PROVIDER' })).id;
    await verify(t, providerId); // publishing notifies others: VERIFIED providers only
    needyOrg = (await createOrg(t, needy, { name: 'Senegalese Women of Lyon' })).id;
    strongOrg = (await createOrg(t, strong, { name: 'Ghanaian Accountants UK' })).id;
    lateOrg = (await createOrg(t, late, { name: 'Malian Association of Turin' })).id;
    await t.ok(ASSESS, { o: needyOrg, s: [{ area: 'FINANCIAL_LITERACY', level: 1 }] }, needy.token);
    await t.ok(ASSESS, { o: strongOrg, s: [{ area: 'FINANCIAL_LITERACY', level: 5 }] }, strong.token);
  });
  afterAll(() => t?.close());

  it('tells organizations whose needs a published training covers, and nobody else', async () => {
    const offer = (
      await t.ok(
        CREATE_OFFER,
        { i: offerInput(providerId, { title: 'Financial literacy for migrant women', seats: 1 }) },
        provider.token,
      )
    ).createTrainingOffer;
    await t.ok(PUBLISH_OFFER, { id: offer.id }, provider.token);
    const tip = await waitFor(async () => (await ofKind(needy, 'TRAINING_PUBLISHED'))[0], 15_000, 'the training tip');
    expect(tip).toMatchObject({
      title: 'A training for your needs: Financial literacy for migrant women',
      link: `/trainings/${offer.id}`,
    });
    await t.app.get(JobQueue).onIdle();
    for (const user of [strong, late, provider]) expect(await ofKind(user, 'TRAINING_PUBLISHED')).toHaveLength(0);

    // The single seat goes to the first; the second waits, and is told when the seat frees up.
    const first = (await t.ok(ENROL, { t: offer.id, o: needyOrg }, needy.token)).enrol;
    const second = (await t.ok(ENROL, { t: offer.id, o: lateOrg }, late.token)).enrol;
    expect([first.status, second.status]).toEqual(['ACCEPTED', 'WAITLISTED']);
    await waitFor(async () => (await ofKind(needy, 'ENROLMENT_ACCEPTED')).length === 1, 15_000, 'the acceptance');
    await t.ok(CANCEL, { id: first.id }, needy.token);
    const promoted = await waitFor(async () => (await ofKind(late, 'ENROLMENT_PROMOTED'))[0], 15_000, 'the promotion');
    expect(promoted.title).toBe('A seat freed up: Financial literacy for migrant women');
    await t.app.get(JobQueue).onIdle();
    expect(await ofKind(late, 'ENROLMENT_ACCEPTED')).toHaveLength(0);
    expect(await ofKind(needy, 'ENROLMENT_PROMOTED')).toHaveLength(0);
  });

  it('tells invited organizations once the consultation is open, and once only', async () => {
    const ministry = await registerUser(t, 'ministry');
    const ministryId = (
      await createOrg(t, ministry, {
        name: 'Ministry of Senegalese Abroad',
        kind: 'GOVERNMENT_AGENCY',
        countriesOfOrigin: [],
        countriesOfResidence: ['SN'],
      })
    ).id;
    await verify(t, ministryId);
    const create = (title: string) =>
      t.ok(
        CREATE_CONSULTATION,
        {
          i: consultationInput(ministryId, {
            title,
            description: 'How should the ministry support associations of Senegalese abroad?',
            countriesOfOrigin: ['SN'],
          }),
        },
        ministry.token,
      );
    // Invited while DRAFT: told when it opens.
    const early = (await create('National consultation on diaspora associations')).createConsultation;
    await t.ok(INVITE, { c: early.id, o: [needyOrg] }, ministry.token);
    await t.app.get(JobQueue).onIdle();
    expect(await ofKind(needy, 'INVITATION_RECEIVED')).toHaveLength(0);
    await t.ok(OPEN_CONSULTATION, { id: early.id }, ministry.token);
    const invited = await waitFor(
      async () => (await ofKind(needy, 'INVITATION_RECEIVED'))[0],
      15_000,
      'the invitation',
    );
    expect(invited).toMatchObject({
      title: 'Invitation to a consultation: National consultation on diaspora associations',
      link: `/consultations/${early.id}`,
    });
    // Invited while OPEN: told at once; inviting again tells nobody twice.
    await t.ok(INVITE, { c: early.id, o: [needyOrg, lateOrg] }, ministry.token);
    await waitFor(
      async () => (await ofKind(late, 'INVITATION_RECEIVED')).length === 1,
      15_000,
      'the second invitation',
    );
    await t.app.get(JobQueue).onIdle();
    expect(await ofKind(needy, 'INVITATION_RECEIVED')).toHaveLength(1);
    expect(await ofKind(strong, 'INVITATION_RECEIVED')).toHaveLength(0);
  });
});
