import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  AuthUser,
  decodeCursor,
  encodeCursor,
  NotFoundError,
  pageSize,
  requireId,
  SortKey,
  Text,
  translateText,
} from '@app/common';
import { UsersService } from '@app/auth';
import { Language, languageOr, renderMail } from '@app/mail';
import { MembersDirectory, MemberRole } from '@app/organizations';
import { JobQueue } from '@app/queue';
import {
  DEFAULT_EMAIL_FREQUENCY,
  EmailFrequency,
  Notification,
  NotificationPreferences,
} from './notification.entity.js';
import { NotificationMessage, NotificationPubSub } from './notification-pubsub.js';
import { MailerService } from './mailer.service.js';

export const EMAIL_JOB = 'notification-emails';
export const DIGEST_JOB = 'notification-daily-digest';

/**
 * The columns a new notification is published with (RETURNING of every insert). Not its sentences
 * (`title_text`, `body_text`): `insert` puts back on each row those it was given, cheaper than
 * reading thousands of jsonb values back.
 */
export const NOTIFICATION_RETURNING =
  'RETURNING id, user_id, kind, title, body, link, dedupe_key, organization_id, created_at, read_at';

/** myNotifications: newest first; the cursor of a notification is its (createdAt, id). */
export const NOTIFICATION_KEYS: SortKey[] = [
  { expr: 'n.created_at', direction: 'DESC', type: 'timestamp' },
  { expr: 'n.id', direction: 'DESC', type: 'uuid' },
];

/** The `after` value that reads the notifications older than this one (Notification.cursor). */
export function notificationCursor(n: { id: string; createdAt: Date }): string {
  return encodeCursor([n.createdAt.toISOString(), n.id]);
}

export interface MemberNotification {
  organizationIds: string[];
  kind: string;
  /** The title as a catalogue sentence (`notifications.<kind>.title…`); its English is stored as `title`. */
  title: Text;
  /** The body as a catalogue sentence (`notifications.<kind>.body…`); its English is stored as `body`. */
  body: Text;
  link: string | null;
  /** Unique per user: the same key twice notifies once. */
  dedupeKey: string;
  /** Typically the user whose action caused it. */
  excludeUserId?: string | null;
  /** Only members with these roles (default: every member). */
  roles?: readonly MemberRole[];
  /**
   * A user who belongs to several of `organizationIds` gets one notification per organization (each
   * about it, dedupeKey suffixed with `:<organizationId>`) instead of one about the first of them.
   */
  perOrganization?: boolean;
}

/** One notification to write (NotificationsService.insert). */
export interface NewNotification {
  userId: string;
  kind: string;
  /** What the title says (a catalogue sentence): stored as such and in English (`title`). */
  title: Text;
  /** What the body says: stored as such and in English (`body`). */
  body: Text;
  link: string | null;
  /** Unique per user: the same key twice notifies once. */
  dedupeKey: string;
  /** The organization it concerns for this user (Notification.organization); null for none. */
  organizationId?: string | null;
}

// Raw SQL rows (snake_case columns).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const BATCH = 500;

export function toMessage(row: Row): NotificationMessage {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    titleText: row.title_text ?? null,
    bodyText: row.body_text ?? null,
    link: row.link,
    organizationId: row.organization_id ?? null,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}

/** Notifications of the signed-in user, their creation (idempotent), delivery and e-mail. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pubsub: NotificationPubSub,
    private readonly queue: JobQueue,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
    private readonly members: MembersDirectory,
    private readonly users: UsersService,
  ) {}

  // ---------- reading (only one's own) ----------

  /**
   * Newest first, `first` (1..100, default 20) at a time; `after` (a Notification.cursor, or the
   * endCursor of notificationsPage) continues below that notification, so every notification can
   * be read however many there are.
   */
  list(
    user: AuthUser,
    unreadOnly: boolean | null | undefined,
    first: number | null | undefined,
    after?: string | null,
  ): Promise<Notification[]> {
    const limit = pageSize(first);
    const qb = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId: user.id });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (after) {
      const [createdAt, id] = decodeCursor(after, NOTIFICATION_KEYS);
      qb.andWhere('(n.created_at, n.id) < (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    return qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(limit).getMany();
  }

  /** How many of the user's notifications are unread (the partial index IDX_notification_user_unread). */
  async unreadCount(user: AuthUser): Promise<number> {
    const [row]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [user.id],
    );
    return row.n;
  }

  /** Marks every unread notification of the user read (now); answers how many were unread. */
  async markAllRead(user: AuthUser): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [user.id],
    );
    return count;
  }

  /** Another user's notification does not exist for the caller (NOT_FOUND). Reading twice keeps the first readAt. */
  async markRead(user: AuthUser, id: string): Promise<Notification> {
    requireId(id, 'Notification');
    const [rows] = await this.dataSource.query(
      `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, user.id],
    );
    if (!rows?.length) throw new NotFoundError('Notification', id);
    return this.dataSource.getRepository(Notification).findOneByOrFail({ id });
  }

  async preferences(user: AuthUser): Promise<NotificationPreferences> {
    const [row] = await this.dataSource.query(
      `SELECT email_frequency FROM notification_preference WHERE user_id = $1`,
      [user.id],
    );
    return { emailFrequency: (row?.email_frequency as EmailFrequency) ?? DEFAULT_EMAIL_FREQUENCY };
  }

  async updatePreferences(user: AuthUser, emailFrequency: EmailFrequency): Promise<NotificationPreferences> {
    await this.dataSource.query(
      `INSERT INTO notification_preference (user_id, email_frequency) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET email_frequency = EXCLUDED.email_frequency, updated_at = now()`,
      [user.id, emailFrequency],
    );
    return { emailFrequency };
  }

  // ---------- creating (jobs) ----------

  /**
   * Notifies the members of organizations (asked of libs/organizations) once per dedupeKey;
   * publishes the new ones. Returns how many were created.
   */
  async notifyMembers(n: MemberNotification): Promise<number> {
    if (!n.organizationIds.length) return 0;
    const members = await this.members.members(n.organizationIds, { roles: n.roles, excludeUserId: n.excludeUserId });
    // one per user (about the first of her organizations, in the order given), or one per membership
    const order = new Map(n.organizationIds.map((id, i) => [id, i]));
    members.sort((a, b) => order.get(a.organizationId)! - order.get(b.organizationId)!);
    const seen = new Set<string>();
    const recipients = n.perOrganization ? members : members.filter((m) => !seen.has(m.userId) && seen.add(m.userId));
    const rows = await this.insert(
      recipients.map(({ userId, organizationId }) => ({
        userId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        dedupeKey: n.perOrganization ? `${n.dedupeKey}:${organizationId}` : n.dedupeKey,
        organizationId,
      })),
    );
    await this.created(rows);
    return rows.length;
  }

  /**
   * Writes notifications in one statement; a (user, dedupeKey) that exists already is skipped (ON
   * CONFLICT DO NOTHING). Each is stored twice: its catalogue sentences (`title_text`, `body_text`,
   * which GraphQL writes in the reader's language) and their English (`title`, `body`, what e-mails,
   * exports and the personal-data download read). Answers the rows created (NOTIFICATION_RETURNING);
   * publishing them is the caller's (`created`).
   */
  async insert(notifications: readonly NewNotification[]): Promise<Row[]> {
    if (!notifications.length) return [];
    const column = <K extends keyof NewNotification>(key: K) => notifications.map((n) => n[key]);
    // Many rows share the same sentences (a fan-out: one per member of an organization): each
    // distinct Text is written in English once, and the Texts travel as one jsonb array that each
    // row indexes (a text[] of JSON documents costs Node an escaped copy of each, and PostgreSQL a parse).
    const english = memo((t: Text) => translateText('en', t));
    const texts: Text[] = [];
    const indexOf = memo((t: Text) => texts.push(t) - 1);
    const rows: Row[] = await this.dataSource.query(
      `INSERT INTO notification (user_id, kind, title, body, title_text, body_text, link, dedupe_key, organization_id)
       SELECT u, k, left(t, 300), b, $10::jsonb -> ti, $10::jsonb -> bi, l, d, o
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::uuid[])
              AS x(u, k, t, b, ti, bi, l, d, o)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       ${NOTIFICATION_RETURNING}`,
      [
        column('userId'),
        column('kind'),
        notifications.map((n) => english(n.title)),
        notifications.map((n) => english(n.body)),
        notifications.map((n) => indexOf(n.title)),
        notifications.map((n) => indexOf(n.body)),
        column('link'),
        column('dedupeKey'),
        notifications.map((n) => n.organizationId ?? null),
        JSON.stringify(texts),
      ],
    );
    // the sentences of the rows created, for their subscribers (toMessage)
    const given = new Map(notifications.map((n) => [`${n.userId} ${n.dedupeKey}`, n]));
    for (const row of rows) {
      const n = given.get(`${row.user_id} ${row.dedupe_key}`);
      row.title_text = n?.title ?? null;
      row.body_text = n?.body ?? null;
    }
    return rows;
  }

  /** After new notifications exist: push them to subscribers and let the e-mail job look. */
  async created(rows: Row[]): Promise<void> {
    if (!rows.length) return;
    await this.pubsub.publish(rows.map(toMessage));
    // Coalesces bursts: one e-mail job per two-second window. Should enqueueing fail, the
    // scheduled run of the same job mails them (the notifications are committed already).
    await this.queue
      .add(EMAIL_JOB, {}, { jobId: `${EMAIL_JOB}-${Math.floor(Date.now() / 2000)}` })
      .catch((error) => this.logger.warn(`E-mail job not enqueued: ${(error as Error).message}`));
  }

  // ---------- e-mail ----------

  /** Sends a mail another module queued in email_outbox (EMAIL_QUEUED); one already sent is not sent again. */
  async sendQueuedEmail(dedupeKey: string): Promise<void> {
    const [row]: Row[] = await this.dataSource.query(
      `SELECT user_id, to_address, subject, body, html_body FROM email_outbox WHERE dedupe_key = $1 AND sent_at IS NULL`,
      [dedupeKey],
    );
    if (!row) return;
    await this.mailer.send({
      userId: row.user_id,
      to: row.to_address,
      subject: row.subject,
      text: row.body,
      html: row.html_body,
      dedupeKey,
    });
  }

  /** IMMEDIATE users get one mail per notification; NONE users' are skipped; DAILY_DIGEST wait for the digest. */
  async sendPendingEmails(): Promise<number> {
    let sent = 0;
    for (;;) {
      const rows: Row[] = await this.dataSource.query(
        `SELECT n.id, n.user_id, n.title, n.body, n.link, coalesce(p.email_frequency::text, $1) AS frequency
           FROM notification n
           LEFT JOIN notification_preference p ON p.user_id = n.user_id
          WHERE n.email_state = 'PENDING' AND coalesce(p.email_frequency::text, $1) <> 'DAILY_DIGEST'
          ORDER BY n.created_at, n.id LIMIT $2`,
        [DEFAULT_EMAIL_FREQUENCY, BATCH],
      );
      if (!rows.length) return sent;
      const skipped = rows.filter((r) => r.frequency === EmailFrequency.NONE).map((r) => r.id);
      if (skipped.length) {
        await this.dataSource.query(`UPDATE notification SET email_state = 'SKIPPED' WHERE id = ANY($1)`, [skipped]);
      }
      // One UPDATE for the mails of the batch, also when a mail fails: those sent before it are
      // marked, it and the rest stay PENDING, and its error fails the job (which retries). Should the
      // process stop before the UPDATE, the next run finds these mails sent in email_outbox (same
      // dedupe keys) and only marks them: nothing is mailed twice nor lost.
      const mailed: string[] = [];
      let failure: { error: unknown } | undefined;
      const immediate = rows.filter((x) => x.frequency === EmailFrequency.IMMEDIATE);
      const recipients = await this.recipients(immediate.map((r) => r.user_id));
      for (const r of immediate) {
        const to = recipients.get(r.user_id)!;
        const mail = renderMail(
          'notification',
          { title: r.title, body: r.body, path: r.link },
          { webUrl: this.config.PUBLIC_WEB_URL, language: to.language },
        );
        try {
          await this.mailer.send({
            userId: r.user_id,
            to: to.email,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            dedupeKey: `notification:${r.id}`,
          });
        } catch (error) {
          failure = { error };
          break;
        }
        mailed.push(r.id);
      }
      if (mailed.length) {
        await this.dataSource.query(`UPDATE notification SET email_state = 'SENT' WHERE id = ANY($1)`, [mailed]);
      }
      if (failure) throw failure.error;
      sent += mailed.length;
      if (rows.length < BATCH) return sent;
    }
  }

  /** One mail per DAILY_DIGEST user with everything pending; the same set of notifications mails once. */
  async sendDailyDigests(): Promise<number> {
    let sent = 0;
    for (;;) {
      const users: Row[] = await this.dataSource.query(
        `SELECT n.user_id,
                array_agg(n.id ORDER BY n.created_at, n.id) AS ids,
                json_agg(json_build_object('title', n.title, 'body', n.body, 'link', n.link) ORDER BY n.created_at, n.id) AS items
           FROM notification n
           LEFT JOIN notification_preference p ON p.user_id = n.user_id
          WHERE n.email_state = 'PENDING' AND coalesce(p.email_frequency::text, $1) = 'DAILY_DIGEST'
          GROUP BY n.user_id
          LIMIT $2`,
        [DEFAULT_EMAIL_FREQUENCY, BATCH],
      );
      if (!users.length) return sent;
      const recipients = await this.recipients(users.map((u) => u.user_id));
      for (const u of users) {
        const ids = u.ids as string[];
        const items = u.items as Array<{ title: string; body: string; link: string | null }>;
        const digest = createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32);
        const to = recipients.get(u.user_id)!;
        const mail = renderMail(
          'notificationDigest',
          { items: items.map((i) => ({ title: i.title, body: i.body, path: i.link })) },
          { webUrl: this.config.PUBLIC_WEB_URL, language: to.language },
        );
        await this.mailer.send({
          userId: u.user_id,
          to: to.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          dedupeKey: `digest:${u.user_id}:${digest}`,
        });
        await this.dataSource.query(`UPDATE notification SET email_state = 'SENT' WHERE id = ANY($1)`, [ids]);
        sent++;
      }
      if (users.length < BATCH) return sent;
    }
  }

  /** The e-mail addresses and languages of users (libs/auth), by id. */
  private async recipients(userIds: string[]): Promise<Map<string, { email: string; language: Language }>> {
    if (!userIds.length) return new Map();
    return new Map(
      (await this.users.findByIds([...new Set(userIds)])).map((u) => [
        u.id,
        { email: u.email, language: languageOr(u.preferredLanguage) },
      ]),
    );
  }
}

/** `fn` remembering its answer for each object it was given (by identity). */
function memo<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let value = answers.get(key);
    if (value === undefined) answers.set(key, (value = fn(key)));
    return value;
  };
}
