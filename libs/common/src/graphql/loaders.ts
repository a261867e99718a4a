import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContext } from './context.js';

/**
 * The per-request DataLoaders of every lib. Each lib augments this interface with its own key and
 * registers a factory with the LoaderRegistry; the API builds a fresh set for every request.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RequestLoaders {}

type Factory = (req: GqlContext['req']) => unknown;

@Injectable()
export class LoaderRegistry {
  private readonly factories = new Map<string, Factory>();

  register<K extends keyof RequestLoaders>(key: K, factory: (req: GqlContext['req']) => RequestLoaders[K]): void {
    this.factories.set(key as string, factory);
  }

  /** A fresh set of loaders for one request (caches never outlive it). */
  create(req: GqlContext['req']): RequestLoaders {
    const loaders: Record<string, unknown> = {};
    for (const [key, factory] of this.factories) loaders[key] = factory(req);
    return loaders as unknown as RequestLoaders;
  }
}

/** The request's loaders, in resolvers: `@Loaders() loaders: RequestLoaders`. */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestLoaders =>
    GqlExecutionContext.create(context).getContext<GqlContext>().loaders as RequestLoaders,
);
