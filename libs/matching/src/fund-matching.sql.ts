import {
  pointColumnsSql as kitPointColumns,
  roundingMargin,
  roundSql,
  Rule,
  scoreSum,
  weight,
  withScore as kitWithScore,
  allRules,
} from './sql-kit.js';
import { convertSql } from '@app/reference-data';
import type { Locale } from '@app/common';
import { eligibilitySentence } from './eligibility-text.js';
import {
  BUDGET_DECAY,
  CAPACITY_SCALE,
  FUND_WEIGHTS as W,
  GEOGRAPHY_BLEND,
  KIND_THEMES,
  SMALL_ORGANIZATION_MEMBERS,
  TEXT_SCALE,
  THEME_BLEND,
} from './weights.js';

/**
 * The SQL of fund matching, in one place. Eligibility rules are boolean SQL over the fund `f`, the
 * organization `o` and (optionally) the project `p`; fundMatches and fundCandidates put them in
 * WHERE, checkEligibility and applyToFund SELECT them one by one. The score is the sum of factor
 * points, each rounded to 4 decimals, so that reasons add up to the score exactly.
 */
export interface EligibilityRule extends Rule<FundRef> {
  /** Needs a project (skipped for organization-level matching). */
  project: boolean;
  /** Applies only when matching an organization without a project (the project has its own rule). */
  withoutProjectOnly?: boolean;
  /** The rule over a fund given by `f` (its columns, or parameters when the fund is fixed). */
  sql: (f: FundRef) => string;
  passed: string;
  /** The sentence of a failure, naming the values the fund accepts. */
  failed: string | ((fund: FundValues) => string);
  /**
   * The organization's fact the rule reads, when a profile may leave it unsaid (founding year,
   * not-for-profit status, income, members): the rule then passes, *unconfirmed* — the organization
   * is told to state it and the funder confirms it — rather than hiding a fund or a candidate for a
   * blank field. `applies`: the fund uses the rule.
   */
  unstated?: { column: string; property: UnstatedFact; applies: (fund: FundValues) => boolean };
}

/** The organization's facts that a rule may find unsaid (EligibilityRule.unstated). */
export type UnstatedFact = 'foundedYear' | 'nonProfit' | 'annualIncome' | 'memberCount';

/**
 * The facts the fund's rules read that the organization has not given (each rule passes them,
 * unconfirmed): what checkEligibility marks `unconfirmed` and a match's UNCONFIRMED reason lists.
 */
export function unstatedFacts(fund: FundValues, organization: Partial<Record<UnstatedFact, unknown>>): UnstatedFact[] {
  return ELIGIBILITY_RULES.filter(
    (r) => r.unstated && r.unstated.applies(fund) && organization[r.unstated.property] == null,
  ).map((r) => r.unstated!.property);
}

/** The fund's columns as used by the rules and the score. */
export const FUND_COLUMNS = {
  status: 'fund_status',
  deadline: 'timestamptz',
  currency: 'text',
  min_grant: 'numeric',
  max_grant: 'numeric',
  themes: 'text[]',
  sdgs: 'smallint[]',
  prioritizes_women_led: 'boolean',
  prioritizes_youth_led: 'boolean',
  eligible_organization_kinds: 'text[]',
  eligible_countries_of_residence: 'text[]',
  eligible_countries_of_origin: 'text[]',
  eligible_countries_of_implementation: 'text[]',
  eligible_project_kinds: 'text[]',
  requires_legal_registration: 'boolean',
  requires_verification: 'boolean',
  min_organization_age_years: 'int',
  text_query: 'tsquery',
  funder_id: 'uuid',
  co_funding_percent: 'numeric',
  project_in_origin_country: 'boolean',
  require_all_implementation_countries: 'boolean',
  eligible_regions_of_residence: 'text[]',
  excluded_countries_of_residence: 'text[]',
  required_themes: 'text[]',
  requires_non_profit: 'boolean',
  min_organization_annual_income: 'numeric',
  max_organization_annual_income: 'numeric',
  max_organization_members: 'int',
  reserved_for_previous_grantees: 'boolean',
  excluded_project_kinds: 'text[]',
  max_total_project_budget: 'numeric',
  prioritizes_diaspora_led: 'boolean',
  prioritizes_small_organizations: 'boolean',
  prioritizes_first_time_applicants: 'boolean',
  prioritized_origin_countries: 'text[]',
} as const;
export type FundColumn = keyof typeof FUND_COLUMNS;
export type FundRef = (column: FundColumn) => string;

/** The fund as a row aliased `f` (fundMatches, checkEligibility). */
export const FUND_ROW: FundRef = (column) => `f.${column}`;

/**
 * The fund as query parameters starting at $offset (fundCandidates: one fixed fund). With the
 * values known, PostgreSQL folds the rules a fund does not use ("any") away and can use the GIN
 * indexes of the organizations for the others.
 */
export function fundParams(offset: number): FundRef {
  const names = Object.keys(FUND_COLUMNS) as FundColumn[];
  return (column) => `$${offset + names.indexOf(column)}::${FUND_COLUMNS[column]}`;
}

export const FUND_OPEN_SQL = `(f.status = 'OPEN' AND f.deadline > now())`;

/** A fund row read with FUND_COLUMNS_SELECT (what the rule sentences name). */
export type FundValues = Record<string, unknown>;

const codes = (value: unknown) => {
  const list = (value as string[] | null) ?? [];
  return list.length ? list.join(', ') : 'none';
};
const amount = (value: unknown, currency: unknown) =>
  `${currency} ${Number(value).toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;

/** An amount in `currency` in the fund's currency at the current reference rates (null: no rate). */
const inFundCurrency = (amountSql: string, currencySql: string, f: FundRef) =>
  convertSql(amountSql, currencySql, f('currency'));

export const ELIGIBILITY_RULES: EligibilityRule[] = [
  {
    rule: 'FUND_OPEN',
    project: false,
    sql: (f) => `(${f('status')} = 'OPEN' AND ${f('deadline')} > now())`,
    passed: 'The fund is open and its deadline has not passed',
    failed: 'The fund is not open for applications (draft, closed or past its deadline)',
  },
  {
    rule: 'ORGANIZATION_KIND',
    project: false,
    sql: (f) =>
      `(cardinality(${f('eligible_organization_kinds')}) = 0 OR o.kind::text = ANY(${f('eligible_organization_kinds')}))`,
    passed: 'The organization is of a kind the fund accepts',
    failed: (v) => `The fund accepts organizations of these kinds: ${codes(v.eligible_organization_kinds)}`,
  },
  {
    rule: 'RESIDENCE',
    project: false,
    sql: (f) =>
      `(cardinality(${f('eligible_countries_of_residence')}) = 0 OR o.countries_of_residence && ${f('eligible_countries_of_residence')})`,
    passed: 'The organization is based in a country the fund accepts',
    failed: (v) => `The fund accepts organizations based in ${codes(v.eligible_countries_of_residence)}`,
  },
  {
    rule: 'REGION_OF_RESIDENCE',
    project: false,
    sql: (f) =>
      `(cardinality(${f('eligible_regions_of_residence')}) = 0 OR o.regions_of_residence && ${f('eligible_regions_of_residence')})`,
    passed: 'The organization is based in a region the fund accepts',
    failed: (v) =>
      `The fund accepts organizations based in the regions ${codes(v.eligible_regions_of_residence)} (ISO 3166-2; the organization's regions of residence must name one)`,
  },
  {
    rule: 'EXCLUDED_RESIDENCE',
    project: false,
    sql: (f) =>
      `(cardinality(${f('excluded_countries_of_residence')}) = 0 OR NOT (o.countries_of_residence && ${f('excluded_countries_of_residence')}))`,
    passed: 'The organization is not based in a country the fund excludes',
    failed: (v) => `The fund does not accept organizations based in ${codes(v.excluded_countries_of_residence)}`,
  },
  {
    rule: 'ORIGIN',
    project: false,
    sql: (f) =>
      `(cardinality(${f('eligible_countries_of_origin')}) = 0 OR o.countries_of_origin && ${f('eligible_countries_of_origin')})`,
    passed: 'The organization represents a community the fund accepts',
    failed: (v) =>
      `The fund accepts organizations of the diaspora communities from ${codes(v.eligible_countries_of_origin)}`,
  },
  {
    rule: 'LEGAL_REGISTRATION',
    project: false,
    sql: (f) => `(NOT ${f('requires_legal_registration')} OR o.legally_registered)`,
    passed: 'Legal registration: the requirement is met',
    failed: 'The fund requires a legally registered organization',
  },
  {
    rule: 'VERIFICATION',
    project: false,
    sql: (f) => `(NOT ${f('requires_verification')} OR o.verification = 'VERIFIED')`,
    passed: 'Verification: the requirement is met',
    failed: 'The fund requires an organization verified on the platform',
  },
  {
    rule: 'NON_PROFIT',
    project: false,
    sql: (f) => `(NOT ${f('requires_non_profit')} OR o.non_profit IS NOT FALSE)`,
    passed: 'Not-for-profit status: the requirement is met',
    failed: 'The fund accepts only not-for-profit organizations',
    unstated: { column: 'non_profit', property: 'nonProfit', applies: (v) => v.requires_non_profit === true },
  },
  {
    rule: 'ORGANIZATION_AGE',
    project: false,
    sql: (f) => `(${f('min_organization_age_years')} IS NULL OR o.founded_year IS NULL
      OR o.founded_year <= date_part('year', now())::int - ${f('min_organization_age_years')})`,
    passed: 'The organization is old enough for the fund',
    failed: (v) => `The fund accepts organizations founded at least ${v.min_organization_age_years} years ago`,
    unstated: {
      column: 'founded_year',
      property: 'foundedYear',
      applies: (v) => v.min_organization_age_years != null,
    },
  },
  {
    rule: 'ANNUAL_INCOME',
    project: false,
    sql: (f) => `((${f('min_organization_annual_income')} IS NULL AND ${f('max_organization_annual_income')} IS NULL)
      OR o.annual_income IS NULL
      OR (SELECT i IS NOT NULL AND (${f('min_organization_annual_income')} IS NULL OR i >= ${f('min_organization_annual_income')})
                 AND (${f('max_organization_annual_income')} IS NULL OR i <= ${f('max_organization_annual_income')})
            FROM (SELECT ${inFundCurrency('o.annual_income', 'o.annual_income_currency', f)} AS i) income) IS TRUE)`,
    passed: 'The organization’s annual income is in the range the fund accepts',
    failed: (v) =>
      `The fund accepts organizations with an annual income ${
        v.min_organization_annual_income != null && v.max_organization_annual_income != null
          ? `from ${amount(v.min_organization_annual_income, v.currency)} to ${amount(v.max_organization_annual_income, v.currency)}`
          : v.min_organization_annual_income != null
            ? `of at least ${amount(v.min_organization_annual_income, v.currency)}`
            : `of at most ${amount(v.max_organization_annual_income, v.currency)}`
      } (an income in a currency without a rate does not qualify)`,
    unstated: {
      column: 'annual_income',
      property: 'annualIncome',
      applies: (v) => v.min_organization_annual_income != null || v.max_organization_annual_income != null,
    },
  },
  {
    rule: 'ORGANIZATION_SIZE',
    project: false,
    sql: (f) =>
      `(${f('max_organization_members')} IS NULL OR o.member_count IS NULL OR o.member_count <= ${f('max_organization_members')})`,
    passed: 'The organization is in the size band the fund accepts',
    failed: (v) => `The fund accepts organizations with at most ${v.max_organization_members} members`,
    unstated: {
      column: 'member_count',
      property: 'memberCount',
      applies: (v) => v.max_organization_members != null,
    },
  },
  {
    rule: 'PREVIOUS_GRANTEE',
    project: false,
    sql: (f) => `(NOT ${f('reserved_for_previous_grantees')} OR EXISTS (
        SELECT 1 FROM fund_application a JOIN fund pf ON pf.id = a.fund_id
         WHERE a.organization_id = o.id AND a.status = 'AWARDED' AND pf.funder_id = ${f('funder_id')}))`,
    passed: 'The organization was awarded a grant by this funder before',
    failed: 'The fund is reserved for organizations this funder has awarded a grant before',
  },
  {
    rule: 'REQUIRED_THEMES',
    project: false,
    withoutProjectOnly: true,
    sql: (f) => `(cardinality(${f('required_themes')}) = 0 OR o.themes && ${f('required_themes')})`,
    passed: 'The organization works on a theme the fund requires',
    failed: (v) => `The fund requires work on one of the themes ${codes(v.required_themes)}`,
  },
  {
    rule: 'PROJECT_OWNER',
    project: true,
    sql: () => `(p.organization_id = o.id AND p.archived_at IS NULL)`,
    passed: 'The project belongs to the organization',
    failed: 'The project is not a live project of the organization',
  },
  {
    rule: 'IMPLEMENTATION',
    project: true,
    sql: (f) =>
      `(cardinality(${f('eligible_countries_of_implementation')}) = 0 OR p.countries && ${f('eligible_countries_of_implementation')})`,
    passed: 'The project runs in a country the fund accepts',
    failed: (v) => `The fund accepts projects run in ${codes(v.eligible_countries_of_implementation)}`,
  },
  {
    rule: 'ALL_IMPLEMENTATION_COUNTRIES',
    project: true,
    sql: (
      f,
    ) => `(NOT ${f('require_all_implementation_countries')} OR cardinality(${f('eligible_countries_of_implementation')}) = 0
      OR (cardinality(p.countries) > 0 AND p.countries <@ ${f('eligible_countries_of_implementation')}))`,
    passed: 'Every country of the project is one the fund accepts',
    failed: (v) =>
      `Every country of the project must be one the fund accepts: ${codes(v.eligible_countries_of_implementation)}`,
  },
  {
    rule: 'PROJECT_IN_ORIGIN_COUNTRY',
    project: true,
    sql: (f) => `(NOT ${f('project_in_origin_country')}
      OR (cardinality(p.countries) > 0 AND p.countries <@ o.countries_of_origin))`,
    passed: 'The project runs in the organization’s countries of origin',
    failed: 'The fund accepts only projects run in the applicant’s own countries of origin',
  },
  {
    rule: 'PROJECT_KIND',
    project: true,
    sql: (f) =>
      `(cardinality(${f('eligible_project_kinds')}) = 0 OR p.kind::text = ANY(${f('eligible_project_kinds')}))`,
    passed: 'The project is of a kind the fund accepts',
    failed: (v) => `The fund accepts projects of these kinds: ${codes(v.eligible_project_kinds)}`,
  },
  {
    rule: 'EXCLUDED_PROJECT_KIND',
    project: true,
    sql: (f) =>
      `(cardinality(${f('excluded_project_kinds')}) = 0 OR NOT (p.kind::text = ANY(${f('excluded_project_kinds')})))`,
    passed: 'The project is not of a kind the fund excludes',
    failed: (v) => `The fund does not accept projects of these kinds: ${codes(v.excluded_project_kinds)}`,
  },
  {
    rule: 'PROJECT_THEMES',
    project: true,
    sql: (f) => `(cardinality(${f('required_themes')}) = 0 OR p.themes && ${f('required_themes')})`,
    passed: 'The project works on a theme the fund requires',
    failed: (v) => `The fund requires projects on one of the themes ${codes(v.required_themes)}`,
  },
  {
    rule: 'TOTAL_PROJECT_BUDGET',
    project: true,
    sql: (f) => `(${f('max_total_project_budget')} IS NULL
      OR (${inFundCurrency('p.budget_amount', 'p.budget_currency', f)} <= ${f('max_total_project_budget')}) IS TRUE)`,
    passed: 'The project’s total budget is within the fund’s limit',
    failed: (v) =>
      `The fund accepts projects with a total budget of at most ${amount(v.max_total_project_budget, v.currency)} (an unknown budget does not qualify)`,
  },
  {
    rule: 'MINIMUM_GRANT',
    project: true,
    sql: (f) => `(${f('min_grant')} IS NULL
      OR (${inFundCurrency(
        'coalesce(p.budget_amount, p.funding_sought_amount)',
        'CASE WHEN p.budget_amount IS NULL THEN p.funding_sought_currency ELSE p.budget_currency END',
        f,
      )} >= ${f('min_grant')}) IS NOT FALSE)`,
    passed: 'The project is large enough for the fund’s smallest grant',
    failed: (v) =>
      `The fund’s smallest grant is ${amount(v.min_grant, v.currency)}: a project whose whole budget is smaller (without a budget, one that seeks less) cannot take it`,
  },
  {
    rule: 'CO_FUNDING',
    project: true,
    sql: (f) => `(coalesce(${f('co_funding_percent')}, 0) = 0
      OR (${convertSql('p.funding_sought_amount', 'p.funding_sought_currency', 'p.budget_currency')}
            <= p.budget_amount * (100 - ${f('co_funding_percent')}) / 100) IS TRUE)`,
    passed: 'The funding sought leaves the co-funding share the fund asks for',
    failed: (v) =>
      `The fund asks applicants to co-fund ${Number(v.co_funding_percent)}% of the project: the funding sought must be at most ${
        100 - Number(v.co_funding_percent)
      }% of the project's budget (both must be given)`,
  },
];

/**
 * The rules that apply in a scope: `organization` (the organization's own rules, when its projects
 * are checked too), `alone` (an organization matched without a project: also the rules a project
 * would otherwise answer, such as required themes), `project` (the project's rules), `both`.
 */
export function rulesOf(scope: 'organization' | 'alone' | 'project' | 'both'): EligibilityRule[] {
  return ELIGIBILITY_RULES.filter((r) =>
    scope === 'project'
      ? r.project
      : scope === 'alone'
        ? !r.project
        : scope === 'organization'
          ? !r.project && !r.withoutProjectOnly
          : !r.withoutProjectOnly,
  );
}

/** The rules of a scope ANDed, for WHERE clauses (see `rulesOf`). */
export function eligibleSql(scope: 'organization' | 'alone' | 'project' | 'both', f: FundRef = FUND_ROW): string {
  return allRules(rulesOf(scope), f);
}

/**
 * A rule's sentence for a fund (the failures name the values the fund accepts): English as the rule
 * writes it, other languages from the catalogues (eligibility-text.ts; English when they lack the rule).
 */
export function ruleDetail(rule: EligibilityRule, passed: boolean, fund: FundValues, locale: Locale = 'en'): string {
  const translated = locale === 'en' ? null : eligibilitySentence(rule.rule, passed, fund, locale);
  if (translated !== null) return translated;
  if (passed) return rule.passed;
  return typeof rule.failed === 'string' ? rule.failed : rule.failed(fund);
}

/** Points rounded with the kit's one rule (4 decimals, float8). */
const r4 = roundSql;
const w = weight;
/** Longest fund array whose overlap is unrolled (see `overlap`). */
const UNROLLED = 24;

/**
 * How many elements of the fund's array any of the subject arrays holds. With the fund's array length
 * known (one fixed fund) and short, the count is unrolled into one comparison per element; otherwise
 * it is counted by a subquery, run only when the arrays overlap at all (`&&` is far cheaper).
 */
const overlap = (fund: string, subjects: string[], length?: number) => {
  const held = (x: string) => `(${subjects.map((subject) => `${x} = ANY(${subject})`).join(' OR ')})`;
  return length === undefined || length > UNROLLED
    ? `(CASE WHEN ${subjects.map((subject) => `${subject} && ${fund}`).join(' OR ')}
         THEN (SELECT count(*) FROM unnest(${fund}) x WHERE ${held('x')}) ELSE 0 END)`
    : `(0${Array.from({ length }, (_, i) => ` + ${held(`(${fund})[${i + 1}]`)}::int`).join('')})`;
};

/** The lengths of a fixed fund's arrays, by column (see `overlap` and `overlaps`). */
export type FundArrayLengths = Partial<Record<FundColumn, number>>;

/** The lengths of the arrays of a fund row read with FUND_COLUMNS_SELECT. */
export function fundArrayLengths(fund: FundValues): FundArrayLengths {
  return Object.fromEntries(
    Object.entries(fund)
      .filter((entry): entry is [FundColumn, unknown[]] => Array.isArray(entry[1]))
      .map(([column, values]) => [column, values.length]),
  );
}

/**
 * `subject && <the fund's array column>`: false (which PostgreSQL folds away) when a fixed fund's
 * array is known to be empty.
 */
const overlaps = (subject: string, f: FundRef, column: FundColumn, lengths?: FundArrayLengths) =>
  lengths?.[column] === 0 ? 'false' : `${subject} && ${f(column)}`;

const textPoints = (vector: string, f: FundRef, round = r4) =>
  round(`${w(W.TEXT)} * least(1, ${TEXT_SCALE} * coalesce(ts_rank(${vector}, ${f('text_query')}, 32), 0))`);

export interface ScoreTermsOptions {
  /** The fund (default: the row `f`). */
  fund?: FundRef;
  /** SQL of the organization's TEXT points, e.g. a column that already holds them. */
  orgText?: string;
  /** A fixed fund's array lengths (see `overlap`). */
  lengths?: FundArrayLengths;
  /**
   * false: points not rounded to 4 decimals (cheaper; for upper bounds, which must then add
   * ROUNDING_MARGIN).
   */
  rounded?: boolean;
  /**
   * SQL of the organization's track record in 0..1 (`trackRecordSql`), e.g. a column of a CTE that
   * computed it once per organization; default: computed where the terms are.
   */
  record?: string;
  /**
   * true: `p` is an organization's live projects taken together (profileProjectsSql): the shares
   * of one project's own themes and countries are replaced by their upper bound (1 when the union
   * overlaps the fund's list), so that the terms bound every single project's.
   */
  bound?: boolean;
}

const flag = (sql: string) => `(CASE WHEN ${sql} THEN 1 ELSE 0 END)`;

/**
 * THEMES, read from the project's purpose first (THEME_BLEND): the fund covers at least one theme of
 * the project or organization (ANY); the share of the project's own themes the fund covers (PURPOSE;
 * without a project, of the organization's: tagging many themes does not help); the share of the
 * fund's themes covered by the project and organization together (COVERAGE, small, so broad funds
 * are hardly penalised, and one more theme in common always adds points).
 */
function themesSql(f: FundRef, withProject: boolean, lengths: FundArrayLengths | undefined, bound = false): string {
  const own = withProject ? 'p.themes' : 'o.themes';
  const subjects = withProject ? ['p.themes', 'o.themes'] : ['o.themes'];
  const coverage = `${w(THEME_BLEND.COVERAGE)} * ${overlap(f('themes'), subjects, lengths?.themes)}::float8 / greatest(cardinality(${f('themes')}), 1)`;
  if (bound) {
    // the share of its own themes at most 1, and no points at all without a theme in common
    const [ownOverlaps, otherOverlaps] = subjects.map((x) => overlaps(x, f, 'themes', lengths));
    return `CASE WHEN ${ownOverlaps} THEN ${w(W.THEMES)} * (${w(THEME_BLEND.ANY + THEME_BLEND.PURPOSE)} + ${coverage})
      ${otherOverlaps ? `WHEN ${otherOverlaps} THEN ${w(W.THEMES)} * (${w(THEME_BLEND.ANY)} + ${coverage})` : ''} ELSE 0 END`;
  }
  const purpose = `${overlap(f('themes'), [own], lengths?.themes)}::float8 / greatest(cardinality(${own}), 1)`;
  return `${w(W.THEMES)} * (${w(THEME_BLEND.ANY)} * ${flag(subjects.map((x) => overlaps(x, f, 'themes', lengths)).join(' OR '))}
      + ${w(THEME_BLEND.PURPOSE)} * ${purpose}
      + ${coverage})`;
}

/**
 * GEOGRAPHY (GEOGRAPHY_BLEND). With a project: the share of the project's countries the fund names
 * for implementation (IMPLEMENTATION), a residence country the fund names (RESIDENCE), a community of
 * origin the fund names or prioritises (ORIGIN), and the project runs where the organization's
 * community comes from (HOMELAND). Without: half residence, half origin.
 */
function geographySql(f: FundRef, withProject: boolean, lengths: FundArrayLengths | undefined, bound = false): string {
  const residence = flag(overlaps('o.countries_of_residence', f, 'eligible_countries_of_residence', lengths));
  const origin = flag(
    `(${overlaps('o.countries_of_origin', f, 'eligible_countries_of_origin', lengths)} OR ${overlaps('o.countries_of_origin', f, 'prioritized_origin_countries', lengths)})`,
  );
  if (!withProject) return `${w(W.GEOGRAPHY / 2)} * ${residence} + ${w(W.GEOGRAPHY / 2)} * ${origin}`;
  const implementation = bound
    ? flag(overlaps('p.countries', f, 'eligible_countries_of_implementation', lengths))
    : `${overlap(f('eligible_countries_of_implementation'), ['p.countries'], lengths?.eligible_countries_of_implementation)}::float8 / greatest(cardinality(p.countries), 1)`;
  return `${w(W.GEOGRAPHY)} * (${w(GEOGRAPHY_BLEND.IMPLEMENTATION)} * ${implementation}
      + ${w(GEOGRAPHY_BLEND.RESIDENCE)} * ${residence} + ${w(GEOGRAPHY_BLEND.ORIGIN)} * ${origin}
      + ${w(GEOGRAPHY_BLEND.HOMELAND)} * ${flag('p.countries && o.countries_of_origin')})`;
}

/**
 * An organization's track record, in 0..1 (CAPACITY_SCALE): a third each for being established
 * (founded ESTABLISHED_YEARS or more ago; unknown: no), a grant awarded on the platform before, and a
 * completed project with at least one measurement of its indicators. `o` is the organization's alias.
 */
export function trackRecordSql(o = 'o'): string {
  return `((CASE WHEN ${o}.founded_year <= date_part('year', now())::int - ${CAPACITY_SCALE.ESTABLISHED_YEARS} THEN 1 ELSE 0 END)
      + (CASE WHEN ${AWARDED_SQL(o)} THEN 1 ELSE 0 END)
      + (CASE WHEN ${MEASURED_RESULTS_SQL(o)} THEN 1 ELSE 0 END))::float8 / 3`;
}

/** The organization `o` was awarded a grant on the platform before. */
export const AWARDED_SQL = (o = 'o') =>
  `EXISTS (SELECT 1 FROM fund_application a WHERE a.organization_id = ${o}.id AND a.status = 'AWARDED')`;

/** The organization `o` completed a project whose indicators were measured at least once. */
export const MEASURED_RESULTS_SQL = (o = 'o') => `EXISTS (SELECT 1 FROM project cp
        JOIN indicator ci ON ci.project_id = cp.id
       WHERE cp.organization_id = ${o}.id AND cp.status = 'COMPLETED'
         AND EXISTS (SELECT 1 FROM measurement cm WHERE cm.indicator_id = ci.id))`;

/**
 * CAPACITY (CAPACITY_SCALE): the share of the track record the grant's size asks for (0 up to a small
 * grant, 1 from a large one, logarithmic between) against the organization's capacity (the larger of
 * its track record and its annual income over the grant); all points when the capacity covers it.
 * The grant is the project's funding sought or, without a project, the fund's largest grant (smallest
 * if it has no largest), in euros at the reference rates; unknown: nothing asked.
 */
function capacitySql(f: FundRef, withProject: boolean, record: string): string {
  const grant = withProject
    ? convertSql('p.funding_sought_amount', 'p.funding_sought_currency', `'EUR'`)
    : convertSql(`coalesce(${f('max_grant')}, ${f('min_grant')})`, f('currency'), `'EUR'`);
  const { SMALL_GRANT_EUR: small, LARGE_GRANT_EUR: large } = CAPACITY_SCALE;
  const asked = `least(1, greatest(0, ln(greatest(coalesce((${grant})::float8, 0), ${small})::float8 / ${small}) / ln(${large / small})))`;
  // least() and greatest() skip nulls: an unknown income (or grant) must be 0 before them
  const income = `least(1, coalesce((${convertSql('o.annual_income', 'o.annual_income_currency', `'EUR'`)})::float8
      / greatest((${grant})::float8, 1), 0))`;
  return `${w(W.CAPACITY)} * (1 - greatest(0, ${asked} - greatest(${record}, ${income})))`;
}

const kindThemes = Object.entries(KIND_THEMES)
  .filter(([, themes]) => themes.length)
  .map(([kind, themes]) => [`'${kind}'`, `ARRAY[${themes.map((t) => `'${t}'`).join(', ')}]::text[]`]);

/**
 * KIND (KIND_THEMES): all the points when the fund covers a theme that the project's kind serves.
 * Bounds: of a fixed fund ('bound', `p.kinds`: the kinds of an organization's projects), one of them
 * does, the kinds serving the fund's themes computed once per statement (an uncorrelated subquery);
 * of many funds ('all'), all the points (a subquery per fund cost more than it pruned).
 */
function kindSql(f: FundRef, mode: 'exact' | 'bound' | 'all'): string {
  if (mode === 'all') return w(W.KIND);
  if (mode === 'bound') {
    const serving = `(SELECT coalesce(array_agg(k.kind), '{}') FROM (VALUES ${kindThemes.map(([kind, themes]) => `(${kind}, ${themes})`).join(', ')}) k (kind, themes)
       WHERE k.themes && ${f('themes')})`;
    return `${w(W.KIND)} * ${flag(`p.kinds && ${serving}`)}`;
  }
  const cases = kindThemes.map(([kind, themes]) => `WHEN ${kind} THEN ${themes}`).join(' ');
  return `${w(W.KIND)} * ${flag(`coalesce((CASE p.kind::text ${cases} END) && ${f('themes')}, false)`)}`;
}

/** What rounding each factor's points to 4 decimals can add to a score, at most (factors × 0.00005). */
export const ROUNDING_MARGIN = roundingMargin(Object.keys(W).length);

/**
 * Each factor's points as SQL. `withProject` false scores the organization alone. With a project,
 * TEXT is the better of the organization's and the project's relevance; `orgText` may name a column
 * that already holds the organization's TEXT points (the fund-match fan-out scores organizations first).
 */
export function scoreTermsSql(withProject: boolean, options: ScoreTermsOptions = {}): Record<keyof typeof W, string> {
  const { fund: f = FUND_ROW, lengths } = options;
  const round = options.rounded === false ? (sql: string) => `(${sql})` : r4;
  const orgText = options.orgText ?? textPoints('o.search_vector', f, round);
  // the amount sought in the fund's currency, at the current reference rates (null: no rate)
  const sought = `${convertSql('p.funding_sought_amount', 'p.funding_sought_currency', f('currency'))}::float8`;
  const [min, max] = [`${f('min_grant')}::float8`, `${f('max_grant')}::float8`];
  // ln(points / weight): 0 inside the grant range, negative by how far below its minimum `low` is or
  // above its maximum `high` is (least() skips nulls: a side the fund leaves open, or an unknown)
  const budgetDecay = (low: string, high: string) =>
    `least(0, -${BUDGET_DECAY} * (${min} - ${high}) / greatest(${min}, 1), -${BUDGET_DECAY} * (${low} - ${max}) / greatest(${max}, 1))`;
  return {
    THEMES: round(themesSql(f, withProject, lengths, options.bound)),
    KIND: withProject ? round(kindSql(f, options.bound ? (lengths ? 'bound' : 'all') : 'exact')) : '0::float8',
    SDGS: withProject
      ? round(
          `${w(W.SDGS)} * ${overlap(f('sdgs'), ['p.sdgs'], lengths?.sdgs)} / greatest(cardinality(${f('sdgs')}), 1)`,
        )
      : '0::float8',
    GEOGRAPHY: round(geographySql(f, withProject, lengths, options.bound)),
    // all the points inside the grant range, decaying below its minimum or above its maximum; none
    // when the amount or a rate is unknown. A profile's range is in the fund's currency (bounds:
    // its best point), unknown (all the points) when its projects seek other currencies.
    BUDGET: !withProject
      ? '0::float8'
      : options.bound
        ? round(
            `CASE WHEN p.seeks_funding THEN ${w(W.BUDGET)} * exp(${budgetDecay('p.funding_sought_low', 'p.funding_sought_high')}) ELSE 0 END`,
          )
        : round(`CASE WHEN ${sought} IS NULL THEN 0 ELSE ${w(W.BUDGET)} * exp(${budgetDecay(sought, sought)}) END`),
    TEXT: withProject ? `greatest(${orgText}, ${textPoints('p.search_vector', f, round)})` : orgText,
    PRIORITY: round(prioritySql(f)),
    // an upper bound: all the points (fundCandidates bounds organizations without their track record)
    CAPACITY: options.bound
      ? `${w(W.CAPACITY)}::float8`
      : round(capacitySql(f, withProject, options.record ?? trackRecordSql())),
  };
}

/** Organization kinds that count as diaspora-led for `prioritizesDiasporaLed`. */
export const DIASPORA_LED_KINDS = ['DIASPORA_ORGANIZATION', 'MIGRANT_ASSOCIATION', 'DIASPORA_NETWORK'];

/**
 * The fund's priorities, each (flag, whether the organization meets it): PRIORITY earns the share of
 * the fund's priorities that the organization meets (women-led, youth-led, diaspora-led, small,
 * first-time applicant, from a prioritised community of origin).
 */
export function prioritiesSql(f: FundRef): Array<[string, string]> {
  return [
    [f('prioritizes_women_led'), 'o.women_led'],
    [f('prioritizes_youth_led'), 'o.youth_led'],
    [f('prioritizes_diaspora_led'), `o.kind::text IN (${DIASPORA_LED_KINDS.map((k) => `'${k}'`).join(', ')})`],
    [f('prioritizes_small_organizations'), `coalesce(o.member_count < ${SMALL_ORGANIZATION_MEMBERS}, false)`],
    [f('prioritizes_first_time_applicants'), `NOT ${AWARDED_SQL()}`],
    [
      `(cardinality(${f('prioritized_origin_countries')}) > 0)`,
      `o.countries_of_origin && ${f('prioritized_origin_countries')}`,
    ],
  ];
}

function prioritySql(f: FundRef): string {
  const list = prioritiesSql(f);
  const asked = list.map(([flag]) => `${flag}::int`).join(' + ');
  const met = list.map(([flag, meets]) => `(${flag} AND ${meets})::int`).join(' + ');
  return `${w(W.PRIORITY)} * (${met})::float8 / greatest(${asked}, 1)`;
}

export const FACTORS = Object.keys(W) as Array<keyof typeof W>;

/** SELECT list of the factor columns (pt_themes, …). */
export function pointColumnsSql(terms: Record<keyof typeof W, string>): string {
  return kitPointColumns(FACTORS, terms);
}

/**
 * The score: the sum of the point columns of the row aliased `alias`, always added in the same order
 * (so that every query ranks by the same float8 sums).
 */
export function scoreSumSql(alias: string): string {
  return scoreSum(FACTORS, alias);
}

/** Adds `score`, the sum of the fund point columns, to a query that selects them. */
export function withScore(inner: string): string {
  return kitWithScore(FACTORS, inner);
}

/** Reads a fund's matching columns, to pass them as parameters (`fundParams`): text_query as text. */
export const FUND_COLUMNS_SELECT = (Object.keys(FUND_COLUMNS) as FundColumn[])
  .map((c) => (c === 'text_query' ? 'text_query::text AS text_query' : c))
  .join(', ');

/** The values of a row read with FUND_COLUMNS_SELECT, in parameter order. */
export function fundColumnValues(fund: Record<string, unknown>): unknown[] {
  return (Object.keys(FUND_COLUMNS) as FundColumn[]).map((c) => fund[c]);
}

/**
 * An upper bound of the score (see `ScoreTermsOptions.bound`) of an organization `o` read from its
 * matching profile with its live projects taken together `p` (profileProjectsSql), or of the
 * organization alone: points not rounded (ROUNDING_MARGIN added instead), TEXT at full weight.
 */
export function scoreBoundSql(withProject: boolean, f: FundRef, lengths?: FundArrayLengths): string {
  const terms = scoreTermsSql(withProject, { fund: f, lengths, rounded: false, bound: true });
  return FACTORS.map((factor) => (factor === 'TEXT' ? w(W.TEXT) : terms[factor]))
    .concat(`${ROUNDING_MARGIN}::float8`)
    .join(' + ');
}

/**
 * An organization's live projects taken together, read from its matching profile `o`
 * (organization_matching_profile), as a row `p` that the project score terms accept and that scores
 * at least as well as any one of those projects: the union of their themes, SDGs and countries, and
 * the range of the amounts they seek (the budget factor's bound takes its point nearest the grant
 * range; the factor only decays away from that range). With amounts in another currency than the
 * fund's, or in several, the range is unknown and the bound takes all the points.
 */
export function profileProjectsSql(f: FundRef): string {
  return `(SELECT o.project_themes AS themes, o.project_sdgs AS sdgs, o.project_countries AS countries,
          o.project_kinds AS kinds, cardinality(o.funding_currencies) > 0 AS seeks_funding,
          CASE WHEN o.funding_currencies = ARRAY[${f('currency')}::text] THEN o.funding_sought_min END AS funding_sought_low,
          CASE WHEN o.funding_currencies = ARRAY[${f('currency')}::text] THEN o.funding_sought_max END AS funding_sought_high) p`;
}

/**
 * The fund has no project rules: an organization without a live project is a candidate on its own
 * (then judged by the rules of an organization alone, e.g. required themes on its own themes).
 * The money rules (total budget, co-funding) are checked on the project of an application.
 */
export function noProjectRulesSql(f: FundRef): string {
  return `(cardinality(${f('eligible_countries_of_implementation')}) = 0 AND cardinality(${f('eligible_project_kinds')}) = 0
      AND cardinality(${f('excluded_project_kinds')}) = 0 AND NOT ${f('project_in_origin_country')}
      AND ${allRules(
        ELIGIBILITY_RULES.filter((r) => r.withoutProjectOnly),
        f,
      )})`;
}

/**
 * What the projects taken together `p` (profileProjectsSql) must hold for one of them to pass the
 * fund's project rules: a necessary condition, not a sufficient one.
 */
export function projectRulesReachableSql(f: FundRef): string {
  return `(cardinality(${f('eligible_countries_of_implementation')}) = 0 OR p.countries && ${f('eligible_countries_of_implementation')})
      AND (cardinality(${f('eligible_project_kinds')}) = 0 OR p.kinds && ${f('eligible_project_kinds')})`;
}

/**
 * CTEs ending in `candidates (id, <orgColumns>, score)`: every eligible organization that also
 * passes `orgWhere`, scored with its best eligible project, or on its own when it has no live project
 * and the fund has no project rules (an organization whose projects all fail the fund's money rules is
 * not a candidate, as fundMatches lists it no match). Every candidate is scored fully (fundCandidates ranks only the first few, faster).
 */
export function scoredCandidatesSql(f: FundRef, orgWhere: string, orgColumns: string[] = []): string {
  const organizations = withScore(`
       SELECT o.id, ${orgColumns.map((c) => `o.${c}, `).join('')}o.themes, o.countries_of_origin,
              o.countries_of_residence, o.women_led, o.youth_led, o.kind, o.member_count, o.annual_income,
              o.annual_income_currency, ${trackRecordSql()} AS track_record, ${pointColumnsSql(scoreTermsSql(false, { fund: f }))}
         FROM organization o
        WHERE ${orgWhere} AND ${eligibleSql('organization', f)}`);
  const projects = withScore(`
       SELECT p.organization_id, p.id, ${pointColumnsSql(scoreTermsSql(true, { fund: f, orgText: 'o.pt_text', record: 'o.track_record' }))}
         FROM project p JOIN o ON o.id = p.organization_id
        WHERE ${eligibleSql('project', f)}`);
  return `o AS MATERIALIZED (${organizations}),
     bp AS (SELECT DISTINCT ON (organization_id) * FROM (${projects}) scored ORDER BY organization_id, score DESC, id),
     candidates AS (
       SELECT o.id, ${orgColumns.map((c) => `o.${c}, `).join('')}coalesce(bp.score, o.score) AS score
         FROM o LEFT JOIN bp ON bp.organization_id = o.id
        WHERE bp.id IS NOT NULL OR ${noProjectRulesSql(f)}
          AND NOT EXISTS (SELECT 1 FROM project lp WHERE lp.organization_id = o.id AND lp.archived_at IS NULL))`;
}
