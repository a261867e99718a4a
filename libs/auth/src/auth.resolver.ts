import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, Viewer } from '@app/common';
import type { AuthUser, GqlContext } from '@app/common';
import { AuthPayload, RegisterInput } from './auth.inputs.js';
import { AuthService } from './auth.service.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

const clientIp = (ctx: GqlContext) => ctx.req.ip ?? ctx.req.socket?.remoteAddress ?? 'unknown';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Viewer() viewer: AuthUser | null): Promise<User | null> | null {
    return viewer ? this.users.findById(viewer.id) : null;
  }

  @Public()
  @Mutation(() => AuthPayload)
  register(@Args('input') input: RegisterInput, @Context() ctx: GqlContext): Promise<AuthPayload> {
    return this.auth.register(input, clientIp(ctx));
  }

  @Public()
  @Mutation(() => AuthPayload)
  login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() ctx: GqlContext,
  ): Promise<AuthPayload> {
    return this.auth.login(email, password, clientIp(ctx));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Rotates the refresh token; reusing an old one revokes the session.' })
  refreshToken(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.auth.refresh(refreshToken);
  }

  @Public()
  @Mutation(() => Boolean)
  logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }
}
