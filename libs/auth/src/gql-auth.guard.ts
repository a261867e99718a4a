import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, IS_PUBLIC, ServiceUnavailableError, UnauthenticatedError } from '@app/common';

/**
 * The global guard: a request with a Bearer token must carry a valid one (else UNAUTHENTICATED);
 * a request without one reaches only operations declared @Public().
 */
@Injectable()
export class GqlAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
    return context.switchToHttp().getRequest();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = this.getRequest(context);
    if (!req) return true; // subscriptions authenticate in their connection handler
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!req.headers?.authorization) {
      if (isPublic) {
        req.user = null;
        return true;
      }
      throw new UnauthenticatedError();
    }
    return (await super.canActivate(context)) as boolean;
  }

  /**
   * `error` is what the user lookup threw (AccessTokenService.userOf: ServiceUnavailableError when
   * the database fails): an infrastructure failure stays one, never "invalid token".
   */
  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error) throw error instanceof DomainError ? error : new ServiceUnavailableError();
    if (!user) {
      const name = (info as { name?: string } | undefined)?.name;
      throw name === 'TokenExpiredError'
        ? new UnauthenticatedError('The access token has expired', { key: 'errors.tokenExpired' })
        : new UnauthenticatedError('The access token is invalid', { key: 'errors.tokenInvalid' });
    }
    return user;
  }
}
