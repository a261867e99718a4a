import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Public } from '@app/common';
import type { RequestContext } from '@app/common';
import { OrganizationMatch } from './match.models.js';
import { PartnerSuggestionsService } from './partner-suggestions.service.js';

@Resolver()
export class MatchingResolver {
  constructor(private readonly partners: PartnerSuggestionsService) {}

  @Public()
  @Query(() => [OrganizationMatch], {
    description: 'Complementary organizations sharing themes and countries, not yet partnered, ranked with reasons',
  })
  partnerSuggestions(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('first', { type: () => Int, nullable: true }) first: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return this.partners.suggest(organizationId, first, ctx.locale);
  }
}
