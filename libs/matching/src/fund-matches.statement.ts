import {
  AWARDED_SQL,
  eligibleSql,
  MEASURED_RESULTS_SQL,
  pointColumnsSql,
  scoreTermsSql,
  trackRecordSql,
  withScore,
} from './fund-matching.sql.js';
import { jsonRowSql } from './hydrate.js';

/** One SQL statement and its parameters (node-postgres style: $1, $2, …). */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * What the reasons of a match need besides its points, for a row whose organization is `o` and
 * project `p`, with a fund in the currency `fundCurrency` (SQL): whether the organization was ever awarded a grant (PRIORITY's first-time
 * applicants, CAPACITY's track record), whether it completed a project with measured results (CAPACITY) and, when the project seeks money in another currency than the fund's, the current
 * reference rates of both currencies (BUDGET's conversion), as { currency: { unitsPerEur, rateDate } }.
 */
export const reasonFactsSql = (fundCurrency: string) => `${AWARDED_SQL()} AS awarded,
       ${MEASURED_RESULTS_SQL()} AS measured_results,
       CASE WHEN p.funding_sought_currency <> ${fundCurrency} THEN (
         SELECT jsonb_object_agg(r.currency, jsonb_build_object('unitsPerEur', r.units_per_eur::float8,
                                                               'rateDate', to_char(r.rate_date, 'YYYY-MM-DD')))
           FROM (VALUES (p.funding_sought_currency), (${fundCurrency})) c(currency)
          CROSS JOIN LATERAL (SELECT e.currency, e.rate_date, e.units_per_eur FROM exchange_rate e
                               WHERE e.currency = c.currency ORDER BY e.rate_date DESC LIMIT 1) r) END AS rates`;

/**
 * The statement `fundMatches(organizationId, projectId, first)` runs, and all it reads: the first
 * `first` open funds the organization's project `projectId` qualifies for, or (without a project)
 * that at least one of the organization's live projects qualifies for, each with its best project;
 * ranked by score, nearest deadline, id. Pure (no database access): a benchmark runs the very same SQL.
 *
 * One row per match, in rank order, each with its points (pt_*), score, the fund, project and
 * organization rows as JSON (fund_row, project_row, organization_row: what the answer shows and
 * the reasons name) and the reasons' facts (awarded, rates: `reasonFactsSql`); so the API reads nothing else. No row
 * at all: no such organization. One row with a null fund_id: no match (then project_row is the
 * project asked about, null when there is no such project).
 */
export function fundMatchesStatement(
  organizationId: string,
  first: number,
  projectId: string | null = null,
): SqlStatement {
  const inner = `SELECT f.id AS fund_id, f.deadline, o.id AS organization_id, p.id AS project_id,
              ${pointColumnsSql(scoreTermsSql(true, { record: 'o.track_record' }))}
         FROM subject o CROSS JOIN fund f JOIN project p
           ON ${projectId ? 'p.id = $3' : 'p.organization_id = o.id AND p.archived_at IS NULL'}
        WHERE true
          AND ${eligibleSql('both')}`;
  const ranked = projectId
    ? `${withScore(inner)} ORDER BY score DESC, deadline ASC, fund_id ASC LIMIT $2`
    : `SELECT * FROM (SELECT DISTINCT ON (s.fund_id) s.* FROM (${withScore(inner)}) s
          ORDER BY s.fund_id, s.score DESC, s.project_id) best
          ORDER BY score DESC, deadline ASC, fund_id ASC LIMIT $2`;
  // The organization is read once (subject), its own rules weighed against each open fund before
  // its projects are joined.
  const sql = `WITH subject AS MATERIALIZED (SELECT o.*, ${trackRecordSql()} AS track_record FROM organization o WHERE id = $1)
SELECT o.id AS subject_id, m.*, ${jsonRowSql('f')} AS fund_row, ${jsonRowSql('p')} AS project_row,
       ${jsonRowSql('o')} AS organization_row, ${reasonFactsSql('f.currency')}
  FROM subject o
  LEFT JOIN (${ranked}) m ON true
  LEFT JOIN fund f ON f.id = m.fund_id
  LEFT JOIN project p ON p.id = ${projectId ? '$3' : 'm.project_id'}
 ORDER BY m.score DESC, m.deadline ASC, m.fund_id ASC`;
  return { sql, params: projectId ? [organizationId, first, projectId] : [organizationId, first] };
}
