import { Args, ID, Info, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentUser, Connection, Ctx, fieldContext, Public, Reads } from '@app/common';
import type { AuthUser, GqlContext, RequestContext } from '@app/common';
import { Country, Language, loadAll, Theme } from '@app/reference-data';
import { Membership, MemberRole } from './membership.entity.js';
import { loadOrganizations } from './organization.loaders.js';
import { Organization } from './organization.entity.js';
import { OrganizationInput, OrganizationsArgs, UpdateOrganizationInput } from './organization.inputs.js';
import { OrganizationPolicy } from './organization.policy.js';
import { OrganizationsService } from './organizations.service.js';
import { VerificationEvent } from './verification-event.entity.js';

@ObjectType()
export class OrganizationConnection extends Connection(Organization, 'OrganizationConnection') {}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly service: OrganizationsService,
    private readonly policy: OrganizationPolicy,
  ) {}

  // ---------- queries ----------

  @Public()
  @Query(() => Organization, { nullable: true, description: 'By id or by slug (exactly one).' })
  organization(
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('slug', { nullable: true }) slug?: string,
  ) {
    return this.service.get({ id, slug }, { info, pages: ctx.loaders.pages });
  }

  @Public()
  @Query(() => OrganizationConnection, { description: 'The directory: search, facets, ordering, cursor pages.' })
  organizations(@Args() args: OrganizationsArgs, @Info() info: GraphQLResolveInfo, @Ctx() ctx: RequestContext) {
    return this.service.list(args, info, ctx.loaders.pages);
  }

  // ---------- mutations ----------

  @Mutation(() => Organization, { description: 'The caller becomes OWNER.' })
  createOrganization(@CurrentUser() user: AuthUser, @Args('input') input: OrganizationInput) {
    return this.service.create(user, input);
  }

  @Mutation(() => Organization, {
    description:
      'OWNER/ADMIN. Partial: the fields left out keep their values, null clears an optional one. A change of what verification vouched for (kind, name, countries, legal registration) sends a VERIFIED organization back to PENDING.',
  })
  updateOrganization(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganizationInput,
  ) {
    return this.service.update(user, id, input);
  }

  @Mutation(() => Boolean, { description: 'Remove a member, or leave (your own membership).' })
  removeOrganizationMember(
    @CurrentUser() user: AuthUser,
    @Args('membershipId', { type: () => ID }) membershipId: string,
  ) {
    return this.service.removeMember(user, membershipId);
  }

  @Mutation(() => Membership, {
    description:
      "OWNER/ADMIN change a member's role; only an OWNER makes or unmakes an OWNER; the last OWNER cannot be demoted (BAD_USER_INPUT on role)",
  })
  changeMemberRole(
    @CurrentUser() user: AuthUser,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => MemberRole }) role: MemberRole,
  ) {
    return this.service.changeMemberRole(user, organizationId, userId, role);
  }

  @Mutation(() => Organization, { description: "A request to join; the network's OWNER/ADMIN decide." })
  joinNetwork(
    @CurrentUser() user: AuthUser,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('networkId', { type: () => ID }) networkId: string,
  ) {
    return this.service.joinNetwork(user, organizationId, networkId);
  }

  @Mutation(() => Organization)
  respondToNetworkRequest(
    @CurrentUser() user: AuthUser,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('accept') accept: boolean,
  ) {
    return this.service.respondToNetworkRequest(user, networkId, organizationId, accept);
  }

  @Mutation(() => Organization)
  requestVerification(
    @CurrentUser() user: AuthUser,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ) {
    return this.service.requestVerification(user, organizationId);
  }

  @Mutation(() => Organization, { description: 'Moderators: VERIFIED or REJECTED (a rejection needs a note).' })
  decideVerification(
    @CurrentUser() user: AuthUser,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('approve') approve: boolean,
    @Args('note', { nullable: true }) note?: string,
  ) {
    return this.service.decideVerification(user, organizationId, approve, note);
  }

  // ---------- fields ----------
  // the hot ones without arguments take GraphQL's (parent, args, context): no per-call wrapper (fieldContext)

  @ResolveField(() => [Country])
  @Reads(Organization, 'countriesOfOrigin')
  countriesOfOrigin(o: Organization, _args: unknown, context: GqlContext) {
    return loadAll(fieldContext(context).loaders.reference.country, o.countriesOfOrigin);
  }

  @ResolveField(() => [Country])
  @Reads(Organization, 'countriesOfResidence')
  countriesOfResidence(o: Organization, _args: unknown, context: GqlContext) {
    return loadAll(fieldContext(context).loaders.reference.country, o.countriesOfResidence);
  }

  @ResolveField(() => [Theme])
  @Reads(Organization, 'themes')
  themes(o: Organization, _args: unknown, context: GqlContext) {
    return loadAll(fieldContext(context).loaders.reference.theme, o.themes);
  }

  @ResolveField(() => [Language])
  @Reads(Organization, 'languages')
  languages(o: Organization, _args: unknown, context: GqlContext) {
    return loadAll(fieldContext(context).loaders.reference.language, o.languages);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Null unless the viewer is a member, a moderator, or a member of a VERIFIED funder or public body.',
  })
  @Reads(Organization, 'contactEmail')
  async contactEmail(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    return this.policy.canSeeContactEmail(await ctx.access(), o.id) ? o.contactEmail : null;
  }

  @ResolveField(() => [Organization], { description: 'Networks this organization belongs to' })
  async networks(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    return loadOrganizations(ctx.loaders.organizations, await ctx.loaders.organizations.networkIds.load(o.id));
  }

  @ResolveField(() => [Organization], { description: 'For a DIASPORA_NETWORK: its member organizations' })
  async memberOrganizations(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    return loadOrganizations(
      ctx.loaders.organizations,
      await ctx.loaders.organizations.memberOrganizationIds.load(o.id),
    );
  }

  @ResolveField(() => [Membership], { description: "Only for the organization's members and moderators (else empty)" })
  async members(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    if (!this.policy.canSeeInternals(await ctx.access(), o.id)) return [];
    return ctx.loaders.organizations.membershipsByOrganization.load(o.id);
  }

  @ResolveField(() => [VerificationEvent], {
    description: 'Every verification transition; members and moderators only',
  })
  async verificationHistory(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    if (!this.policy.canSeeInternals(await ctx.access(), o.id)) return [];
    return this.service.verificationHistory(o.id);
  }
}
