import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ANY_ROLE, OrganizationPolicy } from '@app/organizations';
import { AuthUser, ConflictError, ForbiddenError, requireId, text } from '@app/common';
import { recordEvent } from '@app/events';
import { ConsultationStatus, Contribution, InvitationStatus } from './consultation.entity.js';
import { lockConsultation } from './consultation-writes.js';
import { ConsultationsService } from './consultations.service.js';
import { SubmitContributionArgs } from './dialogue.inputs.js';

/**
 * Contributions to a consultation (docs/domain.md, "Dialogue"): written by members of an
 * organization while it accepts them, only by invited organizations that accepted when anyone was
 * invited; never public (ConsultationsService.contributionVisibility).
 */
@Injectable()
export class ContributionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
  ) {}

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
        await lockConsultation(manager, args.consultationId, 'pessimistic_read'),
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
            ? text('errors.contribution.opensAt', { at: `${c.opensAt?.toISOString()}` })
            : text('errors.contribution.notOpen', { status }),
        );
      }
      // whether anyone was invited, and this organization's invitation (both by the unique index)
      const [{ invited, mine }]: Array<{ invited: boolean; mine: InvitationStatus | null }> = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM consultation_invitation WHERE consultation_id = $1) AS invited,
                (SELECT status FROM consultation_invitation WHERE consultation_id = $1 AND organization_id = $2) AS mine`,
        [c.id, args.organizationId],
      );
      if (invited) {
        if (!mine) throw new ForbiddenError(text('errors.contribution.invitedOnly'));
        if (mine !== InvitationStatus.ACCEPTED)
          throw new ConflictError(text('errors.contribution.acceptFirst', { status: mine }));
      }
      const contribution = await manager.save(
        manager.create(Contribution, {
          consultationId: c.id,
          organizationId: args.organizationId,
          authorId: user.id,
          body: args.body,
        }),
      );
      await recordEvent(manager, {
        type: 'CONTRIBUTION_SUBMITTED',
        payload: {
          contributionId: contribution.id,
          consultationId: c.id,
          convenerId: c.convenerId,
          organizationId: args.organizationId,
          title: c.title,
          actorId: user.id,
        },
      });
      return contribution;
    });
  }
}
