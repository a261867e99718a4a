import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '@app/common';
import type { RequestLoaders } from '@app/common';
import { User } from '@app/auth';
import { Membership } from './membership.entity.js';
import { Organization } from './organization.entity.js';
import { OrganizationPolicy } from './organization.policy.js';

@Resolver(() => Membership)
export class MembershipResolver {
  @ResolveField(() => User)
  user(@Parent() m: Membership, @Loaders() l: RequestLoaders) {
    return l.organizations.user.load(m.userId);
  }

  @ResolveField(() => Organization)
  organization(@Parent() m: Membership, @Loaders() l: RequestLoaders) {
    return l.organizations.organization.load(m.organizationId);
  }
}

@Resolver(() => User)
export class UserMembershipsResolver {
  constructor(private readonly policy: OrganizationPolicy) {}

  @ResolveField(() => [Membership], { description: 'Visible to the user themself and moderators' })
  async memberships(@Parent() u: User, @Loaders() l: RequestLoaders) {
    const access = await l.organizations.access();
    if (!this.policy.canSeeAccount(access, u.id)) return [];
    return l.organizations.membershipsByUser.load(u.id);
  }
}
