import { Args, Float, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Connection,
  CurrentUser,
  Loaders,
  Money,
  money,
  NotFoundError,
  optionalId,
  pageSize,
  Public,
  requireId,
} from '@app/common';
import type { AuthUser, RequestLoaders } from '@app/common';
import { FundMatchingService, OrganizationMatch, ScoredMatch } from '@app/matching';
import { Organization, OrganizationKind, OrganizationPolicy } from '@app/organizations';
import { Project, ProjectKind, ProjectsService } from '@app/projects';
import { loadAll, Sdg, Theme } from '@app/reference-data';
import { ApplicationEvent, FundApplication } from './application.entity.js';
import { ApplicationsService } from './applications.service.js';
import { Fund, FundStatus } from './fund.entity.js';
import { ApplyArgs, DecideApplicationArgs, FundInput, FundsArgs } from './fund.inputs.js';
import { EligibilityReport, FundEligibility, FundMatch } from './fund.models.js';
import { FundsService } from './funds.service.js';

@ObjectType()
export class FundConnection extends Connection(Fund, 'FundConnection') {}

const num = (v: string | null) => (v === null ? null : Number(v));

@Resolver(() => Fund)
export class FundResolver {
  constructor(
    private readonly fundsService: FundsService,
    private readonly policy: OrganizationPolicy,
  ) {}

  @Public()
  @Query(() => Fund, {
    nullable: true,
    description: 'DRAFT funds only for the funder’s members and (read-only) moderators; NOT_FOUND for anyone else',
  })
  async fund(@Args('id', { type: () => ID }) id: string, @Loaders() l: RequestLoaders) {
    return this.fundsService.get(id, await l.organizations.access());
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

  @Mutation(() => Fund)
  updateFund(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: FundInput,
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
  funder(@Parent() f: Fund, @Loaders() l: RequestLoaders) {
    return l.organizations.organization.load(f.funderId);
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

  @ResolveField(() => [Theme])
  themes(@Parent() f: Fund, @Loaders() l: RequestLoaders) {
    return loadAll(l.reference.theme, f.themes);
  }

  @ResolveField(() => [Sdg])
  sdgs(@Parent() f: Fund, @Loaders() l: RequestLoaders) {
    return loadAll(l.reference.sdg, f.sdgs);
  }

  @ResolveField(() => FundEligibility)
  async eligibility(@Parent() f: Fund, @Loaders() l: RequestLoaders): Promise<FundEligibility> {
    const [countriesOfResidence, countriesOfOrigin, countriesOfImplementation] = await Promise.all([
      loadAll(l.reference.country, f.eligibleCountriesOfResidence),
      loadAll(l.reference.country, f.eligibleCountriesOfOrigin),
      loadAll(l.reference.country, f.eligibleCountriesOfImplementation),
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
      "The funder's members (submitted ones, not DRAFTs) and moderators (all, read-only); empty for anyone else",
  })
  async applications(@Parent() f: Fund, @Loaders() l: RequestLoaders) {
    const access = await l.organizations.access();
    if (!this.policy.canSeeInternals(access, f.funderId)) return [];
    const all = await l.funds.applicationsByFund.load(f.id);
    return all.filter((a) => this.policy.isVisible(ApplicationsService.visibility(a, f.funderId), access));
  }
}

@Resolver(() => FundApplication)
export class ApplicationResolver {
  constructor(private readonly applications: ApplicationsService) {}

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
  fund(@Parent() a: FundApplication, @Loaders() l: RequestLoaders) {
    return l.funds.fund.load(a.fundId);
  }

  @ResolveField(() => Project, {
    description:
      'The project applied with, archived or not: whoever may see the application (the applicant, the funder, moderators) may see it',
  })
  project(@Parent() a: FundApplication, @Loaders() l: RequestLoaders) {
    return l.projects.project.load(a.projectId);
  }

  @ResolveField(() => Organization)
  organization(@Parent() a: FundApplication, @Loaders() l: RequestLoaders) {
    return l.organizations.organization.load(a.organizationId);
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
  async applications(@Parent() p: Project, @Loaders() l: RequestLoaders) {
    const access = await l.organizations.access();
    if (!this.policy.canSeeInternals(access, p.organizationId)) return [];
    return l.funds.applicationsByProject.load(p.id);
  }
}

@Resolver()
export class FundMatchingResolver {
  constructor(
    private readonly matching: FundMatchingService,
    private readonly funds: FundsService,
    private readonly projects: ProjectsService,
  ) {}

  @Public()
  @Query(() => [FundMatch], {
    description: 'Open funds an organization (or one of its projects) is eligible for, ranked with reasons',
  })
  async fundMatches(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Loaders() l: RequestLoaders,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<FundMatch[]> {
    const subject = await this.subject(l, organizationId, projectId);
    const matches = await this.matching.fundMatches(subject.organizationId, subject.projectId, pageSize(first));
    return Promise.all(
      matches.map(async (m) => ({
        fund: (await l.funds.fund.load(m.fundId)) as Fund,
        project: await this.projects.visible(l, m.projectId),
        score: m.score,
        reasons: m.reasons,
      })),
    );
  }

  @Public()
  @Query(() => [OrganizationMatch], {
    description: 'Eligible organizations for a fund, with their best project, ranked',
  })
  async fundCandidates(
    @Args('fundId', { type: () => ID }) fundId: string,
    @Loaders() l: RequestLoaders,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<OrganizationMatch[]> {
    await this.funds.get(fundId, await l.organizations.access());
    const matches = await this.matching.fundCandidates(fundId, pageSize(first));
    return Promise.all(matches.map((m) => this.organizationMatch(m, l)));
  }

  @Public()
  @Query(() => EligibilityReport, { description: 'Every rule with passed/failed and a sentence' })
  async checkEligibility(
    @Args('fundId', { type: () => ID }) fundId: string,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Loaders() l: RequestLoaders,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
  ): Promise<EligibilityReport> {
    const fund = await this.funds.get(fundId, await l.organizations.access());
    const subject = await this.subject(l, organizationId, projectId);
    const checks = await this.matching.checkEligibility(fund.id, subject.organizationId, subject.projectId);
    return { eligible: checks.every((c) => c.passed), checks };
  }

  /** The organization (and project, if one is named) matched; NOT_FOUND unless the viewer may see them. */
  private async subject(l: RequestLoaders, organizationId: string, projectId?: string | null) {
    const organization = await l.organizations.organization.load(requireId(organizationId, 'Organization'));
    if (!organization) throw new NotFoundError('Organization', organizationId);
    const id = optionalId(projectId, 'Project');
    if (id !== null && !(await this.projects.visible(l, id))) throw new NotFoundError('Project', projectId ?? id);
    return { organizationId: organization.id, projectId: id };
  }

  private async organizationMatch(m: ScoredMatch, l: RequestLoaders): Promise<OrganizationMatch> {
    return {
      organization: (await l.organizations.organization.load(m.organizationId)) as Organization,
      project: await this.projects.visible(l, m.projectId),
      score: m.score,
      reasons: m.reasons,
    };
  }
}
