import { EntityManager } from 'typeorm';
import { User } from '@app/auth';
import { AppConfig } from '@app/config';
import { queueEmail } from '@app/events';
import { languageOr, renderMail } from '@app/mail';
import { MemberInvitation } from './member-invitation.entity.js';
import { Organization } from './organization.entity.js';

/**
 * Writes the invitation e-mail to email_outbox in the caller's transaction and records the
 * EMAIL_QUEUED event that sends it after commit (libs/notifications). The token appears only in
 * this mail (and so in its outbox row): the invitation itself keeps its hash. The mail is in the
 * inviter's language: inviting never looks up the invited address's account, so that the answer
 * and its time are the same for any address.
 */
export async function queueInvitationMail(
  manager: EntityManager,
  config: AppConfig,
  organization: Organization,
  invitation: MemberInvitation,
  token: string,
): Promise<void> {
  const inviter = invitation.invitedById
    ? await manager.findOne(User, {
        where: { id: invitation.invitedById },
        select: { id: true, preferredLanguage: true },
      })
    : null;
  const days = Math.round((invitation.expiresAt.getTime() - Date.now()) / 86_400_000);
  const mail = renderMail(
    'memberInvitation',
    { organizationName: organization.name, organizationSlug: organization.slug, role: invitation.role, token, days },
    { webUrl: config.PUBLIC_WEB_URL, language: languageOr(inviter?.preferredLanguage) },
  );
  await queueEmail(manager, config, {
    userId: null,
    to: invitation.email,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    dedupeKey: `member-invitation:${invitation.tokenHash}`,
  });
}
