import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { clientAddress, Connection, Ctx, CurrentUser, PageArgs, Public } from '@app/common';
import type { AuthUser, GqlContext, RequestContext } from '@app/common';
import { Language, languageOr } from '@app/mail';
import {
  AccountSecurityService,
  EMAIL_CHANGE_TTL_HOURS,
  PASSWORD_RESET_TTL_MINUTES,
} from './account-security.service.js';
import {
  ChangePasswordArgs,
  ConfirmEmailChangeArgs,
  RequestEmailChangeArgs,
  RequestPasswordResetArgs,
  ResetPasswordArgs,
  Session,
  UpdatePreferredLanguageArgs,
} from './account.inputs.js';
import { User } from './user.entity.js';

const SessionConnection = Connection(Session, 'SessionConnection');

/** Password reset and change, sessions, e-mail change and language: thin, one service call each. */
@Resolver(() => User)
export class AccountResolver {
  constructor(private readonly account: AccountSecurityService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'The language of her e-mails (en, fr). Null unless the viewer is this user.',
  })
  preferredLanguage(@Parent() user: User, @Ctx() ctx: RequestContext): string | null {
    return ctx.viewer?.id === user.id ? languageOr(user.preferredLanguage) : null;
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      `Mails the account of this address a single-use link (${PASSWORD_RESET_TTL_MINUTES} minutes) to ` +
      'PUBLIC_WEB_URL/reset-password?token=<token>, or a notice when no account has it. Always true: the ' +
      'answer does not tell whether the address has an account. RATE_LIMITED past ACCOUNT_MAIL_MAX_PER_EMAIL ' +
      'per address or ACCOUNT_MAIL_MAX_PER_ADDRESS per client address in an hour.',
  })
  requestPasswordReset(@Args() args: RequestPasswordResetArgs, @Context() ctx: GqlContext): Promise<boolean> {
    return this.account.requestPasswordReset(args.email, clientAddress(ctx.req), languageOr(args.language));
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Sets a new password with the token of a password-reset e-mail and signs the account out everywhere ' +
      '(every session revoked). An unknown, used or expired token, or one of another account than the ' +
      'signed-in one, answers BAD_USER_INPUT naming token.',
  })
  resetPassword(@Args() args: ResetPasswordArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.account.resetPassword(args.token, args.newPassword, ctx.viewer);
  }

  @Mutation(() => Boolean, {
    description:
      'Changes the password (the current one is needed: BAD_USER_INPUT naming currentPassword when wrong); ' +
      'every other session is revoked, this one stays signed in.',
  })
  changePassword(
    @Args() args: ChangePasswordArgs,
    @CurrentUser() user: AuthUser,
    @Context() ctx: GqlContext,
  ): Promise<boolean> {
    return this.account.changePassword(user, args.currentPassword, args.newPassword, clientAddress(ctx.req));
  }

  @Query(() => SessionConnection, {
    description: 'Your signed-in devices (live sessions), most recently used first; no token material.',
  })
  mySessions(@Args() page: PageArgs, @CurrentUser() user: AuthUser) {
    return this.account.sessions(user, page);
  }

  @Mutation(() => Boolean, {
    description: 'Revokes one of your sessions (revoking this one signs out). NOT_FOUND for any other id.',
  })
  revokeSession(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<boolean> {
    return this.account.revokeSession(user, id);
  }

  @Mutation(() => Int, { description: 'Revokes every session of yours but this one; answers how many.' })
  revokeOtherSessions(@CurrentUser() user: AuthUser): Promise<number> {
    return this.account.revokeOtherSessions(user);
  }

  @Mutation(() => Boolean, {
    description:
      `Mails the new address a single-use link (${EMAIL_CHANGE_TTL_HOURS} h) to PUBLIC_WEB_URL/confirm-email?token=<token> ` +
      'and the current address a notice; the address changes only with confirmEmailChange. The password is ' +
      'needed (BAD_USER_INPUT naming password when wrong). Always true otherwise: an address another account ' +
      'has gets a notice instead of a link.',
  })
  requestEmailChange(
    @Args() args: RequestEmailChangeArgs,
    @CurrentUser() user: AuthUser,
    @Context() ctx: GqlContext,
  ): Promise<boolean> {
    return this.account.requestEmailChange(user, args.newEmail, args.password, clientAddress(ctx.req));
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Makes the address confirmed by the token of a requestEmailChange e-mail the account's address. An " +
      'unknown, used or expired token, one of another account than the signed-in one, or an address taken ' +
      'meanwhile answers BAD_USER_INPUT naming token.',
  })
  confirmEmailChange(@Args() args: ConfirmEmailChangeArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.account.confirmEmailChange(args.token, ctx.viewer);
  }

  @Mutation(() => User, { description: 'The language of your e-mails: en or fr.' })
  updatePreferredLanguage(@Args() args: UpdatePreferredLanguageArgs, @CurrentUser() user: AuthUser): Promise<User> {
    return this.account.updatePreferredLanguage(user, args.language as Language);
  }
}
