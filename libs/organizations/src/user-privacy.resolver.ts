import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CurrentUser, Ctx } from '@app/common';
import type { AuthUser, RequestContext } from '@app/common';
import { AuthPayload, EmailVisibility, User } from '@app/auth';
import { OrganizationPolicy } from './organization.policy.js';

/** Users of an AuthPayload: whoever holds its tokens is that user, also on the anonymous sign-in request. */
const ownViews = new WeakSet<User>();

@Resolver(() => AuthPayload)
export class AuthPayloadUserResolver {
  @ResolveField(() => User)
  user(@Parent() payload: AuthPayload): User {
    ownViews.add(payload.user);
    return payload.user;
  }
}

@Resolver(() => User)
export class UserPrivacyResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
  ) {}

  @ResolveField(() => String, { nullable: true })
  async email(@Parent() u: User, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (ownViews.has(u)) return u.email;
    const access = await ctx.access();
    if (u.emailVisibility !== EmailVisibility.ORGANIZATIONS || !access.user) {
      return this.policy.canSeeEmail(access, u.id, []) ? u.email : null;
    }
    const theirs = await ctx.loaders.organizations.membershipsByUser.load(u.id);
    return this.policy.canSeeEmail(access, u.id, theirs) ? u.email : null;
  }

  @Mutation(() => User, { description: 'Who besides you and moderators sees your e-mail address' })
  async updateEmailVisibility(
    @CurrentUser() user: AuthUser,
    @Args('visibility', { type: () => EmailVisibility }) visibility: EmailVisibility,
  ): Promise<User> {
    await this.dataSource.getRepository(User).update({ id: user.id }, { emailVisibility: visibility });
    return this.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
  }
}
