import { BUDGET_DECAY, FUND_WEIGHTS as W } from './weights.js';

/**
 * The SQL of fund matching, in one place. Eligibility rules are boolean SQL over the fund `f`, the
 * organization `o` and (optionally) the project `p`; fundMatches and fundCandidates put them in
 * WHERE, checkEligibility and applyToFund SELECT them one by one. The score is the sum of factor
 * points, each rounded to 4 decimals, so that reasons add up to the score exactly.
 */
export interface EligibilityRule {
  rule: string;
  /** Needs a project (skipped for organization-level matching). */
  project: boolean;
  sql: string;
  passed: string;
  failed: string;
}

export const FUND_OPEN_SQL = `(f.status = 'OPEN' AND f.deadline > now())`;

export const ELIGIBILITY_RULES: EligibilityRule[] = [
  {
    rule: 'FUND_OPEN',
    project: false,
    sql: FUND_OPEN_SQL,
    passed: 'The fund is open and its deadline has not passed',
    failed: 'The fund is not open for applications (draft, closed or past its deadline)',
  },
  {
    rule: 'ORGANIZATION_KIND',
    project: false,
    sql: `(cardinality(f.eligible_organization_kinds) = 0 OR o.kind::text = ANY(f.eligible_organization_kinds))`,
    passed: 'The organization is of a kind the fund accepts',
    failed: 'The fund does not accept organizations of this kind',
  },
  {
    rule: 'RESIDENCE',
    project: false,
    sql: `(cardinality(f.eligible_countries_of_residence) = 0 OR o.countries_of_residence && f.eligible_countries_of_residence)`,
    passed: 'The organization is based in a country the fund accepts',
    failed: 'The organization is not based in any country the fund accepts',
  },
  {
    rule: 'ORIGIN',
    project: false,
    sql: `(cardinality(f.eligible_countries_of_origin) = 0 OR o.countries_of_origin && f.eligible_countries_of_origin)`,
    passed: 'The organization represents a community the fund accepts',
    failed: 'The organization does not represent a diaspora community the fund accepts',
  },
  {
    rule: 'LEGAL_REGISTRATION',
    project: false,
    sql: `(NOT f.requires_legal_registration OR o.legally_registered)`,
    passed: 'Legal registration: the requirement is met',
    failed: 'The fund requires a legally registered organization',
  },
  {
    rule: 'VERIFICATION',
    project: false,
    sql: `(NOT f.requires_verification OR o.verification = 'VERIFIED')`,
    passed: 'Verification: the requirement is met',
    failed: 'The fund requires an organization verified on the platform',
  },
  {
    rule: 'ORGANIZATION_AGE',
    project: false,
    sql: `(f.min_organization_age_years IS NULL
      OR (o.founded_year IS NOT NULL AND o.founded_year <= date_part('year', now())::int - f.min_organization_age_years))`,
    passed: 'The organization is old enough for the fund',
    failed: 'The organization is younger than the fund requires (or its founding year is unknown)',
  },
  {
    rule: 'PROJECT_OWNER',
    project: true,
    sql: `(p.organization_id = o.id AND p.archived_at IS NULL)`,
    passed: 'The project belongs to the organization',
    failed: 'The project is not a live project of the organization',
  },
  {
    rule: 'IMPLEMENTATION',
    project: true,
    sql: `(cardinality(f.eligible_countries_of_implementation) = 0 OR p.countries && f.eligible_countries_of_implementation)`,
    passed: 'The project runs in a country the fund accepts',
    failed: 'The project does not run in any country the fund accepts',
  },
  {
    rule: 'PROJECT_KIND',
    project: true,
    sql: `(cardinality(f.eligible_project_kinds) = 0 OR p.kind::text = ANY(f.eligible_project_kinds))`,
    passed: 'The project is of a kind the fund accepts',
    failed: 'The fund does not accept projects of this kind',
  },
];

/** All rules ANDed, for WHERE clauses. */
export function eligibleSql(withProject: boolean): string {
  return ELIGIBILITY_RULES.filter((r) => withProject || !r.project)
    .map((r) => r.sql)
    .join('\n AND ');
}

const r4 = (sql: string) => `round((${sql})::numeric, 4)`;
const overlap = (fund: string, subject: string) =>
  `(SELECT count(*) FROM unnest(${fund}) x WHERE x = ANY(${subject}))`;

/** Each factor's points as SQL. `withProject` false scores the organization alone. */
export function scoreTermsSql(withProject: boolean): Record<keyof typeof W, string> {
  const themes = withProject ? '(p.themes || o.themes)' : 'o.themes';
  const vector = withProject ? '(o.search_vector || p.search_vector)' : 'o.search_vector';
  const sought = `p.funding_sought_amount`;
  return {
    THEMES: r4(`${W.THEMES} * ${overlap('f.themes', themes)} / greatest(cardinality(f.themes), 1)`),
    SDGS: withProject ? r4(`${W.SDGS} * ${overlap('f.sdgs', 'p.sdgs')} / greatest(cardinality(f.sdgs), 1)`) : '0::numeric',
    GEOGRAPHY: r4(
      `${W.GEOGRAPHY / 2} * (CASE WHEN o.countries_of_residence && f.eligible_countries_of_residence THEN 1 ELSE 0 END)
       + ${W.GEOGRAPHY / 2} * (CASE WHEN ${
         withProject
           ? 'p.countries && f.eligible_countries_of_implementation'
           : 'o.countries_of_origin && f.eligible_countries_of_origin'
       } THEN 1 ELSE 0 END)`,
    ),
    BUDGET: withProject
      ? r4(`CASE
          WHEN ${sought} IS NULL OR p.funding_sought_currency IS DISTINCT FROM f.currency THEN 0
          WHEN f.min_grant IS NOT NULL AND ${sought} < f.min_grant
            THEN ${W.BUDGET} * exp(-${BUDGET_DECAY} * (f.min_grant - ${sought}) / greatest(f.min_grant, 1))
          WHEN f.max_grant IS NOT NULL AND ${sought} > f.max_grant
            THEN ${W.BUDGET} * exp(-${BUDGET_DECAY} * (${sought} - f.max_grant) / greatest(f.max_grant, 1))
          ELSE ${W.BUDGET} END`)
      : '0::numeric',
    TEXT: r4(`${W.TEXT} * least(1, 2 * coalesce(ts_rank(${vector}, f.text_query, 32), 0))`),
    PRIORITY: r4(
      `CASE WHEN f.prioritizes_women_led AND f.prioritizes_youth_led
              THEN ${W.PRIORITY / 2} * (o.women_led::int + o.youth_led::int)
            WHEN f.prioritizes_women_led THEN ${W.PRIORITY} * o.women_led::int
            WHEN f.prioritizes_youth_led THEN ${W.PRIORITY} * o.youth_led::int
            ELSE 0 END`,
    ),
  };
}

/** SELECT list of the factor columns (pt_themes, …) and their sum as `score`. */
export function scoreSelectSql(withProject: boolean): string {
  const terms = scoreTermsSql(withProject);
  const columns = Object.entries(terms).map(([k, sql]) => `${sql} AS pt_${k.toLowerCase()}`);
  return `${columns.join(',\n ')},\n (${Object.values(terms).join(' + ')}) AS score`;
}

export const FACTORS = Object.keys(W) as Array<keyof typeof W>;
