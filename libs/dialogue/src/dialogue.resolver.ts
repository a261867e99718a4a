import { Args, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, CurrentUser, Ctx, Public } from '@app/common';
import type { AuthUser, RequestContext } from '@app/common';
import { User } from '@app/auth';
import { OrganizationMatch } from '@app/matching';
import { Organization, OrganizationPolicy } from '@app/organizations';
import { Country, loadAll, Theme } from '@app/reference-data';
import {
  Consultation,
  ConsultationEvent,
  ConsultationInvitation,
  ConsultationStatus,
  Contribution,
} from './consultation.entity.js';
import { ConsultationInvitationsService } from './consultation-invitations.service.js';
import { ConsultationsService } from './consultations.service.js';
import { ContributionsService } from './contributions.service.js';
import {
  CloseConsultationArgs,
  OrganizationInvitationsArgs,
  PublishOutcomeArgs,
} from './consultation-workflow.inputs.js';
import {
  ConsultationInput,
  ConsultationsArgs,
  CounterpartQuery,
  InviteArgs,
  SubmitContributionArgs,
} from './dialogue.inputs.js';

@ObjectType()
export class ConsultationConnection extends Connection(Consultation, 'ConsultationConnection') {}

@ObjectType()
export class ConsultationInvitationConnection extends Connection(
  ConsultationInvitation,
  'ConsultationInvitationConnection',
) {}

@Resolver(() => Consultation)
export class ConsultationResolver {
  constructor(
    private readonly service: ConsultationsService,
    private readonly policy: OrganizationPolicy,
  ) {}

  @Public()
  @Query(() => Consultation, {
    nullable: true,
    description:
      "DRAFT consultations only for the convener's members and (read-only) moderators; NOT_FOUND for anyone else",
  })
  async consultation(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.service.get(id, await ctx.access());
  }

  @Public()
  @Query(() => ConsultationConnection, {
    description:
      "OPEN and CLOSED consultations (and the DRAFTs of the viewer's organizations; all DRAFTs for moderators), newest first; openOnly: open now",
  })
  async consultations(@Args() args: ConsultationsArgs, @Ctx() ctx: RequestContext) {
    return this.service.list(args, await ctx.access());
  }

  @Mutation(() => Consultation, {
    description: 'OWNER/ADMIN of a GOVERNMENT_AGENCY, LOCAL_AUTHORITY or INTERNATIONAL_ORGANIZATION; starts as DRAFT',
  })
  createConsultation(@CurrentUser() user: AuthUser, @Args('input') input: ConsultationInput) {
    return this.service.create(user, input);
  }

  @Mutation(() => Consultation, { description: 'DRAFT → OPEN; closesAt must be in the future' })
  openConsultation(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.service.open(user, id);
  }

  @Mutation(() => Consultation, {
    description: "OPEN → CLOSED, with the outcome summary if given; the convener's OWNER/ADMIN. Participants are told.",
  })
  closeConsultation(@CurrentUser() user: AuthUser, @Args() args: CloseConsultationArgs) {
    return this.service.close(user, args.id, args.outcomeSummary);
  }

  @Mutation(() => Consultation, {
    description:
      "The convener's OWNER/ADMIN publish (or replace) the outcome summary of a CLOSED consultation; participants are told",
  })
  publishConsultationOutcome(@CurrentUser() user: AuthUser, @Args() args: PublishOutcomeArgs) {
    return this.service.publishOutcome(user, args.id, args.outcomeSummary);
  }

  @ResolveField(() => ConsultationStatus, {
    description: 'Effective status: past closesAt an OPEN consultation is CLOSED',
  })
  status(@Parent() c: Consultation) {
    return ConsultationsService.effectiveStatus(c);
  }

  @ResolveField(() => Boolean, { description: 'OPEN, past opensAt (if set) and before closesAt' })
  acceptsContributions(@Parent() c: Consultation) {
    return ConsultationsService.acceptsContributions(c);
  }

  @ResolveField(() => Organization)
  convener(@Parent() c: Consultation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(c.convenerId);
  }

  @ResolveField(() => [Theme])
  themes(@Parent() c: Consultation, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.reference.theme, c.themes);
  }

  @ResolveField(() => [Country], { description: 'Diaspora communities whose voice is sought' })
  countriesOfOrigin(@Parent() c: Consultation, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.reference.country, c.countriesOfOrigin);
  }

  @ResolveField(() => Country, { nullable: true, description: 'Where it is held' })
  country(@Parent() c: Consultation, @Ctx() ctx: RequestContext) {
    return c.country ? ctx.loaders.reference.country.load(c.country) : null;
  }

  @ResolveField(() => [ConsultationInvitation], {
    description:
      'Public for OPEN and CLOSED consultations (who was invited and who accepted is a matter of transparency)',
  })
  invitations(@Parent() c: Consultation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.dialogue.invitationsByConsultation.load(c.id);
  }

  @ResolveField(() => [Contribution], {
    description: "All for the convener's members and moderators; otherwise only those of the viewer's organizations",
  })
  async contributions(@Parent() c: Consultation, @Ctx() ctx: RequestContext) {
    const [access, all] = await Promise.all([
      ctx.access(),
      ctx.loaders.dialogue.contributionsByConsultation.load(c.id),
    ]);
    return all.filter((x) => this.policy.isVisible(ConsultationsService.contributionVisibility(c, x), access));
  }

  @ResolveField(() => [ConsultationEvent], {
    description:
      "Every change of the consultation and its invitations (who, when, from, to): the convener's members and moderators",
  })
  async history(@Parent() c: Consultation, @Ctx() ctx: RequestContext) {
    return this.policy.canSeeInternals(await ctx.access(), c.convenerId) ? this.service.history(c.id) : [];
  }
}

@Resolver(() => ConsultationInvitation)
export class ConsultationInvitationResolver {
  constructor(private readonly service: ConsultationInvitationsService) {}

  @Mutation(() => [ConsultationInvitation], {
    description: "The convener's OWNER/ADMIN; re-inviting returns the existing invitation",
  })
  inviteToConsultation(@CurrentUser() user: AuthUser, @Args() args: InviteArgs) {
    return this.service.invite(user, args);
  }

  @Mutation(() => ConsultationInvitation, { description: 'Members of the invited organization; until it closes' })
  respondToInvitation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ) {
    return this.service.respond(user, id, accept);
  }

  @ResolveField(() => Consultation)
  consultation(@Parent() i: ConsultationInvitation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.dialogue.consultation.load(i.consultationId);
  }

  @ResolveField(() => Organization)
  organization(@Parent() i: ConsultationInvitation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(i.organizationId);
  }
}

@Resolver(() => Contribution)
export class ContributionResolver {
  constructor(private readonly service: ContributionsService) {}

  @Mutation(() => Contribution, {
    description:
      'Members of the organization, while OPEN; when anyone was invited, only invited organizations that accepted',
  })
  submitContribution(@CurrentUser() user: AuthUser, @Args() args: SubmitContributionArgs) {
    return this.service.contribute(user, args);
  }

  @ResolveField(() => Consultation)
  consultation(@Parent() x: Contribution, @Ctx() ctx: RequestContext) {
    return ctx.loaders.dialogue.consultation.load(x.consultationId);
  }

  @ResolveField(() => Organization)
  organization(@Parent() x: Contribution, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(x.organizationId);
  }

  @ResolveField(() => User)
  author(@Parent() x: Contribution, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.user.load(x.authorId);
  }
}

@Resolver()
export class DialogueCounterpartsResolver {
  constructor(private readonly service: ConsultationsService) {}

  /** Signed-in users only (government officers shortlisting); the directory itself stays public. */
  @Query(() => [OrganizationMatch], {
    description:
      'Signed-in users. Organizations a government may consult: every filter holds for every result; ranked by relevance and representativeness with reasons (score desc, id); balanced: a diversified shortlist in pick order',
  })
  dialogueCounterparts(
    @Args('query') query: CounterpartQuery,
    @Args('first', { type: () => Int, nullable: true }) first: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.counterparts(query, first, ctx.locale);
  }
}

@Resolver(() => Organization)
export class OrganizationInvitationsResolver {
  constructor(
    private readonly service: ConsultationInvitationsService,
    private readonly policy: OrganizationPolicy,
  ) {}

  @ResolveField(() => ConsultationInvitationConnection, {
    nullable: true,
    description:
      'Its invitations to consultations (OPEN or CLOSED ones), newest first; status filters. Members and moderators only (else null)',
  })
  async consultationInvitations(
    @Parent() o: Organization,
    @Args() args: OrganizationInvitationsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    // "My invitations": its members and moderators; null for anyone else
    if (!this.policy.canSeeInternals(await ctx.access(), o.id)) return null;
    return ctx.loaders.pages.load('Organization.consultationInvitations', args, o.id, (ids) =>
      this.service.pagesOfOrganizations(ids, args),
    );
  }
}
