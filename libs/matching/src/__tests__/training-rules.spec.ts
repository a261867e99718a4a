import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { round4 } from '../match.models.js';
import { explainTrainingMatch, trainingMatchesSql } from '../training-matching.service.js';
import { AUDIENCE_REGION_COUNTRIES, AUDIENCE_REGION_PAIRS, AudienceRegion, regionsOf } from '../training-regions.js';
import {
  failedTrainingRules,
  TRAINING_RULES,
  trainingAudienceSql,
  trainingEligibilitySql,
} from '../training-rules.sql.js';

/**
 * Each training eligibility rule pinned on PGlite (tables with just the columns the SQL reads), the
 * ranking SQL run on random offers against a TypeScript statement of the rules (no rule is ever broken,
 * the reasons add up to the score), the audience regions, and snapshots of each generated query.
 */
const SCHEMA = `
  CREATE TABLE organization (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text NOT NULL DEFAULT 'DIASPORA_ORGANIZATION',
    languages text[] NOT NULL DEFAULT '{en}', countries_of_residence text[] NOT NULL DEFAULT '{GB}',
    member_count int, legally_registered boolean NOT NULL DEFAULT true);
  CREATE TABLE capacity_assessment (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), organization_id uuid NOT NULL, needs text[] NOT NULL,
    assessed_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE training_offer (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), provider_id uuid NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001',
    status text NOT NULL DEFAULT 'PUBLISHED', starts_at timestamptz NOT NULL DEFAULT now() + interval '30 days',
    application_deadline timestamptz, seats int NOT NULL DEFAULT 10, format text NOT NULL DEFAULT 'ONLINE',
    country text, city text, capacity_areas text[] NOT NULL DEFAULT '{FUNDRAISING}', languages text[] NOT NULL DEFAULT '{en}',
    language_required boolean NOT NULL DEFAULT false, subsidy_available boolean NOT NULL DEFAULT false,
    eligible_organization_kinds text[] NOT NULL DEFAULT '{}', audience_countries_of_residence text[] NOT NULL DEFAULT '{}',
    audience_regions text[] NOT NULL DEFAULT '{}');
  CREATE TABLE enrolment (training_id uuid NOT NULL, status text NOT NULL, rating int);`;

type Row = Record<string, unknown>;
let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  await db.exec(SCHEMA);
});
afterAll(() => db.close());

async function insert(table: string, values: Row): Promise<string> {
  const keys = Object.keys(values);
  const { rows } = await db.query<{ id: string }>(
    keys.length
      ? `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`
      : `INSERT INTO ${table} DEFAULT VALUES RETURNING id`,
    keys.map((k) => values[k]),
  );
  return rows[0].id;
}
const reset = () =>
  db.exec(
    'DELETE FROM enrolment; DELETE FROM capacity_assessment; DELETE FROM training_offer; DELETE FROM organization;',
  );

/** The rules that fail for one offer and one organization (each given as column overrides). */
async function failed(offer: Row, organization: Row = {}): Promise<string[]> {
  await reset();
  const t = await insert('training_offer', offer);
  const o = await insert('organization', organization);
  const [sql, params] = trainingEligibilitySql(t, o);
  const { rows } = await db.query<Row>(sql, params);
  return failedTrainingRules(rows[0]);
}

describe('training eligibility rules (TRAINING_RULES), each pinned', () => {
  it('are KIND, RESIDENCE and LANGUAGE', () => {
    expect(TRAINING_RULES.map((r) => r.rule)).toEqual(['KIND', 'RESIDENCE', 'LANGUAGE']);
  });

  it.each([
    ['no kinds listed: any kind', {}, {}, true],
    ['the kind listed', { eligible_organization_kinds: ['DIASPORA_ORGANIZATION', 'NGO'] }, {}, true],
    ['another kind', { eligible_organization_kinds: ['NGO'] }, {}, false],
  ])('KIND: %s', async (_, offer, organization, passes) => {
    expect((await failed(offer, organization)).includes('KIND')).toBe(!passes);
  });

  it.each([
    ['no audience: based anywhere', {}, { countries_of_residence: ['DE'] }, true],
    [
      'Global South academy, diaspora group in Germany',
      { audience_regions: ['GLOBAL_SOUTH'] },
      { countries_of_residence: ['DE'] },
      false,
    ],
    [
      'Global South academy, organization in Senegal',
      { audience_regions: ['GLOBAL_SOUTH'] },
      { countries_of_residence: ['SN'] },
      true,
    ],
    [
      'one of its countries of residence suffices',
      { audience_regions: ['GLOBAL_SOUTH'] },
      { countries_of_residence: ['DE', 'SN'] },
      true,
    ],
    ['a country listed', { audience_countries_of_residence: ['FR', 'BE'] }, { countries_of_residence: ['BE'] }, true],
    [
      'a country not listed',
      { audience_countries_of_residence: ['FR', 'BE'] },
      { countries_of_residence: ['NL'] },
      false,
    ],
    [
      'countries and regions add up',
      { audience_countries_of_residence: ['FR'], audience_regions: ['AFRICA'] },
      { countries_of_residence: ['FR'] },
      true,
    ],
    [
      'countries and regions add up (region)',
      { audience_countries_of_residence: ['FR'], audience_regions: ['AFRICA'] },
      { countries_of_residence: ['MA'] },
      true,
    ],
    [
      'neither the country nor the region',
      { audience_countries_of_residence: ['FR'], audience_regions: ['AFRICA'] },
      { countries_of_residence: ['ES'] },
      false,
    ],
    ['Russia is in M49 Europe', { audience_regions: ['EUROPE'] }, { countries_of_residence: ['RU'] }, true],
    [
      'Mexico is in Latin America, not Northern America',
      { audience_regions: ['NORTHERN_AMERICA'] },
      { countries_of_residence: ['MX'] },
      false,
    ],
    ['no country of residence, an audience', { audience_regions: ['EUROPE'] }, { countries_of_residence: [] }, false],
  ])('RESIDENCE: %s', async (_, offer, organization, passes) => {
    expect((await failed(offer, organization)).includes('RESIDENCE')).toBe(!passes);
  });

  it.each([
    ['language not required: another language still passes', { languages: ['es'] }, { languages: ['en'] }, true],
    ['required, no shared language', { languages: ['es'], language_required: true }, { languages: ['en'] }, false],
    [
      'required, one shared language',
      { languages: ['es', 'en'], language_required: true },
      { languages: ['en'] },
      true,
    ],
    [
      'required, the organization gives no language',
      { languages: ['es'], language_required: true },
      { languages: [] },
      false,
    ],
  ])('LANGUAGE: %s', async (_, offer, organization, passes) => {
    expect((await failed(offer, organization)).includes('LANGUAGE')).toBe(!passes);
  });
});

describe('audience regions', () => {
  it('GLOBAL_SOUTH and GLOBAL_NORTH split the countries of the five continents', () => {
    const south = new Set(AUDIENCE_REGION_COUNTRIES.GLOBAL_SOUTH);
    const north = new Set(AUDIENCE_REGION_COUNTRIES.GLOBAL_NORTH);
    const continents = [
      AudienceRegion.AFRICA,
      AudienceRegion.ASIA,
      AudienceRegion.EUROPE,
      AudienceRegion.NORTHERN_AMERICA,
      AudienceRegion.LATIN_AMERICA_AND_CARIBBEAN,
      AudienceRegion.OCEANIA,
    ].flatMap((r) => AUDIENCE_REGION_COUNTRIES[r]);
    expect(new Set(continents).size).toBe(continents.length); // each country in one continent
    expect([...south].filter((c) => north.has(c))).toEqual([]);
    expect(new Set([...south, ...north])).toEqual(new Set(continents));
    for (const c of ['SN', 'NG', 'BR', 'MX', 'HT', 'IN', 'PH', 'CN', 'TR', 'FJ']) expect(south.has(c)).toBe(true);
    for (const c of ['DE', 'FR', 'GB', 'US', 'CA', 'JP', 'KR', 'IL', 'AU', 'NZ', 'RU']) expect(north.has(c)).toBe(true);
  });

  it('places countries as M49 does', () => {
    expect(regionsOf('RU')).toEqual([AudienceRegion.EUROPE, AudienceRegion.GLOBAL_NORTH]);
    expect(regionsOf('MX')).toEqual([AudienceRegion.LATIN_AMERICA_AND_CARIBBEAN, AudienceRegion.GLOBAL_SOUTH]);
    expect(regionsOf('US')).toEqual([AudienceRegion.NORTHERN_AMERICA, AudienceRegion.GLOBAL_NORTH]);
    expect(AUDIENCE_REGION_PAIRS).toContain('AFRICA:SN');
  });
});

/** The rules in TypeScript, to check the SQL against. */
function eligible(offer: Offer, org: Org): boolean {
  const kind = !offer.eligible_organization_kinds.length || offer.eligible_organization_kinds.includes(org.kind);
  const audience = [
    ...offer.audience_countries_of_residence,
    ...offer.audience_regions.flatMap((r) => AUDIENCE_REGION_COUNTRIES[r as AudienceRegion]),
  ];
  const residence = !audience.length || org.countries_of_residence.some((c) => audience.includes(c));
  const language = !offer.language_required || offer.languages.some((l) => org.languages.includes(l));
  return kind && residence && language;
}

interface Offer {
  eligible_organization_kinds: string[];
  audience_countries_of_residence: string[];
  audience_regions: string[];
  languages: string[];
  language_required: boolean;
  capacity_areas: string[];
  format: string;
  country: string | null;
  subsidy_available: boolean;
}
interface Org {
  kind: string;
  countries_of_residence: string[];
  languages: string[];
  member_count: number;
  legally_registered: boolean;
}

const some = <T>(xs: readonly T[], max = 2) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: max });
const COUNTRIES = ['DE', 'FR', 'SN', 'MX', 'JP', 'BR', 'GB'];
const offerArb: fc.Arbitrary<Offer> = fc.record({
  eligible_organization_kinds: some(['DIASPORA_ORGANIZATION', 'NGO', 'MIGRANT_ASSOCIATION']),
  audience_countries_of_residence: some(COUNTRIES),
  audience_regions: some(Object.values(AudienceRegion)),
  languages: fc.uniqueArray(fc.constantFrom('en', 'fr', 'es'), { minLength: 1, maxLength: 2 }),
  language_required: fc.boolean(),
  capacity_areas: fc.uniqueArray(fc.constantFrom('FUNDRAISING', 'DIGITAL_SKILLS', 'POLICY_ADVOCACY'), {
    minLength: 1,
    maxLength: 3,
  }),
  format: fc.constantFrom('ONLINE', 'IN_PERSON'),
  country: fc.constantFrom(...COUNTRIES),
  subsidy_available: fc.boolean(),
});
const orgArb: fc.Arbitrary<Org> = fc.record({
  kind: fc.constantFrom('DIASPORA_ORGANIZATION', 'NGO', 'MIGRANT_ASSOCIATION'),
  countries_of_residence: fc.uniqueArray(fc.constantFrom(...COUNTRIES), { minLength: 1, maxLength: 2 }),
  languages: some(['en', 'fr', 'es']),
  member_count: fc.integer({ min: 1, max: 500 }),
  legally_registered: fc.boolean(),
});

describe('trainingMatches SQL', () => {
  it('never lists an offer whose rules the organization fails, lists every other open one, and its reasons add up to the score', async () => {
    await fc.assert(
      fc.asyncProperty(
        orgArb,
        fc.array(offerArb, { minLength: 1, maxLength: 8 }),
        some(['FUNDRAISING', 'DIGITAL_SKILLS', 'POLICY_ADVOCACY'], 3),
        async (org, offers, needs) => {
          await reset();
          const o = await insert('organization', { ...org });
          await insert('capacity_assessment', { organization_id: o, needs });
          const ids = new Map<string, Offer>();
          for (const offer of offers) ids.set(await insert('training_offer', { ...offer }), offer);
          const [sql, params] = trainingMatchesSql(o, 50);
          const { rows } = await db.query<Row>(sql, params);
          const expected = [...ids].filter(([, offer]) => eligible(offer, org)).map(([id]) => id);
          expect(rows.map((r) => r.id as string).sort()).toEqual(expected.sort());
          for (const row of rows) {
            const reasons = explainTrainingMatch(row as never);
            expect(round4(reasons.reduce((s, r) => s + r.points, 0))).toBe(round4(Number(row.score)));
            expect(Number(row.score)).toBeLessThanOrEqual(1);
          }
          for (let i = 1; i < rows.length; i++)
            expect(Number(rows[i - 1].score)).toBeGreaterThanOrEqual(Number(rows[i].score));
        },
      ),
      { numRuns: 40, seed: 15 },
    );
  });

  it('issue 15: a Global South academy does not reach a diaspora group in Europe, nor a required Spanish course an English-only group', async () => {
    await reset();
    const group = await insert('organization', { countries_of_residence: ['DE'], languages: ['en'] });
    await insert('capacity_assessment', { organization_id: group, needs: ['FUNDRAISING', 'DIGITAL_SKILLS'] });
    const academy = await insert('training_offer', {
      capacity_areas: ['FUNDRAISING', 'DIGITAL_SKILLS'],
      audience_regions: ['GLOBAL_SOUTH'],
    });
    const spanish = await insert('training_offer', {
      capacity_areas: ['FUNDRAISING', 'DIGITAL_SKILLS'],
      languages: ['es'],
      language_required: true,
    });
    const spanishOpen = await insert('training_offer', { capacity_areas: ['FUNDRAISING'], languages: ['es'] });
    const european = await insert('training_offer', {
      capacity_areas: ['FUNDRAISING'],
      audience_regions: ['EUROPE'],
      eligible_organization_kinds: ['DIASPORA_ORGANIZATION'],
    });
    const [sql, params] = trainingMatchesSql(group, 20);
    const { rows } = await db.query<Row>(sql, params);
    const ids = rows.map((r) => r.id);
    expect(ids).not.toContain(academy);
    expect(ids).not.toContain(spanish);
    expect(ids).toEqual([european, spanishOpen]);
    const [europe, open] = rows.map((r) => explainTrainingMatch(r as never));
    expect(europe.find((r) => r.factor === 'AUDIENCE')).toEqual({
      factor: 'AUDIENCE',
      points: 0,
      detail:
        'Eligible: open to DIASPORA_ORGANIZATION: you are DIASPORA_ORGANIZATION; for organizations based in EUROPE: you are based in DE',
    });
    expect(europe.find((r) => r.factor === 'LANGUAGE')?.detail).toBe('Taught in en, which you use');
    // Spanish without languageRequired: listed, but no LANGUAGE points.
    expect(open.some((r) => r.factor === 'LANGUAGE' || r.factor === 'AUDIENCE')).toBe(false);
  });
});

describe('the notification audience', () => {
  it('is the organizations with a covered need that the rules admit, never the provider', async () => {
    await reset();
    const offer = await insert('training_offer', {
      provider_id: '00000000-0000-4000-8000-000000000001',
      audience_regions: ['AFRICA'],
      capacity_areas: ['FUNDRAISING'],
    });
    const inSenegal = await insert('organization', { countries_of_residence: ['SN'] });
    const inGermany = await insert('organization', { countries_of_residence: ['DE'] });
    const noNeed = await insert('organization', { countries_of_residence: ['SN'] });
    for (const [id, needs] of [
      [inSenegal, ['FUNDRAISING']],
      [inGermany, ['FUNDRAISING']],
      [noNeed, ['DIGITAL_SKILLS']],
    ] as const)
      await insert('capacity_assessment', { organization_id: id, needs });
    const [sql, params] = trainingAudienceSql(offer);
    const { rows } = await db.query<{ organization_id: string }>(sql, params);
    expect(rows.map((r) => r.organization_id)).toEqual([inSenegal]);
  });
});

describe('generated training queries (snapshots)', () => {
  const ORG = '00000000-0000-4000-8000-00000000000a';
  const OFFER = '00000000-0000-4000-8000-00000000000b';
  /** The region pairs are data (pinned above), not query text: shown by their count. */
  const shown = ([sql, params]: [string, unknown[]]) => ({
    sql,
    params: params.map((p) => (p === AUDIENCE_REGION_PAIRS ? `<${AUDIENCE_REGION_PAIRS.length} region pairs>` : p)),
  });
  it('trainingMatches', () => expect(shown(trainingMatchesSql(ORG, 20))).toMatchSnapshot());
  it('the eligibility check of enrol', () => expect(shown(trainingEligibilitySql(OFFER, ORG))).toMatchSnapshot());
  it('the notification audience', () => expect(shown(trainingAudienceSql(OFFER))).toMatchSnapshot());
});
