import { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { BadInputError } from '../errors/domain-error.js';
import { isUuid } from '../validation/ids.js';
import { DEFAULT_PAGE_SIZE, Page, withLazyCount } from './connection.js';
import { entityRows } from './entity-rows.js';
import type { PrefetchPlan } from './prefetch.js';
import { text } from '../i18n/translate.js';

/** The SQL type of a sort key's value: a cursor value of another shape never reaches SQL. */
export type SortKeyType = 'uuid' | 'timestamp' | 'int' | 'number' | 'text';

/** One ORDER BY term. `expr` must be deterministic SQL; the last key must be unique (the id). */
export interface SortKey {
  expr: string;
  direction: 'ASC' | 'DESC';
  type: SortKeyType;
}

/** The form `normalise` writes (toISOString), years 1000..9999. */
const ISO_INSTANT = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_INT = 2 ** 31 - 1;
const MAX_TEXT_KEY = 1000;
/** A NUL byte or a lone UTF-16 surrogate: text PostgreSQL cannot store or compare. */
const UNSQLABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const VALID: Record<SortKeyType, (value: unknown) => boolean> = {
  uuid: isUuid,
  // a real instant: 2026-02-30 parses (as March 2nd) but does not print back the same
  timestamp: (v) => typeof v === 'string' && ISO_INSTANT.test(v) && sameInstant(v),
  int: (v) => Number.isInteger(v) && Math.abs(v as number) <= MAX_INT,
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  text: (v) => typeof v === 'string' && v.length <= MAX_TEXT_KEY && !UNSQLABLE.test(v),
};

function sameInstant(iso: string): boolean {
  const date = new Date(iso);
  return !Number.isNaN(date.getTime()) && date.toISOString() === iso;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values of a cursor made for `keys`; BAD_USER_INPUT naming `after` for anything else (before any SQL). */
export function decodeCursor(cursor: string, keys: readonly Pick<SortKey, 'type'>[]): unknown[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (Array.isArray(values) && values.length === keys.length && keys.every((k, i) => VALID[k.type](values[i]))) {
    return values;
  }
  throw new BadInputError('after', text('validation.notACursor', { field: 'after' }));
}

/**
 * Keyset pagination over a query builder: applies the ORDER BY, the "after" condition and the
 * limit; `totalCount` counts the whole filtered set. Stable under concurrent inserts (no offsets).
 * With `count` (the client selected `totalCount`) the count comes with the page, in the same statement;
 * without it, it is counted only if read. With `columns` (selectedColumns) the entities read only those; with
 * `prefetch`, the nested lists under the nodes come in the same statement (prefetch.ts).
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  keys: SortKey[],
  args: {
    first?: number | null;
    after?: string | null;
    count?: boolean;
    columns?: readonly string[];
    prefetch?: PrefetchPlan;
  },
): Promise<Page<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const counter = qb.clone().orderBy();
  const page = qb.clone();
  if (args.columns) {
    // the entity's selected properties instead of all its columns (the builder's other selections stay)
    const entity = page.expressionMap.mainAlias!.name;
    page.expressionMap.selects = page.expressionMap.selects.filter((select) => select.selection !== entity);
    page.addSelect(args.columns.map((property) => `${entity}.${property}`));
  }
  keys.forEach((key, i) => {
    page.addSelect(`(${key.expr})`, `sk_${i}`); // parenthesised: a bare "o.id" would replace the entity column
    if (i === 0) page.orderBy(`sk_${i}`, key.direction);
    else page.addOrderBy(`sk_${i}`, key.direction);
  });
  if (args.after) {
    const values = decodeCursor(args.after, keys);
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
  const { name: alias, metadata } = page.expressionMap.mainAlias!;
  if (args.prefetch) {
    // the nested lists under the nodes, fetched with them (prefetch.ts)
    const params: Record<string, unknown> = {};
    const param = (value: unknown) => {
      const name = `pf_${Object.keys(params).length}`;
      params[name] = value;
      return `:${name}`;
    };
    args.prefetch.selects(`${alias}.id`, param).forEach(({ expr, as }) => page.addSelect(expr, as));
    page.setParameters({ ...page.getParameters(), ...params });
  }
  // raw rows mapped to entities directly: TypeORM's result transformer was most of a page's CPU
  let raw: Array<Record<string, unknown>>;
  let total: number | undefined;
  if (args.count && countable(counter)) {
    // the count and the page in one statement: one row at least (the count, and NULLs for an empty page)
    const both = await runNamed(
      page,
      `SELECT c.n AS ${TOTAL}, x.* FROM (${countQuery(counter)}) c
        LEFT JOIN LATERAL (${page.getQuery()}) x ON true`,
    );
    total = Number(both[0]?.[TOTAL] ?? 0);
    raw = both.filter((row) => row[`${alias}_id`] !== null);
  } else {
    raw = await page.getRawMany();
  }
  const toEntity = entityRows(page.connection.getRepository<T>(metadata.target), `${alias}_`);
  const hasNextPage = raw.length > first;
  const kept = raw.slice(0, first);
  const nodes = kept.map(toEntity);
  args.prefetch?.take(kept, (row) => row[`${alias}_id`] as string);
  const rawByIndex = kept.at(-1);
  const result = {
    nodes,
    pageInfo: {
      hasNextPage,
      endCursor: rawByIndex ? encodeCursor(keys.map((_, i) => normalise(rawByIndex[`sk_${i}`]))) : null,
    },
  };
  // the whole filtered set, counted only when a client selects totalCount
  return total === undefined ? withLazyCount(result, () => countRows(counter)) : { ...result, totalCount: total };
}

const TOTAL = 'total__';

/** A statement written with the query builder's `:named` parameters, run with its parameter values. */
function runNamed<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, sql: string) {
  const [text, values] = qb.connection.driver.escapeQueryWithParameters(sql, qb.getParameters());
  // on the builder's own query runner when it has one (a transaction's; a protected field of TypeORM's)
  const runner = (qb as unknown as { queryRunner?: QueryRunner }).queryRunner;
  return (runner ? runner.query(text, values) : qb.connection.query(text, values)) as Promise<
    Array<Record<string, unknown>>
  >;
}

/** Whether `count(*)` counts the query's entities (one row each): no joins, other FROM items, grouping or DISTINCT. */
function countable<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): boolean {
  const { joinAttributes, groupBys, havings, selectDistinct, aliases } = qb.expressionMap;
  const froms = aliases.filter((alias) => alias.type === 'from').length;
  return joinAttributes.length === 0 && groupBys.length === 0 && havings.length === 0 && !selectDistinct && froms <= 1;
}

/**
 * The rows of a query. Without joins, other FROM items, grouping or DISTINCT every row is one entity, so `count(*)`
 * counts them; TypeORM's getCount counts `DISTINCT` ids, which on the directory's 100,000
 * organizations costs PostgreSQL 5 to 10 times as much (a hash of every id) for the same number.
 */
export async function countRows<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<number> {
  if (!countable(qb)) return qb.getCount();
  const rows = await runNamed(qb, countQuery(qb));
  return Number(rows[0]?.n ?? 0);
}

/** Tables whose number of rows triggers keep in `row_count` (migration 1796300000001-RowCounts). */
const COUNTED_TABLES = new Set(['organization']);

/**
 * `SELECT … AS n`: the number of rows of a countable query. Of a whole table whose rows are counted as they
 * change (no condition at all), that number, one row read instead of every row of the table (the directory's
 * unfiltered first page); the table's own count if the number is missing.
 */
function countQuery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): string {
  const count = qb.clone().orderBy().select('count(*)::int', 'n').getQuery();
  const { mainAlias, wheres } = qb.expressionMap;
  const table = mainAlias?.hasMetadata ? mainAlias.metadata.tableName : undefined;
  if (!table || wheres.length > 0 || !COUNTED_TABLES.has(table)) return count;
  return `SELECT coalesce((SELECT "n"::int FROM "row_count" WHERE "table_name" = '${table}'), (${count})) AS "n"`;
}

export function normalise(value: unknown): unknown {
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
    { expr: `ts_rank(${alias}.search_vector, ${TSQUERY})::float8`, direction: 'DESC', type: 'number' },
    { expr: `${alias}.id`, direction: 'ASC', type: 'uuid' },
  ];
}
