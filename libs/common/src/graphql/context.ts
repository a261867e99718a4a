import type { Request, Response } from 'express';
import { UnauthenticatedError } from '../errors/domain-error.js';
import { chooseLocale, Locale, parseAcceptLanguage } from '../i18n/locale.js';
import type { RequestLoaders } from './loaders.js';

/**
 * The client's address: Express's `req.ip`, which believes X-Forwarded-For only from TRUSTED_PROXIES
 * (docs/security.md); rate limits and budgets are keyed by it.
 */
export function clientAddress(req: Pick<Request, 'ip' | 'socket'> | undefined): string {
  return req?.ip ?? req?.socket?.remoteAddress ?? 'unknown';
}

/** The principal that the JWT guard puts on the request. */
export interface AuthUser {
  id: string;
  email: string;
  platformRole: 'USER' | 'MODERATOR' | 'ADMIN';
  /** The session (refresh-token family) of the access token: mySessions marks it current, revokeOtherSessions keeps it. */
  sessionId?: string;
  /** The language she chose (User.preferredLanguage): the API's sentences when the request names none. */
  preferredLanguage?: string;
}

/**
 * The GraphQL context, built once per request. `loaders` is filled by the API app with the
 * per-request DataLoaders of every lib (LoaderRegistry.create, in apps/api/src/graphql/graphql.options.ts);
 * `requestContext` is what resolvers read through `@Ctx()`.
 */
export interface GqlContext {
  req: Request & { user?: AuthUser | null; requestId?: string };
  res?: Response;
  loaders: RequestLoaders;
  requestContext: RequestContext;
}

/**
 * One request as a resolver sees it (`@Ctx() ctx: RequestContext`): who asks, the request's
 * DataLoaders and what the viewer may see. libs/organizations adds `access()` (OrganizationPolicy's
 * ViewerAccess, computed once per request) the way libs add their loaders to RequestLoaders; the
 * API builds one per request with `requestContext` (apps/api/src/graphql/graphql.options.ts).
 */
export interface RequestContext {
  /** The signed-in user, or null for an anonymous caller (public operations). */
  readonly viewer: AuthUser | null;
  /** The signed-in user; UNAUTHENTICATED for an anonymous caller (whom only public operations see). */
  readonly user: AuthUser;
  /** The request's DataLoaders (caches never outlive the request). */
  readonly loaders: RequestLoaders;
  /**
   * The language of the answer's sentences (reasons, eligibility checks, errors): the Accept-Language
   * header's first choice among en, fr, es, else the signed-in user's preferred language, else en.
   */
  readonly locale: Locale;
}

/**
 * The RequestContext of one request. The guard puts the user on `req` after the context is built, so
 * `viewer` and `user` read it when asked. `parts` are the members other libs add (`access`).
 */
export function requestContext(
  req: GqlContext['req'],
  loaders: RequestLoaders,
  parts: Omit<RequestContext, 'viewer' | 'user' | 'loaders' | 'locale'>,
): RequestContext {
  let asked: Locale | null | undefined;
  return {
    ...parts,
    get viewer() {
      return req.user ?? null;
    },
    get user() {
      if (!req.user) throw new UnauthenticatedError();
      return req.user;
    },
    loaders,
    get locale() {
      if (asked === undefined) asked = parseAcceptLanguage(req.headers?.['accept-language']);
      return asked ?? chooseLocale(null, req.user?.preferredLanguage);
    },
  };
}

/**
 * The RequestContext of a hot field resolver written without parameter decorators
 * (`countries(p: Project, _args: unknown, context: GqlContext)`): Nest then hands the method to
 * GraphQL as it is, called as `(parent, args, context, info)`, instead of wrapping every call in its
 * parameter extraction, pipes and interceptor chain (several promises per field and parent, a visible
 * share of a list page's CPU). Only for fields without arguments: `@Args` needs the wrapper. Field
 * resolvers get no guards, interceptors or filters either way (no `fieldResolverEnhancers`).
 */
export function fieldContext(context: GqlContext): RequestContext {
  return context.requestContext;
}
