import DataLoader from 'dataloader';
import type { ObjectLiteral, Repository } from 'typeorm';
import { DEFAULT_PAGE_SIZE, Page, withLazyCount } from './connection.js';
import { entityColumns, entityRows } from './entity-rows.js';
import { decodeCursor, encodeCursor, normalise, SortKey } from './keyset.js';

/**
 * Nested connections (Organization.projects, Fund.applications…) for all parents of one level in
 * one statement: a LATERAL join over the parent ids, each parent's page cut by its own keyset and
 * LIMIT (an index on (parent, sort keys) serves each one). `totalCount` comes with the rows when the
 * client selected it (`count`), else from a second grouped statement if it is read.
 */
export interface NestedList {
  /** The rows' table with its alias, e.g. `project p`. */
  from: string;
  /** The column naming each row's parent, e.g. `p.organization_id` (a uuid). */
  parent: string;
  /** The alias of the rows' entity in `from`, e.g. `p`. */
  alias: string;
  /** ORDER BY terms; the last one unique. An index on (parent, keys…) should serve them. */
  keys: SortKey[];
  /** Conditions every use of the list has, e.g. `p.archived_at IS NULL`. */
  where?: string;
}

type Condition = string | null | undefined | false;
/** Extra conditions of one use of a list (ANDed; falsy ones skipped): SQL with `$n` placeholders made by `param`. */
export type NestedWhere = (param: (value: unknown) => string) => Condition | Condition[];

export type SqlRunner = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

const PARENT = 'parent__';
const COUNTED = 'counted__';
const TOTAL = 'total__';

/**
 * The page of every parent (an empty page for a parent without rows). With `count` (the client selected
 * `totalCount`), each parent's count comes in the same statement; without it, `totalCount` is a second
 * statement run only if read. With `columns` (selectedColumns), the rows read only those properties.
 */
export async function nestedPages<T extends ObjectLiteral>(
  repository: Repository<T>,
  list: NestedList,
  parentIds: readonly string[],
  args: NestedArgs,
  where: NestedWhere = () => null,
): Promise<Map<string, Page<T>>> {
  const run: SqlRunner = (sql, params) => repository.manager.query(sql, params);
  const params: unknown[] = [parentIds];
  const param = (value: unknown) => `$${params.push(value)}`;
  const { page, rowsOfParent } = pageOfParent(repository, list, `${PARENT}.id`, args, where, param);
  const rows = await run(
    args.count
      ? // one row per parent at least (a parent without rows: its count and a row of NULLs)
        `SELECT ${PARENT}.id AS ${COUNTED}, c.n AS ${TOTAL}, x.* FROM unnest($1::uuid[]) AS ${PARENT}(id)
  CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM ${list.from} WHERE ${rowsOfParent}) c
  LEFT JOIN LATERAL (${page}) x ON true`
      : `SELECT x.* FROM unnest($1::uuid[]) AS ${PARENT}(id) CROSS JOIN LATERAL (${page}) x`,
    params,
  );
  const countOf = lazyCounts(repository, list, parentIds, where);
  const totals = new Map<string, number>();
  const byParent = new Map<string, Array<Record<string, unknown>>>(parentIds.map((id) => [id, []]));
  for (const row of rows) {
    if (args.count) totals.set(row[COUNTED] as string, Number(row[TOTAL]));
    if (row[PARENT] !== null) byParent.get(row[PARENT] as string)?.push(row);
  }
  const map = entityRows(repository);
  const pages = new Map<string, Page<T>>();
  for (const [parentId, parentRows] of byParent) {
    const page = pageOf(list, parentRows, args.first, map);
    pages.set(
      parentId,
      args.count ? { ...page, totalCount: totals.get(parentId) ?? 0 } : withLazyCount(page, () => countOf(parentId)),
    );
  }
  return pages;
}

/** The arguments of a nested list's batch: its page (`first`, `after`) and what the client selected of it. */
export type NestedArgs = { first?: number | null; after?: string | null; count?: boolean; columns?: readonly string[] };

/**
 * The statement of one parent's page (`parent`: SQL naming the parent's id), cut by the cursor and the limit
 * (`first` + 1, to tell whether there is a next page), and the conditions of the parent's rows (what
 * totalCount counts). Parameters are written by `param`.
 */
export function pageOfParent(
  repository: Repository<ObjectLiteral>,
  list: NestedList,
  parent: string,
  args: NestedArgs,
  where: NestedWhere,
  param: (value: unknown) => string,
): { page: string; rowsOfParent: string } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const after = args.after ? decodeCursor(args.after, list.keys) : null;
  const rowsOfParent = [`${list.parent} = ${parent}`, ...conditionsOf(list, where, param)];
  const conditions = [...rowsOfParent];
  if (after) {
    const ors = list.keys.map((key, i) => {
      const ands = list.keys.slice(0, i).map((k, j) => `(${k.expr}) = ${cast(param(after[j]), k)}`);
      ands.push(`(${key.expr}) ${key.direction === 'ASC' ? '>' : '<'} ${cast(param(after[i]), key)}`);
      return `(${ands.join(' AND ')})`;
    });
    conditions.push(`(${ors.join(' OR ')})`);
  }
  const page = `SELECT ${entityColumns(repository, list.alias, args.columns)}, ${parent} AS ${PARENT}${list.keys.map((k, i) => `, (${k.expr}) AS sk_${i}`).join('')}
      FROM ${list.from}
     WHERE ${conditions.join(' AND ')}
     ORDER BY ${list.keys.map((k) => `(${k.expr}) ${k.direction}`).join(', ')}
     LIMIT ${param(first + 1)}`;
  return { page, rowsOfParent: rowsOfParent.join(' AND ') };
}

/** One parent's page of its rows (at most `first` + 1, in order), without its count. */
export function pageOf<T>(
  list: NestedList,
  rows: Array<Record<string, unknown>>,
  first: number | null | undefined,
  map: (row: Record<string, unknown>) => T,
): Omit<Page<T>, 'totalCount'> {
  const size = first ?? DEFAULT_PAGE_SIZE;
  const kept = rows.slice(0, size);
  const last = kept.at(-1);
  // the cursor is made when read: most nested lists are shown without their pageInfo (a directory page's
  // 50 projects lists made 50 cursors nobody read, 4 % of its CPU)
  let endCursor: string | null | undefined;
  return {
    nodes: kept.map(map),
    pageInfo: {
      hasNextPage: rows.length > size,
      get endCursor() {
        return (endCursor ??= last ? encodeCursor(list.keys.map((key, i) => cursorValue(last[`sk_${i}`], key))) : null);
      },
    },
  };
}

/** A sort key's value as cursors hold it: a timestamp as `toISOString` writes it (whether a Date or JSON's text). */
function cursorValue(value: unknown, key: SortKey): unknown {
  if (key.type === 'timestamp' && typeof value === 'string') return new Date(value).toISOString();
  return normalise(value);
}

/** Each parent's count of rows, the parents' counts made in one statement when the first is read. */
export function lazyCounts(
  repository: Repository<ObjectLiteral>,
  list: NestedList,
  parentIds: readonly string[],
  where: NestedWhere = () => null,
): (parentId: string) => Promise<number> {
  let counts: Promise<Map<string, number>> | undefined;
  return (parentId) => {
    counts ??= countRows((sql, params) => repository.manager.query(sql, params), list, parentIds, where);
    return counts.then((byParent) => byParent.get(parentId) ?? 0);
  };
}

async function countRows(
  run: SqlRunner,
  list: NestedList,
  parentIds: readonly string[],
  where: NestedWhere,
): Promise<Map<string, number>> {
  const params: unknown[] = [parentIds];
  const conditions = [
    `${list.parent} = ANY($1::uuid[])`,
    ...conditionsOf(list, where, (value) => `$${params.push(value)}`),
  ];
  const rows = await run(
    `SELECT ${list.parent} AS ${PARENT}, count(*)::int AS n FROM ${list.from}
      WHERE ${conditions.join(' AND ')}
      GROUP BY 1`,
    params,
  );
  return new Map(rows.map((r) => [r[PARENT] as string, Number(r.n)]));
}

function conditionsOf(list: NestedList, where: NestedWhere, param: (value: unknown) => string): string[] {
  return [list.where, where(param)]
    .flat()
    .filter((c): c is string => Boolean(c))
    .map((c) => `(${c})`);
}

/** Cursor values are checked by type (decodeCursor); the casts give PostgreSQL the same types. */
function cast(placeholder: string, key: SortKey): string {
  const types = { uuid: 'uuid', timestamp: 'timestamptz', int: 'int', number: 'float8', text: 'text' } as const;
  return `${placeholder}::${types[key.type]}`;
}

/**
 * The per-request loaders of nested lists (`ctx.loaders.pages`): one DataLoader per list and
 * arguments, so every parent of a level asking the same list with the same arguments shares one
 * batch.
 */
export class NestedPageLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();
  private readonly prefetched = new Map<string, Map<string, Page<unknown>>>();

  /**
   * The page of `parentId` in `list` (a name, e.g. `Organization.projects`) with `args`; `scope`
   * names whatever else the batch depends on (the viewer's rights when they change the rows).
   */
  load<T>(
    list: string,
    args: object,
    parentId: string,
    batch: (parentIds: readonly string[]) => Promise<Map<string, Page<T>>>,
    scope = '',
  ): Promise<Page<T>> {
    const key = batchKey(list, args, scope);
    const fetched = this.prefetched.get(key)?.get(parentId) as Page<T> | undefined;
    if (fetched) return Promise.resolve(fetched);
    let loader = this.loaders.get(key) as DataLoader<string, Page<T>> | undefined;
    if (!loader) {
      loader = new DataLoader<string, Page<T>>(async (ids) => {
        const pages = await batch(ids);
        return ids.map((id) => pages.get(id)!);
      });
      this.loaders.set(key, loader as DataLoader<string, unknown>);
    }
    return loader.load(parentId);
  }

  /**
   * Pages of `list` with `args` fetched already, with their parents (prefetch.ts): loading them runs no
   * statement. Other parents' pages of the same list and arguments still load in batches.
   */
  prime(list: string, args: object, pages: ReadonlyMap<string, Page<unknown>>, scope = '') {
    const key = batchKey(list, args, scope);
    const known = this.prefetched.get(key);
    if (known) pages.forEach((page, parentId) => known.set(parentId, page));
    else this.prefetched.set(key, new Map(pages));
  }
}

const batchKey = (list: string, args: object, scope: string) => `${list}\u0000${JSON.stringify(args)}\u0000${scope}`;

declare module '../graphql/loaders.js' {
  interface RequestLoaders {
    pages: NestedPageLoaders;
  }
}
