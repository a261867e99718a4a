import { ArgsType, Field, Float, ID, InputType, Int, PartialType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  LIST_LIMITS,
  lowerCodes,
  MAX_FUND_BUDGET,
  MaxItems,
  normaliseEmail,
  NotAFutureYear,
  PageArgs,
  TrimmedText,
  trim,
  upperCode,
  upperCodes,
} from '@app/common';
import { OrganizationKind } from './organization.entity.js';

/** An ISO 3166-2 subdivision code: the country's alpha-2 code, a hyphen, one to three letters or digits. */
export const REGION_CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

export const MAX_NAME_LENGTH = 150;
export const MAX_DESCRIPTION_LENGTH = 4000;

@InputType()
export class OrganizationInput {
  @Field()
  @TrimmedText(2, MAX_NAME_LENGTH)
  name: string;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH, { message: `description must be at most ${MAX_DESCRIPTION_LENGTH} characters` })
  description?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  @MaxLength(300)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(normaliseEmail)
  @IsOptional()
  @IsEmail({}, { message: 'contactEmail must be a valid e-mail address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes of the community’s countries of origin' })
  @Transform(upperCodes)
  @IsString({ each: true })
  @ArrayMaxSize(60)
  countriesOfOrigin: string[];

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes of the countries where it is based' })
  @Transform(upperCodes)
  @IsString({ each: true })
  @ArrayMaxSize(60)
  countriesOfResidence: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'ISO 3166-2 codes of the regions where it is based (e.g. FR-IDF, DE-BE, US-CA)',
  })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(60)
  regionsOfResidence?: string[] | null;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(120)
  city?: string | null;

  @Field(() => [String], { description: 'Theme codes (see the themes query)' })
  @IsString({ each: true })
  @ArrayMaxSize(19)
  themes: string[];

  @Field(() => [String], { description: 'ISO 639-1 codes' })
  @Transform(lowerCodes)
  @IsString({ each: true })
  @ArrayMaxSize(30)
  languages: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1800, { message: 'foundedYear must not be before 1800' })
  @NotAFutureYear()
  foundedYear?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'memberCount must not be negative' })
  @Max(100_000_000)
  memberCount?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  legallyRegistered?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A not-for-profit organization (null: not said)' })
  @IsOptional()
  @IsBoolean()
  nonProfit?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'Annual income (latest year), in annualIncomeCurrency' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'annualIncome must not be negative' })
  @Max(MAX_FUND_BUDGET, { message: `annualIncome must be at most ${MAX_FUND_BUDGET}` })
  annualIncome?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217; required with annualIncome' })
  @Transform(upperCode)
  @IsOptional()
  @IsString()
  annualIncomeCurrency?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  democraticGovernance?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  womenLed?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  youthLed?: boolean | null;
}

/**
 * updateOrganization's input: every field optional. A field left out keeps its value; null clears a
 * field that may be empty (a flag becomes false) and is BAD_USER_INPUT on a required one.
 */
@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateOrganizationInput extends PartialType(OrganizationInput) {}

/** The fields of OrganizationInput that cannot be cleared by an update. */
export const ORGANIZATION_REQUIRED_FIELDS = [
  'name',
  'kind',
  'countriesOfOrigin',
  'countriesOfResidence',
  'themes',
  'languages',
] as const satisfies ReadonlyArray<keyof OrganizationInput>;

@InputType()
export class OrganizationFilter {
  @Field(() => [OrganizationKind], { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind, { each: true })
  @MaxItems(LIST_LIMITS.enumValues)
  kinds?: OrganizationKind[];

  @Field(() => [String], { nullable: true })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @MaxItems(LIST_LIMITS.countries)
  countriesOfOrigin?: string[];

  @Field(() => [String], { nullable: true })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @MaxItems(LIST_LIMITS.countries)
  countriesOfResidence?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @MaxItems(LIST_LIMITS.themes)
  themes?: string[];

  @Field(() => [String], { nullable: true })
  @Transform(lowerCodes)
  @IsOptional()
  @IsString({ each: true })
  @MaxItems(LIST_LIMITS.languages)
  languages?: string[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  womenLed?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  youthLed?: boolean;
}

export enum OrganizationOrder {
  RELEVANCE = 'RELEVANCE',
  NAME = 'NAME',
  NEWEST = 'NEWEST',
  MEMBER_COUNT = 'MEMBER_COUNT',
}
registerEnumType(OrganizationOrder, {
  name: 'OrganizationOrder',
  description: 'RELEVANCE needs a search; without one the list is ordered by NAME.',
});

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Words to find in the name, description or city' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => OrganizationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilter)
  filter?: OrganizationFilter;

  @Field(() => OrganizationOrder, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationOrder)
  orderBy?: OrganizationOrder;
}

@ArgsType()
export class NetworkRequestsArgs extends PageArgs {
  @Field(() => ID, { description: 'The DIASPORA_NETWORK whose pending requests to list' })
  networkId: string;
}
