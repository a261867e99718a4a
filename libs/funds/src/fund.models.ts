import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { MatchReason } from '@app/matching';
import { OrganizationKind } from '@app/organizations';
import { Project, ProjectKind } from '@app/projects';
import { Country } from '@app/reference-data';
import { Fund } from './fund.entity.js';

@ObjectType()
export class FundEligibility {
  @Field(() => [OrganizationKind], { description: 'Empty = any' })
  organizationKinds: OrganizationKind[];

  @Field(() => [Country], { description: 'Applicant must be based in one of these; empty = any' })
  countriesOfResidence: Country[];

  @Field(() => [Country], { description: "Applicant's diaspora community; empty = any" })
  countriesOfOrigin: Country[];

  @Field(() => [Country], { description: 'Project must run in one of these; empty = any' })
  countriesOfImplementation: Country[];

  @Field(() => [ProjectKind], { description: 'Empty = any' })
  projectKinds: ProjectKind[];

  @Field()
  requiresLegalRegistration: boolean;

  @Field()
  requiresVerification: boolean;

  @Field(() => Int, { nullable: true })
  minOrganizationAgeYears: number | null;
}

@ObjectType()
export class FundMatch {
  @Field(() => Fund)
  fund: Fund;

  @Field(() => Project, { nullable: true })
  project: Project | null;

  @Field(() => Float, { description: '0..1, the sum of the reasons’ points' })
  score: number;

  @Field(() => [MatchReason])
  reasons: MatchReason[];
}

@ObjectType()
export class EligibilityCheck {
  @Field({ description: 'FUND_OPEN, ORGANIZATION_KIND, RESIDENCE, ORIGIN, LEGAL_REGISTRATION, VERIFICATION, …' })
  rule: string;

  @Field()
  passed: boolean;

  @Field({
    description:
      'The rule passes only because the organization has not given the fact it reads (founding year, not-for-profit status, annual income, number of members): to be stated in the profile and confirmed by the funder',
  })
  unconfirmed: boolean;

  @Field()
  detail: string;
}

@ObjectType()
export class EligibilityReport {
  @Field()
  eligible: boolean;

  @Field(() => [EligibilityCheck])
  checks: EligibilityCheck[];
}

@ObjectType({ description: 'An open fund the organization qualifies for that none of its live projects does' })
export class FundNeedingAProject {
  @Field(() => Fund)
  fund: Fund;

  @Field(() => [EligibilityCheck], {
    description: 'The project rules that fail for the nearest project (NO_LIVE_PROJECT when it has none)',
  })
  failedRules: EligibilityCheck[];
}
