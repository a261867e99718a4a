import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentUser, Ctx, groupedLoader } from '@app/common';
import type { AuthUser, RequestContext } from '@app/common';
import { Organization, OrganizationPolicy } from '@app/organizations';
import { Fund } from './fund.entity.js';
import { FundShortlistEntry } from './fund-shortlist.entity.js';
import { FundShortlistService } from './fund-shortlist.service.js';

/** Fund.shortlist batches the funds of one request (one statement), keyed by the request's loaders. */
const shortlistLoaders = new WeakMap<object, DataLoader<string, FundShortlistEntry[]>>();

@Resolver(() => Fund)
export class FundShortlistResolver {
  constructor(
    private readonly shortlists: FundShortlistService,
    private readonly policy: OrganizationPolicy,
  ) {}

  @Mutation(() => Fund, {
    description:
      "The funder's OWNER/ADMIN put an eligible organization that has not applied on an OPEN fund's shortlist; its members are invited to apply (once). NOT_FOUND for anyone but the funder's members and moderators; BAD_USER_INPUT (fundId) unless the fund is OPEN, (organizationId) for an unknown, non-eligible or already applying organization",
  })
  shortlistCandidate(
    @CurrentUser() user: AuthUser,
    @Args('fundId', { type: () => ID }) fundId: string,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ) {
    return this.shortlists.add(user, fundId, organizationId);
  }

  @Mutation(() => Fund, {
    description: "The funder's OWNER/ADMIN take an organization off the fund's shortlist (no-op when it is not on it)",
  })
  removeFromShortlist(
    @CurrentUser() user: AuthUser,
    @Args('fundId', { type: () => ID }) fundId: string,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ) {
    return this.shortlists.remove(user, fundId, organizationId);
  }

  @ResolveField(() => [FundShortlistEntry], {
    description:
      "Organizations shortlisted before applying (shortlistCandidate), oldest first: the funder's OWNER/ADMIN and moderators; empty for anyone else",
  })
  async shortlist(@Parent() f: Fund, @Ctx() ctx: RequestContext): Promise<FundShortlistEntry[]> {
    if (!this.policy.isManagerOrModerator(await ctx.access(), f.funderId)) return [];
    let loader = shortlistLoaders.get(ctx.loaders);
    if (!loader) {
      loader = groupedLoader(
        (ids: readonly string[]) => this.shortlists.ofFunds(ids),
        (e: FundShortlistEntry) => e.fundId,
      );
      shortlistLoaders.set(ctx.loaders, loader);
    }
    return loader.load(f.id);
  }
}

@Resolver(() => FundShortlistEntry)
export class FundShortlistEntryResolver {
  @ResolveField(() => Organization)
  organization(@Parent() e: FundShortlistEntry, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(e.organizationId);
  }
}
