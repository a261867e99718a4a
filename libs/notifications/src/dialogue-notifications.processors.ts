import { Injectable, OnModuleInit } from '@nestjs/common';
import { UsersService } from '@app/auth';
import { Text, text } from '@app/common';
import { DialogueFacts } from '@app/dialogue';
import { DeliveredEvent, EventsService } from '@app/events';
import { OrganizationsService } from '@app/organizations';
import { NewNotification, NotificationsService } from './notifications.service.js';

/**
 * What conveners, invitees and participants of consultations hear (libs/dialogue's events), and
 * what moderators hear of verification requests (libs/organizations). Each notification names the
 * organization it is about for its recipient (Notification.organization): the convener for the
 * convener's members, the invited or participating organization for theirs; a user in several
 * participating organizations gets one about each. Dedupe keys are the events', so a redelivered
 * event notifies once.
 */
@Injectable()
export class DialogueNotificationProcessors implements OnModuleInit {
  constructor(
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    private readonly organizations: OrganizationsService,
    private readonly dialogue: DialogueFacts,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.events.handle('INVITATION_ANSWERED', (e) => this.invitationAnswered(e));
    this.events.handle('INVITATION_REMINDER_DUE', (e) => this.invitationReminder(e));
    this.events.handle('CONTRIBUTION_SUBMITTED', (e) => this.contributionSubmitted(e));
    this.events.handle('CONSULTATION_CLOSED', (e) => this.consultationClosed(e));
    this.events.handle('CONSULTATION_OUTCOME_PUBLISHED', (e) => this.outcomePublished(e));
    this.events.handle('VERIFICATION_REQUESTED', (e) => this.verificationRequested(e));
  }

  /** The convener's members learn that an invitee accepted or declined. */
  async invitationAnswered(event: DeliveredEvent<'INVITATION_ANSWERED'>): Promise<void> {
    const p = event.payload;
    const invitee = await this.name(p.organizationId);
    const answer = p.status === 'ACCEPTED' ? 'accepted' : 'declined';
    const params = { invitee, consultation: p.title };
    await this.notifications.notifyMembers({
      organizationIds: [p.convenerId],
      kind: 'INVITATION_ANSWERED',
      title: text(`notifications.INVITATION_ANSWERED.title.${answer}`, params),
      body: text(`notifications.INVITATION_ANSWERED.body.${answer}`, params),
      link: `/consultations/${p.consultationId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  /** The dialogue job: an invitation is still unanswered and the consultation closes soon. */
  async invitationReminder(event: DeliveredEvent<'INVITATION_REMINDER_DUE'>): Promise<void> {
    const p = event.payload;
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: 'INVITATION_REMINDER',
      title: text('notifications.INVITATION_REMINDER.title', { consultation: p.title }),
      body: text('notifications.INVITATION_REMINDER.body', { consultation: p.title, closesAt: { date: p.closesAt } }),
      link: `/consultations/${p.consultationId}`,
      dedupeKey: `INVITATION_REMINDER:${p.invitationId}`,
    });
  }

  /** The convener's members learn of a new contribution (never public: they see it in the consultation). */
  async contributionSubmitted(event: DeliveredEvent<'CONTRIBUTION_SUBMITTED'>): Promise<void> {
    const p = event.payload;
    const contributor = await this.name(p.organizationId);
    await this.notifications.notifyMembers({
      organizationIds: [p.convenerId],
      kind: 'CONTRIBUTION_SUBMITTED',
      title: text('notifications.CONTRIBUTION_SUBMITTED.title', { contributor, consultation: p.title }),
      body: text('notifications.CONTRIBUTION_SUBMITTED.body', { contributor, consultation: p.title }),
      link: `/consultations/${p.consultationId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  /** Participants (accepted invitees, contributors) learn that it closed, with or without an outcome. */
  async consultationClosed(event: DeliveredEvent<'CONSULTATION_CLOSED'>): Promise<void> {
    const p = event.payload;
    const convener = await this.name(p.convenerId);
    await this.notifications.notifyMembers({
      organizationIds: await this.dialogue.participantIds(p.consultationId),
      perOrganization: true,
      kind: 'CONSULTATION_CLOSED',
      title: text('notifications.CONSULTATION_CLOSED.title', { consultation: p.title }),
      body: text(
        p.withOutcome
          ? 'notifications.CONSULTATION_CLOSED.body.withOutcome'
          : 'notifications.CONSULTATION_CLOSED.body.withoutOutcome',
        { consultation: p.title, convener },
      ),
      link: `/consultations/${p.consultationId}`,
      dedupeKey: `CONSULTATION_CLOSED:${p.consultationId}`,
      excludeUserId: p.actorId,
    });
  }

  async outcomePublished(event: DeliveredEvent<'CONSULTATION_OUTCOME_PUBLISHED'>): Promise<void> {
    const p = event.payload;
    const convener = await this.name(p.convenerId);
    await this.notifications.notifyMembers({
      organizationIds: await this.dialogue.participantIds(p.consultationId),
      perOrganization: true,
      kind: 'CONSULTATION_OUTCOME_PUBLISHED',
      title: text('notifications.CONSULTATION_OUTCOME_PUBLISHED.title', { consultation: p.title }),
      body: text('notifications.CONSULTATION_OUTCOME_PUBLISHED.body', { convener, consultation: p.title }),
      link: `/consultations/${p.consultationId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  /** Every moderator and admin (but the one who asked) learns of a request in the verification queue. */
  async verificationRequested(event: DeliveredEvent<'VERIFICATION_REQUESTED'>): Promise<void> {
    const p = event.payload;
    const [organization] = await this.organizations.findByIds([p.organizationId]);
    if (!organization) return;
    const moderators = (await this.users.moderatorIds()).filter((id) => id !== p.actorId);
    const name = organization.name;
    const title = text('notifications.VERIFICATION_REQUESTED.title', { organization: name });
    const body = p.note
      ? text('notifications.VERIFICATION_REQUESTED.body.again', { organization: name, note: p.note })
      : text('notifications.VERIFICATION_REQUESTED.body.first', { organization: name });
    const rows = await this.notifications.insert(
      moderators.map((userId): NewNotification => ({
        userId,
        kind: 'VERIFICATION_REQUESTED',
        title,
        body,
        link: `/moderation/verification`,
        dedupeKey: `${event.type}:${event.id}`,
        organizationId: organization.id,
      })),
    );
    await this.notifications.created(rows);
  }

  /** An organization's name, or "An organization" (in the reader's language) when it is gone. */
  private async name(organizationId: string): Promise<string | Text> {
    const [organization] = await this.organizations.findByIds([organizationId]);
    return organization?.name ?? text('notifications.someone.organization');
  }
}
