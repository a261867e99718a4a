import { ArgsType, Field, Float, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  DateScalar,
  LIST_LIMITS,
  MaxItems,
  MoneyInput,
  OmittableNotNull,
  PageArgs,
  TrimmedText,
  trim,
  upperCodes,
} from '@app/common';
import { ProjectKind, ProjectStatus } from './project.entity.js';

/** More people than live on Earth is a typing error (and the column is a 32-bit int). */
export const MAX_BENEFICIARIES = 2_000_000_000;

@InputType()
export class ProjectInput {
  @Field(() => ID)
  @IsString()
  organizationId: string;

  @Field()
  @TrimmedText(3, 150)
  title: string;

  @Field()
  @TrimmedText(10, 4000)
  summary: string;

  @Field(() => ProjectKind)
  @IsEnum(ProjectKind)
  kind: ProjectKind;

  @Field(() => ProjectStatus, { nullable: true, description: 'Default IDEA' })
  @OmittableNotNull()
  @IsEnum(ProjectStatus)
  status?: ProjectStatus;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes where it is implemented' })
  @Transform(upperCodes)
  @IsString({ each: true })
  @ArrayMaxSize(60)
  countries: string[];

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  locality?: string | null;

  @Field(() => [String])
  @IsString({ each: true })
  @ArrayMaxSize(19)
  themes: string[];

  @Field(() => [Int], { nullable: true, description: 'SDG numbers 1..17' })
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'sdgs must be between 1 and 17' })
  @Max(17, { each: true, message: 'sdgs must be between 1 and 17' })
  @MaxItems(LIST_LIMITS.sdgs)
  sdgs?: number[];

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  budget?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  fundingSought?: MoneyInput | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'beneficiaries must not be negative' })
  @Max(MAX_BENEFICIARIES, { message: `beneficiaries must be at most ${MAX_BENEFICIARIES}` })
  beneficiaries?: number | null;
}

/**
 * updateProject's input: every field optional. A field left out keeps its value; null clears a field
 * that may be empty and is BAD_USER_INPUT on a required one. organizationId, if given, must be the current one.
 */
@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateProjectInput extends PartialType(ProjectInput) {}

/** The fields of ProjectInput that cannot be cleared by an update. */
export const PROJECT_REQUIRED_FIELDS = [
  'organizationId',
  'title',
  'summary',
  'kind',
  'status',
  'countries',
  'themes',
] as const satisfies ReadonlyArray<keyof ProjectInput>;

@InputType()
export class ProjectFilter {
  @Field(() => [ProjectKind], { nullable: true })
  @IsOptional()
  @IsEnum(ProjectKind, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  kinds?: ProjectKind[];

  @Field(() => [ProjectStatus], { nullable: true })
  @IsOptional()
  @IsEnum(ProjectStatus, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  statuses?: ProjectStatus[];

  @Field(() => [String], { nullable: true })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @MaxItems(LIST_LIMITS.countries)
  countries?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @MaxItems(LIST_LIMITS.themes)
  themes?: string[];

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'sdgs must be between 1 and 17' })
  @Max(17, { each: true, message: 'sdgs must be between 1 and 17' })
  @MaxItems(LIST_LIMITS.sdgs)
  sdgs?: number[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an id' })
  organizationId?: string;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Words to find in the title, summary or locality' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => ProjectFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectFilter)
  filter?: ProjectFilter;
}

@ArgsType()
export class AddIndicatorArgs {
  @Field(() => ID)
  @IsString()
  projectId: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  unit: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target: number;
}

@ArgsType()
export class RecordMeasurementArgs {
  @Field(() => ID)
  @IsString()
  indicatorId: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @Field(() => DateScalar)
  measuredOn: string;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

/** updateIndicator's input: a field left out keeps its value; none can be cleared (null is BAD_USER_INPUT). */
@InputType({ description: 'Only the fields given change' })
export class UpdateIndicatorInput {
  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'name must be at least 2 characters' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'unit must not be empty' })
  @MaxLength(60, { message: 'unit must be at most 60 characters' })
  unit?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target?: number;
}

export const INDICATOR_REQUIRED_FIELDS = ['name', 'unit', 'baseline', 'target'] as const satisfies ReadonlyArray<
  keyof UpdateIndicatorInput
>;

/** updateMeasurement's input: a field left out keeps its value; null clears the note (only). */
@InputType({ description: 'Only the fields given change; null clears the note' })
export class UpdateMeasurementInput {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;

  @Field(() => DateScalar, { nullable: true, description: 'Not in the future' })
  measuredOn?: string;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export const MEASUREMENT_REQUIRED_FIELDS = ['value', 'measuredOn'] as const satisfies ReadonlyArray<
  keyof UpdateMeasurementInput
>;
