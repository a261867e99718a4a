import { EVENT_JOB, EventsService, recordEvent } from '@app/events';
import { FundDeadlinesService } from '@app/funds';
import { MailerService, NotificationProcessors, NotificationPubSub, NotificationsService } from '@app/notifications';
import { JobQueue } from '@app/queue';
import { TestApp } from './support/test-app.js';
import { addMember, createOrg, dataSource, promote, registerUser, TestUser, verify } from './support/fixtures.js';
import { APPLY, DECIDE, inDays, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import {
  closeCode,
  MARK_READ,
  MY_NOTIFICATIONS,
  NotificationView,
  subscribeNotifications,
  waitFor,
} from './support/notification-helpers.js';
import { projectInput } from './support/project-input.js';

const PROPOSE = `mutation($a: ID!, $b: ID!) { proposePartnership(initiatorId: $a, partnerId: $b, kind: KNOWLEDGE_EXCHANGE) { id } }`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToPartnership(id: $id, accept: $accept) { id status } }`;
const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;

/**
 * Notifications without Redis: the in-process queue, the outbox, the processors and graphql-ws
 * subscriptions in one process.
 */
describe('Notifications (in-process queue)', () => {
  let t: TestApp;
  let alice: TestUser; // OWNER of the diaspora organization (matches the fund)
  let bob: TestUser; // OWNER of the NGO (not eligible)
  let carol: TestUser; // MEMBER of the NGO
  let dave: TestUser; // OWNER of the funder
  let erin: TestUser; // OWNER of a diaspora organization that scores below the threshold
  let diaspora: { id: string; name: string };
  let ngo: { id: string; name: string };
  let funder: { id: string };
  let lowScorer: { id: string };
  let queue: JobQueue;

  const mine = async (user: TestUser, unreadOnly?: boolean): Promise<NotificationView[]> =>
    (await t.ok(MY_NOTIFICATIONS, { u: unreadOnly ?? null, f: 100 }, user.token)).myNotifications;
  const ofKind = async (user: TestUser, kind: string) => (await mine(user)).filter((n) => n.kind === kind);
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await dataSource(t).query(sql, params))[0].count);

  beforeAll(async () => {
    t = await TestApp.start({
      REDIS_URL: '', // this file is the no-Redis flow, whatever the environment says
      JOB_BACKOFF_MS: '20',
      JOB_ATTEMPTS: '3',
      NOTIFY_FUND_MATCH_THRESHOLD: '0.2',
    });
    queue = t.app.get(JobQueue);
    [alice, bob, carol, dave, erin] = await Promise.all(
      ['alice', 'bob', 'carol', 'dave', 'erin'].map((name) => registerUser(t, name)),
    );
    diaspora = await createOrg(t, alice, { name: 'Ghanaian Teachers UK' });
    ngo = await createOrg(t, bob, {
      name: 'Volta Schools Trust',
      kind: 'NGO',
      countriesOfOrigin: [],
      countriesOfResidence: ['GH'],
    });
    await addMember(t, bob, ngo.id, carol, 'MEMBER');
    funder = await createOrg(t, dave, {
      name: 'Nordic Diaspora Foundation',
      kind: 'FUNDER',
      countriesOfOrigin: [],
      countriesOfResidence: ['NO'],
      themes: ['EDUCATION'],
    });
    await verify(t, funder.id); // publishing notifies others: VERIFIED funders only
    lowScorer = await createOrg(t, erin, {
      name: 'Accra Remittance Cooperative',
      description: 'Cheaper money transfers for families',
      themes: ['REMITTANCES'],
    });
  });
  afterAll(() => t?.close());

  it('runs the in-process queue in the API when REDIS_URL is unset', () => {
    expect(queue.kind).toBe('in-process');
    expect(queue.consuming).toBe(true);
  });

  it("notifies the partner's members of a proposal, through myNotifications and a graphql-ws subscription", async () => {
    const pubsub = t.get(NotificationPubSub);
    const socket = subscribeNotifications(t.url, bob.token);
    try {
      await waitFor(async () => pubsub.subscribersOf(bob.id) > 0, 10_000, 'the subscription');
      const proposal = (await t.ok(PROPOSE, { a: diaspora.id, b: ngo.id }, alice.token)).proposePartnership;
      const pushed = await socket.next();
      expect(pushed).toMatchObject({
        kind: 'PARTNERSHIP_PROPOSED',
        title: 'Ghanaian Teachers UK proposes a partnership',
        link: `/partnerships/${proposal.id}`,
        readAt: null,
      });
      expect(new Date(pushed.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      // Both members of the partner, once each; nobody on the proposing side.
      expect((await ofKind(bob, 'PARTNERSHIP_PROPOSED')).map((n) => n.id)).toEqual([pushed.id]);
      expect(await ofKind(carol, 'PARTNERSHIP_PROPOSED')).toHaveLength(1);
      expect(await ofKind(alice, 'PARTNERSHIP_PROPOSED')).toHaveLength(0);

      // The answer goes back to the initiator.
      await t.ok(RESPOND, { id: proposal.id, accept: true }, carol.token);
      const answered = await waitFor(async () => (await ofKind(alice, 'PARTNERSHIP_ANSWERED'))[0]);
      expect(answered.title).toBe('Volta Schools Trust accepted your partnership proposal');
      expect(await ofKind(carol, 'PARTNERSHIP_ANSWERED')).toHaveLength(0);
    } finally {
      await socket.close();
    }
  });

  it('refuses a subscription without a valid access token (close code 4403)', async () => {
    expect(await closeCode(t.url, {})).toBe(4403);
    expect(await closeCode(t.url, { authorization: 'Bearer not-a-token' })).toBe(4403);
    expect(await closeCode(t.url, { authorization: `Bearer ${alice.token}x` })).toBe(4403);
  });

  it('notifies the members of organizations that match a published fund, and nobody else', async () => {
    const fund = await publishedFund(t, dave, funder.id, {
      title: 'Education Futures Fund',
      themes: ['EDUCATION'],
      sdgs: [],
      prioritizesWomenLed: false,
      eligibility: { organizationKinds: ['DIASPORA_ORGANIZATION'], countriesOfOrigin: ['GH'] },
    });
    const match = await waitFor(async () => (await ofKind(alice, 'FUND_MATCH'))[0], 15_000, 'the fund match');
    expect(match).toMatchObject({
      title: 'New fund for Ghanaian Teachers UK: Education Futures Fund',
      link: `/funds/${fund.id}`,
    });
    expect(match.body).toMatch(/^"Education Futures Fund" fits Ghanaian Teachers UK \(match score 0\.\d\d\)/);
    await queue.onIdle();
    // Eligible but below the threshold; not eligible (an NGO); the funder itself.
    for (const user of [erin, bob, carol, dave]) expect(await ofKind(user, 'FUND_MATCH')).toHaveLength(0);
    // The below-threshold organization is eligible: it is the score that excludes it.
    const [below] = await dataSource(t).query(
      `SELECT count(*) FROM fund f, organization o WHERE f.id = $1 AND o.id = $2 AND o.kind::text = ANY(f.eligible_organization_kinds)`,
      [fund.id, lowScorer.id],
    );
    expect(Number(below.count)).toBe(1);
  });

  it('is idempotent: processing the same event twice creates each notification once', async () => {
    const events = t.get(EventsService);
    const ds = dataSource(t);
    const [event] = await ds.query(
      `SELECT id, type, payload, created_at FROM outbox_event WHERE type = 'PARTNERSHIP_PROPOSED' ORDER BY created_at LIMIT 1`,
    );
    const before = await count(`SELECT count(*) FROM notification`);
    expect(before).toBeGreaterThan(0);
    // Delivered again (as after a crash before processed_at was written): as a job, and directly.
    await ds.query(`UPDATE outbox_event SET processed_at = NULL WHERE id = $1`, [event.id]);
    await queue.add(EVENT_JOB, { eventId: event.id }, { jobId: `event-${event.id}-again` });
    await queue.onIdle();
    await ds.query(`UPDATE outbox_event SET processed_at = NULL WHERE id = $1`, [event.id]);
    await events.process(event.id);
    expect(await count(`SELECT count(*) FROM notification`)).toBe(before);
    expect(await ofKind(bob, 'PARTNERSHIP_PROPOSED')).toHaveLength(1);

    // The fund fan-out too.
    const [published] = await ds.query(
      `SELECT id, type, payload, created_at FROM outbox_event WHERE type = 'FUND_PUBLISHED'`,
    );
    const processors = t.get(NotificationProcessors);
    const delivered = { id: published.id, type: 'FUND_PUBLISHED' as const, payload: published.payload, createdAt: '' };
    expect(await processors.fundPublished(delivered)).toBe(0);
    expect(await count(`SELECT count(*) FROM notification`)).toBe(before);
  });

  it('retries a failing job with backoff and loses nothing', async () => {
    const calls: string[] = [];
    const original = queue.replaceProcessor<{ eventId: string }>(EVENT_JOB, async (data, job) => {
      calls.push(`${data.eventId}#${job.attemptsMade}`);
      if (job.attemptsMade === 0) throw new Error('database went away (injected)');
      await original(data, job);
    });
    try {
      const moderator = await promote(t, await registerUser(t, 'moderator'), 'MODERATOR');
      await t.ok(`mutation($id: ID!) { requestVerification(organizationId: $id) { id } }`, { id: ngo.id }, bob.token);
      await t.ok(
        `mutation($id: ID!) { decideVerification(organizationId: $id, approve: true) { id } }`,
        { id: ngo.id },
        moderator.token,
      );
      const verified = await waitFor(async () => (await ofKind(carol, 'VERIFICATION_DECIDED'))[0]);
      expect(verified.title).toBe('Volta Schools Trust is verified');
      await queue.onIdle();
      // the request (VERIFICATION_REQUESTED, for the moderators) and the decision: each failed once, then ran
      const events: Array<{ id: string; processed_at: Date | null; last_error: string | null }> = await dataSource(
        t,
      ).query(
        `SELECT id, processed_at, last_error FROM outbox_event WHERE type IN ('VERIFICATION_REQUESTED', 'VERIFICATION_DECIDED')`,
      );
      expect(events).toHaveLength(2);
      expect([...calls].sort()).toEqual(events.flatMap((e) => [`${e.id}#0`, `${e.id}#1`]).sort());
      for (const event of events) {
        expect(event.processed_at).not.toBeNull();
        expect(event.last_error).toBeNull();
      }
    } finally {
      queue.replaceProcessor(EVENT_JOB, original);
    }
  });

  it('delivers again events whose jobs were given up or never enqueued (the outbox sweep)', async () => {
    const events = t.get(EventsService);
    const ds = dataSource(t);
    // Every attempt fails: the job is given up, the event stays unprocessed with its error.
    let attempts = 0;
    const original = queue.replaceProcessor(EVENT_JOB, async () => {
      attempts++;
      throw new Error('processor down (injected)');
    });
    let eventId: string;
    try {
      const proposal = (await t.ok(PROPOSE, { a: lowScorer.id, b: ngo.id }, erin.token)).proposePartnership;
      [{ id: eventId }] = await ds.query(`SELECT id FROM outbox_event WHERE payload->>'partnershipId' = $1`, [
        proposal.id,
      ]);
      await waitFor(
        async () =>
          (await ds.query(`SELECT dispatch_count FROM outbox_event WHERE id = $1`, [eventId]))[0].dispatch_count === 1,
      );
      // dispatch_count is committed before the job is enqueued: wait for the job's first attempt, so
      // that onIdle waits for its retries (and not for an empty queue)
      await waitFor(async () => attempts > 0);
      await queue.onIdle();
    } finally {
      queue.replaceProcessor(EVENT_JOB, original);
    }
    const [failed] = await ds.query(`SELECT processed_at, dispatch_count FROM outbox_event WHERE id = $1`, [eventId]);
    expect(failed).toMatchObject({ processed_at: null, dispatch_count: 1 });
    expect(await ofKind(bob, 'PARTNERSHIP_PROPOSED')).toHaveLength(1); // only the first proposal's

    // A commit whose process died before enqueueing: recorded outside any after-commit hook.
    const lost = await recordEvent(ds.manager, {
      type: 'INVITATION_RECEIVED',
      payload: {
        invitationId: ngo.id,
        consultationId: ngo.id,
        organizationId: ngo.id,
        title: 'Diaspora remittances policy',
        convenerId: funder.id,
      },
    });
    expect(await events.sweep()).toBe(0); // too recent: the after-commit path may still be on it

    await ds.query(
      `UPDATE outbox_event SET created_at = now() - interval '1 hour', dispatched_at = CASE WHEN dispatched_at IS NULL THEN NULL ELSE now() - interval '1 hour' END WHERE id = ANY($1)`,
      [[eventId, lost]],
    );
    expect(await events.sweep()).toBe(2);
    await queue.onIdle();
    expect(await ofKind(bob, 'PARTNERSHIP_PROPOSED')).toHaveLength(2);
    expect((await ofKind(carol, 'INVITATION_RECEIVED'))[0].title).toBe(
      'Invitation to a consultation: Diaspora remittances policy',
    );
    const rows = await ds.query(`SELECT processed_at FROM outbox_event WHERE id = ANY($1)`, [[eventId, lost]]);
    expect(rows.every((r: { processed_at: Date | null }) => r.processed_at !== null)).toBe(true);
  });

  it('lets a user read and mark only their own notifications', async () => {
    const bobs = await mine(bob);
    const carols = await mine(carol);
    expect(bobs.length).toBeGreaterThan(0);
    const ids = new Set(bobs.map((n) => n.id));
    expect(carols.some((n) => ids.has(n.id))).toBe(false);
    const rows = await dataSource(t).query(`SELECT user_id FROM notification WHERE id = ANY($1)`, [[...ids]]);
    expect(rows.every((r: { user_id: string }) => r.user_id === bob.id)).toBe(true);

    // Another user's notification does not exist for the caller, and stays unread.
    const other = await t.gql(MARK_READ, { id: bobs[0].id }, carol.token);
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count(`SELECT count(*) FROM notification WHERE id = $1 AND read_at IS NOT NULL`, [bobs[0].id])).toBe(
      0,
    );
    expect((await t.gql(MARK_READ, { id: bobs[0].id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(MARK_READ, { id: 'nope' }, bob.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(MY_NOTIFICATIONS, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await t.gql(MY_NOTIFICATIONS, { f: 0 }, bob.token);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });

    const read = (await t.ok(MARK_READ, { id: bobs[0].id }, bob.token)).markNotificationRead;
    expect(read.readAt).not.toBeNull();
    const again = (await t.ok(MARK_READ, { id: bobs[0].id }, bob.token)).markNotificationRead;
    expect(again.readAt).toBe(read.readAt);
    const unread = await mine(bob, true);
    expect(unread.map((n) => n.id)).not.toContain(bobs[0].id);
    expect(unread).toHaveLength(bobs.length - 1);
  });

  describe('e-mails by each user’s choice: immediate, daily digest (once per set) or none', () => {
    // notification mails (carol also got the mail inviting her to the NGO)
    const mails = (email: string) =>
      count(
        `SELECT count(*) FROM email_outbox
          WHERE to_address = $1 AND sent_at IS NOT NULL AND dedupe_key NOT LIKE 'member-invitation:%'`,
        [email],
      );
    const pendingOf = (user: TestUser) =>
      count(`SELECT count(*) FROM notification WHERE user_id = $1 AND email_state = 'PENDING'`, [user.id]);
    const service = () => t.get(NotificationsService);

    it('1. a user chooses: DAILY_DIGEST by default, then IMMEDIATE (bob) or NONE (carol)', async () => {
      const prefs = `query { myNotificationPreferences { emailFrequency } }`;
      const update = `mutation($f: EmailFrequency!) { updateNotificationPreferences(emailFrequency: $f) { emailFrequency } }`;
      expect((await t.ok(prefs, {}, bob.token)).myNotificationPreferences.emailFrequency).toBe('DAILY_DIGEST');
      await t.ok(update, { f: 'IMMEDIATE' }, bob.token);
      await t.ok(update, { f: 'NONE' }, carol.token);
      expect((await t.ok(prefs, {}, bob.token)).myNotificationPreferences.emailFrequency).toBe('IMMEDIATE');
    });

    it('2. IMMEDIATE mails one per notification and nothing twice; NONE skips; digest users wait', async () => {
      const bobPending = await pendingOf(bob);
      expect(bobPending).toBeGreaterThan(0);
      await service().sendPendingEmails();
      expect(await mails(bob.email)).toBe(bobPending); // one per notification
      expect(await mails(carol.email)).toBe(0);
      expect(
        await count(`SELECT count(*) FROM notification WHERE user_id = $1 AND email_state = 'SKIPPED'`, [carol.id]),
      ).toBeGreaterThan(0);
      expect(await pendingOf(alice)).toBeGreaterThan(0); // digest users wait

      await service().sendPendingEmails(); // nothing twice
      expect(await mails(bob.email)).toBe(bobPending);
    });

    it('3. the daily digest mails the pending set once', async () => {
      expect(await service().sendDailyDigests()).toBeGreaterThanOrEqual(1);
      expect(await mails(alice.email)).toBe(1);
      expect(await pendingOf(alice)).toBe(0);
      const [digest] = await dataSource(t).query(`SELECT subject, body FROM email_outbox WHERE to_address = $1`, [
        alice.email,
      ]);
      expect(digest.subject).toMatch(/^Diaspora Nexus: \d+ new notifications?$/);
      expect(digest.body).toContain('New fund for Ghanaian Teachers UK: Education Futures Fund');
      expect(await service().sendDailyDigests()).toBe(0);
      expect(await mails(alice.email)).toBe(1);
    });
  });

  it('a failed e-mail leaves it and the later ones pending, marks the ones sent before it, and mails each once', async () => {
    const frank = await registerUser(t, 'frank');
    const ds = dataSource(t);
    await ds.query(`INSERT INTO notification_preference (user_id, email_frequency) VALUES ($1, 'IMMEDIATE')`, [
      frank.id,
    ]);
    for (let i = 0; i < 4; i++) {
      await ds.query(
        `INSERT INTO notification (user_id, kind, title, body, dedupe_key, created_at)
         VALUES ($1, 'TEST', $2, 'body', $2, now() + make_interval(secs => $3))`,
        [frank.id, `mail ${i}`, i],
      );
    }
    const states = async () =>
      (
        await ds.query(`SELECT title, email_state FROM notification WHERE user_id = $1 ORDER BY created_at`, [frank.id])
      ).map((r: { email_state: string }) => r.email_state);
    const mailer = t.get(MailerService);
    const send = mailer.send;
    let franksMails = 0;
    mailer.send = async (mail) => {
      if (mail.to === frank.email && ++franksMails === 3) throw new Error('SMTP down (injected)');
      return send.call(mailer, mail);
    };
    try {
      await expect(t.get(NotificationsService).sendPendingEmails()).rejects.toThrow('SMTP down (injected)');
    } finally {
      mailer.send = send;
    }
    expect(await states()).toEqual(['SENT', 'SENT', 'PENDING', 'PENDING']);
    await t.get(NotificationsService).sendPendingEmails();
    expect(await states()).toEqual(['SENT', 'SENT', 'SENT', 'SENT']);
    expect(
      await count(`SELECT count(*) FROM email_outbox WHERE to_address = $1 AND sent_at IS NOT NULL`, [frank.email]),
    ).toBe(4);
  });

  describe('reminds organizations with a DRAFT seven days before a deadline, closes funds past it, and tells applicants of decisions', () => {
    // The scheduled job of libs/funds, run by hand; its events are then processed by notifications.
    const fundDeadlines = async () => {
      await t.get(FundDeadlinesService).run();
      await waitFor(
        async () =>
          (await count(
            `SELECT count(*) FROM outbox_event WHERE type IN ('FUND_CLOSED', 'APPLICATION_DRAFT_REMINDER_DUE') AND processed_at IS NULL`,
          )) === 0,
        15_000,
        'the fund-deadline events to be processed',
      );
      await queue.onIdle();
    };
    // Shared by the steps, in order.
    let fundId: string;
    let draftId: string;

    it('1. a DRAFT application three days before the deadline: its organization is reminded, once', async () => {
      fundId = (
        await publishedFund(t, dave, funder.id, {
          title: 'Closing Soon Fund',
          deadline: inDays(3),
          eligibility: { organizationKinds: ['DIASPORA_ORGANIZATION'] },
        })
      ).id;
      const project = (await t.ok(CREATE_PROJECT, { i: projectInput(diaspora.id) }, alice.token)).createProject;
      const amount = { amount: 40000, currency: 'EUR' };
      const draft = (await t.ok(APPLY, { f: fundId, p: project.id, a: amount, s: STATEMENT, d: true }, alice.token))
        .applyToFund;
      expect(draft.status).toBe('DRAFT');
      draftId = draft.id;

      await fundDeadlines();
      await fundDeadlines(); // a second run changes nothing
      const reminders = await ofKind(alice, 'APPLICATION_DEADLINE_REMINDER');
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toMatchObject({
        title: 'Deadline soon: Closing Soon Fund',
        link: `/applications/${draftId}`,
      });
      expect(await ofKind(dave, 'APPLICATION_DEADLINE_REMINDER')).toHaveLength(0);
    });

    it('2. a decided application: its organization’s members learn of it', async () => {
      await t.ok(`mutation($id: ID!) { submitApplication(id: $id) { id } }`, { id: draftId }, alice.token);
      await t.ok(DECIDE, { id: draftId, s: 'UNDER_REVIEW' }, dave.token);
      const decided = await waitFor(async () => (await ofKind(alice, 'APPLICATION_DECIDED'))[0]);
      expect(decided.title).toBe('Your application to Closing Soon Fund is under review');
    });

    it('3. the deadline passes: CLOSED in the database, the funder’s managers told, once', async () => {
      const ds = dataSource(t);
      await ds.query(`UPDATE fund SET deadline = now() - interval '1 minute' WHERE id = $1`, [fundId]);
      await fundDeadlines();
      await fundDeadlines();
      const [row] = await ds.query(`SELECT status, closed_at FROM fund WHERE id = $1`, [fundId]);
      expect(row.status).toBe('CLOSED');
      expect(row.closed_at).not.toBeNull();
      const closed = await ofKind(dave, 'FUND_CLOSED');
      expect(closed).toHaveLength(1);
      expect(closed[0].title).toBe('Fund closed: Closing Soon Fund');
      expect(await ofKind(alice, 'FUND_CLOSED')).toHaveLength(0);
    });
  });

  it('rolls back the event with the change: a refused mutation records nothing', async () => {
    const before = await count(`SELECT count(*) FROM outbox_event`);
    const refused = await t.gql(PROPOSE, { a: diaspora.id, b: ngo.id }, carol.token); // carol is not a member of the initiator
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count(`SELECT count(*) FROM outbox_event`)).toBe(before);
  });
});
