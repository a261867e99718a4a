import { EntityManager } from 'typeorm';

/*
 * What libs/notifications holds about one user, for libs/account (deleteMyAccount, myDataExport):
 * functions of the caller's transaction on this lib's tables only.
 */

/** Her notifications, her e-mail preference, and the e-mails sent to her (subject and dates; no body: bodies carried link tokens). */
export async function notificationsPersonalData(manager: EntityManager, userId: string, email: string) {
  const rows = (sql: string, params: unknown[]): Promise<unknown[]> =>
    manager.query(sql, params).then((r: Array<{ row: unknown }>) => r.map((x) => x.row));
  const [preference] = await manager.query(
    `SELECT email_frequency AS "emailFrequency", updated_at AS "updatedAt" FROM notification_preference WHERE user_id = $1`,
    [userId],
  );
  return {
    notificationPreference: preference ?? null,
    notifications: await rows(
      `SELECT to_jsonb(n) - 'dedupe_key' AS row FROM notification n WHERE n.user_id = $1 ORDER BY n.created_at, n.id`,
      [userId],
    ),
    emails: await rows(
      `SELECT jsonb_build_object('to', e.to_address, 'subject', e.subject, 'createdAt', e.created_at, 'sentAt', e.sent_at) AS row
         FROM email_outbox e WHERE e.user_id = $1 OR e.to_address = $2 ORDER BY e.created_at, e.id`,
      [userId, email],
    ),
  };
}

/** Deletes her notifications, her preference and every e-mail to her address or about her account. */
export async function forgetNotifications(manager: EntityManager, userId: string, email: string): Promise<void> {
  await manager.query(`DELETE FROM notification WHERE user_id = $1`, [userId]);
  await manager.query(`DELETE FROM notification_preference WHERE user_id = $1`, [userId]);
  await manager.query(`DELETE FROM email_outbox WHERE user_id = $1 OR to_address = $2`, [userId, email]);
}
