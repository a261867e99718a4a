import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { EmailField, LanguageField, PasswordField } from './auth.inputs.js';

/** A token of a mailed link (password reset, e-mail change): any string up to 200 characters reaches the lookup. */
const TokenField = (description: string) =>
  applyDecorators(Field({ description }), IsString(), MaxLength(200, { message: 'token is not a valid link token' }));

@ArgsType()
export class RequestPasswordResetArgs {
  @EmailField()
  email: string;

  @LanguageField('The language of the e-mail when the address has no account (en, fr; default en)')
  language?: string | null;
}

@ArgsType()
export class ResetPasswordArgs {
  @TokenField('The token of the link in the password-reset e-mail (PUBLIC_WEB_URL/reset-password?token=<token>)')
  token: string;

  @PasswordField({ name: 'newPassword' })
  newPassword: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MaxLength(200, { message: 'currentPassword is wrong' })
  currentPassword: string;

  @PasswordField({ name: 'newPassword' })
  newPassword: string;
}

@ArgsType()
export class RequestEmailChangeArgs {
  @EmailField({ name: 'newEmail' })
  newEmail: string;

  @Field({ description: 'The current password' })
  @IsString()
  @MaxLength(200, { message: 'password is wrong' })
  password: string;
}

@ArgsType()
export class ConfirmEmailChangeArgs {
  @TokenField('The token of the link mailed to the new address (PUBLIC_WEB_URL/confirm-email?token=<token>)')
  token: string;
}

@ArgsType()
export class UpdatePreferredLanguageArgs {
  @LanguageField('The language of your e-mails: en or fr', false)
  language: string;
}

/** A signed-in device: one refresh-token family. Carries no token material. */
@ObjectType()
export class Session {
  @Field(() => ID, { description: 'The session id (revokeSession takes it)' })
  id: string;

  @Field(() => String, { nullable: true, description: 'The User-Agent of its latest sign-in or refresh' })
  userAgent: string | null;

  @Field(() => String, { nullable: true, description: 'The client address of its latest sign-in or refresh' })
  ipAddress: string | null;

  @Field({ description: 'When it signed in' })
  createdAt: Date;

  @Field({ description: 'When it last got tokens (sign-in or refresh; access tokens are not tracked)' })
  lastUsedAt: Date;

  @Field({ description: 'When its refresh token expires unless refreshed' })
  expiresAt: Date;

  @Field({ description: 'The session of the access token of this request' })
  current: boolean;
}
