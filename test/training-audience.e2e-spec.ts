import { JobQueue } from '@app/queue';
import { TestApp } from './support/test-app.js';
import { createOrg, registerUser, TestUser, verify } from './support/fixtures.js';
import { offerInput } from './support/inputs.js';
import { MY_NOTIFICATIONS, NotificationView, waitFor } from './support/notification-helpers.js';

/**
 * Issue 15, point 8: a training offer's audience (kinds, countries and regions of residence) and a
 * required language are eligibility — trainingMatches never lists an offer the organization may not
 * take, and enrol refuses it with BAD_USER_INPUT naming what the offer accepts.
 */
const CREATE = `mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) {
  id audienceCountriesOfResidence audienceRegions languageRequired eligibleOrganizationKinds } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateTrainingOfferInput!) { updateTrainingOffer(id: $id, input: $i) {
  id audienceCountriesOfResidence audienceRegions languageRequired } }`;
const PUBLISH = `mutation($id: ID!) { publishTrainingOffer(id: $id) { id status } }`;
const ASSESS = `mutation($o: ID!, $s: [CapacityScoreInput!]!) { submitCapacityAssessment(organizationId: $o, scores: $s) { id } }`;
const MATCHES = `query($o: ID!) { trainingMatches(organizationId: $o, first: 50) {
  score reasons { factor points detail } training { id title } } }`;
const ENROL = `mutation($t: ID!, $o: ID!) { enrol(trainingId: $t, organizationId: $o) { id status } }`;

interface Match {
  score: number;
  reasons: Array<{ factor: string; points: number; detail: string }>;
  training: { id: string; title: string };
}
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

describe('Training audience and required language (trainingMatches and enrol apply the same rules)', () => {
  let t: TestApp;
  let provider: TestUser;
  let europeOwner: TestUser;
  let southOwner: TestUser;
  let providerId: string;
  let europe: string; // a diaspora group in Germany, English only
  let south: string; // an association in Senegal, French and English
  const offers: Record<string, string> = {};

  const publish = async (title: string, overrides: Record<string, unknown>) => {
    const offer = (
      await t.ok(CREATE, { i: offerInput(providerId, { title, languages: ['en'], ...overrides }) }, provider.token)
    ).createTrainingOffer;
    await t.ok(PUBLISH, { id: offer.id }, provider.token);
    return offer.id as string;
  };
  const matchesOf = async (orgId: string, user: TestUser) =>
    (await t.ok<{ trainingMatches: Match[] }>(MATCHES, { o: orgId }, user.token)).trainingMatches;

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL: '' }); // the in-process queue: notifications are awaited below
    [provider, europeOwner, southOwner] = await Promise.all(['provider', 'eu', 'south'].map((n) => registerUser(t, n)));
    providerId = (
      await createOrg(t, provider, {
        kind: 'TRAINING_PROVIDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['BE'],
        languages: ['en', 'fr', 'es'],
      })
    ).id;
    await verify(t, providerId);
    europe = (
      await createOrg(t, europeOwner, {
        name: 'Ghanaian Diaspora Hamburg',
        countriesOfOrigin: ['GH'],
        countriesOfResidence: ['DE'],
        languages: ['en'],
      })
    ).id;
    south = (
      await createOrg(t, southOwner, {
        name: 'Association des Jeunes de Kolda',
        kind: 'NGO',
        countriesOfOrigin: [],
        countriesOfResidence: ['SN'],
        languages: ['fr', 'en'],
      })
    ).id;
    const needs = [
      { area: 'FUNDRAISING', level: 1 },
      { area: 'DIGITAL_SKILLS', level: 2 },
    ];
    await t.ok(ASSESS, { o: europe, s: needs }, europeOwner.token);
    await t.ok(ASSESS, { o: south, s: needs }, southOwner.token);
    // The academy covers both needs (the best offer on needs alone), for the Global South only.
    offers.academy = await publish('Fundraising academy for the Global South', {
      capacityAreas: ['FUNDRAISING', 'DIGITAL_SKILLS'],
      audienceRegions: ['GLOBAL_SOUTH'],
    });
    offers.spanish = await publish('Recaudación de fondos', {
      capacityAreas: ['FUNDRAISING', 'DIGITAL_SKILLS'],
      languages: ['es'],
      languageRequired: true,
    });
    offers.europe = await publish('Fundraising in Europe', {
      capacityAreas: ['FUNDRAISING'],
      audienceRegions: ['EUROPE'],
      audienceCountriesOfResidence: ['gh'],
    });
    offers.open = await publish('Digital tools for associations', {
      capacityAreas: ['DIGITAL_SKILLS'],
      subsidyAvailable: false,
    });
  });
  afterAll(() => t?.close());

  it('announces a new offer only to the organizations its audience admits (the same rules)', async () => {
    const titles = async (user: TestUser) =>
      ((await t.ok(MY_NOTIFICATIONS, { u: null, f: 100 }, user.token)).myNotifications as NotificationView[])
        .filter((n) => n.kind === 'TRAINING_PUBLISHED')
        .map((n) => n.title);
    await waitFor(
      async () => (await titles(southOwner)).find((x) => x.includes('Fundraising academy for the Global South')),
      15_000,
      'the academy announced in Senegal',
    );
    await t.app.get(JobQueue).onIdle();
    const inGermany = await titles(europeOwner);
    expect(inGermany.some((x) => x.includes('Fundraising in Europe'))).toBe(true);
    expect(inGermany.some((x) => x.includes('Fundraising academy for the Global South'))).toBe(false);
    expect(inGermany.some((x) => x.includes('Recaudación'))).toBe(false);
    const inSenegal = await titles(southOwner);
    expect(inSenegal.some((x) => x.includes('Fundraising in Europe'))).toBe(false);
    expect(inSenegal.some((x) => x.includes('Recaudación'))).toBe(false);
  });

  it('stores and returns the audience (codes upper-cased, sorted) and languageRequired', async () => {
    const created = (
      await t.ok(
        CREATE,
        {
          i: offerInput(providerId, {
            audienceCountriesOfResidence: ['sn', 'ML', 'sn'],
            audienceRegions: ['GLOBAL_SOUTH', 'AFRICA'],
            languageRequired: true,
          }),
        },
        provider.token,
      )
    ).createTrainingOffer;
    expect(created).toMatchObject({
      audienceCountriesOfResidence: ['ML', 'SN'],
      audienceRegions: ['AFRICA', 'GLOBAL_SOUTH'],
      languageRequired: true,
    });
    const updated = (
      await t.ok(UPDATE, { id: created.id, i: { audienceRegions: [], languageRequired: false } }, provider.token)
    ).updateTrainingOffer;
    expect(updated).toMatchObject({
      audienceCountriesOfResidence: ['ML', 'SN'],
      audienceRegions: [],
      languageRequired: false,
    });
  });

  it('refuses unknown countries (BAD_USER_INPUT naming the field) and unknown regions', async () => {
    const bad = await t.gql(
      CREATE,
      { i: offerInput(providerId, { audienceCountriesOfResidence: ['XX'] }) },
      provider.token,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.audienceCountriesOfResidence',
    });
    const region = await t.gql(
      CREATE,
      { i: offerInput(providerId, { audienceRegions: ['ATLANTIS'] }) },
      provider.token,
    );
    expect(region.errors?.length).toBeGreaterThan(0);
  });

  it('does not list the Global South academy nor the required Spanish course for a diaspora group in Germany', async () => {
    const matches = await matchesOf(europe, europeOwner);
    const ids = matches.map((m) => m.training.id);
    expect(ids).not.toContain(offers.academy);
    expect(ids).not.toContain(offers.spanish);
    expect(ids[0]).toBe(offers.europe);
    expect(ids).toContain(offers.open);
    const first = matches[0];
    expect(first.reasons.find((r) => r.factor === 'AUDIENCE')?.detail).toBe(
      'Eligible: for organizations based in EUROPE, GH: you are based in DE',
    );
    for (const m of matches) expect(round4(m.reasons.reduce((s, r) => s + r.points, 0))).toBe(m.score);
  });

  it('ranks the academy first for an organization in Senegal; the Spanish course stays out (no Spanish)', async () => {
    const matches = await matchesOf(south, southOwner);
    const ids = matches.map((m) => m.training.id);
    expect(ids[0]).toBe(offers.academy);
    expect(ids).not.toContain(offers.spanish);
    expect(ids).not.toContain(offers.europe);
    expect(matches[0].reasons.find((r) => r.factor === 'AUDIENCE')?.detail).toBe(
      'Eligible: for organizations based in GLOBAL_SOUTH: you are based in SN',
    );
    for (const m of matches) expect(round4(m.reasons.reduce((s, r) => s + r.points, 0))).toBe(m.score);
  });

  it('enrol refuses what trainingMatches leaves out, naming what the offer accepts, and accepts the rest', async () => {
    const academy = await t.gql(ENROL, { t: offers.academy, o: europe }, europeOwner.token);
    expect(academy.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    expect(academy.errors?.[0].message).toMatch(
      /for organizations based in GLOBAL_SOUTH \(\d+ countries\); Ghanaian Diaspora Hamburg is based in DE/,
    );
    const spanish = await t.gql(ENROL, { t: offers.spanish, o: europe }, europeOwner.token);
    expect(spanish.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    expect(spanish.errors?.[0].message).toMatch(
      /requires one of its languages \(es\); Ghanaian Diaspora Hamburg works in en/,
    );
    const europeSouth = await t.gql(ENROL, { t: offers.europe, o: south }, southOwner.token);
    expect(europeSouth.errors?.[0].message).toMatch(/based in EUROPE \(\d+ countries\), GH; .* is based in SN/);

    expect((await t.ok(ENROL, { t: offers.europe, o: europe }, europeOwner.token)).enrol.status).toBe('ACCEPTED');
    expect((await t.ok(ENROL, { t: offers.academy, o: south }, southOwner.token)).enrol.status).toBe('ACCEPTED');
  });

  it('a provider that drops the audience opens the offer to everyone, at once', async () => {
    await t.ok(UPDATE, { id: offers.academy, i: { audienceRegions: [] } }, provider.token);
    const ids = (await matchesOf(europe, europeOwner)).map((m) => m.training.id);
    expect(ids[0]).toBe(offers.academy);
    expect((await t.ok(ENROL, { t: offers.academy, o: europe }, europeOwner.token)).enrol.status).toBe('ACCEPTED');
  });
});
