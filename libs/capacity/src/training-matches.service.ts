import { Injectable } from '@nestjs/common';
import { NotFoundError, pageSize, requireId } from '@app/common';
import type { RequestContext } from '@app/common';
import { TrainingMatchingService } from '@app/matching';
import { OrganizationPolicy } from '@app/organizations';
import { TrainingMatch } from './capacity.models.js';
import { TrainingOffer } from './training-offer.entity.js';

/**
 * The trainingMatches API: only the organization's members and moderators may ask (the matches
 * reveal its needs), the matching SQL of libs/matching, the offers through the request's loaders.
 */
@Injectable()
export class TrainingMatchesService {
  constructor(
    private readonly matching: TrainingMatchingService,
    private readonly policy: OrganizationPolicy,
  ) {}

  async trainingMatches(
    ctx: RequestContext,
    organizationId: string,
    first: number | null | undefined,
  ): Promise<TrainingMatch[]> {
    const organization = await ctx.loaders.organizations.organization.load(requireId(organizationId, 'Organization'));
    if (!organization || !this.policy.canSeeInternals(await ctx.access(), organizationId)) {
      throw new NotFoundError('Organization', organizationId);
    }
    const matches = await this.matching.trainingMatches(organizationId, pageSize(first), ctx.locale);
    return Promise.all(
      matches.map(async (m) => ({
        training: (await ctx.loaders.capacity.trainingOffer.load(m.trainingId)) as TrainingOffer,
        score: m.score,
        reasons: m.reasons,
        addressesNeeds: m.addressesNeeds as TrainingMatch['addressesNeeds'],
      })),
    );
  }
}
