import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isMessageKey, text } from '@app/common';
import { AppConfig } from '@app/config';
import { TrainingAudienceService } from '@app/capacity';
import { DeliveredEvent, EventsService } from '@app/events';
import { FundFacts } from '@app/funds';
import { MANAGER_ROLES, MembersDirectory, OrganizationsService } from '@app/organizations';
import { PartnershipFacts } from '@app/partnerships';
import { JobQueue } from '@app/queue';
import { BATCH_BOUND_SQL, FAN_OUT_MATCHES_SQL, FIRST_ID } from './fund-match-fan-out.js';
import { DIGEST_JOB, EMAIL_JOB, NewNotification, NotificationsService } from './notifications.service.js';

const DAY_MS = 86_400_000;

/**
 * The processors of the notification jobs: one per domain event (registered with EventsService),
 * and the scheduled e-mail jobs (pending e-mails, daily digest). They only react: what they need to
 * know of other domains they ask those libs' exported services, and they write notifications only.
 * Every notification has a dedupe key, so any of them may run twice.
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
    private readonly organizations: OrganizationsService,
    private readonly members: MembersDirectory,
    private readonly partnerships: PartnershipFacts,
    private readonly funds: FundFacts,
    private readonly trainingAudience: TrainingAudienceService,
  ) {}

  onModuleInit(): void {
    this.events.handle('FUND_PUBLISHED', (e) => this.fundPublished(e).then(() => undefined));
    this.events.handle('FUND_CLOSED', (e) => this.fundClosed(e));
    this.events.handle('APPLICATION_DRAFT_REMINDER_DUE', (e) => this.draftReminder(e));
    this.events.handle('PARTNERSHIP_PROPOSED', (e) => this.partnershipProposed(e));
    this.events.handle('PARTNERSHIP_ANSWERED', (e) => this.partnershipAnswered(e));
    this.events.handle('APPLICATION_DECIDED', (e) => this.applicationDecided(e));
    this.events.handle('VERIFICATION_DECIDED', (e) => this.verificationDecided(e));
    this.events.handle('ENROLMENT_ACCEPTED', (e) => this.enrolment(e));
    this.events.handle('ENROLMENT_PROMOTED', (e) => this.enrolment(e));
    this.events.handle('INVITATION_RECEIVED', (e) => this.invitationReceived(e));
    this.events.handle('TRAINING_PUBLISHED', (e) => this.trainingPublished(e));
    this.events.handle('EMAIL_QUEUED', (e) => this.notifications.sendQueuedEmail(e.payload.dedupeKey));

    const every = this.config.JOB_SCHEDULE_INTERVAL_SECONDS * 1000;
    this.queue.process(EMAIL_JOB, () => this.notifications.sendPendingEmails().then(() => undefined));
    this.queue.schedule(EMAIL_JOB, { every });
    this.queue.process(DIGEST_JOB, () => this.notifications.sendDailyDigests().then(() => undefined));
    this.queue.schedule(DIGEST_JOB, { every: DAY_MS });
  }

  /**
   * Fan-out of a published fund: organizations in id batches of NOTIFY_FAN_OUT_BATCH_SIZE; each
   * batch is matched and scored by one statement of libs/matching's SQL (fund-match-fan-out.ts), the
   * members of the organizations that reach the threshold come from libs/organizations, and their
   * FUND_MATCH notifications are written in one statement. Returns the number of notifications created.
   */
  async fundPublished(event: DeliveredEvent<'FUND_PUBLISHED'>): Promise<number> {
    const { fundId } = event.payload;
    const fund = await this.funds.fundForMatching(fundId);
    if (!fund || fund.status !== 'OPEN') return 0;
    const size = this.config.NOTIFY_FAN_OUT_BATCH_SIZE;
    let after = FIRST_ID;
    let created = 0;
    for (;;) {
      const [bound]: Array<{ id: string }> = await this.dataSource.query(BATCH_BOUND_SQL, [after, size]);
      const upTo = bound?.id ?? null;
      const matches: Array<{
        organization_id: string;
        name: string;
        fund_title: string;
        score: string;
        deadline: string;
      }> = await this.dataSource.query(FAN_OUT_MATCHES_SQL, [
        fund.funderId,
        after,
        upTo,
        this.config.NOTIFY_FUND_MATCH_THRESHOLD,
        fund.title,
        ...fund.matchingValues,
      ]);
      if (matches.length) {
        const byOrganization = new Map(matches.map((m) => [m.organization_id, fundMatchTexts(m)]));
        const members = await this.members.members([...byOrganization.keys()]);
        const rows = await this.notifications.insert(
          members.map(({ organizationId, userId }): NewNotification => {
            const match = byOrganization.get(organizationId)!;
            return {
              userId,
              kind: 'FUND_MATCH',
              title: match.title,
              body: match.body,
              link: `/funds/${fundId}`,
              dedupeKey: `FUND_MATCH:${fundId}:${organizationId}`,
              organizationId,
            };
          }),
        );
        created += rows.length;
        await this.notifications.created(rows);
      }
      if (!upTo) break;
      after = upTo;
    }
    this.logger.log(`Fund ${fundId} published: ${created} notification(s)`);
    return created;
  }

  /** The fund-deadlines job of libs/funds closed a fund: the funder's managers are told. */
  private async fundClosed(event: DeliveredEvent<'FUND_CLOSED'>): Promise<void> {
    const p = event.payload;
    await this.notifications.notifyMembers({
      organizationIds: [p.funderId],
      roles: MANAGER_ROLES,
      kind: 'FUND_CLOSED',
      title: text('notifications.FUND_CLOSED.title', { fund: p.title }),
      body: text('notifications.FUND_CLOSED.body', { fund: p.title, deadline: { date: p.deadline } }),
      link: `/funds/${p.fundId}`,
      dedupeKey: `FUND_CLOSED:${p.fundId}`,
    });
  }

  /** A DRAFT application's fund closes within seven days (libs/funds): the applicant's members are reminded. */
  private async draftReminder(event: DeliveredEvent<'APPLICATION_DRAFT_REMINDER_DUE'>): Promise<void> {
    const p = event.payload;
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: 'APPLICATION_DEADLINE_REMINDER',
      title: text('notifications.APPLICATION_DEADLINE_REMINDER.title', { fund: p.fundTitle }),
      body: text('notifications.APPLICATION_DEADLINE_REMINDER.body', {
        project: p.projectTitle,
        fund: p.fundTitle,
        deadline: { date: p.deadline },
      }),
      link: `/applications/${p.applicationId}`,
      dedupeKey: `DEADLINE_REMINDER:${p.applicationId}`,
    });
  }

  private async partnershipProposed(event: DeliveredEvent<'PARTNERSHIP_PROPOSED'>): Promise<void> {
    const p = event.payload;
    const partnership = await this.partnerships.find(p.partnershipId);
    const names = await this.names([p.initiatorId, p.partnerId]);
    const initiator = names.get(p.initiatorId);
    const partner = names.get(p.partnerId);
    if (!partnership || !initiator || !partner) return;
    await this.notifications.notifyMembers({
      organizationIds: [p.partnerId],
      kind: 'PARTNERSHIP_PROPOSED',
      title: text('notifications.PARTNERSHIP_PROPOSED.title', { initiator }),
      body: text('notifications.PARTNERSHIP_PROPOSED.body', {
        initiator,
        kind: enumText('notifications.partnershipKind', partnership.kind),
        partner,
      }),
      link: `/partnerships/${p.partnershipId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async partnershipAnswered(event: DeliveredEvent<'PARTNERSHIP_ANSWERED'>): Promise<void> {
    const p = event.payload;
    const partner = (await this.names([p.partnerId])).get(p.partnerId) ?? text('notifications.someone.partner');
    const answer = p.status === 'ACTIVE' ? 'accepted' : 'declined';
    await this.notifications.notifyMembers({
      organizationIds: [p.initiatorId],
      kind: 'PARTNERSHIP_ANSWERED',
      title: text(`notifications.PARTNERSHIP_ANSWERED.title.${answer}`, { partner }),
      body: text(`notifications.PARTNERSHIP_ANSWERED.body.${answer}`, { partner }),
      link: `/partnerships/${p.partnershipId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async applicationDecided(event: DeliveredEvent<'APPLICATION_DECIDED'>): Promise<void> {
    const p = event.payload;
    const application = await this.funds.application(p.applicationId);
    if (!application) return;
    const status = enumText('notifications.applicationStatus', p.status);
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: 'APPLICATION_DECIDED',
      title: text('notifications.APPLICATION_DECIDED.title', { fund: application.fundTitle, status }),
      body: text('notifications.APPLICATION_DECIDED.body', {
        project: application.projectTitle,
        fund: application.fundTitle,
        status,
      }),
      link: `/applications/${p.applicationId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async verificationDecided(event: DeliveredEvent<'VERIFICATION_DECIDED'>): Promise<void> {
    const p = event.payload;
    const [organization] = await this.organizations.findByIds([p.organizationId]);
    if (!organization) return;
    const name = organization.name;
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: 'VERIFICATION_DECIDED',
      ...(p.status === 'VERIFIED'
        ? {
            title: text('notifications.VERIFICATION_DECIDED.title.verified', { organization: name }),
            body: text('notifications.VERIFICATION_DECIDED.body.verified', { organization: name }),
          }
        : {
            title: text('notifications.VERIFICATION_DECIDED.title.rejected', { organization: name }),
            body: p.note
              ? text('notifications.VERIFICATION_DECIDED.body.rejectedWithNote', { organization: name, note: p.note })
              : text('notifications.VERIFICATION_DECIDED.body.rejected', { organization: name }),
          }),
      link: `/organizations/${organization.slug}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async enrolment(event: DeliveredEvent<'ENROLMENT_ACCEPTED' | 'ENROLMENT_PROMOTED'>): Promise<void> {
    const p = event.payload;
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: event.type,
      title: text(`notifications.${event.type}.title`, { training: p.title }),
      body: text(`notifications.${event.type}.body`, { training: p.title }),
      link: `/trainings/${p.trainingOfferId}`,
      dedupeKey: `${event.type}:${event.id}`,
    });
  }

  /** A published training reaches the organizations it is for (libs/capacity decides which). */
  private async trainingPublished(event: DeliveredEvent<'TRAINING_PUBLISHED'>): Promise<void> {
    const p = event.payload;
    await this.notifications.notifyMembers({
      organizationIds: await this.trainingAudience.organizationIds(p.trainingOfferId),
      kind: 'TRAINING_PUBLISHED',
      title: text('notifications.TRAINING_PUBLISHED.title', { training: p.title }),
      body: text('notifications.TRAINING_PUBLISHED.body', { training: p.title }),
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
      title: text('notifications.INVITATION_RECEIVED.title', { consultation: p.title }),
      body: text('notifications.INVITATION_RECEIVED.body', { consultation: p.title }),
      link: `/consultations/${p.consultationId}`,
      dedupeKey: `${event.type}:${event.id}`,
    });
  }

  /** Organizations' names by id (libs/organizations). */
  private async names(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.organizations.findByIds(ids)).map((o) => [o.id, o.name]));
  }
}

/**
 * The catalogue's word for an enum value inside a sentence (`notifications.applicationStatus.AWARDED`:
 * "awarded"); a value the catalogue lacks is written as it always was, in lower case without underscores.
 */
export function enumText(prefix: 'notifications.applicationStatus' | 'notifications.partnershipKind', value: string) {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? text(key) : value.toLowerCase().replace(/_/g, ' ');
}

/** The title and body of the FUND_MATCH notifications of one matched organization (FAN_OUT_MATCHES_SQL's row). */
function fundMatchTexts(m: { name: string; fund_title: string; score: string; deadline: string }) {
  const params = { organization: m.name, fund: m.fund_title };
  return {
    title: text('notifications.FUND_MATCH.title', params),
    body: text('notifications.FUND_MATCH.body', {
      ...params,
      // the SQL's two decimals, re-read: English writes them back as they were ("0.70")
      score: { decimal: Number(m.score), digits: 2 },
      deadline: { date: m.deadline },
    }),
  };
}
