import { Injectable, OnModuleInit } from '@nestjs/common';
import { text } from '@app/common';
import { DeliveredEvent, EventsService } from '@app/events';
import { FundFacts } from '@app/funds';
import { MANAGER_ROLES, OrganizationsService } from '@app/organizations';
import { enumText } from './notification.processors.js';
import { NotificationsService } from './notifications.service.js';

/**
 * What a funder's OWNER/ADMIN (who decide applications) hear of their funds' applications: each
 * new (submitted) application and each withdrawn one. Each notification is about the funder (the
 * recipient's organization) and links to the application; its dedupe key is the event's, so a
 * redelivered event notifies once. A candidate the funder shortlisted before it applied
 * (CANDIDATE_SHORTLISTED) hears it: its members are invited to apply.
 */
@Injectable()
export class FunderNotificationProcessors implements OnModuleInit {
  constructor(
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    private readonly organizations: OrganizationsService,
    private readonly funds: FundFacts,
  ) {}

  onModuleInit(): void {
    this.events.handle('APPLICATION_SUBMITTED', (e) => this.submitted(e));
    this.events.handle('APPLICATION_WITHDRAWN', (e) => this.withdrawn(e));
    this.events.handle('CANDIDATE_SHORTLISTED', (e) => this.shortlisted(e));
  }

  /** The funder shortlisted an organization from a fund's candidates: its members are invited to apply. */
  async shortlisted(event: DeliveredEvent<'CANDIDATE_SHORTLISTED'>): Promise<void> {
    const p = event.payload;
    const [funder] = await this.organizations.findByIds([p.funderId]);
    await this.notifications.notifyMembers({
      organizationIds: [p.organizationId],
      kind: 'CANDIDATE_SHORTLISTED',
      title: text('notifications.CANDIDATE_SHORTLISTED.title', { fund: p.title }),
      body: text('notifications.CANDIDATE_SHORTLISTED.body', {
        funder: funder?.name ?? text('notifications.someone.funder'),
        fund: p.title,
      }),
      link: `/funds/${p.fundId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  async submitted(event: DeliveredEvent<'APPLICATION_SUBMITTED'>): Promise<void> {
    const p = event.payload;
    const about = await this.about(p.applicationId, p.organizationId);
    if (!about) return;
    await this.notifications.notifyMembers({
      organizationIds: [p.funderId],
      roles: MANAGER_ROLES,
      kind: 'APPLICATION_SUBMITTED',
      title: text('notifications.APPLICATION_SUBMITTED.title', { fund: about.fundTitle }),
      body: text('notifications.APPLICATION_SUBMITTED.body', {
        applicant: about.applicant,
        fund: about.fundTitle,
        project: about.projectTitle,
      }),
      link: `/applications/${p.applicationId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  async withdrawn(event: DeliveredEvent<'APPLICATION_WITHDRAWN'>): Promise<void> {
    const p = event.payload;
    const about = await this.about(p.applicationId, p.organizationId);
    if (!about) return;
    await this.notifications.notifyMembers({
      organizationIds: [p.funderId],
      roles: MANAGER_ROLES,
      kind: 'APPLICATION_WITHDRAWN',
      title: text('notifications.APPLICATION_WITHDRAWN.title', { fund: about.fundTitle }),
      body: text('notifications.APPLICATION_WITHDRAWN.body', {
        applicant: about.applicant,
        project: about.projectTitle,
        fund: about.fundTitle,
        status: enumText('notifications.applicationStatus', p.fromStatus),
      }),
      link: `/applications/${p.applicationId}`,
      dedupeKey: `${event.type}:${event.id}`,
      excludeUserId: p.actorId,
    });
  }

  /** The titles and the applicant's name the messages show (libs/funds, libs/organizations). */
  private async about(applicationId: string, organizationId: string) {
    const [application, [applicant]] = await Promise.all([
      this.funds.application(applicationId),
      this.organizations.findByIds([organizationId]),
    ]);
    if (!application) return null;
    return { ...application, applicant: applicant?.name ?? text('notifications.someone.organization') };
  }
}
