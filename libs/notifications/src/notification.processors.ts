import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
    this.events.handle('ENROLMENT_ACCEPTED', (e) => this.enrolment(e, 'accepted'));
    this.events.handle('ENROLMENT_PROMOTED', (e) => this.enrolment(e, 'promoted'));
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
      const matches: Array<{ organization_id: string; title: string; body: string }> = await this.dataSource.query(
        FAN_OUT_MATCHES_SQL,
        [fund.funderId, after, upTo, this.config.NOTIFY_FUND_MATCH_THRESHOLD, fund.title, ...fund.matchingValues],
      );
      if (matches.length) {
        const byOrganization = new Map(matches.map((m) => [m.organization_id, m]));
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
      title: `Fund closed: ${p.title}`,
      body: `The deadline of "${p.title}" passed on ${utcMinute(p.deadline)} UTC; the fund is closed. Its applications await your decisions.`,
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
      title: `Deadline soon: ${p.fundTitle}`,
      body: `The application of "${p.projectTitle}" to "${p.fundTitle}" is still a draft; the fund closes on ${utcMinute(p.deadline)} UTC. Submit it before then.`,
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
      title: `${initiator} proposes a partnership`,
      body: `${initiator} proposes a ${humanize(partnership.kind)} partnership to ${partner}. Accept or decline it.`,
      link: `/partnerships/${p.partnershipId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async partnershipAnswered(event: DeliveredEvent<'PARTNERSHIP_ANSWERED'>): Promise<void> {
    const p = event.payload;
    const partner = (await this.names([p.partnerId])).get(p.partnerId) ?? 'The partner';
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
    const application = await this.funds.application(p.applicationId);
    if (!application) return;
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: 'APPLICATION_DECIDED',
      title: `Your application to ${application.fundTitle} is ${humanize(p.status)}`,
      body: `The application of "${application.projectTitle}" to "${application.fundTitle}" is now ${humanize(p.status)}.`,
      link: `/applications/${p.applicationId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  private async verificationDecided(event: DeliveredEvent<'VERIFICATION_DECIDED'>): Promise<void> {
    const p = event.payload;
    const [organization] = await this.organizations.findByIds([p.organizationId]);
    if (!organization) return;
    const verified = p.status === 'VERIFIED';
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: 'VERIFICATION_DECIDED',
      title: `${organization.name} is ${verified ? 'verified' : 'not verified'}`,
      body: verified
        ? `A moderator verified ${organization.name}.`
        : `A moderator rejected the verification of ${organization.name}${p.note ? `: ${p.note}` : '.'} You may request it again.`,
      link: `/organizations/${organization.slug}`,
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

  /** A published training reaches the organizations it is for (libs/capacity decides which). */
  private async trainingPublished(event: DeliveredEvent<'TRAINING_PUBLISHED'>): Promise<void> {
    const p = event.payload;
    await this.notifications.notifyMembers({
      organizationIds: await this.trainingAudience.organizationIds(p.trainingOfferId),
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

  /** Organizations' names by id (libs/organizations). */
  private async names(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.organizations.findByIds(ids)).map((o) => [o.id, o.name]));
  }
}

const humanize = (value: string) => value.toLowerCase().replace(/_/g, ' ');

/** 'YYYY-MM-DD HH:MM' of an ISO date, in UTC. */
const utcMinute = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');
