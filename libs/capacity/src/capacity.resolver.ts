import { Args, Float, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '@app/auth';
import { Connection, CurrentUser, Ctx, Money, money, Public } from '@app/common';
import type { AuthUser, RequestContext } from '@app/common';
import { Organization, OrganizationPolicy } from '@app/organizations';
import { Country, Language, loadAll } from '@app/reference-data';
import { AssessmentsService } from './assessments.service.js';
import { CapacityAssessment } from './capacity-assessment.entity.js';
import {
  RateTrainingArgs,
  SubmitAssessmentArgs,
  TrainingOfferInput,
  TrainingOffersArgs,
  UpdateTrainingOfferInput,
} from './capacity.inputs.js';
import {
  ProviderTrainingEvaluation,
  SelfAssessmentMovement,
  TrainingEvaluation,
  TrainingMatch,
} from './capacity.models.js';
import { Enrolment, EnrolmentEvent, EnrolmentStatus, SEAT_STATUSES } from './enrolment.entity.js';
import { EnrolmentsService } from './enrolments.service.js';
import { EvaluationService, noMovement } from './evaluation.service.js';
import DataLoader from 'dataloader';
import { TrainingOffer, TrainingStatus } from './training-offer.entity.js';
import { TrainingMatchesService } from './training-matches.service.js';
import { TrainingOffersService } from './training-offers.service.js';

@ObjectType()
export class TrainingOfferConnection extends Connection(TrainingOffer, 'TrainingOfferConnection') {}

@Resolver(() => CapacityAssessment)
export class CapacityAssessmentResolver {
  constructor(private readonly assessments: AssessmentsService) {}

  @Mutation(() => CapacityAssessment, {
    description: 'Members of the organization; each area at most once, level 1..5. Earlier assessments are kept.',
  })
  submitCapacityAssessment(@CurrentUser() user: AuthUser, @Args() args: SubmitAssessmentArgs) {
    return this.assessments.submit(user, args);
  }

  @ResolveField(() => Organization)
  organization(@Parent() a: CapacityAssessment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(a.organizationId);
  }
}

@Resolver(() => TrainingOffer)
export class TrainingOfferResolver {
  constructor(
    private readonly offers: TrainingOffersService,
    private readonly policy: OrganizationPolicy,
  ) {}

  @Public()
  @Query(() => TrainingOffer, {
    nullable: true,
    description: 'DRAFT offers only for the provider’s members and (read-only) moderators; NOT_FOUND for anyone else',
  })
  async trainingOffer(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.offers.get(id, await ctx.access());
  }

  @Public()
  @Query(() => TrainingOfferConnection, {
    description: 'PUBLISHED offers, soonest first (by relevance when searching)',
  })
  trainingOffers(@Args() args: TrainingOffersArgs) {
    return this.offers.list(args);
  }

  @Mutation(() => TrainingOffer, { description: 'OWNER/ADMIN of a provider organization; starts as DRAFT' })
  createTrainingOffer(@CurrentUser() user: AuthUser, @Args('input') input: TrainingOfferInput) {
    return this.offers.create(user, input);
  }

  @Mutation(() => TrainingOffer, {
    description:
      "The provider's OWNER/ADMIN. Partial: the fields left out keep their values, null clears an optional one.",
  })
  updateTrainingOffer(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTrainingOfferInput,
  ) {
    return this.offers.update(user, id, input);
  }

  @Mutation(() => TrainingOffer, { description: 'DRAFT → PUBLISHED; enrolment must not have closed yet' })
  publishTrainingOffer(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.offers.publish(user, id);
  }

  @ResolveField(() => Organization)
  provider(@Parent() t: TrainingOffer, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(t.providerId);
  }

  @ResolveField(() => [Language])
  languages(@Parent() t: TrainingOffer, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.reference.language, t.languages);
  }

  @ResolveField(() => Country, { nullable: true })
  country(@Parent() t: TrainingOffer, @Ctx() ctx: RequestContext) {
    return t.country ? ctx.loaders.reference.country.load(t.country) : null;
  }

  @ResolveField(() => Money, { nullable: true, description: 'Null = free' })
  cost(@Parent() t: TrainingOffer) {
    return money(t.costAmount, t.costCurrency);
  }

  @ResolveField(() => Int, { description: 'seats − (ACCEPTED + COMPLETED)' })
  async seatsLeft(@Parent() t: TrainingOffer, @Ctx() ctx: RequestContext) {
    return Math.max(0, t.seats - (await ctx.loaders.capacity.offerStats.load(t.id)).seatsTaken);
  }

  @ResolveField(() => Int, { description: 'Enrolments on the waiting list' })
  async waitlisted(@Parent() t: TrainingOffer, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.capacity.offerStats.load(t.id)).waitlisted;
  }

  @ResolveField(() => Float, { nullable: true })
  async averageRating(@Parent() t: TrainingOffer, @Ctx() ctx: RequestContext) {
    return EvaluationService.offerEvaluation(t, await ctx.loaders.capacity.offerStats.load(t.id)).averageRating;
  }

  @ResolveField(() => Int)
  async ratingsCount(@Parent() t: TrainingOffer, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.capacity.offerStats.load(t.id)).ratingsCount;
  }

  @ResolveField(() => Int)
  async completions(@Parent() t: TrainingOffer, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.capacity.offerStats.load(t.id)).completions;
  }

  @ResolveField(() => TrainingEvaluation, { description: 'Completions, completion rate and average rating' })
  async evaluation(@Parent() t: TrainingOffer, @Ctx() ctx: RequestContext) {
    return EvaluationService.offerEvaluation(t, await ctx.loaders.capacity.offerStats.load(t.id));
  }

  @ResolveField(() => [Enrolment], {
    description: "The provider's members and moderators see every enrolment; an organization's members see their own",
  })
  async enrolments(@Parent() t: TrainingOffer, @Ctx() ctx: RequestContext) {
    const access = await ctx.access();
    const all = await ctx.loaders.capacity.enrolmentsByTraining.load(t.id);
    return all.filter((e) => this.policy.isVisible(EnrolmentsService.visibility(e, t.providerId), access));
  }
}

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Mutation(() => Enrolment, { description: 'ACCEPTED while seats are left, else WAITLISTED' })
  enrol(
    @CurrentUser() user: AuthUser,
    @Args('trainingId', { type: () => ID }) trainingId: string,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ) {
    return this.enrolments.enrol(user, trainingId, organizationId);
  }

  @Mutation(() => Enrolment, { description: 'Frees a seat; the oldest WAITLISTED moves up in the same transaction' })
  cancelEnrolment(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.enrolments.cancel(user, id);
  }

  @Mutation(() => Enrolment, { description: 'The provider (OWNER/ADMIN) marks an ACCEPTED enrolment COMPLETED' })
  completeEnrolment(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.enrolments.complete(user, id);
  }

  @Mutation(() => Enrolment, { description: 'Once, 1..5, only after COMPLETED' })
  rateTraining(@CurrentUser() user: AuthUser, @Args() args: RateTrainingArgs) {
    return this.enrolments.rate(user, args);
  }

  @ResolveField(() => TrainingOffer)
  training(@Parent() e: Enrolment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.capacity.trainingOffer.load(e.trainingId);
  }

  @ResolveField(() => Organization)
  organization(@Parent() e: Enrolment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.organization.load(e.organizationId);
  }

  @ResolveField(() => User, { description: 'The member who enrolled' })
  participant(@Parent() e: Enrolment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organizations.user.load(e.participantId);
  }

  @ResolveField(() => Boolean, { description: 'Holds a seat (ACCEPTED or COMPLETED)' })
  holdsSeat(@Parent() e: Enrolment) {
    return SEAT_STATUSES.includes(e.status);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Null unless WAITLISTED; 1 = the next to get a seat (the waiting list moves up oldest first, as seats are given)',
  })
  waitlistPosition(@Parent() e: Enrolment, @Ctx() ctx: RequestContext) {
    if (e.status !== EnrolmentStatus.WAITLISTED) return null;
    return ctx.loaders.capacity.waitlistPosition.load(e.id);
  }

  @ResolveField(() => [EnrolmentEvent], { description: 'Every transition: who, when, from, to' })
  history(@Parent() e: Enrolment) {
    return this.enrolments.history(e.id);
  }
}

@Resolver(() => Organization)
export class OrganizationCapacityResolver {
  constructor(private readonly policy: OrganizationPolicy) {}

  @ResolveField(() => CapacityAssessment, {
    nullable: true,
    description: "The latest self-assessment; only for the organization's members and moderators (null otherwise)",
  })
  async capacityAssessment(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    if (!this.policy.canSeeInternals(await ctx.access(), o.id)) return null;
    return ctx.loaders.capacity.latestAssessment.load(o.id);
  }

  @ResolveField(() => [Enrolment], {
    description: "Its enrolments, oldest first; only for the organization's members and moderators (empty otherwise)",
  })
  async enrolments(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    if (!this.policy.canSeeInternals(await ctx.access(), o.id)) return [];
    return ctx.loaders.capacity.enrolmentsByOrganization.load(o.id);
  }

  @ResolveField(() => [TrainingOffer], {
    description:
      'As a training provider: its offers, soonest first; DRAFT ones only for its members and moderators (the others see the published ones)',
  })
  async trainingOffers(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    const all = await ctx.loaders.capacity.offersByProvider.load(o.id);
    if (this.policy.canSeeInternals(await ctx.access(), o.id)) return all;
    return all.filter((t) => t.status !== TrainingStatus.DRAFT);
  }

  @ResolveField(() => ProviderTrainingEvaluation, {
    description: 'As a training provider: completions, completion rate and average rating, in total and per offer',
  })
  trainingEvaluation(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    return ctx.loaders.capacity.providerEvaluation.load(o.id);
  }
}

@Resolver()
export class TrainingMatchingResolver {
  constructor(private readonly matches: TrainingMatchesService) {}

  @Query(() => [TrainingMatch], {
    description:
      "Open training offers for an organization, ranked with reasons; for the organization's members and moderators (it reveals needs)",
  })
  trainingMatches(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<TrainingMatch[]> {
    return this.matches.trainingMatches(ctx, organizationId, first);
  }
}

/**
 * The request's movement loader (keyed by its loaders object), by provider: one statement answers
 * the providers asked in the same tick and all their offers.
 */
const movementLoaders = new WeakMap<object, DataLoader<string, ProviderMovements>>();
type ProviderMovements = { total: SelfAssessmentMovement; byTraining: Map<string, SelfAssessmentMovement> };

/**
 * How participants' later self-assessments moved (EvaluationService.ASSESSMENT_MOVEMENT_SQL): they
 * describe organizations' own assessments, so only the provider's members and moderators see them.
 */
@Resolver(() => TrainingEvaluation)
export class TrainingEvaluationResolver {
  constructor(
    private readonly evaluation: EvaluationService,
    private readonly policy: OrganizationPolicy,
  ) {}

  @ResolveField(() => SelfAssessmentMovement, {
    nullable: true,
    description:
      "How the completed participants' self-assessments moved in the offer's capacity areas: the provider's members and moderators; null for anyone else",
  })
  async assessmentMovement(@Parent() e: TrainingEvaluation, @Ctx() ctx: RequestContext) {
    if (!this.policy.canSeeInternals(await ctx.access(), e.training.providerId)) return null;
    const movements = await movementLoaderOf(ctx, this.evaluation).load(e.training.providerId);
    return movements.byTraining.get(e.training.id) ?? noMovement();
  }
}

@Resolver(() => ProviderTrainingEvaluation)
export class ProviderTrainingEvaluationResolver {
  constructor(
    private readonly evaluation: EvaluationService,
    private readonly policy: OrganizationPolicy,
  ) {}

  @ResolveField(() => SelfAssessmentMovement, {
    nullable: true,
    description:
      "Over all the provider's offers (each participant and area counted once per offer): its members and moderators; null for anyone else",
  })
  async assessmentMovement(@Parent() e: ProviderTrainingEvaluation, @Ctx() ctx: RequestContext) {
    if (!this.policy.canSeeInternals(await ctx.access(), e.providerId)) return null;
    return (await movementLoaderOf(ctx, this.evaluation).load(e.providerId)).total;
  }
}

function movementLoaderOf(ctx: RequestContext, evaluation: EvaluationService) {
  let loader = movementLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<string, ProviderMovements>(async (ids) => {
      const found = await evaluation.movements(ids);
      return ids.map((id) => ({ total: found.byProvider.get(id) ?? noMovement(), byTraining: found.byTraining }));
    });
    movementLoaders.set(ctx.loaders, loader);
  }
  return loader;
}
