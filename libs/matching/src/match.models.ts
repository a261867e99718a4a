import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Organization } from '@app/organizations';
import { Project } from '@app/projects';
import { roundPoints, sumOfReasons } from './sql-kit.js';

/** One factor of a score: its points add up, over all reasons of a result, to the result's score. */
@ObjectType()
export class MatchReason {
  @Field({ description: 'THEMES, SDGS, GEOGRAPHY, BUDGET, TEXT, PRIORITY, …' })
  factor: string;

  @Field(() => Float)
  points: number;

  @Field()
  detail: string;
}

@ObjectType()
export class OrganizationMatch {
  @Field(() => Organization)
  organization: Organization;

  @Field(() => Project, { nullable: true })
  project: Project | null;

  @Field(() => Float, { description: '0..1, the sum of the reasons’ points' })
  score: number;

  @Field(() => [MatchReason])
  reasons: MatchReason[];
}

/** Rounds points to 4 decimals (SQL computes them rounded the same way, so sums are exact). */
export const round4 = roundPoints;

/** The score of a result is the sum of its reasons' points. */
export function scoreOf(reasons: MatchReason[]): number {
  return sumOfReasons(reasons);
}
