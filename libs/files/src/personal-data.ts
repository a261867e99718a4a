import { EntityManager } from 'typeorm';

/**
 * What libs/files holds that a user did, for her data export (libs/account, myDataExport): the
 * files she uploaded (name, type, size, checksum, owner, dates; not where the bytes are stored) and
 * her upload tickets, read in the caller's transaction from this lib's tables only.
 */
export async function filesPersonalData(manager: EntityManager, userId: string) {
  const rows = (sql: string): Promise<unknown[]> =>
    manager.query(sql, [userId]).then((r: Array<{ row: unknown }>) => r.map((x) => x.row));
  return {
    filesUploaded: await rows(
      `SELECT to_jsonb(x) - 'storage_key' AS row FROM stored_file x WHERE x.uploaded_by_id = $1 ORDER BY x.created_at, x.id`,
    ),
    uploadTickets: await rows(
      `SELECT to_jsonb(x) AS row FROM file_upload x WHERE x.created_by_id = $1 ORDER BY x.created_at, x.id`,
    ),
  };
}
