import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuthUser,
  BadInputError,
  ConflictError,
  ForbiddenError,
  isUuid,
  NestedList,
  nestedPages,
  NotFoundError,
  Page,
  requireId,
  text,
} from '@app/common';
import { recordEvent } from '@app/events';
import { OrganizationPolicy } from '@app/organizations';
import { recordTransition } from '@app/persistence';
import {
  ConsultationEvent,
  ConsultationInvitation,
  ConsultationStatus,
  InvitationStatus,
} from './consultation.entity.js';
import { announceInvitations, lockConsultation } from './consultation-writes.js';
import { ConsultationsService } from './consultations.service.js';
import { OrganizationInvitationsArgs } from './consultation-workflow.inputs.js';
import { InviteArgs } from './dialogue.inputs.js';

/** An organization's invitations: newest first. */
/** Organization.consultationInvitations: newest first, never of a DRAFT consultation (index IDX_consultation_invitation_organization_page). */
const ORGANIZATION_INVITATIONS: NestedList = {
  from: 'consultation_invitation i JOIN consultation c ON c.id = i.consultation_id',
  parent: 'i.organization_id',
  alias: 'i',
  keys: [
    { expr: 'i.created_at', direction: 'DESC', type: 'timestamp' },
    { expr: 'i.id', direction: 'DESC', type: 'uuid' },
  ],
  where: `c.status <> '${ConsultationStatus.DRAFT}'`,
};

/**
 * Invitations to a consultation (docs/domain.md, "Dialogue"): the convener's OWNER/ADMIN invites
 * organizations (PENDING); members of an invited organization answer (ACCEPTED | DECLINED) until it
 * closes. Every change is a consultation_event with the invitation's id.
 */
@Injectable()
export class ConsultationInvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly consultations: ConsultationsService,
  ) {}

  /**
   * Invites organizations (DRAFT or OPEN consultations). Re-inviting returns the existing invitation
   * unchanged. Concurrent calls cannot duplicate: each locks the consultation row first (FOR UPDATE,
   * in `lockAsConvener`), so the second reads the invitations the first committed; the unique index
   * (consultation, organization) backs this up.
   */
  async invite(user: AuthUser, args: InviteArgs): Promise<ConsultationInvitation[]> {
    requireId(args.consultationId, 'Consultation');
    const ids = [...new Set(args.organizationIds)];
    const bad = ids.find((x) => !isUuid(x));
    if (bad !== undefined)
      throw new BadInputError(
        'organizationIds',
        text('validation.noOrganization', { field: 'organizationIds', id: bad }),
      );
    return this.dataSource.transaction(async (manager) => {
      const { c, convener } = await this.consultations.lockAsConvener(
        manager,
        user,
        args.consultationId,
        'invite to consultations',
      );
      if (ConsultationsService.effectiveStatus(c) === ConsultationStatus.CLOSED)
        throw new ConflictError(text('errors.consultation.closedInvitations'));
      // invitations to an OPEN consultation notify at once (those to a DRAFT wait until it opens)
      if (c.status === ConsultationStatus.OPEN)
        this.policy.requireVerifiedToPublish(convener, 'invite organizations to an open consultation');
      if (ids.includes(c.convenerId))
        throw new BadInputError(
          'organizationIds',
          text('errors.consultation.inviteItself', { field: 'organizationIds' }),
        );
      const found: Array<{ id: string }> = await manager.query('SELECT id FROM organization WHERE id = ANY($1)', [ids]);
      const known = new Set(found.map((o) => o.id));
      const unknown = ids.find((x) => !known.has(x));
      if (unknown)
        throw new BadInputError(
          'organizationIds',
          text('validation.noOrganization', { field: 'organizationIds', id: unknown }),
        );
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
              manager.create(ConsultationInvitation, {
                consultationId: c.id,
                organizationId,
                invitedById: user.id,
                reason: args.reason ?? null,
              }),
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
      if (c.status === ConsultationStatus.OPEN) await announceInvitations(manager, c, created);
      return ids.map((organizationId) => byOrg.get(organizationId) as ConsultationInvitation);
    });
  }

  /**
   * "My invitations" of organizations: their invitations to consultations that are OPEN or CLOSED
   * (one to a DRAFT does not exist for the invitee until it opens), newest first, optionally of one
   * status. The resolver shows them to members and moderators only (OrganizationPolicy.canSeeInternals).
   */
  pagesOfOrganizations(
    organizationIds: readonly string[],
    args: OrganizationInvitationsArgs,
  ): Promise<Map<string, Page<ConsultationInvitation>>> {
    return nestedPages(
      this.dataSource.getRepository(ConsultationInvitation),
      ORGANIZATION_INVITATIONS,
      organizationIds,
      args,
      (param) => args.status && `i.status = ${param(args.status)}`,
    );
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
      const c = await lockConsultation(manager, invitation.consultationId, 'pessimistic_read');
      const access = await this.policy.accessIn(user, [c.convenerId, invitation.organizationId], manager);
      this.policy.requireVisible(c, ConsultationsService.visibility, access, 'Invitation', id);
      if (!this.policy.isMember(access, invitation.organizationId))
        throw new ForbiddenError(text('errors.consultation.invitedAnswers'));
      if (ConsultationsService.effectiveStatus(c) === ConsultationStatus.CLOSED)
        throw new ConflictError(text('errors.consultation.closedAnswers'));
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
      await recordEvent(manager, {
        type: 'INVITATION_ANSWERED',
        payload: {
          invitationId: invitation.id,
          consultationId: c.id,
          convenerId: c.convenerId,
          organizationId: invitation.organizationId,
          status: to,
          title: c.title,
          actorId: user.id,
        },
      });
      return saved;
    });
  }
}
