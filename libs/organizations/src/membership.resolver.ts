import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '@app/common';
import type { RequestContext } from '@app/common';
import { User } from '@app/auth';
import { Membership } from './membership.entity.js';
import { Organization } from './organization.entity.js';
import { OrganizationPolicy } from './organization.policy.js';

@Resolver(() => Membership)
export class MembershipResolver {
  @ResolveField(() => User)
  user(@Parent() m: Membership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.user.load(m.userId);
  }

  @ResolveField(() => Organization)
  organization(@Parent() m: Membership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(m.organizationId);
  }
}

@Resolver(() => User)
export class UserMembershipsResolver {
  constructor(private readonly policy: OrganizationPolicy) {}

  @ResolveField(() => [Membership], { description: 'Visible to the user themself and moderators' })
  async memberships(@Parent() u: User, @Ctx() ctx: RequestContext) {
    const access = await ctx.access();
    if (!this.policy.canSeeAccount(access, u.id)) return [];
    return ctx.loaders.organizations.membershipsByUser.load(u.id);
  }
}
