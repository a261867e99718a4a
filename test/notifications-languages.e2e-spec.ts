import { NotificationPubSub } from '@app/notifications';
import { JobQueue } from '@app/queue';
import { TestApp } from './support/test-app.js';
import { addMember, createOrg, dataSource, registerUser, TestUser, verify } from './support/fixtures.js';
import { publishedFund } from './support/fund-fixtures.js';
import { MY_NOTIFICATIONS, NotificationView, subscribeNotifications, waitFor } from './support/notification-helpers.js';

const NBSP = '\u00a0';
const PROPOSE = `mutation($a: ID!, $b: ID!) { proposePartnership(initiatorId: $a, partnerId: $b, kind: KNOWLEDGE_EXCHANGE) { id } }`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToPartnership(id: $id, accept: $accept) { id status } }`;

/**
 * Issue 14: notifications in the reader's language. Each notification stores what it says as
 * catalogue sentences next to its English; myNotifications, markNotificationRead and the live
 * subscription write them in the reader's language (Accept-Language, else her preferred language),
 * English byte for byte as before; a notification stored before (English only) reads as stored.
 */
describe('Notifications in the reader’s language (issue 14)', () => {
  let t: TestApp;
  let alice: TestUser; // OWNER of the diaspora organization (proposes; matches the fund)
  let bob: TestUser; // OWNER of the NGO (receives the proposal)
  let carol: TestUser; // MEMBER of the NGO, prefers French
  let dave: TestUser; // OWNER of the funder
  let diaspora: { id: string };
  let ngo: { id: string };
  let funder: { id: string };

  const mine = async (user: TestUser, language?: string): Promise<NotificationView[]> => {
    const res = await t.gql(
      MY_NOTIFICATIONS,
      { u: null, f: 100 },
      user.token,
      language ? { 'accept-language': language } : {},
    );
    expect(res.errors).toBeUndefined();
    return res.data!.myNotifications as NotificationView[];
  };
  const ofKind = async (user: TestUser, kind: string, language?: string) =>
    (await mine(user, language)).filter((n) => n.kind === kind);

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL: '', NOTIFY_FUND_MATCH_THRESHOLD: '0.2' });
    [alice, bob, carol, dave] = await Promise.all(
      ['alice', 'bob', 'carol', 'dave'].map((name) => registerUser(t, `lang-${name}`)),
    );
    diaspora = await createOrg(t, alice, { name: 'Ghanaian Teachers UK' });
    ngo = await createOrg(t, bob, {
      name: 'Volta Schools Trust',
      kind: 'NGO',
      countriesOfOrigin: [],
      countriesOfResidence: ['GH'],
    });
    await addMember(t, bob, ngo.id, carol, 'MEMBER');
    await t.ok(`mutation { updatePreferredLanguage(language: "fr") { id } }`, {}, carol.token);
    funder = await createOrg(t, dave, {
      name: 'Nordic Diaspora Foundation',
      kind: 'FUNDER',
      countriesOfOrigin: [],
      countriesOfResidence: ['NO'],
      themes: ['EDUCATION'],
    });
    await verify(t, funder.id);
  });
  afterAll(() => t?.close());

  it('a partnership proposal reads in French, in Spanish and, without a header, in the English stored as before', async () => {
    const pubsub = t.get(NotificationPubSub);
    // The same user on three sockets, each with its language; carol without one (she prefers French).
    const [english, french, spanish] = [undefined, 'fr-FR,fr;q=0.9', 'es'].map((language) =>
      subscribeNotifications(t.url, bob.token, language),
    );
    const carolSocket = subscribeNotifications(t.url, carol.token);
    try {
      await waitFor(
        async () => pubsub.subscribersOf(bob.id) === 3 && pubsub.subscribersOf(carol.id) === 1,
        10_000,
        'the subscriptions',
      );
      const proposal = (await t.ok(PROPOSE, { a: diaspora.id, b: ngo.id }, alice.token)).proposePartnership;

      const englishTitle = 'Ghanaian Teachers UK proposes a partnership';
      const englishBody =
        'Ghanaian Teachers UK proposes a knowledge exchange partnership to Volta Schools Trust. Accept or decline it.';
      const frenchTitle = 'Ghanaian Teachers UK propose un partenariat';
      const frenchBody = `Ghanaian Teachers UK propose à Volta Schools Trust un partenariat de type «${NBSP}échange de connaissances${NBSP}». Acceptez-le ou refusez-le.`;
      const spanishTitle = 'Ghanaian Teachers UK propone una alianza';
      const spanishBody =
        'Ghanaian Teachers UK propone a Volta Schools Trust una alianza de tipo «intercambio de conocimientos». Acéptela o rechácela.';

      // live: each subscriber in its own language, from one published message
      const [pushedEn, pushedFr, pushedEs, pushedCarol] = await Promise.all(
        [english, french, spanish, carolSocket].map((s) => s.next()),
      );
      expect(pushedEn).toMatchObject({ kind: 'PARTNERSHIP_PROPOSED', title: englishTitle, body: englishBody });
      expect(pushedFr).toMatchObject({ id: pushedEn.id, title: frenchTitle, body: frenchBody });
      expect(pushedEs).toMatchObject({ id: pushedEn.id, title: spanishTitle, body: spanishBody });
      expect(pushedCarol).toMatchObject({ title: frenchTitle, body: frenchBody });

      // read: the header chooses; without it English, byte for byte what the columns hold
      const [en] = await ofKind(bob, 'PARTNERSHIP_PROPOSED');
      expect(en).toMatchObject({ title: englishTitle, body: englishBody, link: `/partnerships/${proposal.id}` });
      expect((await ofKind(bob, 'PARTNERSHIP_PROPOSED', 'fr'))[0]).toMatchObject({
        title: frenchTitle,
        body: frenchBody,
      });
      expect((await ofKind(bob, 'PARTNERSHIP_PROPOSED', 'es-419'))[0]).toMatchObject({
        title: spanishTitle,
        body: spanishBody,
      });
      const [stored] = await dataSource(t).query(
        `SELECT title, body, title_text, body_text FROM notification WHERE id = $1`,
        [en.id],
      );
      expect(stored).toEqual({
        title: englishTitle,
        body: englishBody,
        title_text: { key: 'notifications.PARTNERSHIP_PROPOSED.title', params: { initiator: 'Ghanaian Teachers UK' } },
        body_text: {
          key: 'notifications.PARTNERSHIP_PROPOSED.body',
          params: {
            initiator: 'Ghanaian Teachers UK',
            kind: { key: 'notifications.partnershipKind.KNOWLEDGE_EXCHANGE' },
            partner: 'Volta Schools Trust',
          },
        },
      });

      // markNotificationRead answers in the request's language too
      const marked = await t.gql(
        `mutation($id: ID!) { markNotificationRead(id: $id) { title body } }`,
        { id: en.id },
        bob.token,
        { 'accept-language': 'fr' },
      );
      expect(marked.data?.markNotificationRead).toEqual({ title: frenchTitle, body: frenchBody });

      // the answer goes back to alice: English as before, French on asking
      await t.ok(RESPOND, { id: proposal.id, accept: true }, carol.token);
      const answered = await waitFor(async () => (await ofKind(alice, 'PARTNERSHIP_ANSWERED'))[0]);
      expect(answered).toMatchObject({
        title: 'Volta Schools Trust accepted your partnership proposal',
        body: 'Volta Schools Trust accepted the partnership: it is now active.',
      });
      expect((await ofKind(alice, 'PARTNERSHIP_ANSWERED', 'fr'))[0]).toMatchObject({
        title: 'Volta Schools Trust a accepté votre proposition de partenariat',
        body: `Volta Schools Trust a accepté le partenariat${NBSP}: il est désormais actif.`,
      });
    } finally {
      await Promise.all([english, french, spanish, carolSocket].map((s) => s.close()));
    }
  });

  it('a user whose preferred language is French reads French without the header; the header wins', async () => {
    const [french] = await ofKind(carol, 'PARTNERSHIP_PROPOSED');
    expect(french.title).toBe('Ghanaian Teachers UK propose un partenariat');
    const [english] = await ofKind(carol, 'PARTNERSHIP_PROPOSED', 'en');
    expect(english.title).toBe('Ghanaian Teachers UK proposes a partnership');
  });

  it('a fund match writes its score and deadline as each language does; English as the SQL wrote it before', async () => {
    await publishedFund(t, dave, funder.id, {
      title: 'Education Futures Fund',
      themes: ['EDUCATION'],
      sdgs: [],
      prioritizesWomenLed: false,
      deadline: '2031-03-05T14:07:30.000Z',
      eligibility: { organizationKinds: ['DIASPORA_ORGANIZATION'], countriesOfOrigin: ['GH'] },
    });
    const match = await waitFor(async () => (await ofKind(alice, 'FUND_MATCH'))[0], 15_000, 'the fund match');
    await t.app.get(JobQueue).onIdle();
    const score = /match score (0\.\d\d)\)/.exec(match.body)?.[1];
    expect(score).toBeDefined();
    // what the fan-out's SQL wrote before issue 14, byte for byte
    expect(match.title).toBe('New fund for Ghanaian Teachers UK: Education Futures Fund');
    expect(match.body).toBe(
      `"Education Futures Fund" fits Ghanaian Teachers UK (match score ${score}). Deadline: 2031-03-05 14:07 UTC.`,
    );
    const [fr] = await ofKind(alice, 'FUND_MATCH', 'fr');
    expect(fr.title).toBe(`Nouveau fonds pour Ghanaian Teachers UK${NBSP}: Education Futures Fund`);
    expect(fr.body).toBe(
      `«${NBSP}Education Futures Fund${NBSP}» correspond à Ghanaian Teachers UK (score de correspondance ${score!.replace('.', ',')}). Date limite${NBSP}: 5 mars 2031 à 14:07 UTC.`,
    );
    const [es] = await ofKind(alice, 'FUND_MATCH', 'es');
    expect(es.body).toBe(
      `«Education Futures Fund» encaja con Ghanaian Teachers UK (puntuación de afinidad ${score!.replace('.', ',')}). Plazo: 5 de marzo de 2031 a las 14:07 UTC.`,
    );
  });

  it('a notification stored before issue 14 (English only) reads as stored in every language', async () => {
    const [row] = await dataSource(t).query(
      `INSERT INTO notification (user_id, kind, title, body, dedupe_key)
       VALUES ($1, 'LEGACY', 'An old notification', 'Stored in English only.', 'legacy:1') RETURNING id`,
      [carol.id],
    );
    for (const language of [undefined, 'fr', 'es', 'en']) {
      const [old] = (await mine(carol, language)).filter((n) => n.id === row.id);
      expect(old).toMatchObject({ title: 'An old notification', body: 'Stored in English only.' });
    }
  });
});
