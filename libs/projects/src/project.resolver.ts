import { Args, Float, ID, Info, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Connection,
  CurrentUser,
  Ctx,
  Direct,
  fieldContext,
  Money,
  money,
  PageArgs,
  Public,
  Reads,
  selectsField,
} from '@app/common';
import type { AuthUser, GqlContext, RequestContext } from '@app/common';
import { Organization, OrganizationPolicy } from '@app/organizations';
import { Country, loadAll, Sdg, Theme } from '@app/reference-data';
import { Indicator, Measurement, progressOf } from './indicator.entity.js';
import { Project } from './project.entity.js';
import { IndicatorChange } from './indicator-change.entity.js';
import {
  AddIndicatorArgs,
  ProjectInput,
  ProjectsArgs,
  RecordMeasurementArgs,
  UpdateIndicatorInput,
  UpdateMeasurementInput,
  UpdateProjectInput,
} from './project.inputs.js';
import { ORGANIZATION_PROJECTS_BATCH, ProjectsService } from './projects.service.js';

@ObjectType()
export class ProjectConnection extends Connection(Project, 'ProjectConnection') {}

@ObjectType()
export class IndicatorChangeConnection extends Connection(IndicatorChange, 'IndicatorChangeConnection') {}

@Resolver(() => Project)
export class ProjectResolver {
  constructor(
    private readonly service: ProjectsService,
    private readonly policy: OrganizationPolicy,
  ) {}

  @Public()
  @Query(() => Project, {
    nullable: true,
    description:
      'Archived projects only for the organization’s members and (read-only) moderators; NOT_FOUND for anyone else',
  })
  async project(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.service.get(id, await ctx.access());
  }

  @Public()
  @Query(() => ProjectConnection, { description: 'Live (not archived) projects: search, facets, cursor pages.' })
  projects(@Args() args: ProjectsArgs, @Info() info: GraphQLResolveInfo) {
    return this.service.list(args, info);
  }

  @Mutation(() => Project)
  createProject(@CurrentUser() user: AuthUser, @Args('input') input: ProjectInput) {
    return this.service.create(user, input);
  }

  @Mutation(() => Project, {
    description: 'Members. Partial: the fields left out keep their values, null clears an optional one.',
  })
  updateProject(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateProjectInput,
  ) {
    return this.service.update(user, id, input);
  }

  @Mutation(() => Project, { description: 'Leaves listings and matching; history is kept.' })
  archiveProject(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.service.archive(user, id);
  }

  @Mutation(() => Indicator)
  addIndicator(@CurrentUser() user: AuthUser, @Args() args: AddIndicatorArgs) {
    return this.service.addIndicator(user, args);
  }

  @Mutation(() => Measurement)
  recordMeasurement(@CurrentUser() user: AuthUser, @Args() args: RecordMeasurementArgs) {
    return this.service.recordMeasurement(user, args);
  }

  @Mutation(() => Indicator, {
    description:
      'Members of the organization, on a live project. Partial: the fields left out keep their values. Kept in Project.indicatorHistory.',
  })
  updateIndicator(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateIndicatorInput,
  ) {
    return this.service.updateIndicator(user, id, input);
  }

  @Mutation(() => Project, {
    description:
      'Members of the organization, on a live project: the indicator and its measurements (kept in Project.indicatorHistory).',
  })
  deleteIndicator(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.service.deleteIndicator(user, id);
  }

  @Mutation(() => Measurement, {
    description:
      'Members of the organization, on a live project. Partial: the fields left out keep their values, null clears the note. Kept in Project.indicatorHistory.',
  })
  updateMeasurement(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateMeasurementInput,
  ) {
    return this.service.updateMeasurement(user, id, input);
  }

  @Mutation(() => Indicator, {
    description:
      'Members of the organization, on a live project; answers the indicator (its progress follows). Kept in Project.indicatorHistory.',
  })
  deleteMeasurement(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.service.deleteMeasurement(user, id);
  }

  @ResolveField(() => IndicatorChangeConnection, {
    nullable: true,
    description:
      'Corrections and deletions of its indicators and measurements, newest first: members of the organization and moderators; null for anyone else',
  })
  async indicatorHistory(@Parent() p: Project, @Args() args: PageArgs, @Ctx() ctx: RequestContext) {
    if (!this.policy.canSeeInternals(await ctx.access(), p.organizationId)) return null;
    return ctx.loaders.pages.load('Project.indicatorHistory', args, p.id, (ids) =>
      this.service.historyPages(ids, args),
    );
  }

  @ResolveField(() => Organization)
  @Reads(Project, 'organizationId')
  organization(p: Project, _args: unknown, context: GqlContext) {
    return fieldContext(context).loaders.organizations.organization.load(p.organizationId);
  }

  @ResolveField(() => [Country], { description: 'Where it is implemented' })
  @Reads(Project, 'countries')
  countries(p: Project, _args: unknown, context: GqlContext) {
    return loadAll(fieldContext(context).loaders.reference.country, p.countries);
  }

  @ResolveField(() => [Theme])
  @Reads(Project, 'themes')
  themes(p: Project, _args: unknown, context: GqlContext) {
    return loadAll(fieldContext(context).loaders.reference.theme, p.themes);
  }

  @ResolveField(() => [Sdg])
  @Reads(Project, 'sdgs')
  sdgs(p: Project, _args: unknown, context: GqlContext) {
    return loadAll(fieldContext(context).loaders.reference.sdg, p.sdgs);
  }

  @ResolveField(() => Money, { nullable: true })
  @Reads(Project, 'budgetAmount', 'budgetCurrency')
  budget(p: Project) {
    return money(p.budgetAmount, p.budgetCurrency);
  }

  @ResolveField(() => Money, { nullable: true })
  @Reads(Project, 'fundingSoughtAmount', 'fundingSoughtCurrency')
  fundingSought(p: Project) {
    return money(p.fundingSoughtAmount, p.fundingSoughtCurrency);
  }

  @ResolveField(() => [Indicator])
  @Reads(Project)
  indicators(p: Project, _args: unknown, context: GqlContext, info: GraphQLResolveInfo) {
    const loaders = fieldContext(context).loaders.projects;
    // with their measurements when the client asks for them: one statement for both levels
    const loader = selectsField(info, 'measurements')
      ? loaders.indicatorsWithMeasurementsByProject
      : loaders.indicatorsByProject;
    return loader.load(p.id);
  }
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @ResolveField(() => [Measurement], { description: 'Ordered by date' })
  measurements(i: Indicator, _args: unknown, context: GqlContext) {
    return fieldContext(context).loaders.projects.measurementsByIndicator.load(i.id);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description:
      '(latest − baseline) / (target − baseline) in 0..1; null when target = baseline or nothing is measured',
  })
  async progress(i: Indicator, _args: unknown, context: GqlContext) {
    const measurements = await fieldContext(context).loaders.projects.measurementsByIndicator.load(i.id);
    return progressOf(i, measurements.at(-1)?.value);
  }
}

@Resolver(() => Organization)
export class OrganizationProjectsResolver {
  constructor(private readonly service: ProjectsService) {}

  @ResolveField(() => ProjectConnection, { description: 'Its live projects, newest first' })
  @Direct()
  @Reads(Organization)
  projects(o: Organization, @Args() args: PageArgs, context: GqlContext, info: GraphQLResolveInfo) {
    // every parent of the level asks with the same arguments and selection: one batch (or none, when the
    // organizations' statement fetched the pages: ProjectsService registers the list as a NestedPrefetch)
    const asked = this.service.organizationProjectsArgs(args, info);
    return fieldContext(context).loaders.pages.load(ORGANIZATION_PROJECTS_BATCH, asked, o.id, (ids) =>
      this.service.pagesOfOrganizations(ids, asked),
    );
  }
}
