import { EntityManager } from 'typeorm';

/** The rows of one query, each a JSON object built by the query (`AS row`). */
const rows = (manager: EntityManager, sql: string, params: unknown[]): Promise<unknown[]> =>
  manager.query(sql, params).then((r: Array<{ row: unknown }>) => r.map((x) => x.row));

/**
 * What libs/capacity holds that a user wrote or did, for her data export (libs/account, myDataExport):
 * read in the caller's transaction from this lib's tables only.
 */
export async function capacityPersonalData(manager: EntityManager, userId: string) {
  return {
    assessmentsSubmitted: await rows(
      manager,
      `SELECT to_jsonb(x) AS row FROM capacity_assessment x WHERE x.submitted_by_id = $1 ORDER BY x.assessed_at, x.id`,
      [userId],
    ),
    trainingOffersCreated: await rows(
      manager,
      `SELECT to_jsonb(x) AS row FROM training_offer x WHERE x.created_by_id = $1 ORDER BY x.created_at, x.id`,
      [userId],
    ),
    enrolments: await rows(
      manager,
      `SELECT to_jsonb(x) AS row FROM enrolment x WHERE x.participant_id = $1 ORDER BY x.created_at, x.id`,
      [userId],
    ),
    enrolmentHistory: await rows(
      manager,
      `SELECT to_jsonb(x) AS row FROM enrolment_event x WHERE x.actor_id = $1 ORDER BY x.created_at, x.id`,
      [userId],
    ),
  };
}
