import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  AuthUser,
  BadInputError,
  ConflictError,
  isUuid,
  Locale,
  Page,
  pageSize,
  paginate,
  requireId,
  requireTransition,
  SortKey,
  StateMachine,
  text,
} from '@app/common';
import { DialogueCounterpartsService } from '@app/matching';
import type { OrganizationMatch } from '@app/matching';
import {
  CONVENER_KINDS,
  MANAGER_ROLES,
  Organization,
  OrganizationPolicy,
  ViewerAccess,
  Visibility,
} from '@app/organizations';
import { recordEvent } from '@app/events';
import { recordTransition } from '@app/persistence';
import { ReferenceDataService } from '@app/reference-data';
import {
  Consultation,
  ConsultationEvent,
  ConsultationInvitation,
  ConsultationStatus,
  Contribution,
  InvitationStatus,
} from './consultation.entity.js';
import { announceInvitations, lockConsultation } from './consultation-writes.js';
import { ConsultationInput, ConsultationsArgs, CounterpartQuery } from './dialogue.inputs.js';

/** SQL for "open for contributions now" over a consultation aliased `c`. */
export const CONSULTATION_OPEN_SQL = `(c.status = 'OPEN' AND c.closes_at > now() AND (c.opens_at IS NULL OR c.opens_at <= now()))`;

/**
 * Consultations (docs/domain.md, "Dialogue"): DRAFT → OPEN → CLOSED, convened by OWNER/ADMIN of a
 * government agency, local authority or international organization; their rules (effective status,
 * visibility), reads, history and the counterpart finder. Every state change is a consultation_event
 * (who, when, from, to). Invitations: ConsultationInvitationsService; contributions: ContributionsService.
 */
/** DRAFT → OPEN (openConsultation) → CLOSED (closeConsultation, or closesAt passes). */
const CONSULTATION_TRANSITIONS: StateMachine<ConsultationStatus> = {
  [ConsultationStatus.DRAFT]: [ConsultationStatus.OPEN],
  [ConsultationStatus.OPEN]: [ConsultationStatus.CLOSED],
  [ConsultationStatus.CLOSED]: [],
};

@Injectable()
export class ConsultationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly reference: ReferenceDataService,
    private readonly counterpartFinder: DialogueCounterpartsService,
  ) {}

  /** An OPEN consultation past its closesAt is CLOSED, at once, everywhere. */
  static effectiveStatus(c: Pick<Consultation, 'status' | 'closesAt'>, now = new Date()): ConsultationStatus {
    return c.status === ConsultationStatus.OPEN && c.closesAt.getTime() <= now.getTime()
      ? ConsultationStatus.CLOSED
      : c.status;
  }

  /** Contributions are accepted while OPEN, from opensAt (if set) until closesAt. */
  static acceptsContributions(c: Pick<Consultation, 'status' | 'closesAt' | 'opensAt'>, now = new Date()): boolean {
    return (
      ConsultationsService.effectiveStatus(c, now) === ConsultationStatus.OPEN &&
      (!c.opensAt || c.opensAt.getTime() <= now.getTime())
    );
  }

  /** A DRAFT is unpublished; OPEN and CLOSED ones are published (OrganizationPolicy.isVisible decides who sees it). */
  static visibility(c: Pick<Consultation, 'status' | 'convenerId'>): Visibility {
    return { published: c.status !== ConsultationStatus.DRAFT, owners: c.convenerId };
  }

  /** A contribution is never public: the convener and the contributing organization share it. */
  static contributionVisibility(
    c: Pick<Consultation, 'convenerId'>,
    x: Pick<Contribution, 'organizationId'>,
  ): Visibility {
    return { published: false, owners: [c.convenerId, x.organizationId] };
  }

  // ---------- reads ----------

  async get(id: string, access: ViewerAccess): Promise<Consultation> {
    const c = await this.dataSource.getRepository(Consultation).findOneBy({ id: requireId(id, 'Consultation') });
    return this.policy.requireVisible(c, ConsultationsService.visibility, access, 'Consultation', id);
  }

  /**
   * OPEN and CLOSED consultations for everyone, plus the DRAFTs of the viewer's own organizations
   * (all DRAFTs for moderators). Newest first; openOnly: open for contributions now, closing soonest first.
   */
  list(args: ConsultationsArgs, access: ViewerAccess): Promise<Page<Consultation>> {
    const qb = this.dataSource.getRepository(Consultation).createQueryBuilder('c');
    if (args.openOnly) qb.where(CONSULTATION_OPEN_SQL);
    else this.policy.whereVisible(qb, `c.status <> 'DRAFT'`, 'c.convener_id', access);
    if (args.convenerId !== undefined && args.convenerId !== null) {
      if (!isUuid(args.convenerId))
        throw new BadInputError(
          'convenerId',
          text('validation.noOrganization', { field: 'convenerId', id: args.convenerId }),
        );
      qb.andWhere('c.convener_id = :convenerId', { convenerId: args.convenerId.toLowerCase() });
    }
    const keys: SortKey[] = args.openOnly
      ? [
          { expr: 'c.closes_at', direction: 'ASC', type: 'timestamp' },
          { expr: 'c.id', direction: 'ASC', type: 'uuid' },
        ]
      : [
          { expr: 'c.created_at', direction: 'DESC', type: 'timestamp' },
          { expr: 'c.id', direction: 'ASC', type: 'uuid' },
        ];
    return paginate(qb as SelectQueryBuilder<Consultation>, keys, args);
  }

  history(consultationId: string): Promise<ConsultationEvent[]> {
    return this.dataSource
      .getRepository(ConsultationEvent)
      .createQueryBuilder('e')
      .where('e.consultation_id = :consultationId', { consultationId })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  /** The counterpart finder: codes are checked here, the ranking is the matching module's. */
  async counterparts(
    query: CounterpartQuery,
    first?: number | null,
    locale: Locale = 'en',
  ): Promise<OrganizationMatch[]> {
    const limit = pageSize(first);
    await this.reference.assertCountries('query.countriesOfOrigin', query.countriesOfOrigin);
    await this.reference.assertCountries('query.countriesOfResidence', query.countriesOfResidence);
    await this.reference.assertThemes('query.themes', query.themes);
    await this.reference.assertLanguages('query.languages', query.languages);
    return this.counterpartFinder.find(query, limit, locale);
  }

  // ---------- consultations ----------

  async create(user: AuthUser, input: ConsultationInput): Promise<Consultation> {
    requireId(input.convenerId, 'Organization');
    await this.reference.assertThemes('input.themes', input.themes);
    await this.reference.assertCountries('input.countriesOfOrigin', input.countriesOfOrigin);
    if (input.country) await this.reference.assertCountries('input.country', [input.country]);
    if (input.opensAt && input.opensAt.getTime() >= input.closesAt.getTime()) {
      throw new BadInputError(
        'input.closesAt',
        text('validation.after', { field: 'input.closesAt', other: 'input.opensAt' }),
      );
    }
    return this.dataSource.transaction(async (manager) => {
      await this.requireConvener(user, input.convenerId, manager, 'convene consultations');
      const c = await manager.save(
        manager.create(Consultation, {
          convenerId: input.convenerId,
          title: input.title,
          description: input.description,
          level: input.level,
          themes: [...new Set(input.themes)],
          countriesOfOrigin: [...new Set(input.countriesOfOrigin ?? [])],
          country: input.country || null,
          opensAt: input.opensAt ?? null,
          closesAt: input.closesAt,
          createdById: user.id,
        }),
      );
      await recordTransition(manager, ConsultationEvent, {
        consultationId: c.id,
        invitationId: null,
        actorId: user.id,
        from: null,
        to: ConsultationStatus.DRAFT,
      });
      return c;
    });
  }

  /** DRAFT → OPEN; closesAt must be in the future (and after opensAt). */
  open(user: AuthUser, id: string): Promise<Consultation> {
    return this.transition(user, id, 'open consultations', (c, convener) => {
      this.policy.requireVerifiedToPublish(convener, 'open consultations');
      requireTransition(CONSULTATION_TRANSITIONS, 'a consultation', c.status, ConsultationStatus.OPEN);
      if (c.closesAt.getTime() <= Date.now())
        throw new BadInputError('closesAt', text('errors.consultation.closesInFuture', { field: 'closesAt' }));
      c.openedAt = new Date();
      return ConsultationStatus.OPEN;
    });
  }

  /**
   * OPEN → CLOSED (also once closesAt has passed: that records who closed it and when), with the
   * outcome summary if given. The participants are told (CONSULTATION_CLOSED) unless the dialogue
   * job told them already when closesAt passed.
   */
  close(user: AuthUser, id: string, outcomeSummary?: string | null): Promise<Consultation> {
    return this.transition(user, id, 'close consultations', (c) => {
      requireTransition(CONSULTATION_TRANSITIONS, 'a consultation', c.status, ConsultationStatus.CLOSED);
      c.closedAt = new Date();
      if (outcomeSummary) {
        c.outcomeSummary = outcomeSummary;
        c.outcomePublishedAt = c.closedAt;
      }
      return ConsultationStatus.CLOSED;
    });
  }

  /**
   * The convener's OWNER/ADMIN publish (or replace) the outcome summary of a CLOSED consultation
   * (closed by them or past closesAt); the participants are told (CONSULTATION_OUTCOME_PUBLISHED).
   */
  publishOutcome(user: AuthUser, id: string, outcomeSummary: string): Promise<Consultation> {
    requireId(id, 'Consultation');
    return this.dataSource.transaction(async (manager) => {
      const { c } = await this.lockAsConvener(manager, user, id, 'publish consultation outcomes');
      const status = ConsultationsService.effectiveStatus(c);
      if (status !== ConsultationStatus.CLOSED)
        throw new ConflictError(text('errors.consultation.outcomeWhenClosed', { status }));
      c.outcomeSummary = outcomeSummary;
      c.outcomePublishedAt = new Date();
      const saved = await manager.save(c);
      await recordEvent(manager, {
        type: 'CONSULTATION_OUTCOME_PUBLISHED',
        payload: { consultationId: c.id, convenerId: c.convenerId, title: c.title, actorId: user.id },
      });
      return saved;
    });
  }

  private async transition(
    user: AuthUser,
    id: string,
    action: string,
    decide: (c: Consultation, convener: Organization) => ConsultationStatus,
  ): Promise<Consultation> {
    requireId(id, 'Consultation');
    return this.dataSource.transaction(async (manager) => {
      const { c, convener } = await this.lockAsConvener(manager, user, id, action);
      const from = c.status;
      const outcomeBefore = c.outcomePublishedAt;
      c.status = decide(c, convener);
      const announceClosing = c.status === ConsultationStatus.CLOSED && !c.closingAnnouncedAt;
      if (announceClosing) c.closingAnnouncedAt = new Date();
      const saved = await manager.save(c);
      await recordTransition(manager, ConsultationEvent, {
        consultationId: c.id,
        invitationId: null,
        actorId: user.id,
        from,
        to: c.status,
      });
      if (from === ConsultationStatus.DRAFT && saved.status === ConsultationStatus.OPEN) {
        const pending = await manager.findBy(ConsultationInvitation, {
          consultationId: c.id,
          status: InvitationStatus.PENDING,
        });
        await announceInvitations(manager, saved, pending);
      }
      // participants are told of the closing once (with the outcome, if published with it), and of
      // an outcome published when closing a consultation whose closing the dialogue job announced
      const withOutcome = saved.outcomePublishedAt !== outcomeBefore;
      const about = { consultationId: c.id, convenerId: c.convenerId, title: c.title, actorId: user.id };
      if (announceClosing) {
        await recordEvent(manager, { type: 'CONSULTATION_CLOSED', payload: { ...about, withOutcome } });
      } else if (withOutcome) {
        await recordEvent(manager, { type: 'CONSULTATION_OUTCOME_PUBLISHED', payload: about });
      }
      return saved;
    });
  }

  /**
   * Loads a consultation (locked FOR UPDATE) and checks the user convenes it: for the writes of the
   * consultation and of its invitations. Invisible drafts are NOT_FOUND.
   */
  async lockAsConvener(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    action: string,
  ): Promise<{ c: Consultation; convener: Organization }> {
    const c = await this.policy.requireVisibleTo(
      user,
      await lockConsultation(manager, id, 'pessimistic_write'),
      ConsultationsService.visibility,
      'Consultation',
      id,
      manager,
    );
    const { organization } = await this.requireConvener(user, c.convenerId, manager, action);
    return { c, convener: organization };
  }

  private requireConvener(user: AuthUser, organizationId: string, manager: EntityManager, action: string) {
    return this.policy.requireRole(
      user,
      organizationId,
      { roles: MANAGER_ROLES, kinds: CONVENER_KINDS, action },
      manager,
    );
  }
}
