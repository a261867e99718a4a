import { EntityManager } from 'typeorm';

/**
 * What libs/exports holds of a user, for her data export (libs/account, myDataExport): her calendar
 * feeds (dates and whether revoked; never the secret's hash), read in the caller's transaction.
 */
export async function exportsPersonalData(manager: EntityManager, userId: string) {
  const feeds: Array<{ row: unknown }> = await manager.query(
    `SELECT to_jsonb(x) - 'secret_hash' AS row FROM calendar_feed x WHERE x.user_id = $1 ORDER BY x.created_at, x.id`,
    [userId],
  );
  return { calendarFeeds: feeds.map((x) => x.row) };
}

/** When her account is deleted (deleteMyAccount, in its transaction): her live calendar feeds stop answering. */
export async function revokeCalendarFeeds(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`UPDATE calendar_feed SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
    userId,
  ]);
}
