import { AppConfig } from '@app/config';
import type { QueuedEmail } from '@app/events';

/** The mail with the confirmation link of a new address (the token is only in this mail). */
export function registrationLinkMail(
  config: AppConfig,
  email: string,
  token: string,
  tokenHash: string,
  hours: number,
): QueuedEmail {
  return {
    userId: null,
    to: email,
    subject: 'Confirm your e-mail address for Diaspora Nexus',
    text:
      'Someone, probably you, asked to create a Diaspora Nexus account with this e-mail address.\n\n' +
      `To choose your name and password and create the account, open this link within ${hours} hours:\n` +
      `${config.PUBLIC_WEB_URL}/register/${token}\n\n` +
      'The link works once. If you did not ask for an account, ignore this e-mail: none is created.',
    dedupeKey: `registration:${tokenHash}`,
  };
}

/** The notice to the owner of an address that has an account, instead of a link (nothing reveals which was sent). */
export function registrationNoticeMail(
  config: AppConfig,
  user: { id: string; email: string },
  noticeId: string,
): QueuedEmail {
  return {
    userId: user.id,
    to: user.email,
    subject: 'Someone tried to register with your e-mail address',
    text:
      'Someone tried to create a new Diaspora Nexus account with this e-mail address, which already has an account.\n\n' +
      `If it was you, sign in at ${config.PUBLIC_WEB_URL} with this address, or reset your password if you ` +
      'no longer know it.\n\n' +
      'If it was not you, you can ignore this e-mail: nothing was changed and no new account was created.',
    dedupeKey: `registration-notice:${noticeId}`,
  };
}
