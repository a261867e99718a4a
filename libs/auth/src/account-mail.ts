import { randomUUID } from 'node:crypto';
import { AppConfig } from '@app/config';
import type { QueuedEmail } from '@app/events';
import { Language, languageOr, MailTemplateName, MailTemplateParams, renderMail } from '@app/mail';

/**
 * A mail of the account workflows (password reset, password changed, e-mail change), rendered in
 * `language` with links to PUBLIC_WEB_URL. `dedupeKey` names the mail in email_outbox; a notice
 * that carries no token gets a random one.
 */
export function accountMail<K extends MailTemplateName>(
  config: AppConfig,
  template: K,
  params: MailTemplateParams[K],
  to: { userId: string | null; email: string; language?: string | Language | null },
  dedupeKey = `${template}:${randomUUID()}`,
): QueuedEmail {
  const mail = renderMail(template, params, { webUrl: config.PUBLIC_WEB_URL, language: languageOr(to.language) });
  return { userId: to.userId, to: to.email, subject: mail.subject, text: mail.text, html: mail.html, dedupeKey };
}
