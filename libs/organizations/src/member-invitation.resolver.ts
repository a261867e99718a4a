import { Args, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, CurrentUser, Ctx, Public } from '@app/common';
import type { AuthUser, RequestContext } from '@app/common';
import { MemberInvitation } from './member-invitation.entity.js';
import {
  AcceptMemberInvitationInput,
  MemberInvitationAcceptance,
  MemberInvitationsArgs,
} from './member-invitation.inputs.js';
import { MemberInvitationsService } from './member-invitations.service.js';
import { MemberRole } from './membership.entity.js';
import { Organization } from './organization.entity.js';

@ObjectType()
export class MemberInvitationConnection extends Connection(MemberInvitation, 'MemberInvitationConnection') {}

const INVITE_DESCRIPTION =
  'OWNER/ADMIN (only an OWNER invites an OWNER): e-mails the address a link valid 7 days; the person ' +
  'accepts it (acceptMemberInvitation). Inviting a pending address again sends a new link. The answer ' +
  'is the same whether or not the address has an account or is a member already.';

@Resolver(() => MemberInvitation)
export class MemberInvitationResolver {
  constructor(private readonly service: MemberInvitationsService) {}

  @Query(() => MemberInvitationConnection, {
    description: 'Pending invitations of an organization, newest first; its OWNER/ADMIN only',
  })
  memberInvitations(@CurrentUser() user: AuthUser, @Args() args: MemberInvitationsArgs) {
    return this.service.list(user, args);
  }

  @Mutation(() => MemberInvitation, { description: INVITE_DESCRIPTION })
  inviteOrganizationMember(
    @CurrentUser() user: AuthUser,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('email') email: string,
    @Args('role', { type: () => MemberRole }) role: MemberRole,
  ) {
    return this.service.invite(user, organizationId, email, role);
  }

  @Mutation(() => MemberInvitation, {
    description: `The same as inviteOrganizationMember (it no longer adds an account at once and now returns the invitation, not a Membership). ${INVITE_DESCRIPTION}`,
  })
  addOrganizationMember(
    @CurrentUser() user: AuthUser,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('email') email: string,
    @Args('role', { type: () => MemberRole }) role: MemberRole,
  ) {
    return this.service.invite(user, organizationId, email, role);
  }

  @Public()
  @Mutation(() => MemberInvitationAcceptance, {
    description: 'With the token from the e-mail; creates the membership with the invited role',
  })
  acceptMemberInvitation(@Ctx() ctx: RequestContext, @Args('input') input: AcceptMemberInvitationInput) {
    return this.service.accept(ctx.viewer, input);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'With the token from the e-mail' })
  declineMemberInvitation(@Args('token') token: string) {
    return this.service.decline(token);
  }

  @Mutation(() => MemberInvitation, { description: 'OWNER/ADMIN; only an OWNER revokes the invitation of an OWNER' })
  revokeMemberInvitation(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.service.revoke(user, id);
  }

  @ResolveField(() => Organization)
  organization(@Parent() i: MemberInvitation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(i.organizationId);
  }
}
