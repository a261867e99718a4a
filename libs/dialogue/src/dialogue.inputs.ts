import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { lowerCodes, PageArgs, TrimmedText, trim, upperCode, upperCodes } from '@app/common';
import { ConsultationLevel } from './consultation.entity.js';

export const MAX_CONTRIBUTION_LENGTH = 10_000;
export const MAX_INVITATIONS_PER_CALL = 100;
export const MIN_INVITATION_REASON_LENGTH = 3;
export const MAX_INVITATION_REASON_LENGTH = 2000;

@InputType()
export class ConsultationInput {
  @Field(() => ID, { description: 'A GOVERNMENT_AGENCY, LOCAL_AUTHORITY or INTERNATIONAL_ORGANIZATION' })
  @IsString()
  convenerId: string;

  @Field()
  @TrimmedText(3, 150)
  title: string;

  @Field()
  @TrimmedText(10, 8000)
  description: string;

  @Field(() => ConsultationLevel)
  @IsEnum(ConsultationLevel)
  level: ConsultationLevel;

  @Field(() => [String], { description: 'Theme codes (see the themes query); at least one' })
  @IsString({ each: true })
  @ArrayMinSize(1, { message: 'themes must name at least one theme' })
  @ArrayMaxSize(19)
  themes: string[];

  @Field(() => [String], { nullable: true, description: 'Diaspora communities whose voice is sought (ISO 3166-1)' })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(60)
  countriesOfOrigin?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Where it is held (ISO 3166-1 alpha-2)' })
  @Transform(upperCode)
  @IsOptional()
  @IsString()
  country?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  opensAt?: Date | null;

  @Field(() => Date)
  @IsDate()
  closesAt: Date;
}

@ArgsType()
export class ConsultationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only consultations open for contributions now' })
  @IsOptional()
  @IsBoolean()
  openOnly?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only those of this convener (with its DRAFTs when the viewer may see them): a workspace list',
  })
  @IsOptional()
  @IsString()
  convenerId?: string | null;
}

@ArgsType()
export class SubmitContributionArgs {
  @Field(() => ID)
  @IsString()
  consultationId: string;

  @Field(() => ID, { description: 'The contributing organization (the caller is a member)' })
  @IsString()
  organizationId: string;

  @Field()
  @TrimmedText(10, MAX_CONTRIBUTION_LENGTH)
  body: string;
}

@ArgsType()
export class InviteArgs {
  @Field(() => ID)
  @IsString()
  consultationId: string;

  @Field(() => [ID])
  @IsString({ each: true })
  @ArrayMinSize(1, { message: 'organizationIds must name at least one organization' })
  @ArrayMaxSize(MAX_INVITATIONS_PER_CALL, {
    message: `organizationIds must name at most ${MAX_INVITATIONS_PER_CALL} organizations`,
  })
  organizationIds: string[];

  @Field(() => String, {
    nullable: true,
    description: `Why they are invited (${MIN_INVITATION_REASON_LENGTH}..${MAX_INVITATION_REASON_LENGTH} characters), kept with each new invitation of this call and shown with it (the consultation report); a re-invitation keeps its first reason`,
  })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @TrimmedText(MIN_INVITATION_REASON_LENGTH, MAX_INVITATION_REASON_LENGTH)
  reason?: string | null;
}

/** Filters are hard (every result passes all of them); empty lists mean "any". */
@InputType()
export class CounterpartQuery {
  @Field(() => [String], { nullable: true, description: 'The community represented (ISO 3166-1)' })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(60)
  countriesOfOrigin?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Where the organization is based (ISO 3166-1)' })
  @Transform(upperCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(60)
  countriesOfResidence?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Theme codes: a ranking factor (share of them the organization works on); a filter with requireThemes',
  })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(19)
  themes?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only organizations working on at least one of the themes (default false: themes only rank)',
  })
  @IsOptional()
  @IsBoolean()
  requireThemes?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Words of the topic, matched against what organizations do: their live projects and their contributions ' +
      'to past consultations (with the themes and countries of origin asked)',
  })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'topic must be at most 300 characters' })
  topic?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes' })
  @Transform(lowerCodes)
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(30)
  languages?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only VERIFIED organizations' })
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Diversify the shortlist by residence country, origin community, gender leadership and kind (greedy re-rank)',
  })
  @IsOptional()
  @IsBoolean()
  balanced?: boolean | null;
}
