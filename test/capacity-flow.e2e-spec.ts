import { TestApp } from './support/test-app.js';
import { QUIET_SCHEDULE, statementsOf } from './support/statement-count.js';
import { addMember, createOrg, dataSource, promote, registerUser, TestUser, verify } from './support/fixtures.js';
import { offerInput } from './support/inputs.js';
import { graphql } from './generated/index.js';
import type { CapacityFlowEvaluationQuery, TrainingOfferInput } from './generated/graphql.js';

const ASSESS = graphql(`
  mutation CapacityFlowAssess($o: ID!, $s: [CapacityScoreInput!]!) {
    submitCapacityAssessment(organizationId: $o, scores: $s) {
      id
      scores {
        area
        level
      }
      needs
      assessedAt
      organization {
        id
      }
    }
  }
`);
const ASSESSMENT = graphql(`
  query CapacityFlowAssessment($id: ID!) {
    organization(id: $id) {
      capacityAssessment {
        id
        needs
        scores {
          area
          level
        }
      }
    }
  }
`);
const CREATE = graphql(`
  mutation CapacityFlowCreate($i: TrainingOfferInput!) {
    createTrainingOffer(input: $i) {
      id
      status
      seatsLeft
    }
  }
`);
const PUBLISH = graphql(`
  mutation CapacityFlowPublish($id: ID!) {
    publishTrainingOffer(id: $id) {
      id
      status
    }
  }
`);
const MATCHES = graphql(`
  query CapacityFlowMatches($o: ID!) {
    trainingMatches(organizationId: $o, first: 20) {
      score
      addressesNeeds
      reasons {
        factor
        points
        detail
      }
      training {
        id
        title
      }
    }
  }
`);
const ENROL = graphql(`
  mutation CapacityFlowEnrol($t: ID!, $o: ID!) {
    enrol(trainingId: $t, organizationId: $o) {
      id
      status
      participant {
        id
      }
      organization {
        id
      }
      training {
        id
        seatsLeft
      }
    }
  }
`);
const OFFER = graphql(`
  query CapacityFlowOffer($id: ID!) {
    trainingOffer(id: $id) {
      id
      status
      seats
      seatsLeft
      waitlisted
      completions
      averageRating
      ratingsCount
      cost {
        amount
        currency
      }
      languages {
        code
      }
      country {
        code
      }
      provider {
        id
      }
      evaluation {
        enrolments
        admitted
        completions
        completionRate
        averageRating
        ratingsCount
      }
    }
  }
`);
const EVALUATION = graphql(`
  query CapacityFlowEvaluation($id: ID!) {
    organization(id: $id) {
      trainingEvaluation {
        offers
        enrolments
        admitted
        completions
        completionRate
        averageRating
        ratingsCount
        perOffer {
          training {
            id
          }
          completions
          completionRate
          averageRating
          ratingsCount
        }
      }
    }
  }
`);
const RATE = graphql(`
  mutation CapacityFlowRate($e: ID!, $r: Int!) {
    rateTraining(enrolmentId: $e, rating: $r) {
      id
    }
  }
`);
const OFFERS_PAGE = graphql(`
  query CapacityFlowOffersPage($first: Int, $after: String) {
    trainingOffers(first: $first, after: $after) {
      totalCount
      nodes {
        id
        status
        startsAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const OFFER_TITLES = graphql(`
  query CapacityFlowOfferTitles($format: TrainingFormat, $capacityAreas: [CapacityArea!], $search: String) {
    trainingOffers(format: $format, capacityAreas: $capacityAreas, search: $search) {
      totalCount
      nodes {
        title
        format
      }
    }
  }
`);

type Evaluation = NonNullable<CapacityFlowEvaluationQuery['organization']>['trainingEvaluation'];

/** The element of `list` that satisfies `test` (fails the test when there is none). */
function found<T>(list: readonly T[], test: (item: T) => boolean): T {
  const item = list.find(test);
  if (item === undefined) throw new Error('expected an element, found none');
  return item;
}

describe('Capacity building: assessment → matches → enrolment → completion → rating → evaluation', () => {
  let t: TestApp;
  let provider: TestUser;
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let moderator: TestUser;
  let providerId: string;
  let orgId: string;

  const published = async (overrides: Partial<TrainingOfferInput> = {}) => {
    const offer = (await t.ok(CREATE, { i: offerInput(providerId, overrides) }, provider.token)).createTrainingOffer;
    await t.ok(PUBLISH, { id: offer.id }, provider.token);
    return offer.id;
  };

  /** trainingMatches of the organization, as `user` sees them. */
  const matchesOf = async (user: TestUser) => (await t.ok(MATCHES, { o: orgId }, user.token)).trainingMatches;

  beforeAll(async () => {
    t = await TestApp.start(QUIET_SCHEDULE); // no scheduled job runs while statements are counted
    [provider, owner, member, outsider, moderator] = await Promise.all(
      ['provider', 'owner', 'member', 'outsider', 'moderator'].map((n) => registerUser(t, n)),
    );
    moderator = await promote(t, moderator, 'MODERATOR');
    providerId = (
      await createOrg(t, provider, {
        name: 'Capacity Academy Brussels',
        kind: 'TRAINING_PROVIDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['BE'],
        languages: ['en', 'fr'],
      })
    ).id;
    await verify(t, providerId); // publishing notifies others: VERIFIED providers only
    orgId = (
      await createOrg(t, owner, {
        name: 'Association des Femmes Sénégalaises de Lyon',
        countriesOfOrigin: ['SN'],
        countriesOfResidence: ['FR'],
        languages: ['fr', 'wo'],
        memberCount: 30,
        legallyRegistered: true,
      })
    ).id;
    await addMember(t, owner, orgId, member, 'MEMBER');
  });
  afterAll(() => t?.close());

  it('keeps every assessment, shows the latest with its needs to members and moderators only', async () => {
    const first = (
      await t.ok(
        ASSESS,
        {
          o: orgId,
          s: [
            { area: 'FINANCIAL_LITERACY', level: 1 },
            { area: 'DIGITAL_SKILLS', level: 2 },
          ],
        },
        owner.token,
      )
    ).submitCapacityAssessment;
    expect(first.needs).toEqual(['FINANCIAL_LITERACY', 'DIGITAL_SKILLS']);
    const latest = (
      await t.ok(
        ASSESS,
        {
          o: orgId,
          s: [
            { area: 'FINANCIAL_LITERACY', level: 1 },
            { area: 'PROJECT_MANAGEMENT', level: 2 },
            { area: 'DIGITAL_SKILLS', level: 4 },
            { area: 'POLICY_ADVOCACY', level: 5 },
          ],
        },
        member.token, // any member may assess
      )
    ).submitCapacityAssessment;
    expect(latest.organization.id).toBe(orgId);
    expect(latest.needs).toEqual(['FINANCIAL_LITERACY', 'PROJECT_MANAGEMENT']);
    const [{ n }] = await dataSource(t).query(
      'SELECT count(*)::int AS n FROM capacity_assessment WHERE organization_id = $1',
      [orgId],
    );
    expect(n).toBe(2);
    for (const viewer of [owner, member, moderator]) {
      const seen = (await t.ok(ASSESSMENT, { id: orgId }, viewer.token)).organization?.capacityAssessment;
      expect(seen?.id).toBe(latest.id);
      expect(seen?.scores).toContainEqual({ area: 'POLICY_ADVOCACY', level: 5 });
    }
    expect((await t.ok(ASSESSMENT, { id: orgId }, outsider.token)).organization?.capacityAssessment).toBeNull();
    expect((await t.ok(ASSESSMENT, { id: orgId })).organization?.capacityAssessment).toBeNull();
  });

  it('ranks open offers in SQL with reasons that add up, and excludes closed, draft and other-kind offers', async () => {
    const finance = await published({ title: 'Financial literacy for migrant women' });
    const advocacy = await published({
      title: 'Policy advocacy with local governments',
      capacityAreas: ['POLICY_ADVOCACY'],
      subsidyAvailable: false,
      cost: null,
    });
    const brussels = await published({
      title: 'Project management in Brussels',
      capacityAreas: ['PROJECT_MANAGEMENT'],
      format: 'IN_PERSON',
      country: 'BE',
      city: 'Brussels',
      languages: ['en'],
      subsidyAvailable: false,
    });
    const ngoOnly = await published({ title: 'Financial literacy for NGOs', eligibleOrganizationKinds: ['NGO'] });
    const closed = await published({ title: 'Financial literacy, spring cohort' });
    await dataSource(t).query(
      `UPDATE training_offer SET application_deadline = now() - interval '1 day' WHERE id = $1`,
      [closed],
    );
    const draft = (
      await t.ok(CREATE, { i: offerInput(providerId, { title: 'Financial literacy draft' }) }, provider.token)
    ).createTrainingOffer.id;

    const matches = await matchesOf(member);
    const ids = matches.map((m) => m.training.id);
    expect(ids).toEqual([finance, advocacy, brussels]);
    for (const excluded of [ngoOnly, closed, draft]) expect(ids).not.toContain(excluded);
    for (const m of matches) {
      const sum = m.reasons.reduce((s, r) => s + r.points, 0);
      expect(m.score).toBeCloseTo(sum, 10);
    }
    // needs 1 of 2 (0.45 / 2) + French (0.15) + online (0.15) + subsidy, 30 members (0.10)
    expect(matches[0].score).toBeCloseTo(0.625, 10);
    expect(matches[0].addressesNeeds).toEqual(['FINANCIAL_LITERACY']);
    expect(matches[0].reasons.map((r) => r.factor)).toEqual(['NEEDS', 'LANGUAGE', 'PLACE', 'SUBSIDY']);
    expect(matches[0].reasons[0].detail).toContain('1 of your 2 needs: FINANCIAL_LITERACY');
    expect(matches[1].score).toBeCloseTo(0.3, 10); // French + online, no need covered
    expect(matches[1].addressesNeeds).toEqual([]);
    expect(matches[2].score).toBeCloseTo(0.225, 10); // a need, but in person in Belgium and in English
    expect(matches[2].reasons.map((r) => r.factor)).toEqual(['NEEDS']);

    // it reveals needs: others do not see it
    for (const token of [outsider.token, provider.token]) {
      expect(await t.errorCode(MATCHES, { o: orgId }, token)).toBe('NOT_FOUND');
    }
    expect((await t.gql(MATCHES, { o: orgId }, moderator.token)).errors).toBeUndefined();
  });

  describe('enrols, the provider completes, the organization rates once, and the evaluation figures change', () => {
    // Shared by the steps, in order.
    let training: string;
    let before: Evaluation;
    let enrolment: string;

    it('1. a member enrols the organization: ACCEPTED, one seat fewer', async () => {
      training = await published({ title: 'Financial literacy, autumn cohort', seats: 3 });
      before = (await t.ok(EVALUATION, { id: providerId })).organization!.trainingEvaluation;
      const enrolled = (await t.ok(ENROL, { t: training, o: orgId }, member.token)).enrol;
      expect(enrolled.status).toBe('ACCEPTED');
      expect(enrolled.participant.id).toBe(member.id);
      expect(enrolled.training.seatsLeft).toBe(2);
      enrolment = enrolled.id;
    });

    it('2. rating before completion is refused (CONFLICT: wrong state)', async () => {
      expect(await t.errorCode(RATE, { e: enrolment, r: 5 }, owner.token)).toBe('CONFLICT');
    });

    it('3. the provider completes it; the organization rates it once, every transition recorded', async () => {
      const completed = (
        await t.ok(
          graphql(`
            mutation CapacityFlowComplete($e: ID!) {
              completeEnrolment(id: $e) {
                status
              }
            }
          `),
          { e: enrolment },
          provider.token,
        )
      ).completeEnrolment;
      expect(completed.status).toBe('COMPLETED');
      const rated = (
        await t.ok(
          graphql(`
            mutation CapacityFlowRateOnce($e: ID!) {
              rateTraining(enrolmentId: $e, rating: 4, comment: "Practical and well paced") {
                status
                rating
                comment
                history {
                  fromStatus
                  toStatus
                  actorId
                }
              }
            }
          `),
          { e: enrolment },
          member.token,
        )
      ).rateTraining;
      expect(rated).toMatchObject({ status: 'COMPLETED', rating: 4, comment: 'Practical and well paced' });
      expect(rated.history).toEqual([
        { fromStatus: null, toStatus: 'ACCEPTED', actorId: member.id },
        { fromStatus: 'ACCEPTED', toStatus: 'COMPLETED', actorId: provider.id },
      ]);
      expect(await t.errorCode(RATE, { e: enrolment, r: 1 }, owner.token)).toBe('CONFLICT');
    });

    it('4. the offer and the provider’s evaluation count the completion and the rating', async () => {
      const offer = (await t.ok(OFFER, { id: training })).trainingOffer;
      expect(offer).toMatchObject({
        seats: 3,
        seatsLeft: 2,
        completions: 1,
        averageRating: 4,
        ratingsCount: 1,
        cost: { amount: 120, currency: 'EUR' },
        languages: [{ code: 'fr' }],
        country: null,
        evaluation: {
          enrolments: 1,
          admitted: 1,
          completions: 1,
          completionRate: 1,
          averageRating: 4,
          ratingsCount: 1,
        },
      });
      const after = (await t.ok(EVALUATION, { id: providerId })).organization!.trainingEvaluation;
      expect(after.completions).toBe(before.completions + 1);
      expect(after.ratingsCount).toBe(before.ratingsCount + 1);
      expect(before.averageRating).toBeNull();
      expect(after.averageRating).toBe(4);
      expect(after.completionRate).toBe(1);
      expect(after.perOffer.find((o) => o.training.id === training)).toMatchObject({
        completions: 1,
        completionRate: 1,
        averageRating: 4,
      });
    });

    it('5. the rating now counts in matching: RATING = 0.15 × 4/5', async () => {
      const match = found(await matchesOf(owner), (m) => m.training.id === training);
      expect(found(match.reasons, (r) => r.factor === 'RATING').points).toBeCloseTo(0.12, 10);
      expect(match.score).toBeCloseTo(0.745, 10);
    });
  });

  describe('waitlists when full, lists the full offer with a WAITLIST reason, and promotes on cancellation', () => {
    // Shared by the steps, in order.
    let training: string;
    let first: string;
    let second: string;

    it('1. the single seat is taken; the offer is still listed, with a WAITLIST reason', async () => {
      training = await published({ title: 'Digital skills for association secretaries', seats: 1 });
      const other = (
        await createOrg(t, outsider, { name: 'Malian Association of Montreuil', countriesOfResidence: ['FR'] })
      ).id;
      const enrolled = (await t.ok(ENROL, { t: training, o: other }, outsider.token)).enrol;
      expect(enrolled.status).toBe('ACCEPTED');
      first = enrolled.id;
      const match = found(await matchesOf(owner), (m) => m.training.id === training);
      expect(match.reasons).toContainEqual({
        factor: 'WAITLIST',
        points: 0,
        detail: 'All 1 seats are taken: enrolling now joins the waiting list (0 waiting)',
      });
    });

    it('2. enrolling now joins the waiting list; enrolling twice is CONFLICT', async () => {
      const waiting = (await t.ok(ENROL, { t: training, o: orgId }, owner.token)).enrol;
      expect(waiting.status).toBe('WAITLISTED');
      second = waiting.id;
      expect(await t.errorCode(ENROL, { t: training, o: orgId }, member.token)).toBe('CONFLICT');
    });

    it('3. a cancellation promotes the waiting enrolment, and both transitions are recorded', async () => {
      const cancelled = (
        await t.ok(
          graphql(`
            mutation CapacityFlowCancel($e: ID!) {
              cancelEnrolment(id: $e) {
                status
                cancelledAt
              }
            }
          `),
          { e: first },
          outsider.token,
        )
      ).cancelEnrolment;
      expect(cancelled.status).toBe('CANCELLED');
      expect(cancelled.cancelledAt).toBeTruthy();
      const [row] = await dataSource(t).query('SELECT status FROM enrolment WHERE id = $1', [second]);
      expect(row.status).toBe('ACCEPTED');
      const events = await dataSource(t).query(
        'SELECT from_status, to_status, actor_id FROM enrolment_event WHERE enrolment_id = $1 ORDER BY created_at, to_status',
        [second],
      );
      expect(events).toEqual([
        { from_status: null, to_status: 'WAITLISTED', actor_id: owner.id },
        { from_status: 'WAITLISTED', to_status: 'ACCEPTED', actor_id: outsider.id },
      ]);
    });

    it('4. the organization sees its enrolments; the provider sees the offer’s enrolments; others do not', async () => {
      const ENROLMENTS = graphql(`
        query CapacityFlowOfferEnrolments($id: ID!) {
          trainingOffer(id: $id) {
            enrolments {
              id
            }
          }
        }
      `);
      const mine = (
        await t.ok(
          graphql(`
            query CapacityFlowOrganizationEnrolments($id: ID!) {
              organization(id: $id) {
                enrolments {
                  id
                  status
                }
              }
            }
          `),
          { id: orgId },
          member.token,
        )
      ).organization?.enrolments;
      expect(mine?.map((e) => e.id)).toContain(second);
      const asProvider = (await t.ok(ENROLMENTS, { id: training }, provider.token)).trainingOffer?.enrolments;
      expect(asProvider).toHaveLength(2);
      const anonymous = (await t.ok(ENROLMENTS, { id: training })).trainingOffer?.enrolments;
      expect(anonymous).toEqual([]);
    });
  });

  it('refuses enrolment in drafts (NOT_FOUND), after the deadline (CONFLICT) and for other kinds (BAD_USER_INPUT)', async () => {
    const draft = (await t.ok(CREATE, { i: offerInput(providerId) }, provider.token)).createTrainingOffer.id;
    expect((await t.gql(ENROL, { t: draft, o: orgId }, owner.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const late = await published({ title: 'Late cohort' });
    await dataSource(t).query(
      `UPDATE training_offer SET application_deadline = now() - interval '1 hour' WHERE id = $1`,
      [late],
    );
    expect((await t.gql(ENROL, { t: late, o: orgId }, owner.token)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const ngoOnly = await published({ title: 'NGO cohort', eligibleOrganizationKinds: ['NGO', 'ACADEMIC'] });
    const wrongKind = await t.gql(ENROL, { t: ngoOnly, o: orgId }, owner.token);
    expect(wrongKind.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const [{ n }] = await dataSource(t).query('SELECT count(*)::int AS n FROM enrolment WHERE training_id = ANY($1)', [
      [draft, late, ngoOnly],
    ]);
    expect(n).toBe(0);
  });

  it('lists and searches published offers only; drafts are visible to the provider’s members only', async () => {
    const draft = (
      await t.ok(CREATE, { i: offerInput(providerId, { title: 'Alliance building draft' }) }, provider.token)
    ).createTrainingOffer.id;
    const all = (await t.ok(OFFERS_PAGE, { first: 100 })).trainingOffers;
    expect(all.nodes.map((n) => n.id)).not.toContain(draft);
    expect(all.nodes.every((n) => n.status === 'PUBLISHED')).toBe(true);
    const starts = all.nodes.map((n) => n.startsAt);
    expect([...starts].sort()).toEqual(starts);
    const inPerson = (await t.ok(OFFER_TITLES, { format: 'IN_PERSON' })).trainingOffers;
    expect(inPerson.nodes).toEqual([{ title: 'Project management in Brussels', format: 'IN_PERSON' }]);
    const advocacy = (await t.ok(OFFER_TITLES, { capacityAreas: ['POLICY_ADVOCACY', 'ALLIANCE_BUILDING'] }))
      .trainingOffers;
    expect(advocacy.nodes.map((n) => n.title)).toEqual(['Policy advocacy with local governments']);
    const search = (await t.ok(OFFER_TITLES, { search: 'brussels management' })).trainingOffers;
    expect(search.nodes.map((n) => n.title)).toEqual(['Project management in Brussels']);
    const page1 = (await t.ok(OFFERS_PAGE, { first: 2 })).trainingOffers;
    const page2 = (await t.ok(OFFERS_PAGE, { first: 2, after: page1.pageInfo.endCursor })).trainingOffers;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect([...page1.nodes, ...page2.nodes].map((n) => n.id)).toEqual(all.nodes.slice(0, 4).map((n) => n.id));

    expect((await t.gql(OFFER, { id: draft }, outsider.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(OFFER, { id: draft })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.ok(OFFER, { id: draft }, provider.token)).trainingOffer?.status).toBe('DRAFT');
  });

  it('lets the provider add seats to a full offer, which moves the oldest waitlisted up', async () => {
    const training = await published({ title: 'Fundraising basics', seats: 1, capacityAreas: ['FUNDRAISING'] });
    const a = (await createOrg(t, outsider, { name: 'Fundraisers A' })).id;
    const b = (await createOrg(t, outsider, { name: 'Fundraisers B' })).id;
    const c = (await createOrg(t, outsider, { name: 'Fundraisers C' })).id;
    const statuses = [];
    for (const o of [a, b, c]) statuses.push((await t.ok(ENROL, { t: training, o }, outsider.token)).enrol.status);
    expect(statuses).toEqual(['ACCEPTED', 'WAITLISTED', 'WAITLISTED']);
    const updated = (
      await t.ok(
        `mutation($id: ID!, $i: UpdateTrainingOfferInput!) { updateTrainingOffer(id: $id, input: $i) { seats seatsLeft waitlisted } }`,
        {
          id: training,
          i: offerInput(providerId, { title: 'Fundraising basics', seats: 2, capacityAreas: ['FUNDRAISING'] }),
        },
        provider.token,
      )
    ).updateTrainingOffer;
    expect(updated).toEqual({ seats: 2, seatsLeft: 0, waitlisted: 1 });
    const rows = await dataSource(t).query(
      `SELECT organization_id, status FROM enrolment WHERE training_id = $1 ORDER BY created_at, id`,
      [training],
    );
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'WAITLISTED']);
    expect(rows[1].organization_id).toBe(b);
    const shrink = await t.gql(
      `mutation($id: ID!, $i: UpdateTrainingOfferInput!) { updateTrainingOffer(id: $id, input: $i) { seats } }`,
      { id: training, i: offerInput(providerId, { seats: 1 }) },
      provider.token,
    );
    expect(shrink.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.seats' });
  });
  it('resolves lists of offers and matches with a fixed number of SQL queries (DataLoaders)', async () => {
    const LIST = graphql(`
      query CapacityFlowCountedList($n: Int) {
        trainingOffers(first: $n) {
          nodes {
            title
            provider {
              name
            }
            languages {
              code
            }
            country {
              code
            }
            seatsLeft
            waitlisted
            averageRating
            ratingsCount
            completions
            cost {
              amount
            }
            evaluation {
              completionRate
            }
          }
        }
      }
    `);
    /** How many SQL queries one call makes (the app's background work kept out of the count). */
    const count = (call: () => Promise<unknown>) => statementsOf(t, call);
    // the 3rd offer is in person (the country loader runs from there on)
    const lists = [await count(() => t.ok(LIST, { n: 3 })), await count(() => t.ok(LIST, { n: 12 }))];
    expect(lists[0]).toBe(lists[1]);
    expect(lists[1]).toBeLessThanOrEqual(10);
    const MATCH_LIST = graphql(`
      query CapacityFlowCountedMatches($o: ID!, $n: Int) {
        trainingMatches(organizationId: $o, first: $n) {
          score
          training {
            title
            provider {
              name
            }
            seatsLeft
            averageRating
            languages {
              code
            }
          }
        }
      }
    `);
    const matches = [
      await count(() => t.ok(MATCH_LIST, { o: orgId, n: 2 }, owner.token)),
      await count(() => t.ok(MATCH_LIST, { o: orgId, n: 10 }, owner.token)),
    ];
    expect(matches[1]).toBeLessThanOrEqual(matches[0] + 1); // + the country loader when an in-person offer appears
    expect(matches[1]).toBeLessThanOrEqual(12);
  });
});
