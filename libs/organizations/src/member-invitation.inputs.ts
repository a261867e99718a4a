import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { trim, PageArgs } from '@app/common';
import { AuthPayload, IsNotWeakPassword, MIN_PASSWORD_LENGTH } from '@app/auth';
import { Membership } from './membership.entity.js';

@InputType({
  description:
    'The token from the invitation e-mail. Signed in: the account must use the invited address. ' +
    'Not signed in: name and password create the account of the invited address and sign it in.',
})
export class AcceptMemberInvitationInput {
  @Field()
  @IsString()
  @MaxLength(200)
  token: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200)
  @IsNotWeakPassword()
  password?: string | null;
}

@ArgsType()
export class MemberInvitationsArgs extends PageArgs {
  @Field(() => ID)
  organizationId: string;
}

@ObjectType()
export class MemberInvitationAcceptance {
  @Field(() => Membership)
  membership: Membership;

  @Field(() => AuthPayload, {
    nullable: true,
    description: 'The new account signed in, when the invitation was accepted without being signed in',
  })
  auth: AuthPayload | null;
}
