import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { MatchReason } from '@app/matching';
import { CapacityArea } from '@app/reference-data';
import { TrainingOffer } from './training-offer.entity.js';

/** Figures of one offer, computed from its enrolments in one query. */
export interface OfferStats {
  trainingId: string;
  enrolments: number;
  seatsTaken: number;
  waitlisted: number;
  admitted: number;
  completions: number;
  ratingsCount: number;
  ratingsSum: number;
}

@ObjectType({
  description:
    "How participants' capacity self-assessments moved: for each completed enrolment and each of the offer's capacity areas, the organization's level in the latest assessment before the training started against the latest one after completion (pairs with both only)",
})
export class SelfAssessmentMovement {
  @Field(() => Int, { description: 'Completed enrolments with a before and an after level in at least one area' })
  participants: number;

  @Field(() => Int, { description: '(participant, capacity area) pairs compared' })
  comparisons: number;

  @Field(() => Float, { nullable: true, description: 'Average level before the training, 1..5 (2 decimals)' })
  averageBefore: number | null;

  @Field(() => Float, { nullable: true, description: 'Average level after completion, 1..5 (2 decimals)' })
  averageAfter: number | null;

  @Field(() => Float, { nullable: true, description: 'averageAfter − averageBefore (2 decimals); null without pairs' })
  averageChange: number | null;

  @Field(() => Int, { description: 'Pairs whose level rose' })
  improved: number;

  @Field(() => Int, { description: 'Pairs whose level stayed' })
  unchanged: number;

  @Field(() => Int, { description: 'Pairs whose level fell' })
  declined: number;
}

@ObjectType({ description: 'Evaluation of one training offer (GFMD: "systematically evaluated")' })
export class TrainingEvaluation {
  @Field(() => TrainingOffer)
  training: TrainingOffer;

  @Field(() => Int, { description: 'Enrolments in any status' })
  enrolments: number;

  @Field(() => Int, {
    description: 'Enrolments that held a seat at some point (ACCEPTED, incl. later cancelled or completed)',
  })
  admitted: number;

  @Field(() => Int)
  completions: number;

  @Field(() => Float, { nullable: true, description: 'completions / admitted, 0..1; null before anyone was admitted' })
  completionRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average participant rating 1..5 (2 decimals); null without ratings',
  })
  averageRating: number | null;

  @Field(() => Int)
  ratingsCount: number;
}

@ObjectType({ description: 'Evaluation of a provider over its published (and cancelled) offers' })
export class ProviderTrainingEvaluation {
  /** The provider evaluated (not a field: assessmentMovement loads by it). */
  providerId: string;

  @Field(() => Int)
  offers: number;

  @Field(() => Int)
  enrolments: number;

  @Field(() => Int)
  admitted: number;

  @Field(() => Int)
  completions: number;

  @Field(() => Float, { nullable: true, description: 'completions / admitted over all offers' })
  completionRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Average of all ratings of all offers (2 decimals)' })
  averageRating: number | null;

  @Field(() => Int)
  ratingsCount: number;

  @Field(() => [TrainingEvaluation], { description: 'Per offer, soonest first' })
  perOffer: TrainingEvaluation[];
}

@ObjectType()
export class TrainingMatch {
  @Field(() => TrainingOffer)
  training: TrainingOffer;

  @Field(() => Float, { description: '0..1, the sum of the reasons’ points' })
  score: number;

  @Field(() => [MatchReason])
  reasons: MatchReason[];

  @Field(() => [CapacityArea], { description: 'Needs of the organization (level ≤ 2) that the offer covers' })
  addressesNeeds: CapacityArea[];
}
