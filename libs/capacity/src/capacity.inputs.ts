import { ArgsType, Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  LIST_LIMITS,
  lowerCodes,
  MaxItems,
  MoneyInput,
  PageArgs,
  TrimmedText,
  trim,
  upperCode,
  upperCodes,
} from '@app/common';
import { OrganizationKind } from '@app/organizations';
import { AudienceRegion } from '@app/matching';
import { CapacityArea } from '@app/reference-data';
import { TrainingFormat } from './training-offer.entity.js';

@InputType()
export class CapacityScoreInput {
  @Field(() => CapacityArea)
  @IsEnum(CapacityArea)
  area: CapacityArea;

  @Field(() => Int, { description: '1 (none) .. 5 (strong)' })
  @IsInt({ message: 'level must be an integer between 1 and 5' })
  @Min(1, { message: 'level must be between 1 and 5' })
  @Max(5, { message: 'level must be between 1 and 5' })
  level: number;
}

@ArgsType()
export class SubmitAssessmentArgs {
  @Field(() => ID)
  @IsString()
  organizationId: string;

  @Field(() => [CapacityScoreInput], { description: 'Each capacity area at most once' })
  @ArrayMinSize(1, { message: 'scores must assess at least one capacity area' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CapacityScoreInput)
  scores: CapacityScoreInput[];
}

@InputType()
export class TrainingOfferInput {
  @Field(() => ID)
  @IsString()
  providerId: string;

  @Field()
  @TrimmedText(3, 150)
  title: string;

  @Field()
  @TrimmedText(10, 8000)
  description: string;

  @Field(() => [CapacityArea])
  @ArrayMinSize(1, { message: 'capacityAreas must name at least one capacity area' })
  @ArrayMaxSize(14)
  @IsEnum(CapacityArea, { each: true })
  capacityAreas: CapacityArea[];

  @Field(() => TrainingFormat)
  @IsEnum(TrainingFormat)
  format: TrainingFormat;

  @Field(() => [String], { description: 'ISO 639-1 codes of the languages it is taught in' })
  @Transform(lowerCodes)
  @ArrayMinSize(1, { message: 'languages must name at least one language' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  languages: string[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; required IN_PERSON and HYBRID' })
  @Transform(upperCode)
  @IsOptional()
  @IsString()
  country?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(120)
  city?: string | null;

  @Field(() => Date)
  @IsDate()
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: 'After startsAt' })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Last moment to enrol, not after startsAt; without one, enrolment closes at startsAt',
  })
  @IsOptional()
  @IsDate()
  applicationDeadline?: Date | null;

  @Field(() => Int)
  @IsInt({ message: 'seats must be a whole number' })
  @Min(1, { message: 'seats must be at least 1' })
  @Max(10000, { message: 'seats must be at most 10000' })
  seats: number;

  @Field(() => MoneyInput, { nullable: true, description: 'Null or 0 = free' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  cost?: MoneyInput | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  subsidyAvailable?: boolean;

  @Field(() => [OrganizationKind], { nullable: true, description: 'Empty = any kind' })
  @IsOptional()
  @IsEnum(OrganizationKind, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  eligibleOrganizationKinds?: OrganizationKind[];

  @Field(() => [String], {
    nullable: true,
    description:
      'Audience: ISO 3166-1 countries where an organization must be based to enrol; with audienceRegions, empty = everywhere',
  })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(250)
  audienceCountriesOfResidence?: string[];

  @Field(() => [AudienceRegion], {
    nullable: true,
    description: 'Audience: regions where an organization must be based to enrol (or in audienceCountriesOfResidence)',
  })
  @IsOptional()
  @IsEnum(AudienceRegion, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  audienceRegions?: AudienceRegion[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: organizations must work in one of the offer’s languages to enrol (default false)',
  })
  @IsOptional()
  @IsBoolean()
  languageRequired?: boolean;
}

/**
 * updateTrainingOffer's input: every field optional. A field left out keeps its value; null clears a
 * field that may be empty and is BAD_USER_INPUT on a required one. providerId, if given, must be the current one.
 */
@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateTrainingOfferInput extends PartialType(TrainingOfferInput) {}

/** The fields of TrainingOfferInput that cannot be cleared by an update. */
export const TRAINING_OFFER_REQUIRED_FIELDS = [
  'providerId',
  'title',
  'description',
  'capacityAreas',
  'format',
  'languages',
  'startsAt',
  'seats',
] as const satisfies ReadonlyArray<keyof TrainingOfferInput>;

@ArgsType()
export class TrainingOffersArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => [CapacityArea], { nullable: true, description: 'Offers covering any of these areas' })
  @IsOptional()
  @IsEnum(CapacityArea, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  capacityAreas?: CapacityArea[];

  @Field(() => TrainingFormat, { nullable: true })
  @IsOptional()
  @IsEnum(TrainingFormat)
  format?: TrainingFormat;
}

@ArgsType()
export class RateTrainingArgs {
  @Field(() => ID)
  @IsString()
  enrolmentId: string;

  @Field(() => Int, { description: '1..5' })
  @IsInt({ message: 'rating must be an integer between 1 and 5' })
  @Min(1, { message: 'rating must be between 1 and 5' })
  @Max(5, { message: 'rating must be between 1 and 5' })
  rating: number;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'comment must be at most 2000 characters' })
  comment?: string | null;
}
