import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { DeliveredEvent, EventsService } from '@app/events';
import { MANAGER_ROLES } from '@app/organizations';
import { JobQueue } from '@app/queue';
import { FUND_COLUMNS_SELECT, fundColumnValues } from '@app/matching';
import { BATCH_BOUND_SQL, FAN_OUT_BATCH_SQL, FIRST_ID } from './fund-match-fan-out.js';
import { DIGEST_JOB, EMAIL_JOB, NOTIFICATION_RETURNING, NotificationsService } from './notifications.service.js';

export const FUND_DEADLINES_JOB = 'fund-deadlines';
const DAY_MS = 86_400_000;

// Raw SQL rows (snake_case columns).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

/**
 * The processors of the notification jobs: one per domain event (registered with EventsService),
 * and the scheduled ones (fund deadlines and reminders, e-mails, daily digest). Every notification
 * has a dedupe key, so any of them may run twice.
 */
@Injectable()
export class NotificationProcessors implements OnModuleInit {
  private readonly logger = new Logger(NotificationProcessors.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly queue: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.handle('FUND_PUBLISHED', (e) => this.fundPublished(e).then(() => undefined));
    this.events.handle('PARTNERSHIP_PROPOSED', (e) => this.partnershipProposed(e));
    this.events.handle('PARTNERSHIP_ANSWERED', (e) => this.partnershipAnswered(e));
    this.events.handle('APPLICATION_DECIDED', (e) => this.applicationDecided(e));
    this.events.handle('VERIFICATION_DECIDED', (e) => this.verificationDecided(e));
    this.events.handle('ENROLMENT_ACCEPTED', (e) => this.enrolment(e, 'accepted'));
    this.events.handle('ENROLMENT_PROMOTED', (e) => this.enrolment(e, 'promoted'));
    this.events.handle('INVITATION_RECEIVED', (e) => this.invitationReceived(e));
    this.events.handle('TRAINING_PUBLISHED', (e) => this.trainingPublished(e));
    this.events.handle('EMAIL_QUEUED', (e) => this.notifications.sendQueuedEmail(e.payload.dedupeKey));

    const every = this.config.JOB_SCHEDULE_INTERVAL_SECONDS * 1000;
    this.queue.process(FUND_DEADLINES_JOB, () => this.fundDeadlines().then(() => undefined));
    this.queue.schedule(FUND_DEADLINES_JOB, { every });
    this.queue.process(EMAIL_JOB, () => this.notifications.sendPendingEmails().then(() => undefined));
    this.queue.schedule(EMAIL_JOB, { every });
    this.queue.process(DIGEST_JOB, () => this.notifications.sendDailyDigests().then(() => undefined));
    this.queue.schedule(DIGEST_JOB, { every: DAY_MS });
  }

  /**
   * Fan-out of a published fund: organizations in id batches of NOTIFY_FAN_OUT_BATCH_SIZE, each
   * batch one INSERT … SELECT that matches, scores and notifies (see fund-match-fan-out.ts).
   * Returns the number of notifications created.
   */
  async fundPublished(event: DeliveredEvent<'FUND_PUBLISHED'>): Promise<number> {
    const { fundId } = event.payload;
    const [fund]: Row[] = await this.dataSource.query(
      `SELECT ${FUND_COLUMNS_SELECT}, title, funder_id FROM fund WHERE id = $1`,
      [fundId],
    );
    if (!fund || fund.status !== 'OPEN') return 0;
    const fundValues = fundColumnValues(fund);
    const size = this.config.NOTIFY_FAN_OUT_BATCH_SIZE;
    let after = FIRST_ID;
    let created = 0;
    for (;;) {
      const [bound]: Row[] = await this.dataSource.query(BATCH_BOUND_SQL, [after, size]);
      const upTo: string | null = bound?.id ?? null;
      const rows: Row[] = await this.dataSource.query(FAN_OUT_BATCH_SQL, [
        fundId,
        fund.funder_id,
        after,
        upTo,
        this.config.NOTIFY_FUND_MATCH_THRESHOLD,
        fund.title,
        ...fundValues,
      ]);
      created += rows.length;
      await this.notifications.created(rows);
      if (!upTo) break;
      after = upTo;
    }
    this.logger.log(`Fund ${fundId} published: ${created} notification(s)`);
    return created;
  }

  private async partnershipProposed(event: DeliveredEvent<'PARTNERSHIP_PROPOSED'>): Promise<void> {
    const p = event.payload;
    const [row]: Row[] = await this.dataSource.query(
      `SELECT pa.kind, i.name AS initiator, o.name AS partner FROM partnership pa
         JOIN organization i ON i.id = pa.initiator_id JOIN organization o ON o.id = pa.partner_id WHERE pa.id = $1`,
      [p.partnershipId],
    );
    if (!row) return;
    await this.notifications.notifyMembers({
      organizationIds: [p.partnerId],
      kind: 'PARTNERSHIP_PROPOSED',
      title: `${row.initiator} proposes a partnership`,
      body: `${row.initiator} proposes a ${humanize(row.kind)} partnership to ${row.partner}. Accept or decline it.`,
      link: `/partnerships/${p.partnershipId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async partnershipAnswered(event: DeliveredEvent<'PARTNERSHIP_ANSWERED'>): Promise<void> {
    const p = event.payload;
    const [row]: Row[] = await this.dataSource.query(`SELECT name FROM organization WHERE id = $1`, [p.partnerId]);
    const partner = row?.name ?? 'The partner';
    const accepted = p.status === 'ACTIVE';
    await this.notifications.notifyMembers({
      organizationIds: [p.initiatorId],
      kind: 'PARTNERSHIP_ANSWERED',
      title: `${partner} ${accepted ? 'accepted' : 'declined'} your partnership proposal`,
      body: accepted
        ? `${partner} accepted the partnership: it is now active.`
        : `${partner} declined the partnership proposal.`,
      link: `/partnerships/${p.partnershipId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async applicationDecided(event: DeliveredEvent<'APPLICATION_DECIDED'>): Promise<void> {
    const p = event.payload;
    const [row]: Row[] = await this.dataSource.query(
      `SELECT f.title AS fund, pr.title AS project FROM fund_application a
         JOIN fund f ON f.id = a.fund_id JOIN project pr ON pr.id = a.project_id WHERE a.id = $1`,
      [p.applicationId],
    );
    if (!row) return;
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: 'APPLICATION_DECIDED',
      title: `Your application to ${row.fund} is ${humanize(p.status)}`,
      body: `The application of "${row.project}" to "${row.fund}" is now ${humanize(p.status)}.`,
      link: `/applications/${p.applicationId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async verificationDecided(event: DeliveredEvent<'VERIFICATION_DECIDED'>): Promise<void> {
    const p = event.payload;
    const [row]: Row[] = await this.dataSource.query(`SELECT name, slug FROM organization WHERE id = $1`, [
      p.organizationId,
    ]);
    if (!row) return;
    const verified = p.status === 'VERIFIED';
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: 'VERIFICATION_DECIDED',
      title: `${row.name} is ${verified ? 'verified' : 'not verified'}`,
      body: verified
        ? `A moderator verified ${row.name}.`
        : `A moderator rejected the verification of ${row.name}${p.note ? `: ${p.note}` : '.'} You may request it again.`,
      link: `/organizations/${row.slug}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async enrolment(
    event: DeliveredEvent<'ENROLMENT_ACCEPTED' | 'ENROLMENT_PROMOTED'>,
    how: 'accepted' | 'promoted',
  ): Promise<void> {
    const p = event.payload;
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: event.type,
      title: how === 'accepted' ? `Enrolment accepted: ${p.title}` : `A seat freed up: ${p.title}`,
      body:
        how === 'accepted'
          ? `Your enrolment in "${p.title}" is accepted.`
          : `A seat freed up in "${p.title}": your enrolment moved from the waiting list to accepted.`,
      link: `/trainings/${p.trainingOfferId}`,
      dedupeKey: `${event.type}:${event.id}`,
    });
  }

  /**
   * A published training reaches the organizations whose needs it addresses: their latest capacity
   * assessment has an area at level ≤ 2 that the offer covers, and the offer is open to their kind.
   */
  private async trainingPublished(event: DeliveredEvent<'TRAINING_PUBLISHED'>): Promise<void> {
    const p = event.payload;
    const rows: Row[] = await this.dataSource.query(
      `WITH latest AS (
         SELECT DISTINCT ON (a.organization_id) a.organization_id, a.needs
           FROM capacity_assessment a ORDER BY a.organization_id, a.assessed_at DESC, a.id DESC)
       SELECT l.organization_id FROM latest l
         JOIN organization o ON o.id = l.organization_id
         JOIN training_offer t ON t.id = $1 AND t.status = 'PUBLISHED'
        WHERE l.needs && t.capacity_areas AND o.id <> t.provider_id
          AND (cardinality(t.eligible_organization_kinds) = 0 OR o.kind::text = ANY(t.eligible_organization_kinds))`,
      [p.trainingOfferId],
    );
    await this.notifications.notifyMembers({
      organizationIds: rows.map((r) => r.organization_id),
      kind: 'TRAINING_PUBLISHED',
      title: `A training for your needs: ${p.title}`,
      body: `"${p.title}" covers capacity areas your organization assessed as needs. Enrol while seats are left.`,
      link: `/trainings/${p.trainingOfferId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async invitationReceived(event: DeliveredEvent<'INVITATION_RECEIVED'>): Promise<void> {
    const p = event.payload;
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: 'INVITATION_RECEIVED',
      title: `Invitation to a consultation: ${p.title}`,
      body: `Your organization is invited to contribute to "${p.title}". Accept or decline the invitation.`,
      link: `/consultations/${p.consultationId}`,
      dedupeKey: `${event.type}:${event.id}`,
    });
  }

  /**
   * Scheduled: OPEN funds past their deadline become CLOSED (the funder's managers are told in the
   * same statement), and members of organizations with a DRAFT application to a fund whose deadline
   * is less than seven days away get one reminder per application.
   */
  async fundDeadlines(): Promise<{ closed: number; reminded: number }> {
    const closed: Row[] = await this.dataSource.query(
      `WITH closed AS (
         UPDATE fund SET status = 'CLOSED', closed_at = deadline, updated_at = now()
          WHERE status = 'OPEN' AND deadline <= now()
          RETURNING id, funder_id, title, deadline)
       INSERT INTO notification (user_id, kind, title, body, link, dedupe_key)
       SELECT m.user_id, 'FUND_CLOSED', left('Fund closed: ' || c.title, 300),
              'The deadline of "' || c.title || '" passed on ' || to_char(c.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
                || ' UTC; the fund is closed. Its applications await your decisions.',
              '/funds/' || c.id::text, 'FUND_CLOSED:' || c.id::text
         FROM closed c JOIN membership m ON m.organization_id = c.funder_id AND m.role::text = ANY($1::text[])
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       ${NOTIFICATION_RETURNING}`,
      [MANAGER_ROLES],
    );
    const reminded: Row[] = await this.dataSource.query(
      `INSERT INTO notification (user_id, kind, title, body, link, dedupe_key)
       SELECT DISTINCT m.user_id, 'APPLICATION_DEADLINE_REMINDER', left('Deadline soon: ' || f.title, 300),
              'The application of "' || p.title || '" to "' || f.title || '" is still a draft; the fund closes on '
                || to_char(f.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC. Submit it before then.',
              '/applications/' || a.id::text, 'DEADLINE_REMINDER:' || a.id::text
         FROM fund_application a
         JOIN fund f ON f.id = a.fund_id
         JOIN project p ON p.id = a.project_id
         JOIN membership m ON m.organization_id = a.organization_id
        WHERE a.status = 'DRAFT' AND f.status = 'OPEN'
          AND f.deadline > now() AND f.deadline <= now() + interval '7 days'
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       ${NOTIFICATION_RETURNING}`,
    );
    await this.notifications.created([...closed, ...reminded]);
    return { closed: closed.length, reminded: reminded.length };
  }
}

const humanize = (value: string) => value.toLowerCase().replace(/_/g, ' ');
