import { Args, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '@app/auth';
import { Connection, Ctx } from '@app/common';
import type { RequestContext } from '@app/common';
import { NetworkMembership } from './network-membership.entity.js';
import { Organization } from './organization.entity.js';
import { NetworkRequestsArgs } from './organization.inputs.js';
import { OrganizationsService } from './organizations.service.js';

@ObjectType()
export class NetworkMembershipRequestConnection extends Connection(
  NetworkMembership,
  'NetworkMembershipRequestConnection',
) {}

@Resolver(() => NetworkMembership)
export class NetworkRequestResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => NetworkMembershipRequestConnection, {
    description:
      "Requests to join a network that wait for its answer (PENDING), oldest first: the network's OWNER/ADMIN (who answer them with respondToNetworkRequest) and moderators (read-only); NOT_FOUND for anyone else",
  })
  async pendingNetworkRequests(@Args() args: NetworkRequestsArgs, @Ctx() ctx: RequestContext) {
    return this.service.pendingNetworkRequests(await ctx.access(), args);
  }

  @ResolveField(() => Organization, { description: 'The organization asking to join' })
  organization(@Parent() r: NetworkMembership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(r.organizationId);
  }

  @ResolveField(() => Organization)
  network(@Parent() r: NetworkMembership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(r.networkId);
  }

  @ResolveField(() => User, { nullable: true, description: 'The member who asked' })
  requestedBy(@Parent() r: NetworkMembership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.user.load(r.requestedById);
  }
}
