import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  AuthUser,
  BadInputError,
  ConflictError,
  ForbiddenError,
  isUuid,
  NotFoundError,
  Page,
  paginate,
  pageSize,
  requireId,
  SortKey,
} from '@app/common';
import { DialogueCounterpartsService } from '@app/matching';
import type { OrganizationMatch } from '@app/matching';
import {
  ANY_ROLE,
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
import {
  ConsultationInput,
  ConsultationsArgs,
  CounterpartQuery,
  InviteArgs,
  SubmitContributionArgs,
} from './dialogue.inputs.js';

/** SQL for "open for contributions now" over a consultation aliased `c`. */
export const CONSULTATION_OPEN_SQL = `(c.status = 'OPEN' AND c.closes_at > now() AND (c.opens_at IS NULL OR c.opens_at <= now()))`;

type Lock = 'pessimistic_write' | 'pessimistic_read';

/**
 * Consultations (docs/domain.md, "Dialogue"): DRAFT → OPEN → CLOSED, convened by OWNER/ADMIN of a
 * government agency, local authority or international organization; invitations (PENDING →
 * ACCEPTED | DECLINED, answered by the invited organization's members); contributions while OPEN.
 * Every state change is a consultation_event (who, when, from, to).
 */
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
  async counterparts(query: CounterpartQuery, first?: number | null): Promise<OrganizationMatch[]> {
    const limit = pageSize(first);
    await this.reference.assertCountries('query.countriesOfOrigin', query.countriesOfOrigin);
    await this.reference.assertCountries('query.countriesOfResidence', query.countriesOfResidence);
    await this.reference.assertThemes('query.themes', query.themes);
    await this.reference.assertLanguages('query.languages', query.languages);
    return this.counterpartFinder.find(query, limit);
  }

  // ---------- consultations ----------

  async create(user: AuthUser, input: ConsultationInput): Promise<Consultation> {
    requireId(input.convenerId, 'Organization');
    await this.reference.assertThemes('input.themes', input.themes);
    await this.reference.assertCountries('input.countriesOfOrigin', input.countriesOfOrigin);
    if (input.country) await this.reference.assertCountries('input.country', [input.country]);
    if (input.opensAt && input.opensAt.getTime() >= input.closesAt.getTime()) {
      throw new BadInputError('input.closesAt', 'input.closesAt must be after input.opensAt');
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
      if (c.status !== ConsultationStatus.DRAFT)
        throw new ConflictError(`Only a DRAFT consultation can be opened; this one is ${c.status}`);
      if (c.closesAt.getTime() <= Date.now())
        throw new BadInputError('closesAt', 'closesAt must be in the future to open the consultation');
      c.openedAt = new Date();
      return ConsultationStatus.OPEN;
    });
  }

  /** OPEN → CLOSED (also once closesAt has passed: that records who closed it and when). */
  close(user: AuthUser, id: string): Promise<Consultation> {
    return this.transition(user, id, 'close consultations', (c) => {
      if (c.status !== ConsultationStatus.OPEN)
        throw new ConflictError(`Only an OPEN consultation can be closed; this one is ${c.status}`);
      c.closedAt = new Date();
      return ConsultationStatus.CLOSED;
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
      const { c, convener } = await this.managed(manager, user, id, action);
      const from = c.status;
      c.status = decide(c, convener);
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
        await this.announce(manager, saved, pending);
      }
      return saved;
    });
  }

  /**
   * Tells invited organizations (INVITATION_RECEIVED, after commit). Invitations to a DRAFT wait
   * until it opens: before that the invitees could not see it.
   */
  private async announce(manager: EntityManager, c: Consultation, invitations: ConsultationInvitation[]) {
    for (const invitation of invitations) {
      await recordEvent(manager, {
        type: 'INVITATION_RECEIVED',
        payload: {
          invitationId: invitation.id,
          consultationId: c.id,
          organizationId: invitation.organizationId,
          title: c.title,
          convenerId: c.convenerId,
        },
      });
    }
  }

  // ---------- invitations ----------

  /**
   * Invites organizations (DRAFT or OPEN consultations). Re-inviting returns the existing invitation
   * unchanged. Concurrent calls cannot duplicate: each locks the consultation row first (FOR UPDATE,
   * in `managed`), so the second reads the invitations the first committed; the unique index
   * (consultation, organization) backs this up.
   */
  async invite(user: AuthUser, args: InviteArgs): Promise<ConsultationInvitation[]> {
    requireId(args.consultationId, 'Consultation');
    const ids = [...new Set(args.organizationIds)];
    const bad = ids.find((x) => !isUuid(x));
    if (bad !== undefined) throw new BadInputError('organizationIds', `organizationIds: no organization "${bad}"`);
    return this.dataSource.transaction(async (manager) => {
      const { c, convener } = await this.managed(manager, user, args.consultationId, 'invite to consultations');
      if (ConsultationsService.effectiveStatus(c) === ConsultationStatus.CLOSED)
        throw new ConflictError('A CLOSED consultation takes no more invitations');
      // invitations to an OPEN consultation notify at once (those to a DRAFT wait until it opens)
      if (c.status === ConsultationStatus.OPEN)
        this.policy.requireVerifiedToPublish(convener, 'invite organizations to an open consultation');
      if (ids.includes(c.convenerId))
        throw new BadInputError('organizationIds', 'organizationIds: the convener cannot invite itself');
      const found: Array<{ id: string }> = await manager.query('SELECT id FROM organization WHERE id = ANY($1)', [ids]);
      const known = new Set(found.map((o) => o.id));
      const unknown = ids.find((x) => !known.has(x));
      if (unknown) throw new BadInputError('organizationIds', `organizationIds: no organization "${unknown}"`);
      const existing = await manager
        .getRepository(ConsultationInvitation)
        .createQueryBuilder('i')
        .where('i.consultation_id = :id AND i.organization_id = ANY(:ids)', { id: c.id, ids })
        .getMany();
      const byOrg = new Map(existing.map((i) => [i.organizationId, i]));
      const missing = ids.filter((organizationId) => !byOrg.has(organizationId));
      // one INSERT for the new invitations, one for their events
      const created = missing.length
        ? await manager.save(
            missing.map((organizationId) =>
              manager.create(ConsultationInvitation, { consultationId: c.id, organizationId, invitedById: user.id }),
            ),
          )
        : [];
      await recordTransition(
        manager,
        ConsultationEvent,
        created.map((invitation) => ({
          consultationId: c.id,
          invitationId: invitation.id,
          actorId: user.id,
          from: null,
          to: InvitationStatus.PENDING,
        })),
      );
      for (const invitation of created) byOrg.set(invitation.organizationId, invitation);
      if (c.status === ConsultationStatus.OPEN) await this.announce(manager, c, created);
      return ids.map((organizationId) => byOrg.get(organizationId) as ConsultationInvitation);
    });
  }

  /**
   * Members (any role) of the invited organization accept or decline; they may change their answer
   * until the consultation closes. The same answer again changes nothing (and records nothing).
   */
  async respond(user: AuthUser, id: string, accept: boolean): Promise<ConsultationInvitation> {
    requireId(id, 'ConsultationInvitation');
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager
        .getRepository(ConsultationInvitation)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id })
        .getOne();
      if (!invitation) throw new NotFoundError('Invitation', id);
      const c = await this.locked(manager, invitation.consultationId, 'pessimistic_read');
      const access = await this.policy.accessIn(user, [c.convenerId, invitation.organizationId], manager);
      this.policy.requireVisible(c, ConsultationsService.visibility, access, 'Invitation', id);
      if (!this.policy.isMember(access, invitation.organizationId))
        throw new ForbiddenError('Only members of the invited organization may answer the invitation');
      if (ConsultationsService.effectiveStatus(c) === ConsultationStatus.CLOSED)
        throw new ConflictError('The consultation is CLOSED; invitations can no longer be answered');
      const to = accept ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
      if (invitation.status === to) return invitation;
      const from = invitation.status;
      invitation.status = to;
      invitation.respondedAt = new Date();
      const saved = await manager.save(invitation);
      await recordTransition(manager, ConsultationEvent, {
        consultationId: c.id,
        invitationId: invitation.id,
        actorId: user.id,
        from,
        to,
      });
      return saved;
    });
  }

  // ---------- contributions ----------

  /**
   * Members (any role) of the contributing organization, while the consultation accepts
   * contributions; when anyone was invited, only organizations that ACCEPTED. The consultation row
   * is locked FOR SHARE, so a contribution never lands after a concurrent close commits.
   */
  async contribute(user: AuthUser, args: SubmitContributionArgs): Promise<Contribution> {
    requireId(args.consultationId, 'Consultation');
    requireId(args.organizationId, 'Organization');
    return this.dataSource.transaction(async (manager) => {
      const c = await this.policy.requireVisibleTo(
        user,
        await this.locked(manager, args.consultationId, 'pessimistic_read'),
        ConsultationsService.visibility,
        'Consultation',
        args.consultationId,
        manager,
      );
      await this.policy.requireRole(
        user,
        args.organizationId,
        { roles: ANY_ROLE, action: 'contribute on its behalf' },
        manager,
      );
      if (!ConsultationsService.acceptsContributions(c)) {
        const status = ConsultationsService.effectiveStatus(c);
        throw new ConflictError(
          status === ConsultationStatus.OPEN
            ? `The consultation opens for contributions at ${c.opensAt?.toISOString()}`
            : `Contributions are accepted only while the consultation is OPEN; it is ${status}`,
        );
      }
      // whether anyone was invited, and this organization's invitation (both by the unique index)
      const [{ invited, mine }]: Array<{ invited: boolean; mine: InvitationStatus | null }> = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM consultation_invitation WHERE consultation_id = $1) AS invited,
                (SELECT status FROM consultation_invitation WHERE consultation_id = $1 AND organization_id = $2) AS mine`,
        [c.id, args.organizationId],
      );
      if (invited) {
        if (!mine) throw new ForbiddenError('Only invited organizations may contribute to this consultation');
        if (mine !== InvitationStatus.ACCEPTED)
          throw new ConflictError(`Accept the invitation before contributing (it is ${mine})`);
      }
      return manager.save(
        manager.create(Contribution, {
          consultationId: c.id,
          organizationId: args.organizationId,
          authorId: user.id,
          body: args.body,
        }),
      );
    });
  }

  // ---------- helpers ----------

  private async locked(manager: EntityManager, id: string, lock: Lock): Promise<Consultation> {
    const c = await manager
      .getRepository(Consultation)
      .createQueryBuilder('c')
      .setLock(lock)
      .where('c.id = :id', { id })
      .getOne();
    if (!c) throw new NotFoundError('Consultation', id);
    return c;
  }

  /** Loads a consultation (locked) and checks the user convenes it. Invisible drafts are NOT_FOUND. */
  private async managed(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    action: string,
  ): Promise<{ c: Consultation; convener: Organization }> {
    const c = await this.policy.requireVisibleTo(
      user,
      await this.locked(manager, id, 'pessimistic_write'),
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
