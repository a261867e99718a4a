import { EntityManager } from 'typeorm';

/** The rows of one query, each a JSON object built by the query (`AS row`). */
const rows = (manager: EntityManager, sql: string, params: unknown[]): Promise<unknown[]> =>
  manager.query(sql, params).then((r: Array<{ row: unknown }>) => r.map((x) => x.row));

/**
 * What libs/projects holds that a user wrote or did, for her data export (libs/account, myDataExport):
 * read in the caller's transaction from this lib's tables only.
 */
export async function projectsPersonalData(manager: EntityManager, userId: string) {
  return {
    projectsCreated: await rows(
      manager,
      `SELECT to_jsonb(x) AS row FROM project x WHERE x.created_by_id = $1 ORDER BY x.created_at, x.id`,
      [userId],
    ),
    indicatorChanges: await rows(
      manager,
      `SELECT to_jsonb(x) AS row FROM indicator_change x WHERE x.actor_id = $1 ORDER BY x.created_at, x.id`,
      [userId],
    ),
  };
}
