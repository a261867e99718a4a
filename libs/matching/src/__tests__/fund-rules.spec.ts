import { PGlite } from '@electric-sql/pglite';
import { ELIGIBILITY_RULES, EligibilityRule, FUND_ROW } from '../fund-matching.sql.js';
import { ruleColumns, ruleResults } from '../sql-kit.js';

/**
 * Each fund eligibility rule, pinned: the rule's SQL evaluated on PGlite over a one-row fund `f`,
 * organization `o` and project `p` (tables with just the columns the rules read), for small cases
 * where it must pass and where it must fail.
 */
const SCHEMA = `
  CREATE TABLE fund (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), funder_id uuid NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001',
    status text NOT NULL DEFAULT 'OPEN', deadline timestamptz NOT NULL DEFAULT now() + interval '30 days',
    currency text NOT NULL DEFAULT 'EUR', min_grant numeric, max_grant numeric, total_budget numeric,
    co_funding_percent numeric, themes text[] NOT NULL DEFAULT '{}', sdgs smallint[] NOT NULL DEFAULT '{}',
    prioritizes_women_led boolean NOT NULL DEFAULT false, prioritizes_youth_led boolean NOT NULL DEFAULT false,
    eligible_organization_kinds text[] NOT NULL DEFAULT '{}', eligible_countries_of_residence text[] NOT NULL DEFAULT '{}',
    eligible_countries_of_origin text[] NOT NULL DEFAULT '{}', eligible_countries_of_implementation text[] NOT NULL DEFAULT '{}',
    eligible_project_kinds text[] NOT NULL DEFAULT '{}', requires_legal_registration boolean NOT NULL DEFAULT false,
    requires_verification boolean NOT NULL DEFAULT false, min_organization_age_years int, text_query tsquery);
  CREATE TABLE organization (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text NOT NULL DEFAULT 'DIASPORA_ORGANIZATION',
    countries_of_origin text[] NOT NULL DEFAULT '{}', countries_of_residence text[] NOT NULL DEFAULT '{}',
    themes text[] NOT NULL DEFAULT '{}', founded_year int, member_count int,
    legally_registered boolean NOT NULL DEFAULT false, verification text NOT NULL DEFAULT 'UNVERIFIED',
    women_led boolean NOT NULL DEFAULT false, youth_led boolean NOT NULL DEFAULT false);
  CREATE TABLE project (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), organization_id uuid NOT NULL, archived_at timestamptz,
    kind text NOT NULL DEFAULT 'CAPACITY_BUILDING', themes text[] NOT NULL DEFAULT '{}', sdgs smallint[] NOT NULL DEFAULT '{}',
    countries text[] NOT NULL DEFAULT '{}', funding_sought_amount numeric, funding_sought_currency text, budget_amount numeric,
    budget_currency text);`;

type Row = Record<string, unknown>;

let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  await db.exec(SCHEMA);
});
afterAll(() => db.close());

/** The rule's verdict for one fund, organization and project (each given as column overrides). */
async function verdict(ruleName: string, fund: Row, organization: Row = {}, project: Row = {}): Promise<boolean> {
  const rule = ELIGIBILITY_RULES.find((r) => r.rule === ruleName) as EligibilityRule;
  expect(rule).toBeDefined();
  await db.exec('DELETE FROM project; DELETE FROM organization; DELETE FROM fund;');
  const insert = async (table: string, values: Row) => {
    const keys = Object.keys(values);
    const { rows } = await db.query<{ id: string }>(
      keys.length
        ? `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`
        : `INSERT INTO ${table} DEFAULT VALUES RETURNING id`,
      keys.map((k) => values[k]),
    );
    return rows[0].id;
  };
  await insert('fund', fund);
  const organizationId = await insert('organization', organization);
  await insert('project', { organization_id: organizationId, ...project });
  const { rows } = await db.query<Row>(
    `SELECT ${ruleColumns([rule], FUND_ROW)} FROM fund f, organization o, project p`,
  );
  return ruleResults([rule], rows[0])[0].passed;
}

const year = new Date().getUTCFullYear();

describe('fund eligibility rules (SQL truth on small cases)', () => {
  it('FUND_OPEN: OPEN with a future deadline only', async () => {
    expect(await verdict('FUND_OPEN', {})).toBe(true);
    expect(await verdict('FUND_OPEN', { status: 'DRAFT' })).toBe(false);
    expect(await verdict('FUND_OPEN', { status: 'CLOSED' })).toBe(false);
    expect(await verdict('FUND_OPEN', { deadline: new Date(Date.now() - 1000) })).toBe(false);
  });

  it('ORGANIZATION_KIND: empty list accepts any kind, otherwise the kind must be listed', async () => {
    expect(await verdict('ORGANIZATION_KIND', {}, { kind: 'NGO' })).toBe(true);
    expect(await verdict('ORGANIZATION_KIND', { eligible_organization_kinds: ['NGO'] }, { kind: 'NGO' })).toBe(true);
    expect(await verdict('ORGANIZATION_KIND', { eligible_organization_kinds: ['NGO'] }, { kind: 'COMPANY' })).toBe(
      false,
    );
  });

  it('RESIDENCE: one country of residence in the list', async () => {
    const fund = { eligible_countries_of_residence: ['BE', 'NL', 'LU'] };
    expect(await verdict('RESIDENCE', fund, { countries_of_residence: ['FR', 'NL'] })).toBe(true);
    expect(await verdict('RESIDENCE', fund, { countries_of_residence: ['FR'] })).toBe(false);
    expect(await verdict('RESIDENCE', fund, {})).toBe(false);
    expect(await verdict('RESIDENCE', {}, {})).toBe(true);
  });

  it('ORIGIN: one country of origin in the list', async () => {
    const fund = { eligible_countries_of_origin: ['SN'] };
    expect(await verdict('ORIGIN', fund, { countries_of_origin: ['SN', 'ML'] })).toBe(true);
    expect(await verdict('ORIGIN', fund, { countries_of_origin: ['ML'] })).toBe(false);
  });

  it('LEGAL_REGISTRATION and VERIFICATION apply only when required', async () => {
    expect(await verdict('LEGAL_REGISTRATION', {}, {})).toBe(true);
    expect(await verdict('LEGAL_REGISTRATION', { requires_legal_registration: true }, {})).toBe(false);
    expect(
      await verdict('LEGAL_REGISTRATION', { requires_legal_registration: true }, { legally_registered: true }),
    ).toBe(true);
    expect(await verdict('VERIFICATION', { requires_verification: true }, { verification: 'PENDING' })).toBe(false);
    expect(await verdict('VERIFICATION', { requires_verification: true }, { verification: 'VERIFIED' })).toBe(true);
  });

  it('ORGANIZATION_AGE: founded long enough ago; an unknown founding year fails', async () => {
    const fund = { min_organization_age_years: 3 };
    expect(await verdict('ORGANIZATION_AGE', fund, { founded_year: year - 3 })).toBe(true);
    expect(await verdict('ORGANIZATION_AGE', fund, { founded_year: year - 2 })).toBe(false);
    expect(await verdict('ORGANIZATION_AGE', fund, {})).toBe(false);
    expect(await verdict('ORGANIZATION_AGE', {}, {})).toBe(true);
  });

  it('PROJECT_OWNER: a live project of the organization', async () => {
    expect(await verdict('PROJECT_OWNER', {}, {}, {})).toBe(true);
    expect(await verdict('PROJECT_OWNER', {}, {}, { archived_at: new Date() })).toBe(false);
  });

  it('IMPLEMENTATION: the project runs in one listed country', async () => {
    const fund = { eligible_countries_of_implementation: ['SN', 'GM'] };
    expect(await verdict('IMPLEMENTATION', fund, {}, { countries: ['SN', 'ML'] })).toBe(true);
    expect(await verdict('IMPLEMENTATION', fund, {}, { countries: ['ML'] })).toBe(false);
  });

  it('PROJECT_KIND: the project kind is listed (empty list: any)', async () => {
    expect(
      await verdict('PROJECT_KIND', { eligible_project_kinds: ['HUMANITARIAN'] }, {}, { kind: 'HUMANITARIAN' }),
    ).toBe(true);
    expect(await verdict('PROJECT_KIND', { eligible_project_kinds: ['HUMANITARIAN'] }, {}, {})).toBe(false);
    expect(await verdict('PROJECT_KIND', {}, {}, {})).toBe(true);
  });
});
