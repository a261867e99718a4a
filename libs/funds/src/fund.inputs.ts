import { ArgsType, Field, Float, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  LIST_LIMITS,
  MAX_AMOUNT,
  MAX_FUND_BUDGET,
  MaxItems,
  MoneyInput,
  PageArgs,
  TrimmedText,
  trim,
  upperCode,
  upperCodes,
} from '@app/common';
import { OrganizationKind } from '@app/organizations';
import { ProjectKind } from '@app/projects';
import { ApplicationStatus } from './application.entity.js';
import { FundStatus } from './fund.entity.js';

@InputType()
export class FundEligibilityInput {
  @Field(() => [OrganizationKind], { nullable: true, description: 'Empty = any kind' })
  @IsOptional()
  @IsEnum(OrganizationKind, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  organizationKinds?: OrganizationKind[];

  @Field(() => [String], { nullable: true, description: 'Applicant must be based in one of these; empty = any' })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(250)
  countriesOfResidence?: string[];

  @Field(() => [String], { nullable: true, description: "Applicant's diaspora community; empty = any" })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(250)
  countriesOfOrigin?: string[];

  @Field(() => [String], { nullable: true, description: 'Project must run in one of these; empty = any' })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(250)
  countriesOfImplementation?: string[];

  @Field(() => [ProjectKind], { nullable: true, description: 'Empty = any kind' })
  @IsOptional()
  @IsEnum(ProjectKind, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  projectKinds?: ProjectKind[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  requiresLegalRegistration?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  requiresVerification?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'minOrganizationAgeYears must not be negative' })
  @Max(200)
  minOrganizationAgeYears?: number | null;
}

@InputType()
export class FundInput {
  @Field(() => ID)
  @IsString()
  funderId: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(150, { message: 'title must be at most 150 characters' })
  title: string;

  @Field()
  @TrimmedText(10, 8000)
  description: string;

  @Field({ description: 'ISO 4217' })
  @Transform(upperCode)
  @IsString()
  currency: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'minGrant must not be negative' })
  @Max(MAX_AMOUNT, { message: `minGrant must be at most ${MAX_AMOUNT}` })
  minGrant?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'maxGrant must not be negative' })
  @Max(MAX_AMOUNT, { message: `maxGrant must be at most ${MAX_AMOUNT}` })
  maxGrant?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'totalBudget must not be negative' })
  @Max(MAX_FUND_BUDGET, { message: `totalBudget must be at most ${MAX_FUND_BUDGET}` })
  totalBudget?: number | null;

  @Field(() => Float, { nullable: true, description: 'Share the applicant co-funds, 0..100' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'coFundingPercent must be between 0 and 100' })
  @Max(100, { message: 'coFundingPercent must be between 0 and 100' })
  coFundingPercent?: number | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  opensAt?: Date | null;

  @Field(() => Date)
  @IsDate()
  deadline: Date;

  @Field(() => [String])
  @IsString({ each: true })
  @ArrayMaxSize(19)
  themes: string[];

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsInt({ each: true })
  @MaxItems(LIST_LIMITS.sdgs)
  sdgs?: number[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  prioritizesWomenLed?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  prioritizesYouthLed?: boolean;

  @Field(() => FundEligibilityInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FundEligibilityInput)
  eligibility?: FundEligibilityInput | null;

  // Issue 15's rules and priorities (docs/matching.md). Left out, empty, false or null: off.

  @Field(() => Boolean, {
    nullable: true,
    description: 'Every implementation country of the project must be one of the applicant’s countries of origin',
  })
  @IsOptional()
  @IsBoolean()
  projectInOriginCountry?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'All the project’s countries must be in eligibility.countriesOfImplementation (default: at least one)',
  })
  @IsOptional()
  @IsBoolean()
  requireAllImplementationCountries?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'ISO 3166-2 regions (e.g. FR-IDF, DE-BE); the applicant must be based in one',
  })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(500)
  eligibleRegionsOfResidence?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'ISO 3166-1 alpha-2; applicants based in these are not eligible',
  })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(250)
  excludedCountriesOfResidence?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Theme codes; the project (or the organization) must work on one',
  })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(19)
  requiredThemes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only not-for-profit organizations' })
  @IsOptional()
  @IsBoolean()
  requiresNonProfit?: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: "In the fund's currency (compared after conversion); an unknown income fails",
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'minOrganizationAnnualIncome must not be negative' })
  @Max(MAX_FUND_BUDGET, { message: `minOrganizationAnnualIncome must be at most ${MAX_FUND_BUDGET}` })
  minOrganizationAnnualIncome?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "In the fund's currency (compared after conversion); an unknown income fails",
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'maxOrganizationAnnualIncome must not be negative' })
  @Max(MAX_FUND_BUDGET, { message: `maxOrganizationAnnualIncome must be at most ${MAX_FUND_BUDGET}` })
  maxOrganizationAnnualIncome?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only organizations with at most this many members' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'maxOrganizationMembers must not be negative' })
  @Max(100_000_000)
  maxOrganizationMembers?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only organizations awarded a grant by a fund of the same funder',
  })
  @IsOptional()
  @IsBoolean()
  reservedForPreviousGrantees?: boolean | null;

  @Field(() => [ProjectKind], { nullable: true, description: 'Projects of these kinds are not eligible' })
  @IsOptional()
  @IsEnum(ProjectKind, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  excludedProjectKinds?: ProjectKind[] | null;

  @Field(() => Float, {
    nullable: true,
    description: "Limit on the project's whole budget, in the fund's currency (converted)",
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'maxTotalProjectBudget must not be negative' })
  @Max(MAX_FUND_BUDGET, { message: `maxTotalProjectBudget must be at most ${MAX_FUND_BUDGET}` })
  maxTotalProjectBudget?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Diaspora-led organizations score higher' })
  @IsOptional()
  @IsBoolean()
  prioritizesDiasporaLed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Small organizations score higher' })
  @IsOptional()
  @IsBoolean()
  prioritizesSmallOrganizations?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Organizations never awarded a grant on the platform score higher',
  })
  @IsOptional()
  @IsBoolean()
  prioritizesFirstTimeApplicants?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'ISO 3166-1 alpha-2; organizations representing these communities score higher',
  })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(250)
  prioritizedOriginCountries?: string[] | null;
}

/**
 * updateFund's input: every field optional. A field left out keeps its value; null clears a field
 * that may be empty and is BAD_USER_INPUT on a required one. eligibility is patched field by field
 * (its fields left out stay); null clears all of it. funderId, if given, must be the current one.
 */
@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateFundInput extends PartialType(FundInput) {}

/** The fields of FundInput that cannot be cleared by an update. */
export const FUND_REQUIRED_FIELDS = [
  'funderId',
  'title',
  'description',
  'currency',
  'deadline',
  'themes',
] as const satisfies ReadonlyArray<keyof FundInput>;

@ArgsType()
export class FundsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only funds open now (published, deadline not passed)' })
  @IsOptional()
  @IsBoolean()
  openOnly?: boolean;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @MaxItems(LIST_LIMITS.themes)
  themes?: string[];
}

@ArgsType()
export class ApplyArgs {
  @Field(() => ID)
  @IsString()
  fundId: string;

  @Field(() => ID)
  @IsString()
  projectId: string;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  requestedAmount: MoneyInput;

  @Field()
  @TrimmedText(20, 8000)
  statement: string;

  @Field(() => Boolean, { nullable: true, description: 'Keep as DRAFT instead of submitting' })
  @IsOptional()
  @IsBoolean()
  draft?: boolean;
}

@ArgsType()
export class DecideApplicationArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => ApplicationStatus, { description: 'UNDER_REVIEW, SHORTLISTED, AWARDED or REJECTED' })
  @IsEnum(ApplicationStatus)
  status: ApplicationStatus;

  @Field(() => String, { nullable: true, description: 'Required (not empty) to reject' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "AWARDED only: the sum awarded, in the fund's currency, within its grant range (default: the amount requested)",
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'awardedAmount must not be negative' })
  @Max(MAX_AMOUNT, { message: `awardedAmount must be at most ${MAX_AMOUNT}` })
  awardedAmount?: number | null;
}

/** A DRAFT application's edit: an omitted field is unchanged. */
@InputType()
export class UpdateApplicationInput {
  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  requestedAmount?: MoneyInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimmedText(20, 8000)
  statement?: string | null;
}

@ArgsType()
export class FundApplicationsArgs extends PageArgs {
  @Field(() => [ApplicationStatus], { nullable: true, description: 'Only these statuses; omitted or empty: all' })
  @IsOptional()
  @IsEnum(ApplicationStatus, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  status?: ApplicationStatus[] | null;
}

@InputType()
export class ApplicationsInboxFilter {
  @Field(() => ID, { nullable: true, description: 'One of the funder’s funds' })
  @IsOptional()
  @IsString()
  fundId?: string | null;

  @Field(() => [ApplicationStatus], { nullable: true, description: 'Omitted or empty: every status but DRAFT' })
  @IsOptional()
  @IsEnum(ApplicationStatus, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  status?: ApplicationStatus[] | null;

  @Field(() => Date, { nullable: true, description: 'Submitted at or after' })
  @IsOptional()
  @IsDate()
  submittedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Submitted before' })
  @IsOptional()
  @IsDate()
  submittedTo?: Date | null;
}

@ArgsType()
export class ApplicationsInboxArgs extends PageArgs {
  @Field(() => ID)
  @IsString()
  funderId: string;

  @Field(() => ApplicationsInboxFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicationsInboxFilter)
  filter?: ApplicationsInboxFilter | null;
}

@ArgsType()
export class OrganizationFundsArgs extends PageArgs {
  @Field(() => FundStatus, {
    nullable: true,
    description: 'The effective status (an OPEN fund past its deadline is CLOSED)',
  })
  @IsOptional()
  @IsEnum(FundStatus)
  status?: FundStatus | null;
}
