import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, BadInputError, requireId, text } from '@app/common';
import { OrganizationPolicy } from '@app/organizations';
import { CapacityAssessment, needsOf } from './capacity-assessment.entity.js';
import { SubmitAssessmentArgs } from './capacity.inputs.js';

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
  ) {}

  /** Members (any role) assess their organization; earlier assessments are kept, the latest counts. */
  async submit(user: AuthUser, args: SubmitAssessmentArgs): Promise<CapacityAssessment> {
    requireId(args.organizationId, 'Organization');
    const seen = new Set<string>();
    args.scores.forEach((s, i) => {
      if (seen.has(s.area))
        throw new BadInputError(
          `scores.${i}.area`,
          text('errors.assessment.areaTwice', { field: 'scores', area: s.area }),
        );
      seen.add(s.area);
    });
    const scores = args.scores.map((s) => ({ area: s.area, level: s.level }));
    return this.dataSource.transaction(async (manager) => {
      await this.policy.requireRole(user, args.organizationId, { action: 'assess its capacity' }, manager);
      return manager.save(
        manager.create(CapacityAssessment, {
          organizationId: args.organizationId,
          scores,
          needs: needsOf(scores),
          submittedById: user.id,
        }),
      );
    });
  }
}
