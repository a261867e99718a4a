import { Args, Float, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, CurrentUser, Ctx, groupedLoader, Money, money, Public } from '@app/common';
import type { AuthUser, RequestContext } from '@app/common';
import { OrganizationMatch } from '@app/matching';
import { Organization, OrganizationKind, OrganizationPolicy } from '@app/organizations';
import { Project, ProjectKind } from '@app/projects';
import { loadAll, Sdg, Theme } from '@app/reference-data';
import { ApplicationEvent, FundApplication } from './application.entity.js';
import { ApplicationsService } from './applications.service.js';
import { Fund, FundStatus } from './fund.entity.js';
import { FundMatchesService } from './fund-matches.service.js';
import {
  ApplyArgs,
  DecideApplicationArgs,
  FundApplicationsArgs,
  FundInput,
  FundsArgs,
  UpdateFundInput,
} from './fund.inputs.js';
import { EligibilityReport, FundEligibility, FundMatch, FundNeedingAProject } from './fund.models.js';
import { FundsService } from './funds.service.js';

@ObjectType()
export class FundConnection extends Connection(Fund, 'FundConnection') {}

const num = (v: string | null) => (v === null ? null : Number(v));

@Resolver(() => Fund)
export class FundResolver {
  constructor(
    private readonly fundsService: FundsService,
    private readonly applicationsService: ApplicationsService,
    private readonly policy: OrganizationPolicy,
  ) {}

  @Public()
  @Query(() => Fund, {
    nullable: true,
    description: 'DRAFT funds only for the funder’s members and (read-only) moderators; NOT_FOUND for anyone else',
  })
  async fund(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.fundsService.get(id, await ctx.access());
  }

  @Public()
  @Query(() => FundConnection, { description: 'Published funds; openOnly for those open now' })
  funds(@Args() args: FundsArgs) {
    return this.fundsService.list(args);
  }

  @Mutation(() => Fund, { description: 'OWNER/ADMIN of a funder organization' })
  createFund(@CurrentUser() user: AuthUser, @Args('input') input: FundInput) {
    return this.fundsService.create(user, input);
  }

  @Mutation(() => Fund, {
    description:
      "The funder's OWNER/ADMIN, until it closes. Partial: the fields left out keep their values, null clears an optional one.",
  })
  updateFund(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateFundInput,
  ) {
    return this.fundsService.update(user, id, input);
  }

  @Mutation(() => Fund, { description: 'DRAFT → OPEN; the deadline must be in the future' })
  publishFund(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.fundsService.publish(user, id);
  }

  @Mutation(() => Fund)
  closeFund(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.fundsService.close(user, id);
  }

  @ResolveField(() => FundStatus, { description: 'Effective status: past its deadline an OPEN fund is CLOSED' })
  status(@Parent() f: Fund) {
    return FundsService.effectiveStatus(f);
  }

  @ResolveField(() => Organization)
  funder(@Parent() f: Fund, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(f.funderId);
  }

  @ResolveField(() => Float, { nullable: true })
  minGrant(@Parent() f: Fund) {
    return num(f.minGrant);
  }

  @ResolveField(() => Float, { nullable: true })
  maxGrant(@Parent() f: Fund) {
    return num(f.maxGrant);
  }

  @ResolveField(() => Float, { nullable: true })
  totalBudget(@Parent() f: Fund) {
    return num(f.totalBudget);
  }

  @ResolveField(() => Float, { nullable: true })
  coFundingPercent(@Parent() f: Fund) {
    return num(f.coFundingPercent);
  }

  @ResolveField(() => Float, { nullable: true, description: "In the fund's currency; null = no lower limit" })
  minOrganizationAnnualIncome(@Parent() f: Fund) {
    return num(f.minOrganizationAnnualIncome);
  }

  @ResolveField(() => Float, { nullable: true, description: "In the fund's currency; null = no upper limit" })
  maxOrganizationAnnualIncome(@Parent() f: Fund) {
    return num(f.maxOrganizationAnnualIncome);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: "Limit on the project's whole budget, in the fund's currency (converted); null = none",
  })
  maxTotalProjectBudget(@Parent() f: Fund) {
    return num(f.maxTotalProjectBudget);
  }

  @ResolveField(() => [Theme])
  themes(@Parent() f: Fund, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.reference.theme, f.themes);
  }

  @ResolveField(() => [Sdg])
  sdgs(@Parent() f: Fund, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.reference.sdg, f.sdgs);
  }

  @ResolveField(() => FundEligibility)
  async eligibility(@Parent() f: Fund, @Ctx() ctx: RequestContext): Promise<FundEligibility> {
    const [countriesOfResidence, countriesOfOrigin, countriesOfImplementation] = await Promise.all([
      loadAll(ctx.loaders.reference.country, f.eligibleCountriesOfResidence),
      loadAll(ctx.loaders.reference.country, f.eligibleCountriesOfOrigin),
      loadAll(ctx.loaders.reference.country, f.eligibleCountriesOfImplementation),
    ]);
    return {
      organizationKinds: f.eligibleOrganizationKinds as OrganizationKind[],
      countriesOfResidence,
      countriesOfOrigin,
      countriesOfImplementation,
      projectKinds: f.eligibleProjectKinds as ProjectKind[],
      requiresLegalRegistration: f.requiresLegalRegistration,
      requiresVerification: f.requiresVerification,
      minOrganizationAgeYears: f.minOrganizationAgeYears,
    };
  }

  @ResolveField(() => [FundApplication], {
    description:
      "The funder's members (submitted ones, never DRAFTs) and moderators (all, read-only); empty for anyone else. Oldest first, `first` per page (default 20), `after` the id of the previous page's last one; counts: fundApplicationsInbox",
  })
  async applications(@Parent() f: Fund, @Args() args: FundApplicationsArgs, @Ctx() ctx: RequestContext) {
    const access = await ctx.access();
    if (!this.policy.canSeeInternals(access, f.funderId)) return [];
    const pages = ctx.loaders.funds.applicationPages;
    const key = JSON.stringify([args.status ?? null, args.first ?? null, args.after ?? null]);
    let loader = pages.get(key);
    if (!loader) {
      loader = groupedLoader(
        (fundIds: readonly string[]) => this.applicationsService.ofFunds(fundIds, access, args),
        (a: FundApplication) => a.fundId,
      );
      pages.set(key, loader);
    }
    return loader.load(f.id);
  }
}

@Resolver(() => FundApplication)
export class ApplicationResolver {
  constructor(private readonly applications: ApplicationsService) {}

  @Query(() => FundApplication, {
    nullable: true,
    description:
      "One application: the applicant organization's members (any status), the funder's OWNER/ADMIN once it was submitted (never a DRAFT) and moderators (read-only); NOT_FOUND for anyone else",
  })
  async application(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.applications.get(id, await ctx.access());
  }

  @Mutation(() => FundApplication, { description: 'SUBMITTED, or DRAFT when draft: true' })
  applyToFund(@CurrentUser() user: AuthUser, @Args() args: ApplyArgs) {
    return this.applications.apply(user, args);
  }

  @Mutation(() => FundApplication, { description: 'DRAFT → SUBMITTED, before the deadline' })
  submitApplication(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.applications.submit(user, id);
  }

  @Mutation(() => FundApplication)
  withdrawApplication(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.applications.withdraw(user, id);
  }

  @Mutation(() => FundApplication, { description: "The funder's OWNER/ADMIN" })
  decideApplication(@CurrentUser() user: AuthUser, @Args() args: DecideApplicationArgs) {
    return this.applications.decide(user, args);
  }

  @ResolveField(() => Fund)
  fund(@Parent() a: FundApplication, @Ctx() ctx: RequestContext) {
    return ctx.loaders.funds.fund.load(a.fundId);
  }

  @ResolveField(() => Project, {
    description:
      'The project applied with, archived or not: whoever may see the application (the applicant, the funder, moderators) may see it',
  })
  project(@Parent() a: FundApplication, @Ctx() ctx: RequestContext) {
    return ctx.loaders.projects.project.load(a.projectId);
  }

  @ResolveField(() => Organization)
  organization(@Parent() a: FundApplication, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(a.organizationId);
  }

  @ResolveField(() => Money)
  requestedAmount(@Parent() a: FundApplication) {
    return money(a.requestedAmount, a.requestedCurrency);
  }

  @ResolveField(() => [ApplicationEvent], { description: 'Every transition: who, when, from, to, note' })
  history(@Parent() a: FundApplication) {
    return this.applications.history(a.id);
  }
}

@Resolver(() => Project)
export class ProjectApplicationsResolver {
  constructor(private readonly policy: OrganizationPolicy) {}

  @ResolveField(() => [FundApplication], {
    description: "The owning organization's members and moderators (read-only); empty for anyone else",
  })
  async applications(@Parent() p: Project, @Ctx() ctx: RequestContext) {
    const access = await ctx.access();
    if (!this.policy.canSeeInternals(access, p.organizationId)) return [];
    return ctx.loaders.funds.applicationsByProject.load(p.id);
  }
}

@Resolver()
export class FundMatchingResolver {
  constructor(private readonly matches: FundMatchesService) {}

  @Public()
  @Query(() => [FundMatch], {
    description:
      'Open funds a project is eligible for, or (without projectId) the open funds at least one live project of the organization is eligible for, each with its best project; ranked with reasons',
  })
  fundMatches(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<FundMatch[]> {
    return this.matches.fundMatches(ctx, organizationId, projectId, first);
  }

  @Public()
  @Query(() => [FundNeedingAProject], {
    description:
      'Open funds the organization qualifies for but none of its live projects does, with the project rules that fail (members and moderators; empty for anyone else)',
  })
  fundsNeedingAProject(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<FundNeedingAProject[]> {
    return this.matches.fundsNeedingAProject(ctx, organizationId, first);
  }

  @Public()
  @Query(() => [OrganizationMatch], {
    description: 'Eligible organizations for a fund, with their best project, ranked',
  })
  fundCandidates(
    @Args('fundId', { type: () => ID }) fundId: string,
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<OrganizationMatch[]> {
    return this.matches.fundCandidates(ctx, fundId, first);
  }

  @Public()
  @Query(() => EligibilityReport, { description: 'Every rule with passed/failed and a sentence' })
  checkEligibility(
    @Args('fundId', { type: () => ID }) fundId: string,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
  ): Promise<EligibilityReport> {
    return this.matches.checkEligibility(ctx, fundId, organizationId, projectId);
  }
}
