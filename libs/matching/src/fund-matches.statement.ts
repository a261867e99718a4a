import { eligibleSql, pointColumnsSql, scoreTermsSql, withScore } from './fund-matching.sql.js';

/** One SQL statement and its parameters (node-postgres style: $1, $2, …). */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * The statement `fundMatches(organizationId, projectId, first)` runs: the first `first` open funds
 * the organization's project `projectId` qualifies for, or (without a project) that at least one
 * of the organization's live projects qualifies for, each with its best project; ranked by score,
 * nearest deadline, id. Pure (no database access): a benchmark runs the very same SQL elsewhere.
 */
export function fundMatchesStatement(
  organizationId: string,
  first: number,
  projectId: string | null = null,
): SqlStatement {
  const inner = `SELECT f.id AS fund_id, f.deadline, o.id AS organization_id, p.id AS project_id,
              ${pointColumnsSql(scoreTermsSql(true))}
         FROM fund f, organization o, project p
        WHERE o.id = $1 AND ${projectId ? 'p.id = $3' : 'p.organization_id = o.id AND p.archived_at IS NULL'}
          AND ${eligibleSql('both')}`;
  const sql = projectId
    ? `${withScore(inner)} ORDER BY score DESC, deadline ASC, fund_id ASC LIMIT $2`
    : `SELECT * FROM (SELECT DISTINCT ON (s.fund_id) s.* FROM (${withScore(inner)}) s
          ORDER BY s.fund_id, s.score DESC, s.project_id) best
          ORDER BY score DESC, deadline ASC, fund_id ASC LIMIT $2`;
  return { sql, params: projectId ? [organizationId, first, projectId] : [organizationId, first] };
}
