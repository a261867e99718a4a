import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { queueEmail } from '@app/events';
import { MemberInvitation } from './member-invitation.entity.js';
import { Organization } from './organization.entity.js';

/**
 * Writes the invitation e-mail to email_outbox in the caller's transaction and records the
 * EMAIL_QUEUED event that sends it after commit (libs/notifications). The token appears only in
 * this mail (and so in its outbox row): the invitation itself keeps its hash.
 */
export async function queueInvitationMail(
  manager: EntityManager,
  config: AppConfig,
  organization: Organization,
  invitation: MemberInvitation,
  token: string,
): Promise<void> {
  const dedupeKey = `member-invitation:${invitation.tokenHash}`;
  const link = `${config.PUBLIC_WEB_URL}/invitations/${token}`;
  const days = Math.round((invitation.expiresAt.getTime() - Date.now()) / 86_400_000);
  const text =
    `You are invited to join ${organization.name} on Diaspora Nexus as ${invitation.role}.\n\n` +
    `Accept or decline the invitation within ${days} days:\n${link}\n\n` +
    'If you did not expect this invitation, you can ignore this e-mail.';
  await queueEmail(manager, config, {
    userId: null,
    to: invitation.email,
    subject: `Invitation to join ${organization.name}`,
    text,
    dedupeKey,
  });
}
