import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, ValidateIf } from 'class-validator';
import { PageArgs, TrimmedText } from '@app/common';
import { InvitationStatus } from './consultation.entity.js';

export const MIN_OUTCOME_LENGTH = 10;
export const MAX_OUTCOME_LENGTH = 20_000;

@ArgsType()
export class CloseConsultationArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, {
    nullable: true,
    description: `What came of it (${MIN_OUTCOME_LENGTH}..${MAX_OUTCOME_LENGTH} characters), published with the closing; may also be published later`,
  })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @TrimmedText(MIN_OUTCOME_LENGTH, MAX_OUTCOME_LENGTH)
  outcomeSummary?: string | null;
}

@ArgsType()
export class PublishOutcomeArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field({ description: `${MIN_OUTCOME_LENGTH}..${MAX_OUTCOME_LENGTH} characters; replaces an earlier summary` })
  @TrimmedText(MIN_OUTCOME_LENGTH, MAX_OUTCOME_LENGTH)
  outcomeSummary: string;
}

@ArgsType()
export class OrganizationInvitationsArgs extends PageArgs {
  @Field(() => InvitationStatus, { nullable: true, description: 'Only invitations in this status' })
  @IsOptional()
  @IsEnum(InvitationStatus)
  status?: InvitationStatus | null;
}
