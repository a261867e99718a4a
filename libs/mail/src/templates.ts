import { Language } from './languages.js';
import { Block, renderBlocks, RenderedMail } from './render.js';

/**
 * The web portal's pages that mails link to: PUBLIC_WEB_URL + one of these paths. Values are
 * URL-encoded here, so a template never builds a path by hand.
 */
export const WEB_PATHS = {
  home: () => '/',
  register: (token: string) => `/register/${encodeURIComponent(token)}`,
  resetPassword: (token?: string) => (token ? `/reset-password?token=${encodeURIComponent(token)}` : '/reset-password'),
  confirmEmail: (token: string) => `/confirm-email?token=${encodeURIComponent(token)}`,
  invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  organization: (slug: string) => `/organizations/${encodeURIComponent(slug)}`,
  fund: (id: string) => `/funds/${encodeURIComponent(id)}`,
  application: (id: string) => `/applications/${encodeURIComponent(id)}`,
  security: () => '/settings/security',
  notificationSettings: () => '/settings/notifications',
} as const;

/** Every mail the platform sends, with the values each one needs. */
export interface MailTemplateParams {
  /** startRegistration, new address: the link that creates the account. */
  registrationLink: { token: string; hours: number };
  /** startRegistration, an address that has an account: a notice instead of a link. */
  registrationNotice: Record<string, never>;
  /** requestPasswordReset, an address that has an account: the single-use link. */
  passwordReset: { token: string; minutes: number };
  /** requestPasswordReset, an address without an account: a notice instead of a link. */
  passwordResetNoAccount: Record<string, never>;
  /** resetPassword or changePassword succeeded: a notice to the account's address. */
  passwordChanged: { how: 'reset' | 'change' };
  /** requestEmailChange: the link that confirms the new address, sent to the new address. */
  emailChangeConfirm: { token: string; hours: number; newEmail: string };
  /** requestEmailChange: the notice to the current address. */
  emailChangeNotice: { newEmail: string };
  /** requestEmailChange to an address that has an account: a notice to that address instead of a link. */
  emailChangeTaken: Record<string, never>;
  /** inviteOrganizationMember. */
  memberInvitation: { organizationName: string; organizationSlug: string; role: string; token: string; days: number };
  /** One notification (IMMEDIATE e-mails); `path` is the notification's link in the web portal. */
  notification: { title: string; body: string; path: string | null };
  /** The daily digest of pending notifications. */
  notificationDigest: { items: Array<{ title: string; body: string; path: string | null }> };
}

export type MailTemplateName = keyof MailTemplateParams;

/** Where a mail is rendered for: the portal's base URL (PUBLIC_WEB_URL) and the reader's language. */
export interface MailContext {
  webUrl: string;
  language: Language;
}

type Url = (path: string) => string;
type Written = { subject: string; blocks: Block[] };
type Template<K extends MailTemplateName> = (params: MailTemplateParams[K], url: Url, web: string) => Written;
type Catalogue = { [K in MailTemplateName]: Template<K> };

const ROLE = {
  en: { OWNER: 'owner', ADMIN: 'administrator', MEMBER: 'member' },
  fr: { OWNER: 'propriétaire', ADMIN: 'administrateur', MEMBER: 'membre' },
} as const;
const roleName = (language: Language, role: string) =>
  (ROLE[language] as Record<string, string>)[role] ?? role.toLowerCase();

const FOOTER: Record<Language, (web: string) => string> = {
  en: (web) =>
    `Diaspora Nexus · ${web}\nThis e-mail was sent because of an account or a request made with this address.`,
  fr: (web) =>
    `Diaspora Nexus · ${web}\nCet e-mail a été envoyé en raison d’un compte ou d’une demande faite avec cette adresse.`,
};

const en: Catalogue = {
  registrationLink: ({ token, hours }, url) => ({
    subject: 'Confirm your e-mail address for Diaspora Nexus',
    blocks: [
      { p: 'Someone, probably you, asked to create a Diaspora Nexus account with this e-mail address.' },
      {
        lead: `To choose your name and password and create the account, open this link within ${hours} hours:`,
        label: 'Create my account',
        url: url(WEB_PATHS.register(token)),
      },
      { p: 'The link works once. If you did not ask for an account, ignore this e-mail: none is created.' },
    ],
  }),
  registrationNotice: (_, url, web) => ({
    subject: 'Someone tried to register with your e-mail address',
    blocks: [
      {
        p: 'Someone tried to create a new Diaspora Nexus account with this e-mail address, which already has an account.',
      },
      {
        p: `If it was you, sign in at ${web} with this address, or reset your password at ${url(WEB_PATHS.resetPassword())} if you no longer know it.`,
      },
      { p: 'If it was not you, you can ignore this e-mail: nothing was changed and no new account was created.' },
    ],
  }),
  passwordReset: ({ token, minutes }, url) => ({
    subject: 'Reset your Diaspora Nexus password',
    blocks: [
      { p: 'Someone, probably you, asked to reset the password of the Diaspora Nexus account of this e-mail address.' },
      {
        lead: `To choose a new password, open this link within ${minutes} minutes:`,
        label: 'Choose a new password',
        url: url(WEB_PATHS.resetPassword(token)),
      },
      {
        p: 'The link works once. Choosing a new password signs you out everywhere. If you did not ask for it, ignore this e-mail: your password stays the same.',
      },
    ],
  }),
  passwordResetNoAccount: (_, url) => ({
    subject: 'Password reset requested for Diaspora Nexus',
    blocks: [
      {
        p: 'Someone asked to reset the password of a Diaspora Nexus account with this e-mail address, but no account uses this address.',
      },
      {
        p: `If you meant to create an account, start at ${url(WEB_PATHS.home())}. If you signed up with another address, ask for the reset with that one.`,
      },
      { p: 'If it was not you, you can ignore this e-mail.' },
    ],
  }),
  passwordChanged: ({ how }, url) => ({
    subject: 'Your Diaspora Nexus password was changed',
    blocks: [
      {
        p:
          how === 'reset'
            ? 'The password of your Diaspora Nexus account was reset with a link sent to this address. Every session was signed out.'
            : 'The password of your Diaspora Nexus account was changed. Your other sessions were signed out.',
      },
      {
        lead: 'If it was not you, reset your password at once and check your sessions:',
        label: 'Reset my password',
        url: url(WEB_PATHS.resetPassword()),
      },
    ],
  }),
  emailChangeConfirm: ({ token, hours, newEmail }, url) => ({
    subject: 'Confirm your new e-mail address for Diaspora Nexus',
    blocks: [
      { p: `Someone, probably you, asked to use ${newEmail} for a Diaspora Nexus account.` },
      {
        lead: `To confirm this address, open this link within ${hours} hours:`,
        label: 'Confirm my new address',
        url: url(WEB_PATHS.confirmEmail(token)),
      },
      {
        p: 'The link works once. Until it is used, the account keeps its current address. If it was not you, ignore this e-mail.',
      },
    ],
  }),
  emailChangeNotice: ({ newEmail }, url) => ({
    subject: 'A change of your Diaspora Nexus e-mail address was requested',
    blocks: [
      {
        p: `Someone signed in to your Diaspora Nexus account asked to change its e-mail address to ${newEmail}. The address changes only once the link sent to ${newEmail} is opened.`,
      },
      {
        lead: 'If it was not you, change your password now: it stops the change and signs out everyone else.',
        label: 'Secure my account',
        url: url(WEB_PATHS.security()),
      },
    ],
  }),
  emailChangeTaken: (_, url) => ({
    subject: 'Someone tried to use your e-mail address for another account',
    blocks: [
      {
        p: 'Someone signed in to a Diaspora Nexus account asked to move it to this e-mail address, which already has an account of its own. Nothing was changed.',
      },
      {
        p: `If it was you, sign in with this address at ${url(WEB_PATHS.home())}. Otherwise you can ignore this e-mail.`,
      },
    ],
  }),
  memberInvitation: ({ organizationName, organizationSlug, role, token, days }, url) => ({
    subject: `Invitation to join ${organizationName}`,
    blocks: [
      { p: `You are invited to join ${organizationName} on Diaspora Nexus as ${roleName('en', role)}.` },
      {
        lead: `Accept or decline the invitation within ${days} days:`,
        label: 'Answer the invitation',
        url: url(WEB_PATHS.invitation(token)),
      },
      { p: `About ${organizationName}: ${url(WEB_PATHS.organization(organizationSlug))}` },
      { p: 'If you did not expect this invitation, you can ignore this e-mail.' },
    ],
  }),
  notification: ({ title, body, path }, url) => ({
    subject: title,
    blocks: [
      { h: title },
      { p: body },
      ...(path ? [{ lead: 'Details:', label: 'Open in Diaspora Nexus', url: url(path) }] : []),
      { p: `Choose how often you get these e-mails: ${url(WEB_PATHS.notificationSettings())}` },
    ],
  }),
  notificationDigest: ({ items }, url) => ({
    subject: `Diaspora Nexus: ${items.length} new notification${items.length === 1 ? '' : 's'}`,
    blocks: [
      ...items.map((i) => ({ title: i.title, body: i.body, url: i.path ? url(i.path) : null, open: 'Open' })),
      { p: `Choose how often you get these e-mails: ${url(WEB_PATHS.notificationSettings())}` },
    ],
  }),
};

const fr: Catalogue = {
  registrationLink: ({ token, hours }, url) => ({
    subject: 'Confirmez votre adresse e-mail pour Diaspora Nexus',
    blocks: [
      { p: 'Quelqu’un, probablement vous, a demandé à créer un compte Diaspora Nexus avec cette adresse e-mail.' },
      {
        lead: `Pour choisir votre nom et votre mot de passe et créer le compte, ouvrez ce lien dans les ${hours} heures :`,
        label: 'Créer mon compte',
        url: url(WEB_PATHS.register(token)),
      },
      {
        p: 'Le lien ne fonctionne qu’une fois. Si vous n’avez pas demandé de compte, ignorez cet e-mail : aucun compte n’est créé.',
      },
    ],
  }),
  registrationNotice: (_, url, web) => ({
    subject: 'Quelqu’un a tenté de s’inscrire avec votre adresse e-mail',
    blocks: [
      {
        p: 'Quelqu’un a tenté de créer un nouveau compte Diaspora Nexus avec cette adresse e-mail, qui a déjà un compte.',
      },
      {
        p: `Si c’était vous, connectez-vous sur ${web} avec cette adresse, ou réinitialisez votre mot de passe sur ${url(WEB_PATHS.resetPassword())} si vous l’avez oublié.`,
      },
      {
        p: 'Si ce n’était pas vous, vous pouvez ignorer cet e-mail : rien n’a été modifié et aucun compte n’a été créé.',
      },
    ],
  }),
  passwordReset: ({ token, minutes }, url) => ({
    subject: 'Réinitialisez votre mot de passe Diaspora Nexus',
    blocks: [
      {
        p: 'Quelqu’un, probablement vous, a demandé à réinitialiser le mot de passe du compte Diaspora Nexus de cette adresse e-mail.',
      },
      {
        lead: `Pour choisir un nouveau mot de passe, ouvrez ce lien dans les ${minutes} minutes :`,
        label: 'Choisir un nouveau mot de passe',
        url: url(WEB_PATHS.resetPassword(token)),
      },
      {
        p: 'Le lien ne fonctionne qu’une fois. Choisir un nouveau mot de passe vous déconnecte partout. Si vous ne l’avez pas demandé, ignorez cet e-mail : votre mot de passe reste le même.',
      },
    ],
  }),
  passwordResetNoAccount: (_, url) => ({
    subject: 'Réinitialisation de mot de passe demandée pour Diaspora Nexus',
    blocks: [
      {
        p: 'Quelqu’un a demandé à réinitialiser le mot de passe d’un compte Diaspora Nexus avec cette adresse e-mail, mais aucun compte n’utilise cette adresse.',
      },
      {
        p: `Pour créer un compte, commencez sur ${url(WEB_PATHS.home())}. Si vous vous êtes inscrit avec une autre adresse, faites la demande avec celle-ci.`,
      },
      { p: 'Si ce n’était pas vous, vous pouvez ignorer cet e-mail.' },
    ],
  }),
  passwordChanged: ({ how }, url) => ({
    subject: 'Votre mot de passe Diaspora Nexus a été modifié',
    blocks: [
      {
        p:
          how === 'reset'
            ? 'Le mot de passe de votre compte Diaspora Nexus a été réinitialisé avec un lien envoyé à cette adresse. Toutes les sessions ont été déconnectées.'
            : 'Le mot de passe de votre compte Diaspora Nexus a été modifié. Vos autres sessions ont été déconnectées.',
      },
      {
        lead: 'Si ce n’était pas vous, réinitialisez votre mot de passe tout de suite et vérifiez vos sessions :',
        label: 'Réinitialiser mon mot de passe',
        url: url(WEB_PATHS.resetPassword()),
      },
    ],
  }),
  emailChangeConfirm: ({ token, hours, newEmail }, url) => ({
    subject: 'Confirmez votre nouvelle adresse e-mail pour Diaspora Nexus',
    blocks: [
      { p: `Quelqu’un, probablement vous, a demandé à utiliser ${newEmail} pour un compte Diaspora Nexus.` },
      {
        lead: `Pour confirmer cette adresse, ouvrez ce lien dans les ${hours} heures :`,
        label: 'Confirmer ma nouvelle adresse',
        url: url(WEB_PATHS.confirmEmail(token)),
      },
      {
        p: 'Le lien ne fonctionne qu’une fois. Tant qu’il n’est pas utilisé, le compte garde son adresse actuelle. Si ce n’était pas vous, ignorez cet e-mail.',
      },
    ],
  }),
  emailChangeNotice: ({ newEmail }, url) => ({
    subject: 'Un changement de votre adresse e-mail Diaspora Nexus a été demandé',
    blocks: [
      {
        p: `Quelqu’un connecté à votre compte Diaspora Nexus a demandé à remplacer son adresse e-mail par ${newEmail}. L’adresse ne change qu’une fois ouvert le lien envoyé à ${newEmail}.`,
      },
      {
        lead: 'Si ce n’était pas vous, changez votre mot de passe maintenant : cela arrête le changement et déconnecte tous les autres.',
        label: 'Sécuriser mon compte',
        url: url(WEB_PATHS.security()),
      },
    ],
  }),
  emailChangeTaken: (_, url) => ({
    subject: 'Quelqu’un a tenté d’utiliser votre adresse e-mail pour un autre compte',
    blocks: [
      {
        p: 'Quelqu’un connecté à un compte Diaspora Nexus a demandé à lui donner cette adresse e-mail, qui a déjà son propre compte. Rien n’a été modifié.',
      },
      {
        p: `Si c’était vous, connectez-vous avec cette adresse sur ${url(WEB_PATHS.home())}. Sinon, vous pouvez ignorer cet e-mail.`,
      },
    ],
  }),
  memberInvitation: ({ organizationName, organizationSlug, role, token, days }, url) => ({
    subject: `Invitation à rejoindre ${organizationName}`,
    blocks: [
      {
        p: `Vous êtes invité·e à rejoindre ${organizationName} sur Diaspora Nexus en tant que ${roleName('fr', role)}.`,
      },
      {
        lead: `Acceptez ou refusez l’invitation dans les ${days} jours :`,
        label: 'Répondre à l’invitation',
        url: url(WEB_PATHS.invitation(token)),
      },
      { p: `À propos de ${organizationName} : ${url(WEB_PATHS.organization(organizationSlug))}` },
      { p: 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail.' },
    ],
  }),
  notification: ({ title, body, path }, url) => ({
    subject: title,
    blocks: [
      { h: title },
      { p: body },
      ...(path ? [{ lead: 'Détails :', label: 'Ouvrir dans Diaspora Nexus', url: url(path) }] : []),
      { p: `Choisissez la fréquence de ces e-mails : ${url(WEB_PATHS.notificationSettings())}` },
    ],
  }),
  notificationDigest: ({ items }, url) => ({
    subject: `Diaspora Nexus : ${items.length} nouvelle${items.length === 1 ? '' : 's'} notification${items.length === 1 ? '' : 's'}`,
    blocks: [
      ...items.map((i) => ({ title: i.title, body: i.body, url: i.path ? url(i.path) : null, open: 'Ouvrir' })),
      { p: `Choisissez la fréquence de ces e-mails : ${url(WEB_PATHS.notificationSettings())}` },
    ],
  }),
};

const CATALOGUES: Record<Language, Catalogue> = { en, fr };

/**
 * Renders one mail in the reader's language: subject, plain text and HTML (every value escaped in
 * HTML), with links to PUBLIC_WEB_URL + the page's path.
 */
export function renderMail<K extends MailTemplateName>(
  name: K,
  params: MailTemplateParams[K],
  context: MailContext,
): RenderedMail {
  const web = context.webUrl.replace(/\/+$/, '');
  const url: Url = (path) => `${web}${path.startsWith('/') ? path : `/${path}`}`;
  const template = CATALOGUES[context.language][name] as Template<K>;
  const { subject, blocks } = template(params, url, web);
  return renderBlocks(subject, blocks, FOOTER[context.language](web), context.language);
}
