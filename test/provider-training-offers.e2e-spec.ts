import { TestApp } from './support/test-app.js';
import { addMember, createOrg, promote, registerUser, TestUser, verify } from './support/fixtures.js';
import { inDays, offerInput } from './support/inputs.js';
import { graphql } from './generated/index.js';

const CREATE = graphql(`
  mutation ProviderOffersCreate($i: TrainingOfferInput!) {
    createTrainingOffer(input: $i) {
      id
    }
  }
`);
const PUBLISH = graphql(`
  mutation ProviderOffersPublish($id: ID!) {
    publishTrainingOffer(id: $id) {
      id
    }
  }
`);
const OFFERS = graphql(`
  query ProviderOffersList($id: ID!) {
    organization(id: $id) {
      trainingOffers {
        id
        title
        status
      }
    }
  }
`);

/** Organization.trainingOffers: the provider workspace's list (drafts for the provider's members and moderators only). */
describe('Organization.trainingOffers', () => {
  let t: TestApp;
  let provider: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let moderator: TestUser;
  let providerId: string;
  let draftId: string;
  let publishedId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    [provider, member, outsider, moderator] = await Promise.all(
      ['provider', 'member', 'outsider', 'moderator'].map((n) => registerUser(t, n)),
    );
    moderator = await promote(t, moderator, 'MODERATOR');
    providerId = (
      await createOrg(t, provider, {
        name: 'Offers Academy',
        kind: 'TRAINING_PROVIDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['BE'],
        languages: ['en'],
      })
    ).id;
    await verify(t, providerId);
    await addMember(t, provider, providerId, member, 'MEMBER');
    const later = offerInput(providerId, { title: 'Later published course', startsAt: inDays(60), endsAt: inDays(61) });
    const sooner = offerInput(providerId, { title: 'Sooner draft course', startsAt: inDays(30), endsAt: inDays(31) });
    publishedId = (await t.ok(CREATE, { i: later }, provider.token)).createTrainingOffer.id;
    await t.ok(PUBLISH, { id: publishedId }, provider.token);
    draftId = (await t.ok(CREATE, { i: sooner }, provider.token)).createTrainingOffer.id;
  }, 600_000);
  afterAll(() => t?.close());

  it.each([
    ['the owner', () => provider],
    ['a member', () => member],
    ['a moderator', () => moderator],
  ])('%s sees the drafts and the published offers, soonest first', async (_who, user) => {
    const offers = (await t.ok(OFFERS, { id: providerId }, user().token)).organization!.trainingOffers;
    expect(offers.map((o) => [o.id, o.status])).toEqual([
      [draftId, 'DRAFT'],
      [publishedId, 'PUBLISHED'],
    ]);
  });

  it('others and anonymous visitors see only the published offers', async () => {
    for (const token of [outsider.token, undefined]) {
      const offers = (await t.ok(OFFERS, { id: providerId }, token)).organization!.trainingOffers;
      expect(offers.map((o) => o.id)).toEqual([publishedId]);
    }
  });
});
