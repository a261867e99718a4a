import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthUser, GqlContext, RequestContext } from '../graphql/context.js';

export const IS_PUBLIC = 'isPublic';
/** Anyone may call this operation; the viewer (if signed in) is still `ctx.viewer` of `@Ctx()`. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

const requestContextOf = (context: ExecutionContext): RequestContext =>
  GqlExecutionContext.create(context).getContext<GqlContext>().requestContext;

/**
 * The request's context: `@Ctx() ctx: RequestContext` gives the viewer (`ctx.viewer`, null when
 * anonymous), the DataLoaders (`ctx.loaders`) and what the viewer may see (`await ctx.access()`,
 * computed once per request).
 */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => requestContextOf(context));

/**
 * The signed-in user (`ctx.user`), for operations that only need who acts. Throws UNAUTHENTICATED if
 * a guard ever let an anonymous request through to this operation.
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => requestContextOf(context).user,
);
