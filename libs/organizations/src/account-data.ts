import { EntityManager } from 'typeorm';

/*
 * What libs/organizations holds about one user, for libs/account (deleteMyAccount, myDataExport).
 * Functions of the caller's transaction: they read and write this lib's tables only.
 */

/** An organization the user is the only OWNER of: deleting her account would leave it without one. */
export interface SoleOwnership {
  id: string;
  slug: string;
  name: string;
  /** Members besides her (who could be made OWNER). */
  otherMembers: number;
}

/**
 * The organizations whose only OWNER the user is, by name. Locks (FOR UPDATE, in id order) every
 * organization she owns first, as removeMember does before it counts owners, so that two co-owners
 * deleting their accounts at once cannot both leave.
 */
export async function soleOwnerships(manager: EntityManager, userId: string): Promise<SoleOwnership[]> {
  await manager.query(
    `SELECT o.id FROM organization o
      WHERE o.id IN (SELECT organization_id FROM membership WHERE user_id = $1 AND role = 'OWNER')
      ORDER BY o.id FOR UPDATE`,
    [userId],
  );
  const rows: Array<{ id: string; slug: string; name: string; other_members: number }> = await manager.query(
    `SELECT o.id, o.slug, o.name,
            (SELECT count(*)::int FROM membership x WHERE x.organization_id = o.id AND x.user_id <> $1) AS other_members
       FROM membership m JOIN organization o ON o.id = m.organization_id
      WHERE m.user_id = $1 AND m.role = 'OWNER'
        AND NOT EXISTS (SELECT 1 FROM membership m2
                         WHERE m2.organization_id = m.organization_id AND m2.role = 'OWNER' AND m2.user_id <> $1)
      ORDER BY o.name, o.id`,
    [userId],
  );
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, otherMembers: r.other_members }));
}

/**
 * Removes the user from every organization (her memberships) and forgets her address in member
 * invitations: pending invitations to it are REVOKED, and every invitation to it names
 * `replacementEmail` instead. Invitations she sent keep her id (the account row stays).
 * Answers the number of memberships removed.
 */
export async function forgetMember(
  manager: EntityManager,
  userId: string,
  email: string,
  replacementEmail: string,
): Promise<number> {
  await manager.query(
    `UPDATE member_invitation SET status = 'REVOKED', updated_at = now() WHERE email = $1 AND status = 'PENDING'`,
    [email],
  );
  await manager.query(`UPDATE member_invitation SET email = $2 WHERE email = $1`, [email, replacementEmail]);
  const [, removed]: [unknown, number] = await manager.query(`DELETE FROM membership WHERE user_id = $1`, [userId]);
  return removed;
}

/** The user's memberships (with the organizations' names and slugs), invitations and verification history. */
export async function organizationsPersonalData(manager: EntityManager, userId: string, email: string) {
  const rows = (sql: string, params: unknown[]) =>
    manager.query(sql, params).then((r: Array<{ row: unknown }>) => r.map((x) => x.row));
  return {
    memberships: await rows(
      `SELECT jsonb_build_object('organizationId', o.id, 'organizationSlug', o.slug, 'organizationName', o.name,
                                 'role', m.role, 'since', m.created_at) AS row
         FROM membership m JOIN organization o ON o.id = m.organization_id
        WHERE m.user_id = $1 ORDER BY m.created_at`,
      [userId],
    ),
    invitationsReceived: await rows(
      `SELECT to_jsonb(i) - 'token_hash' || jsonb_build_object('organization_name', o.name) AS row
         FROM member_invitation i JOIN organization o ON o.id = i.organization_id
        WHERE i.email = $1 ORDER BY i.created_at`,
      [email],
    ),
    invitationsSent: await rows(
      `SELECT to_jsonb(i) - 'token_hash' || jsonb_build_object('organization_name', o.name) AS row
         FROM member_invitation i JOIN organization o ON o.id = i.organization_id
        WHERE i.invited_by_id = $1 ORDER BY i.created_at`,
      [userId],
    ),
    verificationHistory: await rows(
      `SELECT to_jsonb(e) AS row FROM verification_event e WHERE e.actor_id = $1 ORDER BY e.created_at`,
      [userId],
    ),
  };
}
