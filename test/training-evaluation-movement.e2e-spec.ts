import { TestApp } from './support/test-app.js';
import { addMember, createOrg, dataSource, promote, registerUser, TestUser, verify } from './support/fixtures.js';
import { offerInput } from './support/inputs.js';
import { QUIET_SCHEDULE, statementsOf } from './support/statement-count.js';

const MOVEMENT = 'participants comparisons averageBefore averageAfter averageChange improved unchanged declined';
const PROVIDER_EVALUATION = `query($id: ID!) { organization(id: $id) { trainingEvaluation {
  completions assessmentMovement { ${MOVEMENT} } perOffer { training { id } assessmentMovement { ${MOVEMENT} } } } } }`;
const OFFER_EVALUATION = `query($id: ID!) { trainingOffer(id: $id) { evaluation { assessmentMovement { ${MOVEMENT} } } } }`;
const CREATE = `mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishTrainingOffer(id: $id) { id } }`;

/**
 * TrainingEvaluation.assessmentMovement and ProviderTrainingEvaluation.assessmentMovement: for completed
 * enrolments, the organization's level in each of the offer's capacity areas in its latest assessment
 * (scoring that area) before the offer started, against its latest one after the completion.
 */
describe('Provider evaluation: how participants’ later self-assessments moved', () => {
  let t: TestApp;
  let provider: TestUser;
  let colleague: TestUser;
  let outsider: TestUser;
  let moderator: TestUser;
  let providerId: string;
  let offerA: string;
  let offerB: string;

  const organization = async (name: string) => {
    const owner = await registerUser(t, 'participant');
    return { owner, id: (await createOrg(t, owner, { name })).id as string };
  };
  const assess = (orgId: string, by: TestUser, at: string, scores: Record<string, number>) =>
    dataSource(t).query(
      `INSERT INTO capacity_assessment (organization_id, scores, needs, submitted_by_id, assessed_at) VALUES ($1, $2, $3, $4, $5)`,
      [
        orgId,
        JSON.stringify(Object.entries(scores).map(([area, level]) => ({ area, level }))),
        Object.entries(scores)
          .filter(([, level]) => level <= 2)
          .map(([area]) => area),
        by.id,
        at,
      ],
    );
  const enrolment = (training: string, orgId: string, by: TestUser, status: 'COMPLETED' | 'ACCEPTED') =>
    dataSource(t).query(
      `INSERT INTO enrolment (training_id, organization_id, participant_id, status, completed_at) VALUES ($1, $2, $3, $4, $5)`,
      [training, orgId, by.id, status, status === 'COMPLETED' ? '2026-03-01T00:00:00Z' : null],
    );

  beforeAll(async () => {
    t = await TestApp.start(QUIET_SCHEDULE); // statements are counted
    [provider, colleague, outsider, moderator] = await Promise.all(
      ['provider', 'colleague', 'outsider', 'moderator'].map((n) => registerUser(t, n)),
    );
    moderator = await promote(t, moderator, 'MODERATOR');
    providerId = (
      await createOrg(t, provider, {
        name: 'Evaluation Academy',
        kind: 'TRAINING_PROVIDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['BE'],
      })
    ).id;
    await verify(t, providerId);
    await addMember(t, provider, providerId, colleague, 'MEMBER');
    const offer = async (capacityAreas: string[]) => {
      const { id } = (await t.ok(CREATE, { i: offerInput(providerId, { capacityAreas } as never) }, provider.token))
        .createTrainingOffer;
      await t.ok(PUBLISH, { id }, provider.token);
      return id as string;
    };
    offerA = await offer(['FINANCIAL_LITERACY', 'DIGITAL_SKILLS']);
    offerB = await offer(['FUNDRAISING']);
    // the offers ran in the past: A from 10 January, B from 1 February; every completion on 1 March
    await dataSource(t).query(
      `UPDATE training_offer SET starts_at = CASE id WHEN $1::uuid THEN '2026-01-10T00:00:00Z'::timestamptz ELSE '2026-02-01T00:00:00Z'::timestamptz END,
              ends_at = '2026-02-28T00:00:00Z', application_deadline = '2026-01-05T00:00:00Z' WHERE id IN ($1, $2)`,
      [offerA, offerB],
    );

    const one = await organization('First participant');
    await assess(one.id, one.owner, '2025-12-01T00:00:00Z', { FINANCIAL_LITERACY: 3, FUNDRAISING: 1 });
    await assess(one.id, one.owner, '2026-01-05T00:00:00Z', { FINANCIAL_LITERACY: 1, DIGITAL_SKILLS: 2 }); // latest before A
    await assess(one.id, one.owner, '2026-01-20T00:00:00Z', { FINANCIAL_LITERACY: 5 }); // during A: neither
    await assess(one.id, one.owner, '2026-03-05T00:00:00Z', {
      FINANCIAL_LITERACY: 3,
      DIGITAL_SKILLS: 2,
      FUNDRAISING: 4,
    });
    await assess(one.id, one.owner, '2026-03-10T00:00:00Z', { FINANCIAL_LITERACY: 4 }); // latest after, for FL only
    await enrolment(offerA, one.id, one.owner, 'COMPLETED');
    await enrolment(offerB, one.id, one.owner, 'COMPLETED');

    const two = await organization('Second participant');
    await assess(two.id, two.owner, '2026-01-01T00:00:00Z', { FINANCIAL_LITERACY: 3 });
    await assess(two.id, two.owner, '2026-03-05T00:00:00Z', { FINANCIAL_LITERACY: 2, DIGITAL_SKILLS: 4 }); // DS: no before
    await enrolment(offerA, two.id, two.owner, 'COMPLETED');

    const three = await organization('Not completed'); // enrolled, never completed: not counted
    await assess(three.id, three.owner, '2026-01-01T00:00:00Z', { FINANCIAL_LITERACY: 1 });
    await assess(three.id, three.owner, '2026-03-05T00:00:00Z', { FINANCIAL_LITERACY: 5 });
    await enrolment(offerA, three.id, three.owner, 'ACCEPTED');

    const four = await organization('No assessment after'); // completed but never assessed again: not counted
    await assess(four.id, four.owner, '2026-01-01T00:00:00Z', { FINANCIAL_LITERACY: 1 });
    await enrolment(offerA, four.id, four.owner, 'COMPLETED');
  });
  afterAll(() => t?.close());

  const A = {
    participants: 2, // FL 1→4 and DS 2→2 (first), FL 3→2 (second)
    comparisons: 3,
    averageBefore: 2,
    averageAfter: 2.67,
    averageChange: 0.67,
    improved: 1,
    unchanged: 1,
    declined: 1,
  };
  const B = {
    participants: 1,
    comparisons: 1,
    averageBefore: 1,
    averageAfter: 4,
    averageChange: 3,
    improved: 1,
    unchanged: 0,
    declined: 0,
  };

  it('compares the latest level before the training with the latest after completion, per offer and overall', async () => {
    for (const user of [provider, colleague, moderator]) {
      const evaluation = (await t.ok(PROVIDER_EVALUATION, { id: providerId }, user.token)).organization
        .trainingEvaluation;
      expect(evaluation.completions).toBe(4);
      expect(evaluation.assessmentMovement).toEqual({
        participants: 3,
        comparisons: 4,
        averageBefore: 1.75,
        averageAfter: 3,
        averageChange: 1.25,
        improved: 2,
        unchanged: 1,
        declined: 1,
      });
      const perOffer = new Map(
        evaluation.perOffer.map((o: { training: { id: string }; assessmentMovement: unknown }) => [
          o.training.id,
          o.assessmentMovement,
        ]),
      );
      expect(perOffer.get(offerA)).toEqual(A);
      expect(perOffer.get(offerB)).toEqual(B);
      expect(
        (await t.ok(OFFER_EVALUATION, { id: offerA }, user.token)).trainingOffer.evaluation.assessmentMovement,
      ).toEqual(A);
    }
  });

  it('answers the provider and all its offers in one statement', async () => {
    // trainingOffers reads the viewer's access too, so both count it
    const query = (movement: string) =>
      `query($id: ID!) { organization(id: $id) { trainingOffers { id } trainingEvaluation { completions ${movement}
        perOffer { training { id } ${movement} } } } }`;
    const movement = `assessmentMovement { ${MOVEMENT} }`;
    const without = await statementsOf(t, () => t.ok(query(''), { id: providerId }, provider.token));
    const withMovement = await statementsOf(t, () => t.ok(query(movement), { id: providerId }, provider.token));
    expect(withMovement - without).toBe(1);
  });

  it('says nothing of organizations’ self-assessments to anyone but the provider’s members and moderators', async () => {
    for (const token of [outsider.token, undefined]) {
      const evaluation = (await t.ok(PROVIDER_EVALUATION, { id: providerId }, token)).organization.trainingEvaluation;
      expect(evaluation.assessmentMovement).toBeNull();
      expect(evaluation.perOffer.every((o: { assessmentMovement: unknown }) => o.assessmentMovement === null)).toBe(
        true,
      );
      expect(
        (await t.ok(OFFER_EVALUATION, { id: offerA }, token)).trainingOffer.evaluation.assessmentMovement,
      ).toBeNull();
    }
  });

  it('is empty (zeros, no averages) for a provider without completions', async () => {
    const other = await registerUser(t, 'newprovider');
    const id = (await createOrg(t, other, { name: 'New Academy', kind: 'TRAINING_PROVIDER', countriesOfOrigin: [] }))
      .id;
    const evaluation = (await t.ok(PROVIDER_EVALUATION, { id }, other.token)).organization.trainingEvaluation;
    expect(evaluation.assessmentMovement).toEqual({
      participants: 0,
      comparisons: 0,
      averageBefore: null,
      averageAfter: null,
      averageChange: null,
      improved: 0,
      unchanged: 0,
      declined: 0,
    });
  });
});
