import { PGlite } from '@electric-sql/pglite';
import {
  counterpartReasons,
  CounterpartFilter,
  DialogueCounterpartsService,
} from '../dialogue-counterparts.service.js';
import { round4 } from '../match.models.js';
import { partnerSuggestionsSql } from '../partner-suggestions.service.js';
import { COUNTERPART_WEIGHTS as W } from '../weights.js';

/**
 * The counterpart finder's factors pinned on PGlite (tables with the columns its SQL reads): themes rank
 * unless requireThemes, what an organization does (live projects, contributions) on the topic counts, the
 * reasons add up to the score; and snapshots of the generated counterpart and partner queries.
 */
const SCHEMA = `
  CREATE TABLE organization (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL DEFAULT 'o', kind text NOT NULL DEFAULT 'DIASPORA_ORGANIZATION',
    women_led boolean NOT NULL DEFAULT false, countries_of_residence text[] NOT NULL DEFAULT '{FR}',
    countries_of_origin text[] NOT NULL DEFAULT '{SN}', themes text[] NOT NULL DEFAULT '{}', languages text[] NOT NULL DEFAULT '{fr}',
    member_count int, verification text NOT NULL DEFAULT 'UNVERIFIED', democratic_governance boolean NOT NULL DEFAULT false);
  CREATE TABLE network_membership (network_id uuid, organization_id uuid, status text);
  CREATE TABLE partnership (initiator_id uuid, partner_id uuid, status text);
  CREATE TABLE project (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), organization_id uuid NOT NULL, title text NOT NULL DEFAULT 'A project',
    kind text NOT NULL DEFAULT 'CAPACITY_BUILDING',
    summary text NOT NULL DEFAULT '', status text NOT NULL DEFAULT 'ACTIVE', archived_at timestamptz,
    themes text[] NOT NULL DEFAULT '{}', countries text[] NOT NULL DEFAULT '{}',
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || summary)) STORED);
  CREATE TABLE consultation (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text NOT NULL DEFAULT 'A consultation',
    description text NOT NULL DEFAULT '', themes text[] NOT NULL DEFAULT '{}', countries_of_origin text[] NOT NULL DEFAULT '{}');
  CREATE TABLE contribution (consultation_id uuid NOT NULL, organization_id uuid NOT NULL, body text NOT NULL DEFAULT '');`;

type Row = Record<string, unknown>;
let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  await db.exec(SCHEMA);
});
afterAll(() => db.close());
beforeEach(() =>
  db.exec(
    'DELETE FROM contribution; DELETE FROM consultation; DELETE FROM project; DELETE FROM partnership; DELETE FROM network_membership; DELETE FROM organization;',
  ),
);

async function insert(table: string, values: Row): Promise<string> {
  const keys = Object.keys(values);
  const { rows } = await db.query<{ id: string }>(
    keys.length
      ? `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`
      : `INSERT INTO ${table} DEFAULT VALUES RETURNING *`,
    keys.map((k) => values[k]),
  );
  return rows[0].id;
}

/** The ranked rows and their reasons; checks that each row's reasons add up to its SQL score. */
async function rank(query: CounterpartFilter, limit = 50) {
  const [sql, params] = DialogueCounterpartsService.sql(query, limit);
  const { rows } = await db.query<Row>(sql, params);
  return rows.map((row) => {
    const reasons = counterpartReasons(row as never, query);
    expect(round4(reasons.reduce((s, r) => s + r.points, 0))).toBe(round4(Number(row.score)));
    expect(Number(row.score)).toBeLessThanOrEqual(1);
    return { id: row.id as string, score: Number(row.score), reasons };
  });
}
const points = (m: { reasons: Array<{ factor: string; points: number }> }, factor: string) =>
  m.reasons.find((r) => r.factor === factor)?.points ?? 0;

describe('dialogue counterparts', () => {
  it('ranks by themes instead of filtering: one of two themes earns half the THEMES points; requireThemes filters', async () => {
    const both = await insert('organization', { themes: ['REMITTANCES', 'HEALTH', 'GENDER'] });
    const one = await insert('organization', { themes: ['REMITTANCES', 'EDUCATION', 'GENDER'] });
    const none = await insert('organization', { themes: ['EDUCATION'] });
    const q = { themes: ['REMITTANCES', 'HEALTH'] };
    const ranked = await rank(q);
    expect(new Set(ranked.map((m) => m.id))).toEqual(new Set([both, one, none]));
    const byId = new Map(ranked.map((m) => [m.id, m]));
    expect(points(byId.get(both)!, 'THEMES')).toBe(W.THEMES);
    expect(points(byId.get(one)!, 'THEMES')).toBe(round4(W.THEMES / 2));
    expect(points(byId.get(none)!, 'THEMES')).toBe(0);
    expect(ranked[0].id).toBe(both);
    expect(ranked[2].id).toBe(none);
    const required = await rank({ ...q, requireThemes: true });
    expect(new Set(required.map((m) => m.id))).toEqual(new Set([both, one]));
  });

  it('counts live projects on the topic (an asked theme, an asked origin country or a word of the topic), not archived or cancelled ones', async () => {
    const doer = await insert('organization', { member_count: 20 });
    const talker = await insert('organization', { member_count: 4000 });
    await insert('project', { organization_id: doer, themes: ['REMITTANCES'] });
    await insert('project', { organization_id: doer, title: 'Cheaper money transfers home', summary: 'Fees' });
    await insert('project', { organization_id: talker, themes: ['REMITTANCES'], archived_at: new Date() });
    await insert('project', { organization_id: talker, themes: ['REMITTANCES'], status: 'CANCELLED' });
    await insert('project', { organization_id: talker, themes: ['HEALTH'] });
    const q = { themes: ['REMITTANCES'], topic: 'the cost of money transfers' };
    const ranked = await rank(q);
    const byId = new Map(ranked.map((m) => [m.id, m]));
    expect(points(byId.get(doer)!, 'PROJECTS')).toBe(round4(W.PROJECTS * (Math.log(3) / Math.log(4))));
    expect(byId.get(doer)!.reasons.find((r) => r.factor === 'PROJECTS')?.detail).toBe(
      'Runs 2 live projects on the topic (themes REMITTANCES; “the cost of money transfers”) (log scale; 3 or more earn all points)',
    );
    expect(points(byId.get(talker)!, 'PROJECTS')).toBe(0);
    // What it does outweighs 200 times the members here.
    expect(ranked[0].id).toBe(doer);
    // A project whose kind is the asked theme's work counts, whatever its theme tags.
    const investor = await insert('organization', {});
    await insert('project', { organization_id: investor, kind: 'SOCIAL_INVESTMENT', themes: ['EDUCATION'] });
    const investing = await rank({ themes: ['DIASPORA_INVESTMENT'] });
    expect(
      points(
        investing.find((m) => m.id === investor)!,
        'PROJECTS',
      ),
    ).toBeGreaterThan(0);
    expect(
      points(
        investing.find((m) => m.id === talker)!,
        'PROJECTS',
      ),
    ).toBe(0);
    // A query with an origin country counts projects held there.
    const inOrigin = await rank({ countriesOfOrigin: ['SN'] });
    expect(inOrigin.every((m) => points(m, 'PROJECTS') === 0)).toBe(true);
    await insert('project', { organization_id: talker, countries: ['SN'] });
    expect(
      points(
        (await rank({ countriesOfOrigin: ['SN'] })).find((m) => m.id === talker)!,
        'PROJECTS',
      ),
    ).toBeGreaterThan(0);
  });

  it('counts past contributions to consultations on the topic', async () => {
    const voice = await insert('organization', {});
    const silent = await insert('organization', {});
    const onTopic = await insert('consultation', { themes: ['REMITTANCES'] });
    const offTopic = await insert('consultation', { themes: ['HEALTH'] });
    const byWords = await insert('consultation', { title: 'Diaspora bonds' });
    await insert('contribution', { consultation_id: onTopic, organization_id: voice });
    await insert('contribution', { consultation_id: onTopic, organization_id: voice }); // same consultation: once
    await insert('contribution', { consultation_id: offTopic, organization_id: silent });
    await insert('contribution', { consultation_id: byWords, organization_id: silent, body: 'On remittance fees' });
    const ranked = await rank({ themes: ['REMITTANCES'] });
    const byId = new Map(ranked.map((m) => [m.id, m]));
    expect(points(byId.get(voice)!, 'CONTRIBUTIONS')).toBe(round4(W.CONTRIBUTIONS * (Math.log(2) / Math.log(4))));
    expect(points(byId.get(silent)!, 'CONTRIBUTIONS')).toBe(0);
    // The contribution's own words count when the topic is given in words.
    const worded = await rank({ topic: 'remittance fees' });
    expect(
      points(
        worded.find((m) => m.id === silent)!,
        'CONTRIBUTIONS',
      ),
    ).toBeGreaterThan(0);
  });

  it('keeps the hard filters: kind, origin, residence, languages, verifiedOnly', async () => {
    const ok = await insert('organization', { verification: 'VERIFIED' });
    await insert('organization', { kind: 'FUNDER' });
    await insert('organization', { countries_of_origin: ['ML'] });
    await insert('organization', { countries_of_residence: ['BE'] });
    await insert('organization', { languages: ['en'] });
    const ranked = await rank({
      countriesOfOrigin: ['SN'],
      countriesOfResidence: ['FR'],
      languages: ['fr'],
      verifiedOnly: true,
    });
    expect(ranked.map((m) => m.id)).toEqual([ok]);
  });
});

describe('generated counterpart and partner queries (snapshots)', () => {
  it.each([
    ['nothing asked', {}],
    ['themes rank', { countriesOfOrigin: ['SN', 'ML'], themes: ['REMITTANCES'], languages: ['fr'] }],
    [
      'themes required, topic, verified',
      { themes: ['HEALTH'], requireThemes: true, topic: 'maternal health', verifiedOnly: true },
    ],
  ] as Array<[string, CounterpartFilter]>)('counterparts: %s', (_, query) => {
    expect(DialogueCounterpartsService.sql(query, 20)).toMatchSnapshot();
  });

  it('partner suggestions', () => {
    expect(partnerSuggestionsSql('00000000-0000-4000-8000-00000000000a', true, 20)).toMatchSnapshot();
  });
});
