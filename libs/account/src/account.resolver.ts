import { Args, ArgsType, Context, Field, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { clientAddress, CurrentUser } from '@app/common';
import type { AuthUser, GqlContext } from '@app/common';
import { AccountLifecycleService } from './account-lifecycle.service.js';

@ArgsType()
export class DeleteMyAccountArgs {
  @Field({ description: 'Your current password' })
  @IsString()
  @MaxLength(200, { message: 'password is wrong' })
  password: string;
}

@Resolver()
export class AccountLifecycleResolver {
  constructor(private readonly accounts: AccountLifecycleService) {}

  @Mutation(() => Boolean, {
    description:
      'Deletes your account (the password is needed: BAD_USER_INPUT naming password when wrong). CONFLICT ' +
      '(reason LAST_OWNER, extensions.organizations) while you are the only OWNER of an organization. ' +
      'Otherwise your memberships, notifications, e-mails and sessions are deleted and your name and address ' +
      'erased; what you did for organizations stays, by "Deleted user".',
  })
  deleteMyAccount(
    @Args() args: DeleteMyAccountArgs,
    @CurrentUser() user: AuthUser,
    @Context() ctx: GqlContext,
  ): Promise<boolean> {
    return this.accounts.deleteMyAccount(user, args.password, clientAddress(ctx.req));
  }

  @Query(() => String, {
    description:
      'Everything the platform holds about you, as a JSON document (a string): profile, sessions (no secrets), ' +
      'memberships, invitations, notifications, what you created and every history entry where you acted.',
  })
  myDataExport(@CurrentUser() user: AuthUser): Promise<string> {
    return this.accounts.dataExport(user);
  }
}
