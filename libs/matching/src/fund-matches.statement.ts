import {
  AWARDED_SQL,
  eligibleSql,
  FUND_ROW,
  MEASURED_RESULTS_SQL,
  pointColumnsSql,
  profileProjectsSql,
  projectRulesReachableSql,
  scoreBoundSql,
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
 * fundMatches scores exactly the funds with the highest bounds, this many per match asked for, to find
 * its floor (see `fundMatchesStatement`).
 */
export const FUND_SEEDS_PER_MATCH = 5;

/**
 * Above this many live projects an organization's projects taken together bound nothing (their
 * themes and countries cover most funds): fundMatches then scores every fund without computing bounds.
 * Measured on the benchmark's funds with 1–12 projects per organization: bounds saved 12–35 % up to 8
 * projects, nothing at 12 (the benchmark API's organization: 193 ms with them, 150 ms without).
 */
export const BOUNDED_PROJECTS = 8;

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
 *
 * Without a project, scoring every fund with every live project is the costly part, so the funds are
 * ranked in three exact steps, as fundCandidates ranks organizations: every open fund whose
 * organization rules the organization passes gets an upper bound of its score from the
 * organization's matching profile (its live projects taken together, TEXT at full weight); the
 * `seed` funds with the highest bounds are scored exactly, and the `first`-th best of these scores is
 * a floor; only the other funds whose bound reaches it are scored exactly too (all of them for an
 * organization with more than BOUNDED_PROJECTS live projects).
 */
export function fundMatchesStatement(
  organizationId: string,
  first: number,
  projectId: string | null = null,
  seed = first * FUND_SEEDS_PER_MATCH,
): SqlStatement {
  /** The eligible pairs of the funds `funds` (SQL joining `fund f`) and the project(s), scored. */
  const pairs = (funds: string) =>
    withScore(`SELECT f.id AS fund_id, f.deadline, o.id AS organization_id, p.id AS project_id,
              ${pointColumnsSql(scoreTermsSql(true, { record: 'o.track_record' }))}
         FROM subject o CROSS JOIN ${funds} JOIN project p
           ON ${projectId ? 'p.id = $3' : 'p.organization_id = o.id AND p.archived_at IS NULL'}
        WHERE true
          AND ${eligibleSql('both')}`);
  /** Each fund of the set `set` (of fund ids `id`) with its best eligible project. */
  const best = (
    set: string,
  ) => `SELECT DISTINCT ON (s.fund_id) s.* FROM (${pairs(`${set} c JOIN fund f ON f.id = c.id`)}) s
          ORDER BY s.fund_id, s.score DESC, s.project_id`;
  const order = 'ORDER BY score DESC, deadline ASC, fund_id ASC LIMIT $2';
  const ranked = projectId
    ? `${pairs('fund f')} ${order}`
    : `WITH bounds AS MATERIALIZED (
         SELECT f.id, CASE WHEN o.live_projects > ${BOUNDED_PROJECTS} THEN 'Infinity'::float8
                           ELSE ${scoreBoundSql(true, FUND_ROW)} END AS bound
           FROM organization_matching_profile o CROSS JOIN fund f CROSS JOIN LATERAL ${profileProjectsSql(FUND_ROW)}
          WHERE o.id = $1 AND o.live_projects > 0 AND ${eligibleSql('organization')} AND ${projectRulesReachableSql(FUND_ROW)}),
       seed AS MATERIALIZED (SELECT id FROM bounds ORDER BY bound DESC, id LIMIT $3),
       seeded AS MATERIALIZED (${best('seed')}),
       floor AS (
         SELECT coalesce((SELECT score FROM seeded ORDER BY score DESC OFFSET $2 - 1 LIMIT 1), 0) - 1e-9 AS score),
       survivors AS (
         SELECT id FROM bounds b
          WHERE bound >= (SELECT score FROM floor) AND NOT EXISTS (SELECT 1 FROM seed WHERE seed.id = b.id))
       SELECT * FROM ((SELECT * FROM seeded) UNION ALL (${best('survivors')})) b ${order}`;
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
  return { sql, params: projectId ? [organizationId, first, projectId] : [organizationId, first, seed] };
}
