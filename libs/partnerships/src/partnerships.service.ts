import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuthUser,
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  optionalId,
  requireId,
  requireTransition,
  StateMachine,
  text,
} from '@app/common';
import { Organization, OrganizationPolicy, ViewerAccess, Visibility } from '@app/organizations';
import { recordEvent } from '@app/events';
import { isUniqueViolation, recordTransition } from '@app/persistence';
import { ProjectsService } from '@app/projects';
import { Partnership, PartnershipEvent, PartnershipKind, PartnershipStatus } from './partnership.entity.js';

export interface ProposeArgs {
  initiatorId: string;
  partnerId: string;
  kind: PartnershipKind;
  projectId?: string | null;
  message?: string | null;
}

/** docs/domain.md, "Partnerships": the partner answers a proposal; either side ends an active one. */
const PARTNERSHIP_TRANSITIONS: StateMachine<PartnershipStatus> = {
  [PartnershipStatus.PROPOSED]: [PartnershipStatus.ACTIVE, PartnershipStatus.DECLINED],
  [PartnershipStatus.ACTIVE]: [PartnershipStatus.ENDED],
  [PartnershipStatus.DECLINED]: [],
  [PartnershipStatus.ENDED]: [],
};

const DUPLICATE = text('errors.partnership.duplicate');

@Injectable()
export class PartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly projects: ProjectsService,
  ) {}

  /**
   * ACTIVE and ENDED partnerships are published; PROPOSED and DECLINED ones belong to both sides
   * (OrganizationPolicy.isVisible: their members and moderators see them).
   */
  static visibility(p: Pick<Partnership, 'status' | 'initiatorId' | 'partnerId'>): Visibility {
    return {
      published: p.status === PartnershipStatus.ACTIVE || p.status === PartnershipStatus.ENDED,
      owners: [p.initiatorId, p.partnerId],
    };
  }

  async propose(user: AuthUser, input: ProposeArgs): Promise<Partnership> {
    const args = {
      ...input,
      initiatorId: requireId(input.initiatorId, 'Organization'),
      partnerId: requireId(input.partnerId, 'Organization'),
      projectId: optionalId(input.projectId, 'Project'),
    };
    const message = args.message?.trim() || null;
    if (message && message.length > 2000)
      throw new BadInputError('message', text('validation.maxChars', { field: 'message', max: 2000 }));
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.policy.requireRole(user, args.initiatorId, { action: 'propose partnerships' }, manager);
        if (args.initiatorId === args.partnerId) throw new ConflictError(text('errors.partnership.withItself'));
        const partnerExists = await manager.exists(Organization, { where: { id: args.partnerId } });
        if (!partnerExists) throw new NotFoundError('Organization', args.partnerId);
        if (args.projectId) {
          const project = await this.projects.getIn(manager, user, args.projectId);
          if (project.archivedAt) throw new ConflictError('The project is archived', { key: 'errors.projectArchived' });
          if (project.organizationId !== args.initiatorId && project.organizationId !== args.partnerId) {
            throw new BadInputError('projectId', text('errors.partnership.projectOfEither'));
          }
        }
        const duplicate = await manager.query(
          `SELECT 1 FROM partnership WHERE kind = $1 AND status IN ('PROPOSED', 'ACTIVE')
             AND LEAST(initiator_id, partner_id) = LEAST($2::uuid, $3::uuid)
             AND GREATEST(initiator_id, partner_id) = GREATEST($2::uuid, $3::uuid) LIMIT 1`,
          [args.kind, args.initiatorId, args.partnerId],
        );
        if (duplicate.length) throw new ConflictError(DUPLICATE);
        const partnership = await manager.save(
          manager.create(Partnership, {
            kind: args.kind,
            initiatorId: args.initiatorId,
            partnerId: args.partnerId,
            projectId: args.projectId,
            message,
            proposedById: user.id,
          }),
        );
        await recordTransition(manager, PartnershipEvent, {
          partnershipId: partnership.id,
          actorId: user.id,
          from: null,
          to: partnership.status,
        });
        await recordEvent(manager, {
          type: 'PARTNERSHIP_PROPOSED',
          payload: {
            partnershipId: partnership.id,
            initiatorId: args.initiatorId,
            partnerId: args.partnerId,
            actorId: user.id,
          },
        });
        return partnership;
      });
    } catch (error) {
      // Two concurrent proposals: the partial unique index lets exactly one through.
      if (isUniqueViolation(error, 'UQ_partnership_live_pair')) throw new ConflictError(DUPLICATE);
      throw error;
    }
  }

  /** Only members of the partner answer; PROPOSED → ACTIVE | DECLINED. */
  respond(user: AuthUser, id: string, accept: boolean): Promise<Partnership> {
    return this.transition(user, id, (p, access) => {
      if (!this.policy.isMember(access, p.partnerId))
        throw new ForbiddenError(text('errors.partnership.partnerAnswers'));
      const to = accept ? PartnershipStatus.ACTIVE : PartnershipStatus.DECLINED;
      requireTransition(PARTNERSHIP_TRANSITIONS, 'a partnership', p.status, to);
      p.respondedAt = new Date();
      return to;
    });
  }

  /** Either side ends an ACTIVE partnership. */
  end(user: AuthUser, id: string): Promise<Partnership> {
    return this.transition(user, id, (p) => {
      requireTransition(PARTNERSHIP_TRANSITIONS, 'a partnership', p.status, PartnershipStatus.ENDED);
      p.endedAt = new Date();
      return PartnershipStatus.ENDED;
    });
  }

  private async transition(
    user: AuthUser,
    id: string,
    decide: (p: Partnership, access: ViewerAccess) => PartnershipStatus,
  ): Promise<Partnership> {
    requireId(id, 'Partnership');
    return this.dataSource.transaction(async (manager) => {
      const locked = await manager
        .getRepository(Partnership)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.id = :id', { id })
        .getOne();
      const access = await this.policy.accessIn(user, locked ? [locked.initiatorId, locked.partnerId] : [], manager);
      const p = this.policy.requireVisible(locked, PartnershipsService.visibility, access, 'Partnership', id);
      if (!this.policy.isMember(access, [p.initiatorId, p.partnerId]))
        throw new ForbiddenError(text('errors.partnership.membersChange'));
      const from = p.status;
      p.status = decide(p, access);
      const saved = await manager.save(p);
      await recordTransition(manager, PartnershipEvent, {
        partnershipId: saved.id,
        actorId: user.id,
        from,
        to: saved.status,
      });
      if (from === PartnershipStatus.PROPOSED && saved.status !== PartnershipStatus.ENDED) {
        await recordEvent(manager, {
          type: 'PARTNERSHIP_ANSWERED',
          payload: {
            partnershipId: saved.id,
            initiatorId: saved.initiatorId,
            partnerId: saved.partnerId,
            status: saved.status === PartnershipStatus.ACTIVE ? 'ACTIVE' : 'DECLINED',
            actorId: user.id,
          },
        });
      }
      return saved;
    });
  }

  history(partnershipId: string): Promise<PartnershipEvent[]> {
    return this.dataSource
      .getRepository(PartnershipEvent)
      .find({ where: { partnershipId }, order: { createdAt: 'ASC' } });
  }
}
