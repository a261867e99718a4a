import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { recordEvent } from './record-event.js';

export interface QueuedEmail {
  /** The account the mail is about, or null for an address without one (yet). */
  userId: string | null;
  to: string;
  subject: string;
  text: string;
  /** The HTML part (rendered with the text by libs/mail's renderMail). */
  html?: string | null;
  /** Unique per mail (UQ_email_outbox_dedupe): the EMAIL_QUEUED event names the mail by it. */
  dedupeKey: string;
}

/**
 * Writes a mail to email_outbox in the caller's transaction and records the EMAIL_QUEUED event
 * that sends it after commit (libs/notifications); a rollback discards both. Used for mails that
 * carry a secret (invitation and registration tokens): the secret is only in the mail, never in
 * the row that refers to it.
 */
export async function queueEmail(manager: EntityManager, config: AppConfig, mail: QueuedEmail): Promise<void> {
  await manager.query(
    `INSERT INTO email_outbox (user_id, to_address, subject, body, html_body, dedupe_key, transport)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      mail.userId,
      mail.to,
      mail.subject.slice(0, 300),
      mail.text,
      mail.html ?? null,
      mail.dedupeKey,
      config.SMTP_URL ? 'smtp' : 'log',
    ],
  );
  await recordEvent(manager, { type: 'EMAIL_QUEUED', payload: { dedupeKey: mail.dedupeKey } });
}
