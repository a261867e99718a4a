import { Args, Field, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, CurrentUser, Ctx, PageArgs } from '@app/common';
import type { AuthUser, RequestContext } from '@app/common';
import { User } from '@app/auth';
import { Organization, VerificationStatus } from './organization.entity.js';
import { VerificationEvent } from './verification-event.entity.js';
import { VerificationQueueService } from './verification-queue.service.js';

/**
 * A pending verification request, as a moderator reviews it: the organization (its whole profile,
 * contact e-mail included, is what it asks to have vouched for), who asked and when, and what the
 * request carries. Today a request carries no document: `note` says why it is pending when the
 * platform made it so (a change of a vouched-for field). Evidence files (registration certificates)
 * belong here as a field of this type (a ResolveField of VerificationRequestResolver).
 */
@ObjectType()
export class VerificationRequest {
  @Field(() => ID, { description: 'The verification event that made the organization PENDING' })
  id: string;

  @Field({ description: 'When verification was requested (the queue is oldest first)' })
  requestedAt: Date;

  @Field(() => VerificationStatus, {
    description: 'UNVERIFIED or REJECTED for a request; VERIFIED when a change sent it back to review',
  })
  previousStatus: VerificationStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why it is pending, when the platform says (e.g. "Changed since verification: name, kind")',
  })
  note: string | null;

  organizationId: string;
  requestedById: string;
}

@ObjectType()
export class VerificationRequestConnection extends Connection(VerificationRequest, 'VerificationRequestConnection') {}

const toRequest = (e: VerificationEvent): VerificationRequest => ({
  id: e.id,
  requestedAt: e.createdAt,
  previousStatus: e.fromStatus,
  note: e.note,
  organizationId: e.organizationId,
  requestedById: e.actorId,
});

@Resolver(() => VerificationRequest)
export class VerificationRequestResolver {
  constructor(private readonly service: VerificationQueueService) {}

  @Query(() => VerificationRequestConnection, {
    description:
      'Moderators and admins (FORBIDDEN for others): organizations awaiting verification, oldest request first, with what each request carries',
  })
  async verificationQueue(@CurrentUser() user: AuthUser, @Args() args: PageArgs) {
    const page = await this.service.queue(user, args);
    return { ...page, nodes: page.nodes.map(toRequest) };
  }

  @ResolveField(() => Organization)
  organization(@Parent() r: VerificationRequest, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(r.organizationId);
  }

  @ResolveField(() => User, { nullable: true, description: 'The member who asked (or whose change sent it back)' })
  requestedBy(@Parent() r: VerificationRequest, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.user.load(r.requestedById);
  }
}
