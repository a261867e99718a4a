import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Ctx } from '@app/common';
import type { AuthUser, RequestContext } from '@app/common';
import { loadOrganizations, Organization, OrganizationPolicy } from '@app/organizations';
import { Project, ProjectsService } from '@app/projects';
import { Partnership, PartnershipEvent, PartnershipKind, PartnershipStatus } from './partnership.entity.js';
import { PartnershipsService } from './partnerships.service.js';

@Resolver(() => Partnership)
export class PartnershipResolver {
  constructor(
    private readonly service: PartnershipsService,
    private readonly projects: ProjectsService,
  ) {}

  @Mutation(() => Partnership, { description: 'Members of the initiator propose; the partner answers.' })
  proposePartnership(
    @CurrentUser() user: AuthUser,
    @Args('initiatorId', { type: () => ID }) initiatorId: string,
    @Args('partnerId', { type: () => ID }) partnerId: string,
    @Args('kind', { type: () => PartnershipKind }) kind: PartnershipKind,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
    @Args('message', { nullable: true }) message?: string,
  ) {
    return this.service.propose(user, { initiatorId, partnerId, kind, projectId, message });
  }

  @Mutation(() => Partnership)
  respondToPartnership(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ) {
    return this.service.respond(user, id, accept);
  }

  @Mutation(() => Partnership)
  endPartnership(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.service.end(user, id);
  }

  @ResolveField(() => Organization)
  initiator(@Parent() p: Partnership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(p.initiatorId);
  }

  @ResolveField(() => Organization)
  partner(@Parent() p: Partnership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(p.partnerId);
  }

  @ResolveField(() => Project, {
    nullable: true,
    description: 'Null without a project, or when it is archived and the viewer may not see it (as project(id))',
  })
  project(@Parent() p: Partnership, @Ctx() ctx: RequestContext) {
    return this.projects.visible(ctx, p.projectId);
  }

  @ResolveField(() => [PartnershipEvent], { description: 'Every transition: who, when, from, to' })
  history(@Parent() p: Partnership) {
    return this.service.history(p.id);
  }
}

@Resolver(() => Organization)
export class OrganizationPartnershipsResolver {
  constructor(private readonly policy: OrganizationPolicy) {}

  @ResolveField(() => [Partnership], {
    description:
      'ACTIVE and ENDED ones for everyone; PROPOSED and DECLINED for the two sides’ members and (read-only) moderators',
  })
  async partnerships(
    @Parent() o: Organization,
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => PartnershipStatus, nullable: true }) status?: PartnershipStatus,
  ) {
    const access = await ctx.access();
    const all = await ctx.loaders.partnerships.byOrganization.load(o.id);
    return all.filter(
      (p) => (!status || p.status === status) && this.policy.isVisible(PartnershipsService.visibility(p), access),
    );
  }
}

@Resolver(() => Project)
export class ProjectPartnersResolver {
  @ResolveField(() => [Organization], { description: 'Organizations in ACTIVE partnerships on this project' })
  async partners(@Parent() project: Project, @Ctx() ctx: RequestContext) {
    const active = await ctx.loaders.partnerships.activeByProject.load(project.id);
    const ids = active.map((p) => (p.initiatorId === project.organizationId ? p.partnerId : p.initiatorId));
    return loadOrganizations(ctx.loaders.organizations, [...new Set(ids)]);
  }
}
