import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES } from '@app/mail';
import { normaliseEmail, trim } from '@app/common';
import { IsNotWeakPassword } from './password-rules.js';
import { User } from './user.entity.js';

export const MIN_PASSWORD_LENGTH = 10;

/** The rules of a new account's e-mail address, password and name (register, completeRegistration). */
export const EmailField = (options: { name?: string } = {}) =>
  applyDecorators(
    Field(),
    Transform(normaliseEmail),
    IsEmail({}, { message: `${options.name ?? 'email'} must be a valid e-mail address` }),
    MaxLength(254),
  );
export const PasswordField = (options: { name?: string } = {}) =>
  applyDecorators(
    Field(),
    IsString(),
    MinLength(MIN_PASSWORD_LENGTH, {
      message: `${options.name ?? 'password'} must be at least ${MIN_PASSWORD_LENGTH} characters`,
    }),
    MaxLength(200),
    IsNotWeakPassword(),
  );
const NameField = () =>
  applyDecorators(
    Field(),
    Transform(trim),
    IsString(),
    MinLength(1, { message: 'name must not be empty' }),
    MaxLength(120),
  );

@InputType()
export class RegisterInput {
  @EmailField()
  email: string;

  @PasswordField()
  password: string;

  @NameField()
  name: string;
}

/** An optional language of LANGUAGES (libs/mail): en, fr. */
export const LanguageField = (description: string, nullable = true) =>
  applyDecorators(
    Field(() => String, { nullable, description }),
    ...(nullable ? [IsOptional()] : []),
    IsIn([...LANGUAGES], { message: `language must be one of ${LANGUAGES.join(', ')}` }),
  );

@ArgsType()
export class StartRegistrationArgs {
  @EmailField()
  email: string;

  @LanguageField('The language of the e-mail to a new address (en, fr; default en)')
  language?: string | null;
}

@ArgsType()
export class CompleteRegistrationArgs {
  @Field({ description: 'The token of the link in the confirmation e-mail (PUBLIC_WEB_URL/register/<token>)' })
  @IsString()
  @MaxLength(200, { message: 'token is not a registration token' })
  token: string;

  @NameField()
  name: string;

  @PasswordField()
  password: string;
}

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field()
  refreshToken: string;

  @Field(() => User)
  user: User;
}
