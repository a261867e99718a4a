import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '../errors/domain-error.js';
import type { AuthUser, GqlContext } from '../graphql/context.js';

export const IS_PUBLIC = 'isPublic';
/** Anyone may call this operation; the viewer (if signed in) is still available via @Viewer(). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

function userFrom(context: ExecutionContext): AuthUser | null {
  const gql = GqlExecutionContext.create(context).getContext<GqlContext>();
  return gql?.req?.user ?? null;
}

/** The signed-in user. Throws if a guard ever let an anonymous request through to this operation. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = userFrom(context);
  if (!user) throw new UnauthenticatedError();
  return user;
});

/** The signed-in user, or null for anonymous callers (public operations). */
export const Viewer = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | null =>
  userFrom(context),
);
