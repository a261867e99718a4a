import {
  Args,
  Field,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Connection, CurrentUser, Ctx, Money, money } from '@app/common';
import type { AuthUser, RequestContext } from '@app/common';
import { Organization, OrganizationPolicy } from '@app/organizations';
import { ApplicationStatus, FundApplication } from './application.entity.js';
import { ApplicationsService } from './applications.service.js';
import { Fund } from './fund.entity.js';
import { ApplicationsInboxArgs, OrganizationFundsArgs, UpdateApplicationInput } from './fund.inputs.js';
import { FundConnection } from './fund.resolver.js';
import { FundsService } from './funds.service.js';

@ObjectType()
export class ApplicationStatusCount {
  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class ApplicationsInboxConnection extends Connection(FundApplication, 'ApplicationsInboxConnection') {
  @Field(() => [ApplicationStatusCount], {
    description: 'Per status (those with at least one), for the same filter without its statuses',
  })
  countsByStatus: ApplicationStatusCount[];
}

/** What funders and applicants need to run their work day to day (issue 13). */
@Resolver()
export class FunderWorkflowsResolver {
  constructor(private readonly applications: ApplicationsService) {}

  @Query(() => ApplicationsInboxConnection, {
    description:
      "The applications submitted to a funder's funds (never DRAFTs), newest submission first: its OWNER/ADMIN and moderators (read-only); NOT_FOUND for anyone else",
  })
  async fundApplicationsInbox(@Args() args: ApplicationsInboxArgs, @Ctx() ctx: RequestContext) {
    return this.applications.inbox(await ctx.access(), args);
  }

  @Mutation(() => FundApplication, {
    description:
      'Members of the applicant organization edit a DRAFT: an omitted field is unchanged (CONFLICT once submitted)',
  })
  updateApplication(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateApplicationInput,
  ) {
    return this.applications.update(user, id, input);
  }
}

@Resolver(() => Organization)
export class OrganizationFundsResolver {
  constructor(private readonly fundsService: FundsService) {}

  @ResolveField(() => FundConnection, {
    description:
      'Its funds, newest first: every status for its members and (read-only) moderators, published ones (OPEN, CLOSED) for anyone else',
  })
  async funds(@Parent() o: Organization, @Args() args: OrganizationFundsArgs, @Ctx() ctx: RequestContext) {
    const access = await ctx.access();
    return ctx.loaders.pages.load('Organization.funds', args, o.id, (ids) =>
      this.fundsService.pagesOfOrganizations(ids, access, args),
    );
  }
}

@Resolver(() => Fund)
export class FundBudgetResolver {
  constructor(private readonly policy: OrganizationPolicy) {}

  @ResolveField(() => Float, {
    nullable: true,
    description: "The sum of the awarded amounts: the funder's members and moderators; null for anyone else",
  })
  async budgetUsed(@Parent() f: Fund, @Ctx() ctx: RequestContext) {
    if (!this.policy.canSeeInternals(await ctx.access(), f.funderId)) return null;
    return ctx.loaders.funds.awardedByFund.load(f.id);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description:
      "totalBudget − budgetUsed: the funder's members and moderators; null for anyone else or without a totalBudget",
  })
  async budgetLeft(@Parent() f: Fund, @Ctx() ctx: RequestContext) {
    if (f.totalBudget === null || !this.policy.canSeeInternals(await ctx.access(), f.funderId)) return null;
    return Math.round((Number(f.totalBudget) - (await ctx.loaders.funds.awardedByFund.load(f.id))) * 100) / 100;
  }
}

@Resolver(() => FundApplication)
export class AwardedAmountResolver {
  @ResolveField(() => Money, {
    nullable: true,
    description: "What the funder awarded (AWARDED only), in the fund's currency",
  })
  awardedAmount(@Parent() a: FundApplication) {
    return money(a.awardedAmount, a.requestedCurrency);
  }
}
