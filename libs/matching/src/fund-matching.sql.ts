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
import { BUDGET_DECAY, FUND_WEIGHTS as W } from './weights.js';

/**
 * The SQL of fund matching, in one place. Eligibility rules are boolean SQL over the fund `f`, the
 * organization `o` and (optionally) the project `p`; fundMatches and fundCandidates put them in
 * WHERE, checkEligibility and applyToFund SELECT them one by one. The score is the sum of factor
 * points, each rounded to 4 decimals, so that reasons add up to the score exactly.
 */
export interface EligibilityRule extends Rule<FundRef> {
  /** Needs a project (skipped for organization-level matching). */
  project: boolean;
  /** The rule over a fund given by `f` (its columns, or parameters when the fund is fixed). */
  sql: (f: FundRef) => string;
  passed: string;
  failed: string;
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
    failed: 'The fund does not accept organizations of this kind',
  },
  {
    rule: 'RESIDENCE',
    project: false,
    sql: (f) =>
      `(cardinality(${f('eligible_countries_of_residence')}) = 0 OR o.countries_of_residence && ${f('eligible_countries_of_residence')})`,
    passed: 'The organization is based in a country the fund accepts',
    failed: 'The organization is not based in any country the fund accepts',
  },
  {
    rule: 'ORIGIN',
    project: false,
    sql: (f) =>
      `(cardinality(${f('eligible_countries_of_origin')}) = 0 OR o.countries_of_origin && ${f('eligible_countries_of_origin')})`,
    passed: 'The organization represents a community the fund accepts',
    failed: 'The organization does not represent a diaspora community the fund accepts',
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
    rule: 'ORGANIZATION_AGE',
    project: false,
    sql: (f) => `(${f('min_organization_age_years')} IS NULL
      OR (o.founded_year IS NOT NULL AND o.founded_year <= date_part('year', now())::int - ${f('min_organization_age_years')}))`,
    passed: 'The organization is old enough for the fund',
    failed: 'The organization is younger than the fund requires (or its founding year is unknown)',
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
    failed: 'The project does not run in any country the fund accepts',
  },
  {
    rule: 'PROJECT_KIND',
    project: true,
    sql: (f) =>
      `(cardinality(${f('eligible_project_kinds')}) = 0 OR p.kind::text = ANY(${f('eligible_project_kinds')}))`,
    passed: 'The project is of a kind the fund accepts',
    failed: 'The fund does not accept projects of this kind',
  },
];

/** The rules ANDed, for WHERE clauses: organization rules, project rules, or both. */
export function eligibleSql(scope: 'organization' | 'project' | 'both', f: FundRef = FUND_ROW): string {
  return allRules(
    ELIGIBILITY_RULES.filter((r) => scope === 'both' || r.project === (scope === 'project')),
    f,
  );
}

/** Points rounded with the kit's one rule (4 decimals, float8). */
const r4 = roundSql;
const w = weight;
/**
 * How many elements of the fund's array any of the subject arrays holds. With the fund's array length
 * known (one fixed fund), the count is unrolled into one comparison per element: no subquery per row.
 */
const overlap = (fund: string, subjects: string[], length?: number) => {
  const held = (x: string) => `(${subjects.map((subject) => `${x} = ANY(${subject})`).join(' OR ')})`;
  return length === undefined
    ? `(SELECT count(*) FROM unnest(${fund}) x WHERE ${held('x')})`
    : `(0${Array.from({ length }, (_, i) => ` + ${held(`(${fund})[${i + 1}]`)}::int`).join('')})`;
};

/** The lengths of a fixed fund's arrays (see `overlap`). */
export interface FundArrayLengths {
  themes: number;
  sdgs: number;
}

const textPoints = (vector: string, f: FundRef, round = r4) =>
  round(`${w(W.TEXT)} * least(1, 2 * coalesce(ts_rank(${vector}, ${f('text_query')}, 32), 0))`);

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
  const themes = withProject ? ['p.themes', 'o.themes'] : ['o.themes'];
  const sought = `p.funding_sought_amount::float8`;
  return {
    THEMES: round(
      `${w(W.THEMES)} * ${overlap(f('themes'), themes, lengths?.themes)} / greatest(cardinality(${f('themes')}), 1)`,
    ),
    SDGS: withProject
      ? round(
          `${w(W.SDGS)} * ${overlap(f('sdgs'), ['p.sdgs'], lengths?.sdgs)} / greatest(cardinality(${f('sdgs')}), 1)`,
        )
      : '0::float8',
    GEOGRAPHY: round(
      `${w(W.GEOGRAPHY / 2)} * (CASE WHEN o.countries_of_residence && ${f('eligible_countries_of_residence')} THEN 1 ELSE 0 END)
       + ${w(W.GEOGRAPHY / 2)} * (CASE WHEN ${
         withProject
           ? `p.countries && ${f('eligible_countries_of_implementation')}`
           : `o.countries_of_origin && ${f('eligible_countries_of_origin')}`
       } THEN 1 ELSE 0 END)`,
    ),
    BUDGET: withProject
      ? round(`CASE
          WHEN ${sought} IS NULL OR p.funding_sought_currency IS DISTINCT FROM ${f('currency')} THEN 0
          WHEN ${f('min_grant')}::float8 IS NOT NULL AND ${sought} < ${f('min_grant')}::float8
            THEN ${w(W.BUDGET)} * exp(-${BUDGET_DECAY} * (${f('min_grant')}::float8 - ${sought}) / greatest(${f('min_grant')}::float8, 1))
          WHEN ${f('max_grant')}::float8 IS NOT NULL AND ${sought} > ${f('max_grant')}::float8
            THEN ${w(W.BUDGET)} * exp(-${BUDGET_DECAY} * (${sought} - ${f('max_grant')}::float8) / greatest(${f('max_grant')}::float8, 1))
          ELSE ${w(W.BUDGET)} END`)
      : '0::float8',
    TEXT: withProject ? `greatest(${orgText}, ${textPoints('p.search_vector', f, round)})` : orgText,
    PRIORITY: round(
      `CASE WHEN ${f('prioritizes_women_led')} AND ${f('prioritizes_youth_led')}
              THEN ${w(W.PRIORITY / 2)} * (o.women_led::int + o.youth_led::int)
            WHEN ${f('prioritizes_women_led')} THEN ${w(W.PRIORITY)} * o.women_led::int
            WHEN ${f('prioritizes_youth_led')} THEN ${w(W.PRIORITY)} * o.youth_led::int
            ELSE 0 END`,
    ),
  };
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
 * An organization's live projects taken together, read from its matching profile `o`
 * (organization_matching_profile), as a row `p` that the project score terms accept and that scores
 * at least as well as any one of those projects: the union of their themes, SDGs and countries, and,
 * of the amounts they seek, the one the fund's budget factor likes best (the point of their range
 * nearest the grant range; the factor only decays away from that range). With amounts in several
 * currencies, an amount inside the grant range stands in.
 */
export function profileProjectsSql(f: FundRef): string {
  return `(SELECT o.project_themes AS themes, o.project_sdgs AS sdgs, o.project_countries AS countries,
          o.project_kinds AS kinds,
          CASE WHEN cardinality(o.funding_currencies) = 1 THEN o.funding_currencies[1]
               WHEN ${f('currency')} = ANY(o.funding_currencies) THEN ${f('currency')} END AS funding_sought_currency,
          CASE WHEN cardinality(o.funding_currencies) = 1
               THEN greatest(o.funding_sought_min, least(o.funding_sought_max, coalesce(${f('min_grant')}::float8, o.funding_sought_min)))
               ELSE coalesce(${f('min_grant')}, ${f('max_grant')}, 0)::float8 END AS funding_sought_amount) p`;
}

/** The fund has no project rules: an organization without a live project is a candidate on its own. */
export function noProjectRulesSql(f: FundRef): string {
  return `(cardinality(${f('eligible_countries_of_implementation')}) = 0 AND cardinality(${f('eligible_project_kinds')}) = 0)`;
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
 * passes `orgWhere`, scored with its best eligible project, or on its own when the fund has no
 * project rules. Every candidate is scored fully (fundCandidates ranks only the first few, faster).
 */
export function scoredCandidatesSql(f: FundRef, orgWhere: string, orgColumns: string[] = []): string {
  const organizations = withScore(`
       SELECT o.id, ${orgColumns.map((c) => `o.${c}, `).join('')}o.themes, o.countries_of_origin,
              o.countries_of_residence, o.women_led, o.youth_led, ${pointColumnsSql(scoreTermsSql(false, { fund: f }))}
         FROM organization o
        WHERE ${orgWhere} AND ${eligibleSql('organization', f)}`);
  const projects = withScore(`
       SELECT p.organization_id, p.id, ${pointColumnsSql(scoreTermsSql(true, { fund: f, orgText: 'o.pt_text' }))}
         FROM project p JOIN o ON o.id = p.organization_id
        WHERE ${eligibleSql('project', f)}`);
  return `o AS MATERIALIZED (${organizations}),
     bp AS (SELECT DISTINCT ON (organization_id) * FROM (${projects}) scored ORDER BY organization_id, score DESC, id),
     candidates AS (
       SELECT o.id, ${orgColumns.map((c) => `o.${c}, `).join('')}coalesce(bp.score, o.score) AS score
         FROM o LEFT JOIN bp ON bp.organization_id = o.id
        WHERE bp.id IS NOT NULL OR ${noProjectRulesSql(f)})`;
}
