import { AppConfig } from '@app/config';
import type { QueuedEmail } from '@app/events';
import { Language, languageOr, renderMail } from '@app/mail';

/** The mail with the confirmation link of a new address (the token is only in this mail). */
export function registrationLinkMail(
  config: AppConfig,
  email: string,
  token: string,
  tokenHash: string,
  hours: number,
  language: Language = 'en',
): QueuedEmail {
  const mail = renderMail('registrationLink', { token, hours }, { webUrl: config.PUBLIC_WEB_URL, language });
  return { userId: null, to: email, ...textAndHtml(mail), dedupeKey: `registration:${tokenHash}` };
}

/** The notice to the owner of an address that has an account, instead of a link (nothing reveals which was sent). */
export function registrationNoticeMail(
  config: AppConfig,
  user: { id: string; email: string; preferredLanguage?: string },
  noticeId: string,
): QueuedEmail {
  const mail = renderMail(
    'registrationNotice',
    {},
    { webUrl: config.PUBLIC_WEB_URL, language: languageOr(user.preferredLanguage) },
  );
  return { userId: user.id, to: user.email, ...textAndHtml(mail), dedupeKey: `registration-notice:${noticeId}` };
}

/** A rendered mail's parts as QueuedEmail fields. */
export function textAndHtml(mail: { subject: string; text: string; html: string }) {
  return { subject: mail.subject, text: mail.text, html: mail.html };
}
