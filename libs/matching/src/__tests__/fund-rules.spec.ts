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
    requires_verification boolean NOT NULL DEFAULT false, min_organization_age_years int, text_query tsquery,
    project_in_origin_country boolean NOT NULL DEFAULT false, require_all_implementation_countries boolean NOT NULL DEFAULT false,
    eligible_regions_of_residence text[] NOT NULL DEFAULT '{}', excluded_countries_of_residence text[] NOT NULL DEFAULT '{}',
    required_themes text[] NOT NULL DEFAULT '{}', requires_non_profit boolean NOT NULL DEFAULT false,
    min_organization_annual_income numeric, max_organization_annual_income numeric, max_organization_members int,
    reserved_for_previous_grantees boolean NOT NULL DEFAULT false, excluded_project_kinds text[] NOT NULL DEFAULT '{}',
    max_total_project_budget numeric);
  CREATE TABLE fund_application (fund_id uuid NOT NULL, organization_id uuid NOT NULL, status text NOT NULL);
  CREATE TABLE exchange_rate (currency text, rate_date date, units_per_eur numeric, PRIMARY KEY (currency, rate_date));
  CREATE VIEW current_exchange_rate AS SELECT DISTINCT ON (currency) currency, rate_date, units_per_eur
    FROM exchange_rate ORDER BY currency, rate_date DESC;
  INSERT INTO exchange_rate VALUES ('EUR', '2026-11-27', 1), ('GBP', '2026-11-27', 0.86), ('DKK', '2026-11-27', 7.46);
  CREATE TABLE organization (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text NOT NULL DEFAULT 'DIASPORA_ORGANIZATION',
    countries_of_origin text[] NOT NULL DEFAULT '{}', countries_of_residence text[] NOT NULL DEFAULT '{}',
    themes text[] NOT NULL DEFAULT '{}', founded_year int, member_count int,
    legally_registered boolean NOT NULL DEFAULT false, verification text NOT NULL DEFAULT 'UNVERIFIED',
    women_led boolean NOT NULL DEFAULT false, youth_led boolean NOT NULL DEFAULT false,
    regions_of_residence text[] NOT NULL DEFAULT '{}', non_profit boolean, annual_income numeric, annual_income_currency text);
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
async function verdict(
  ruleName: string,
  fund: Row,
  organization: Row = {},
  project: Row = {},
  setup?: (organizationId: string) => Promise<void>,
): Promise<boolean> {
  const rule = ELIGIBILITY_RULES.find((r) => r.rule === ruleName) as EligibilityRule;
  expect(rule).toBeDefined();
  await db.exec('DELETE FROM fund_application; DELETE FROM project; DELETE FROM organization; DELETE FROM fund;');
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
  await setup?.(organizationId);
  const { rows } = await db.query<Row>(
    `SELECT ${ruleColumns([rule], FUND_ROW)} FROM fund f, organization o, project p WHERE f.status <> 'EARLIER'`,
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

  it('ORGANIZATION_AGE: founded long enough ago; an unknown founding year passes (unconfirmed)', async () => {
    const fund = { min_organization_age_years: 3 };
    expect(await verdict('ORGANIZATION_AGE', fund, { founded_year: year - 3 })).toBe(true);
    expect(await verdict('ORGANIZATION_AGE', fund, { founded_year: year - 2 })).toBe(false);
    expect(await verdict('ORGANIZATION_AGE', fund, {})).toBe(true);
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

  it('REGION_OF_RESIDENCE: based in one listed ISO 3166-2 region', async () => {
    const fund = { eligible_regions_of_residence: ['FR-IDF', 'DE-BE'] };
    expect(await verdict('REGION_OF_RESIDENCE', fund, { regions_of_residence: ['DE-BE'] })).toBe(true);
    expect(await verdict('REGION_OF_RESIDENCE', fund, { regions_of_residence: ['DE-BY'] })).toBe(false);
    expect(await verdict('REGION_OF_RESIDENCE', fund, {})).toBe(false);
  });

  it('EXCLUDED_RESIDENCE: based anywhere except the listed countries', async () => {
    const fund = { excluded_countries_of_residence: ['US'] };
    expect(await verdict('EXCLUDED_RESIDENCE', fund, { countries_of_residence: ['GB'] })).toBe(true);
    expect(await verdict('EXCLUDED_RESIDENCE', fund, { countries_of_residence: ['GB', 'US'] })).toBe(false);
  });

  it('NON_PROFIT: false fails; null (not said) passes (unconfirmed)', async () => {
    const fund = { requires_non_profit: true };
    expect(await verdict('NON_PROFIT', fund, { non_profit: true })).toBe(true);
    expect(await verdict('NON_PROFIT', fund, { non_profit: false })).toBe(false);
    expect(await verdict('NON_PROFIT', fund, {})).toBe(true);
    expect(await verdict('NON_PROFIT', {}, {})).toBe(true);
  });

  it('ANNUAL_INCOME: compared in the fund currency; unknown income passes (unconfirmed)', async () => {
    const fund = { min_organization_annual_income: 10000, max_organization_annual_income: 100000 };
    expect(await verdict('ANNUAL_INCOME', fund, { annual_income: 50000, annual_income_currency: 'EUR' })).toBe(true);
    // GBP 86,000 = EUR 100,000 exactly; GBP 90,000 ≈ EUR 104,651
    expect(await verdict('ANNUAL_INCOME', fund, { annual_income: 86000, annual_income_currency: 'GBP' })).toBe(true);
    expect(await verdict('ANNUAL_INCOME', fund, { annual_income: 90000, annual_income_currency: 'GBP' })).toBe(false);
    expect(await verdict('ANNUAL_INCOME', fund, { annual_income: 5000, annual_income_currency: 'EUR' })).toBe(false);
    expect(await verdict('ANNUAL_INCOME', fund, {})).toBe(true);
    expect(await verdict('ANNUAL_INCOME', fund, { annual_income: 50000, annual_income_currency: 'XAF' })).toBe(false);
    expect(await verdict('ANNUAL_INCOME', {}, {})).toBe(true);
  });

  it('ORGANIZATION_SIZE: at most N members; unknown passes (unconfirmed)', async () => {
    const fund = { max_organization_members: 50 };
    expect(await verdict('ORGANIZATION_SIZE', fund, { member_count: 50 })).toBe(true);
    expect(await verdict('ORGANIZATION_SIZE', fund, { member_count: 51 })).toBe(false);
    expect(await verdict('ORGANIZATION_SIZE', fund, {})).toBe(true);
  });

  it('PREVIOUS_GRANTEE: an AWARDED application to a fund of the same funder', async () => {
    const fund = { reserved_for_previous_grantees: true };
    const award =
      (status: string, funder = '00000000-0000-4000-8000-000000000001') =>
      async (organizationId: string) => {
        const { rows } = await db.query<{ id: string }>(
          `INSERT INTO fund (status, funder_id) VALUES ('EARLIER', $1) RETURNING id`,
          [funder],
        );
        await db.query(`INSERT INTO fund_application VALUES ($1, $2, $3)`, [rows[0].id, organizationId, status]);
      };
    expect(await verdict('PREVIOUS_GRANTEE', fund, {})).toBe(false);
    expect(await verdict('PREVIOUS_GRANTEE', fund, {}, {}, award('AWARDED'))).toBe(true);
    expect(await verdict('PREVIOUS_GRANTEE', fund, {}, {}, award('REJECTED'))).toBe(false);
    expect(
      await verdict('PREVIOUS_GRANTEE', fund, {}, {}, award('AWARDED', '00000000-0000-4000-8000-000000000002')),
    ).toBe(false);
    expect(await verdict('PREVIOUS_GRANTEE', {}, {})).toBe(true);
  });

  it('REQUIRED_THEMES (organization alone) and PROJECT_THEMES (with a project)', async () => {
    const fund = { required_themes: ['HEALTH'] };
    expect(await verdict('REQUIRED_THEMES', fund, { themes: ['HEALTH', 'EDUCATION'] })).toBe(true);
    expect(await verdict('REQUIRED_THEMES', fund, { themes: ['EDUCATION'] })).toBe(false);
    expect(await verdict('PROJECT_THEMES', fund, { themes: ['HEALTH'] }, { themes: ['EDUCATION'] })).toBe(false);
    expect(await verdict('PROJECT_THEMES', fund, {}, { themes: ['HEALTH'] })).toBe(true);
  });

  it('ALL_IMPLEMENTATION_COUNTRIES: every project country listed', async () => {
    const fund = { eligible_countries_of_implementation: ['SN', 'GM'], require_all_implementation_countries: true };
    expect(await verdict('ALL_IMPLEMENTATION_COUNTRIES', fund, {}, { countries: ['SN', 'GM'] })).toBe(true);
    expect(await verdict('ALL_IMPLEMENTATION_COUNTRIES', fund, {}, { countries: ['SN', 'ML'] })).toBe(false);
    expect(await verdict('ALL_IMPLEMENTATION_COUNTRIES', fund, {}, { countries: [] })).toBe(false);
  });

  it('PROJECT_IN_ORIGIN_COUNTRY: every project country is a country of origin', async () => {
    const fund = { project_in_origin_country: true };
    expect(
      await verdict('PROJECT_IN_ORIGIN_COUNTRY', fund, { countries_of_origin: ['SN', 'ML'] }, { countries: ['SN'] }),
    ).toBe(true);
    expect(
      await verdict('PROJECT_IN_ORIGIN_COUNTRY', fund, { countries_of_origin: ['SN'] }, { countries: ['SN', 'GM'] }),
    ).toBe(false);
    expect(await verdict('PROJECT_IN_ORIGIN_COUNTRY', {}, {}, { countries: ['GM'] })).toBe(true);
  });

  it('EXCLUDED_PROJECT_KIND: the project kind is not excluded', async () => {
    const fund = { excluded_project_kinds: ['CONSTRUCTION', 'EMERGENCY_RELIEF'] };
    expect(await verdict('EXCLUDED_PROJECT_KIND', fund, {}, { kind: 'CONSTRUCTION' })).toBe(false);
    expect(await verdict('EXCLUDED_PROJECT_KIND', fund, {}, { kind: 'HUMANITARIAN' })).toBe(true);
  });

  it('TOTAL_PROJECT_BUDGET: the whole budget, converted, within the limit; unknown fails', async () => {
    const fund = { max_total_project_budget: 100000 };
    expect(await verdict('TOTAL_PROJECT_BUDGET', fund, {}, { budget_amount: 86000, budget_currency: 'GBP' })).toBe(
      true,
    );
    expect(await verdict('TOTAL_PROJECT_BUDGET', fund, {}, { budget_amount: 746001, budget_currency: 'DKK' })).toBe(
      false,
    );
    expect(await verdict('TOTAL_PROJECT_BUDGET', fund, {}, {})).toBe(false);
  });

  it('MINIMUM_GRANT: the whole budget (else the funding sought), converted, at least the smallest grant; unknown passes', async () => {
    const fund = { min_grant: 25000 };
    expect(await verdict('MINIMUM_GRANT', fund, {}, { budget_amount: 30000, budget_currency: 'EUR' })).toBe(true);
    expect(await verdict('MINIMUM_GRANT', fund, {}, { budget_amount: 5000, budget_currency: 'EUR' })).toBe(false);
    // no budget: the funding sought stands in, converted (GBP 20,000 is more than EUR 20,000 but less than 25,000)
    expect(
      await verdict('MINIMUM_GRANT', fund, {}, { funding_sought_amount: 20000, funding_sought_currency: 'GBP' }),
    ).toBe(false);
    expect(
      await verdict('MINIMUM_GRANT', fund, {}, { funding_sought_amount: 200000, funding_sought_currency: 'DKK' }),
    ).toBe(true);
    expect(await verdict('MINIMUM_GRANT', fund, {}, {})).toBe(true);
    expect(await verdict('MINIMUM_GRANT', {}, {}, { budget_amount: 1, budget_currency: 'EUR' })).toBe(true);
  });

  it('CO_FUNDING: funding sought at most (100 − c)% of the budget, across currencies', async () => {
    const fund = { co_funding_percent: 20 };
    const project = { budget_amount: 100000, budget_currency: 'EUR', funding_sought_currency: 'EUR' };
    expect(await verdict('CO_FUNDING', fund, {}, { ...project, funding_sought_amount: 80000 })).toBe(true);
    expect(await verdict('CO_FUNDING', fund, {}, { ...project, funding_sought_amount: 80001 })).toBe(false);
    expect(
      await verdict(
        'CO_FUNDING',
        fund,
        {},
        { ...project, funding_sought_amount: 68800, funding_sought_currency: 'GBP' },
      ),
    ).toBe(true);
    expect(await verdict('CO_FUNDING', fund, {}, { funding_sought_amount: 1000, funding_sought_currency: 'EUR' })).toBe(
      false,
    );
    expect(await verdict('CO_FUNDING', {}, {}, {})).toBe(true);
  });
});
