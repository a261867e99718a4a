import type { Request, Response } from 'express';

/** The principal that the JWT guard puts on the request. */
export interface AuthUser {
  id: string;
  email: string;
  platformRole: 'USER' | 'MODERATOR' | 'ADMIN';
}

/**
 * The GraphQL context, built once per request. `loaders` is filled by the API app with the
 * per-request DataLoaders of every lib (LoaderRegistry.create, in apps/api/src/graphql/graphql.options.ts).
 */
export interface GqlContext {
  req: Request & { user?: AuthUser | null; requestId?: string };
  res?: Response;
  loaders: import('./loaders.js').RequestLoaders;
}
