import { escapeHtml, LANGUAGES, MailTemplateName, MailTemplateParams, renderMail } from '../index.js';

const WEB = 'https://portal.example.org';
/** A value that must come out escaped in HTML and verbatim in text. */
const HOSTILE = `<script>alert("x")</script> & 'O'Brien'`;
const TOKEN = 'tok_EN-123abc';

/** Every template, with the links its rendering must hold and an interpolated hostile value where it has one. */
const CASES: { [K in MailTemplateName]: { params: MailTemplateParams[K]; links: string[]; hostile?: boolean } } = {
  registrationLink: { params: { token: TOKEN, hours: 24 }, links: [`${WEB}/register/${TOKEN}`] },
  registrationNotice: { params: {}, links: [`${WEB}/reset-password`] },
  passwordReset: { params: { token: TOKEN, minutes: 60 }, links: [`${WEB}/reset-password?token=${TOKEN}`] },
  passwordResetNoAccount: { params: {}, links: [`${WEB}/`] },
  passwordChanged: { params: { how: 'reset' }, links: [`${WEB}/reset-password`] },
  emailChangeConfirm: {
    params: { token: TOKEN, hours: 24, newEmail: HOSTILE },
    links: [`${WEB}/confirm-email?token=${TOKEN}`],
    hostile: true,
  },
  emailChangeNotice: { params: { newEmail: HOSTILE }, links: [`${WEB}/settings/security`], hostile: true },
  emailChangeTaken: { params: {}, links: [`${WEB}/`] },
  memberInvitation: {
    params: { organizationName: HOSTILE, organizationSlug: 'ghana-teachers-uk', role: 'ADMIN', token: TOKEN, days: 7 },
    links: [`${WEB}/invitations/${TOKEN}`, `${WEB}/organizations/ghana-teachers-uk`],
    hostile: true,
  },
  notification: {
    params: {
      title: HOSTILE,
      body: 'A new fund matches your organization',
      path: '/funds/0b4c6c7e-1f0e-4a5e-9d7c-3f1e2a9b8c7d',
    },
    links: [`${WEB}/funds/0b4c6c7e-1f0e-4a5e-9d7c-3f1e2a9b8c7d`, `${WEB}/settings/notifications`],
    hostile: true,
  },
  notificationDigest: {
    params: {
      items: [
        { title: HOSTILE, body: 'Decided', path: '/applications/5e0f2d4e-8a51-4b7e-b0a5-2f6a3c1d9e8f' },
        { title: 'Verified', body: 'A moderator verified it', path: '/organizations/ghana-teachers-uk' },
        { title: 'No link', body: 'Nothing to open', path: null },
      ],
    },
    links: [`${WEB}/applications/5e0f2d4e-8a51-4b7e-b0a5-2f6a3c1d9e8f`, `${WEB}/organizations/ghana-teachers-uk`],
    hostile: true,
  },
};

describe('mail templates', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  for (const language of LANGUAGES) {
    for (const name of Object.keys(CASES) as MailTemplateName[]) {
      it(`renders ${name} in ${language}: subject, text and HTML, with its links and every value escaped`, () => {
        const { params, links, hostile } = CASES[name];
        const mail = renderMail(name, params as never, { webUrl: `${WEB}/`, language });
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.text.length).toBeGreaterThan(40);
        expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="(en|fr)">/);
        expect(mail.html).toContain(`<html lang="${language}">`);
        for (const link of links) {
          // text: the URL itself; HTML: the URL in a link or as text, escaped (& of a query becomes &amp;)
          expect(mail.text).toContain(link);
          expect(mail.html).toContain(escapeHtml(link));
        }
        // no doubled slash after the base URL (PUBLIC_WEB_URL given with a trailing slash)
        expect(mail.text).not.toContain(`${WEB}//`);
        if (hostile) {
          expect(mail.text).toContain(HOSTILE);
          expect(mail.html).not.toContain('<script>');
          expect(mail.html).not.toContain(HOSTILE);
          expect(mail.html).toContain(escapeHtml(HOSTILE));
        }
        expect(mail.html).not.toMatch(/<script/i);
        // the text part carries no markup
        expect(mail.text).not.toMatch(/<\/?(p|a|div|br|strong)\b/);
      });
    }
  }

  it('writes French for French readers and English for English ones', () => {
    const en = renderMail('passwordReset', { token: TOKEN, minutes: 60 }, { webUrl: WEB, language: 'en' });
    const fr = renderMail('passwordReset', { token: TOKEN, minutes: 60 }, { webUrl: WEB, language: 'fr' });
    expect(en.subject).toBe('Reset your Diaspora Nexus password');
    expect(fr.subject).toBe('Réinitialisez votre mot de passe Diaspora Nexus');
    expect(en.text).toContain('within 60 minutes');
    expect(fr.text).toContain('dans les 60 minutes');
    expect(fr.html).toContain('Choisir un nouveau mot de passe');
    const digest = (language: 'en' | 'fr', n: number) =>
      renderMail(
        'notificationDigest',
        { items: Array.from({ length: n }, (_, i) => ({ title: `T${i}`, body: 'b', path: null })) },
        { webUrl: WEB, language },
      ).subject;
    expect(digest('en', 1)).toBe('Diaspora Nexus: 1 new notification');
    expect(digest('en', 3)).toBe('Diaspora Nexus: 3 new notifications');
    expect(digest('fr', 3)).toBe('Diaspora Nexus : 3 nouvelles notifications');
  });

  it('URL-encodes values in links', () => {
    const mail = renderMail(
      'memberInvitation',
      {
        organizationName: 'X',
        organizationSlug: 'a b/c',
        role: 'MEMBER',
        token: 't+k/=',
        days: 7,
      },
      { webUrl: WEB, language: 'en' },
    );
    expect(mail.text).toContain(`${WEB}/invitations/t%2Bk%2F%3D`);
    expect(mail.text).toContain(`${WEB}/organizations/a%20b%2Fc`);
  });
});
