import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuthUser, NotFoundError } from '@app/common';
import type { RequestContext } from '@app/common';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import { EnrolmentStatus, TrainingStatus } from '@app/capacity';
import { ApplicationStatus, FundsService, FundStatus } from '@app/funds';
import { FundMatchingService } from '@app/matching';
import { ProjectsService } from '@app/projects';
import { CalendarFeed } from './exports.entities.js';
import { CalendarFeedUrl } from './exports.inputs.js';
import { hashFeedSecret, newFeedSecret } from './export-token.js';
import { ExportsService } from './exports.service.js';
import { CalendarEvent, toIcs } from './ical.js';

/** The most matching funds one organization contributes to a feed. */
const FUNDS_PER_ORGANIZATION = 50;
/** Enrolments whose training dates a feed shows (not declined or cancelled ones). */
const LIVE_ENROLMENTS: readonly string[] = [
  EnrolmentStatus.APPLIED,
  EnrolmentStatus.ACCEPTED,
  EnrolmentStatus.WAITLISTED,
  EnrolmentStatus.COMPLETED,
];

/**
 * Per-user iCalendar feeds (docs/domain.md, "Calendar feeds"): fund deadlines (OPEN funds that match
 * one of her organizations, or that one of them applied to) and the dates of the trainings her
 * organizations are enrolled in. The URL's secret is stored as its SHA-256; one live feed per user.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly exports: ExportsService,
    private readonly matching: FundMatchingService,
    private readonly projects: ProjectsService,
  ) {}

  /** A new secret URL; the previous one (if any) stops working. */
  create(user: AuthUser): Promise<CalendarFeedUrl> {
    return this.dataSource.transaction(async (manager) => {
      await manager.update(CalendarFeed, { userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      const { secret, hash } = newFeedSecret();
      const feed = await manager.save(manager.create(CalendarFeed, { userId: user.id, secretHash: hash }));
      return { url: `/calendar/${secret}.ics`, createdAt: feed.createdAt };
    });
  }

  /** Revokes the user's live feed; false when she had none. */
  async revoke(user: AuthUser): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(CalendarFeed)
      .update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** The .ics of a live feed's secret; NotFoundError for an unknown or revoked one. */
  async ics(secret: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) throw new NotFoundError('Calendar feed');
    const feed = await this.dataSource
      .getRepository(CalendarFeed)
      .findOneBy({ secretHash: hashFeedSecret(secret), revokedAt: IsNull() });
    const user = feed && (await this.users.findById(feed.userId));
    if (!user) throw new NotFoundError('Calendar feed');
    const ctx = this.exports.contextFor({ id: user.id, email: user.email, platformRole: user.platformRole });
    const events = [...(await this.fundDeadlines(ctx)), ...(await this.trainings(ctx))];
    return toIcs('Diaspora Nexus: deadlines and trainings', events);
  }

  private async fundDeadlines(ctx: RequestContext): Promise<CalendarEvent[]> {
    const organizationIds = [...(await ctx.access()).roles.keys()];
    const fundIds = new Set<string>();
    for (const organizationId of organizationIds) {
      const matches = await this.matching.fundMatches(organizationId, null, FUNDS_PER_ORGANIZATION);
      for (const m of matches) fundIds.add(m.fundId);
    }
    const projectIds = await this.projects.idsOfOrganizations(organizationIds);
    for (const applications of await ctx.loaders.funds.applicationsByProject.loadMany(projectIds)) {
      if (applications instanceof Error) throw applications;
      for (const a of applications) if (a.status !== ApplicationStatus.WITHDRAWN) fundIds.add(a.fundId);
    }
    const events: CalendarEvent[] = [];
    for (const fund of await ctx.loaders.funds.fund.loadMany([...fundIds])) {
      if (!fund || fund instanceof Error || FundsService.effectiveStatus(fund) !== FundStatus.OPEN) continue;
      events.push({
        uid: `fund-deadline-${fund.id}@diaspora-nexus`,
        summary: `Deadline: ${fund.title}`,
        description: `Applications to ${fund.title} close at this time.\n${this.link(`/funds/${fund.id}`)}`,
        url: this.link(`/funds/${fund.id}`),
        start: fund.deadline,
        lastModified: fund.updatedAt,
      });
    }
    return events.sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  private async trainings(ctx: RequestContext): Promise<CalendarEvent[]> {
    const organizationIds = [...(await ctx.access()).roles.keys()];
    const offerIds = new Set<string>();
    for (const enrolments of await ctx.loaders.capacity.enrolmentsByOrganization.loadMany(organizationIds)) {
      if (enrolments instanceof Error) throw enrolments;
      for (const e of enrolments) if (LIVE_ENROLMENTS.includes(e.status)) offerIds.add(e.trainingId);
    }
    const events: CalendarEvent[] = [];
    for (const offer of await ctx.loaders.capacity.trainingOffer.loadMany([...offerIds])) {
      if (!offer || offer instanceof Error || offer.status !== TrainingStatus.PUBLISHED) continue;
      events.push({
        uid: `training-${offer.id}@diaspora-nexus`,
        summary: `Training: ${offer.title}`,
        description: `${offer.description}\n${this.link(`/trainings/${offer.id}`)}`,
        location: [offer.city, offer.country].filter(Boolean).join(', ') || offer.format,
        url: this.link(`/trainings/${offer.id}`),
        start: offer.startsAt,
        end: offer.endsAt,
        lastModified: offer.updatedAt,
      });
    }
    return events.sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  private link(path: string): string {
    return `${this.config.PUBLIC_WEB_URL.replace(/\/$/, '')}${path}`;
  }
}
