import {
  eligibleSql,
  FUND_COLUMNS,
  FundColumn,
  fundParams,
  POINT_COLUMNS,
  pointColumnsSql,
  scoreTermsSql,
  withScore,
} from '@app/matching';
import { NOTIFICATION_RETURNING } from './notifications.service.js';

const COLUMNS = Object.keys(FUND_COLUMNS) as FundColumn[];
/** Parameters before the fund's columns: $1 fund id, $2 funder id, $3 after, $4 up to, $5 threshold, $6 title. */
const F = fundParams(7);

/** The fund's columns as parameters (fundCandidates reads them the same way). */
export const FUND_PARAMS_SQL = `SELECT ${COLUMNS.map((c) => (c === 'text_query' ? 'text_query::text AS text_query' : c)).join(', ')},
       title, funder_id FROM fund WHERE id = $1`;

export function fundParamValues(fund: Record<string, unknown>): unknown[] {
  return COLUMNS.map((c) => fund[c]);
}

/**
 * One batch of the fund-published fan-out, in one statement: the organizations with ids in
 * ($3, $4] are matched exactly as fundCandidates does (the eligibility rules of libs/matching as
 * WHERE, the score as the sum of the same weighted terms, each organization with its best eligible
 * project), and the members of every organization scoring at least $5 get a FUND_MATCH
 * notification, once (ON CONFLICT DO NOTHING on the per-user dedupe key). $4 NULL = to the end.
 */
export const FAN_OUT_BATCH_SQL = (() => {
  const organizations = withScore(`
       SELECT o.id, o.name, o.themes, o.countries_of_origin, o.countries_of_residence, o.women_led, o.youth_led,
              ${pointColumnsSql(scoreTermsSql(false, F))}
         FROM organization o
        WHERE o.id > $3::uuid AND ($4::uuid IS NULL OR o.id <= $4::uuid) AND o.id <> $2::uuid
          AND ${eligibleSql('organization', F)}`);
  const projects = withScore(`
       SELECT p.organization_id, p.id, ${pointColumnsSql(scoreTermsSql(true, F, 'o.pt_text'))}
         FROM project p JOIN o ON o.id = p.organization_id
        WHERE ${eligibleSql('project', F)}`);
  return `WITH o AS MATERIALIZED (${organizations}),
     bp AS (SELECT DISTINCT ON (organization_id) * FROM (${projects}) scored ORDER BY organization_id, score DESC, id),
     matched AS (
       SELECT o.id, o.name, coalesce(bp.score, o.score) AS score
         FROM o LEFT JOIN bp ON bp.organization_id = o.id
        WHERE (bp.id IS NOT NULL
               OR (cardinality(${F('eligible_countries_of_implementation')}) = 0 AND cardinality(${F('eligible_project_kinds')}) = 0))
          AND coalesce(bp.score, o.score) >= $5::float8)
     INSERT INTO notification (user_id, kind, title, body, link, dedupe_key)
     SELECT m.user_id, 'FUND_MATCH', left('New fund for ' || matched.name || ': ' || $6::text, 300),
            '"' || $6::text || '" fits ' || matched.name || ' (match score ' || to_char(matched.score, 'FM0.00')
              || '). Deadline: ' || to_char(${F('deadline')} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
            '/funds/' || $1::text, 'FUND_MATCH:' || $1::text || ':' || matched.id::text
       FROM matched JOIN membership m ON m.organization_id = matched.id
     ON CONFLICT (user_id, dedupe_key) DO NOTHING
     ${NOTIFICATION_RETURNING}`;
})();

/** The upper bound of the next batch: the id of the `size`-th organization after `after` (null = the rest). */
export const BATCH_BOUND_SQL = `SELECT id FROM organization WHERE id > $1::uuid ORDER BY id OFFSET $2 - 1 LIMIT 1`;

export const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export { POINT_COLUMNS };
