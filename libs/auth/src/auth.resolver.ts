import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientAddress, Ctx, Public } from '@app/common';
import type { GqlContext, RequestContext } from '@app/common';
import { AuthPayload, CompleteRegistrationArgs, RegisterInput, StartRegistrationArgs } from './auth.inputs.js';
import { AuthService } from './auth.service.js';
import { languageOr } from '@app/mail';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

const clientIp = (ctx: GqlContext) => clientAddress(ctx.req);
/** The request's address and User-Agent: what mySessions shows of the session it starts. */
const client = (ctx: GqlContext) => ({ ip: clientIp(ctx), userAgent: ctx.req?.headers?.['user-agent'] ?? null });

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Ctx() ctx: RequestContext): Promise<User | null> | null {
    return ctx.viewer ? this.users.findById(ctx.viewer.id) : null;
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Creates an account and signs in. Refused (FORBIDDEN, reason EMAIL_CONFIRMATION_REQUIRED) when ' +
      'REGISTRATION_EMAIL_CONFIRMATION is on (production): use startRegistration and completeRegistration.',
  })
  register(@Args('input') input: RegisterInput, @Context() ctx: GqlContext): Promise<AuthPayload> {
    return this.auth.register(input, clientIp(ctx), client(ctx).userAgent);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Mails a single-use link (24 h) to create an account with this address, or, when the address has an ' +
      'account, a notice to its owner. Always true: the answer does not tell whether the address has an account.',
  })
  startRegistration(@Args() args: StartRegistrationArgs, @Context() ctx: GqlContext): Promise<boolean> {
    return this.auth.startRegistration(args.email, clientIp(ctx), languageOr(args.language));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Creates the account of the address confirmed by the token of a startRegistration e-mail and signs in. ' +
      'An unknown, used or expired token answers BAD_USER_INPUT naming token.',
  })
  completeRegistration(@Args() args: CompleteRegistrationArgs, @Context() ctx: GqlContext): Promise<AuthPayload> {
    return this.auth.completeRegistration(args, client(ctx));
  }

  @Public()
  @Mutation(() => AuthPayload)
  login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() ctx: GqlContext,
  ): Promise<AuthPayload> {
    return this.auth.login(email, password, clientIp(ctx), client(ctx).userAgent);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Rotates the refresh token; reusing an old one revokes the session.' })
  refreshToken(@Args('refreshToken') refreshToken: string, @Context() ctx: GqlContext): Promise<AuthPayload> {
    return this.auth.refresh(refreshToken, client(ctx));
  }

  @Public()
  @Mutation(() => Boolean)
  logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }
}
