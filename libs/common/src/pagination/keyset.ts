import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadInputError } from '../errors/domain-error.js';
import { DEFAULT_PAGE_SIZE, Page } from './connection.js';

/** One ORDER BY term. `expr` must be deterministic SQL; the last key must be unique (the id). */
export interface SortKey {
  expr: string;
  direction: 'ASC' | 'DESC';
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    /* answered below */
  }
  throw new BadInputError('after', 'after is not a cursor of this list');
}

/**
 * Keyset pagination over a query builder: applies the ORDER BY, the "after" condition and the
 * limit, and counts the whole filtered set. Stable under concurrent inserts (no offsets).
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  keys: SortKey[],
  args: { first?: number | null; after?: string | null },
): Promise<Page<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const totalCount = await qb.clone().orderBy().getCount();
  const page = qb.clone();
  keys.forEach((key, i) => {
    page.addSelect(`(${key.expr})`, `sk_${i}`); // parenthesised: a bare "o.id" would replace the entity column
    if (i === 0) page.orderBy(`sk_${i}`, key.direction);
    else page.addOrderBy(`sk_${i}`, key.direction);
  });
  if (args.after) {
    const values = decodeCursor(args.after, keys.length);
    const params: Record<string, unknown> = {};
    const ors: string[] = [];
    keys.forEach((key, i) => {
      const ands = keys.slice(0, i).map((k, j) => `(${k.expr}) = :ks_${j}`);
      ands.push(`(${key.expr}) ${key.direction === 'ASC' ? '>' : '<'} :ks_${i}`);
      ors.push(`(${ands.join(' AND ')})`);
      params[`ks_${i}`] = values[i];
    });
    page.andWhere(`(${ors.join(' OR ')})`, params);
  }
  page.limit(first + 1);
  const { entities, raw } = await page.getRawAndEntities();
  const hasNextPage = entities.length > first;
  const nodes = entities.slice(0, first);
  const last = raw[nodes.length - 1] as Record<string, unknown> | undefined;
  const rawByIndex = nodes.length ? last : undefined;
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage,
      endCursor: rawByIndex ? encodeCursor(keys.map((_, i) => normalise(rawByIndex[`sk_${i}`]))) : null,
    },
  };
}

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

const TSQUERY = "websearch_to_tsquery('english', :search)";

/**
 * Full-text search over `<alias>.search_vector` (a weighted, GIN-indexed tsvector): keeps the rows
 * matching the words of `search` (web-search syntax). Returns the trimmed words, or null when none.
 */
export function whereSearch<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  search: string | null | undefined,
): string | null {
  const words = search?.trim();
  if (!words) return null;
  qb.andWhere(`${alias}.search_vector @@ ${TSQUERY}`, { search: words });
  return words;
}

/** Sort keys by full-text rank (best first), then id: for a query narrowed by `whereSearch`. */
export function rankKeys(alias: string): SortKey[] {
  return [
    { expr: `ts_rank(${alias}.search_vector, ${TSQUERY})::float8`, direction: 'DESC' },
    { expr: `${alias}.id`, direction: 'ASC' },
  ];
}
