import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { ObjectLiteral, Repository } from 'typeorm';
import { selectEntities } from '../pagination/entity-rows.js';
import type { GqlContext } from './context.js';

/**
 * The per-request DataLoaders of every lib. Each lib augments this interface with its own key and
 * registers a factory with the LoaderRegistry; the API builds a fresh set for every request, which
 * resolvers read as `ctx.loaders` of `@Ctx() ctx: RequestContext`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RequestLoaders {}

type Factory = (req: GqlContext['req']) => unknown;

@Injectable()
export class LoaderRegistry {
  private readonly factories = new Map<string, Factory>();
  /** The class of a request's loaders: one lazy getter per lib (made at the first request). */
  private Loaders?: new (req: GqlContext['req']) => RequestLoaders;

  register<K extends keyof RequestLoaders>(key: K, factory: (req: GqlContext['req']) => RequestLoaders[K]): void {
    this.factories.set(key as string, factory);
    this.Loaders = undefined;
  }

  /**
   * A fresh set of loaders for one request (caches never outlive it). A lib's loaders are made when
   * the request first reads them: most requests use a few libs, and making every lib's DataLoaders
   * for each of them was a visible share of a small request's time.
   */
  create(req: GqlContext['req']): RequestLoaders {
    this.Loaders ??= lazyLoaders(this.factories);
    return new this.Loaders(req);
  }
}

function lazyLoaders(factories: ReadonlyMap<string, Factory>): new (req: GqlContext['req']) => RequestLoaders {
  class Loaders {
    readonly made = new Map<string, unknown>();
    constructor(readonly req: GqlContext['req']) {}
  }
  for (const [key, factory] of factories) {
    Object.defineProperty(Loaders.prototype, key, {
      enumerable: true,
      get(this: Loaders) {
        let loaders = this.made.get(key);
        if (loaders === undefined) this.made.set(key, (loaders = factory(this.req)));
        return loaders;
      },
    });
  }
  return Loaders as unknown as new (req: GqlContext['req']) => RequestLoaders;
}

/** One SQL statement for a whole batch of keys, answering the rows of all of them. */
export type BatchQuery<K, T> = (keys: readonly K[]) => Promise<T[]>;

/**
 * A loader of one row per key (null for a key without one): one statement per batch, the rows
 * matched to the keys through a Map (O(keys + rows)). `keyOf` names the key of a row; with a
 * repository and no `keyOf`, the rows are those `WHERE id = ANY(keys)`.
 */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(
  repository: Repository<T>,
): DataLoader<string, T | null>;
export function byIdLoader<K, T>(query: BatchQuery<K, T>, keyOf: (row: T) => K): DataLoader<K, T | null>;
export function byIdLoader<K, T>(
  source: Repository<T & ObjectLiteral> | BatchQuery<K, T>,
  keyOf?: (row: T) => K,
): DataLoader<K, T | null> {
  const [query, key] =
    typeof source === 'function'
      ? [source, keyOf!]
      : [byIdQuery(source) as unknown as BatchQuery<K, T>, (row: T) => (row as { id: K }).id];
  return new DataLoader<K, T | null>(async (keys) => {
    const byKey = new Map<K, T>();
    for (const row of await query(keys)) byKey.set(key(row), row);
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/**
 * A loader of the rows of each key ([] for a key without rows), in the order the statement returns
 * them: one statement per batch, grouped through a Map (O(keys + rows)). A row may belong to several
 * keys (a partnership to both of its organizations): `keyOf` then answers all of them. `valueOf`
 * picks what the loader answers of each row (default: the row).
 */
export function groupedLoader<K, T>(query: BatchQuery<K, T>, keyOf: (row: T) => K | readonly K[]): DataLoader<K, T[]>;
export function groupedLoader<K, T, V>(
  query: BatchQuery<K, T>,
  keyOf: (row: T) => K | readonly K[],
  valueOf: (row: T) => V,
): DataLoader<K, V[]>;
export function groupedLoader<K, T, V>(
  query: BatchQuery<K, T>,
  keyOf: (row: T) => K | readonly K[],
  valueOf: (row: T) => V = (row) => row as unknown as V,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>();
    for (const row of await query(keys)) {
      const rowKeys = keyOf(row);
      const value = valueOf(row);
      for (const k of Array.isArray(rowKeys) ? new Set<K>(rowKeys) : [rowKeys as K]) {
        const group = groups.get(k);
        if (group) group.push(value);
        else groups.set(k, [value]);
      }
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

function byIdQuery<T extends ObjectLiteral>(repository: Repository<T>): BatchQuery<string, T> {
  return (ids) => selectEntities(repository, 'row', 'WHERE row.id = ANY($1::uuid[])', [ids]);
}
