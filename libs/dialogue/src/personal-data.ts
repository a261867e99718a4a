import { EntityManager } from 'typeorm';

/** The rows of one query, each a JSON object built by the query (`AS row`). */
const rows = (manager: EntityManager, sql: string, params: unknown[]): Promise<unknown[]> =>
  manager.query(sql, params).then((r: Array<{ row: unknown }>) => r.map((x) => x.row));

/**
 * What libs/dialogue holds that a user wrote or did, for her data export (libs/account, myDataExport):
 * read in the caller's transaction from this lib's tables only.
 */
export async function dialoguePersonalData(manager: EntityManager, userId: string) {
  return {
    consultationsCreated: await rows(
      manager,
      `SELECT to_jsonb(x) AS row FROM consultation x WHERE x.created_by_id = $1 ORDER BY x.created_at, x.id`,
      [userId],
    ),
    consultationInvitationsSent: await rows(
      manager,
      `SELECT to_jsonb(x) AS row FROM consultation_invitation x WHERE x.invited_by_id = $1 ORDER BY x.created_at, x.id`,
      [userId],
    ),
    contributions: await rows(
      manager,
      `SELECT to_jsonb(x) AS row FROM contribution x WHERE x.author_id = $1 ORDER BY x.created_at, x.id`,
      [userId],
    ),
    consultationHistory: await rows(
      manager,
      `SELECT to_jsonb(x) AS row FROM consultation_event x WHERE x.actor_id = $1 ORDER BY x.created_at, x.id`,
      [userId],
    ),
  };
}
