import type { ObjectLiteral, Repository } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver.js';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { PrefetchPlan } from './prefetch.js';

/**
 * The columns of an entity that its reads select (not `select: false` ones such as search vectors), for
 * `alias`; only those of `properties` when given (selectedColumns).
 */
export function entityColumns(
  repository: Repository<ObjectLiteral>,
  alias: string,
  properties?: readonly string[],
): string {
  const key = `columns\u0000${alias}\u0000${properties?.join() ?? '*'}`;
  const made = memoOf(repository.metadata);
  let columns = made.get(key) as string | undefined;
  if (columns === undefined) {
    const wanted = properties && new Set(properties);
    columns = repository.metadata.columns
      .filter((column) => column.isSelect && (!wanted || wanted.has(column.propertyName)))
      .map((column) => `${alias}."${column.databaseName}"`)
      .join(', ');
    made.set(key, columns);
  }
  return columns;
}

/** What entityColumns and entityRows make of an entity, made once (per alias or prefix). */
const memo = new WeakMap<object, Map<string, unknown>>();
function memoOf(metadata: object): Map<string, unknown> {
  let made = memo.get(metadata);
  if (!made) memo.set(metadata, (made = new Map()));
  return made;
}

/**
 * The entities of `SELECT <its columns> FROM <its table> <alias> <rest>`, e.g.
 * `selectEntities(indicators, 'i', 'WHERE i.project_id = ANY($1) ORDER BY i.created_at, i.id', [ids])`:
 * one statement written directly and its rows mapped by entityRows, without TypeORM's query builder
 * and result transformer (most of a small read's CPU). `rest` is SQL with `$n` placeholders.
 */
export async function selectEntities<T extends ObjectLiteral>(
  repository: Repository<T>,
  alias: string,
  rest: string,
  params: unknown[],
  /** Nested lists selected under the entities, fetched with them (prefetch.ts). */
  prefetch?: PrefetchPlan,
): Promise<T[]> {
  const { schema, tableName } = repository.metadata;
  const table = schema ? `"${schema}"."${tableName}"` : `"${tableName}"`;
  const extra = prefetch?.selects(`${alias}.id`, (value) => `$${params.push(value)}`) ?? [];
  const rows: Array<Record<string, unknown>> = await repository.manager.query(
    `SELECT ${entityColumns(repository, alias)}${extra.map(({ expr, as }) => `, ${expr} AS "${as}"`).join('')}
       FROM ${table} ${alias} ${rest}`,
    params,
  );
  prefetch?.take(rows, (row) => row.id as string);
  return rows.map(entityRows(repository));
}

/**
 * Maps raw rows of an entity's table to entities, as TypeORM would (the driver's value preparation
 * and column transformers), without its result transformer. `prefix`: of the rows' keys (TypeORM's
 * raw results name a column `<alias>_<column>`).
 */
export function entityRows<T extends ObjectLiteral>(
  repository: Repository<T>,
  prefix = '',
): (row: Record<string, unknown>) => T {
  const { metadata, manager } = repository;
  const key = `rows\u0000${prefix}`;
  const made = memoOf(metadata);
  const known = made.get(key) as ((row: Record<string, unknown>) => T) | undefined;
  if (known) return known;
  const driver = manager.connection.driver;
  const columns = metadata.columns
    .filter((column) => column.isSelect)
    .map((column) => [prefix + column.databaseName, setterOf(column, driver)] as const);
  const map = (row: Record<string, unknown>): T => {
    const entity = metadata.create() as T;
    for (const [key, set] of columns) {
      if (key in row) set(entity, row[key]);
    }
    return entity;
  };
  made.set(key, map);
  return map;
}

/**
 * Column types whose values node-postgres already returns as the entity holds them (TypeORM's
 * hydration leaves them unchanged): strings, numbers (numeric and bigint stay strings, as TypeORM
 * leaves them), booleans, JSON, and arrays of these.
 */
const AS_RETURNED = new Set<unknown>([
  String,
  'uuid',
  'text',
  'varchar',
  'character varying',
  'citext',
  'int',
  'integer',
  'int4',
  'smallint',
  'int2',
  'bigint',
  'int8',
  'char',
  'character',
  'numeric',
  'decimal',
  'float8',
  'double precision',
  'boolean',
  'bool',
  'json',
  'jsonb',
]);
const DATES = new Set<unknown>([Date, 'timestamptz', 'timestamp with time zone', 'timestamp', 'datetime']);

type Setter = (entity: ObjectLiteral, value: unknown) => void;

/** Types whose JSON value (`json_agg` of rows) is not what node-postgres gives: numbers kept as strings, dates without a zone. */
const NOT_AS_JSON = new Set<unknown>(['bigint', 'int8', 'numeric', 'decimal', 'timestamp', 'datetime', Date]);

/**
 * Whether entityRows maps this column's value in a row that PostgreSQL returned as JSON (`json_agg`) exactly
 * as it maps node-postgres's: a plain column of text, uuid, integers, floats, booleans, JSON, string enums or
 * arrays of these (the same values), or a timestamptz (JSON's ISO text, which becomes the same Date).
 */
export function readsAsJson(column: ColumnMetadata): boolean {
  if (!isPlain(column) || NOT_AS_JSON.has(column.type)) return false;
  return (AS_RETURNED.has(column.type) && !column.enum) || isStringEnum(column) || DATES.has(column.type);
}

/** A column of its own: no transformer, embedding or relation. */
function isPlain(column: ColumnMetadata): boolean {
  return !column.transformer && !column.embeddedMetadata && !column.isVirtual && !column.relationMetadata;
}

/** An enum of strings (TypeORM turns only numeric-looking values of numeric enums into numbers). */
function isStringEnum(column: ColumnMetadata): boolean {
  return column.type === 'enum' && !column.isArray && Boolean(column.enum?.every((v) => typeof v === 'string'));
}

/**
 * How one column's raw value becomes the entity's property: for a plain column (no transformer,
 * embedding or relation) of a type node-postgres returns as is, a plain assignment; for the rest,
 * TypeORM's own value preparation and setter. Made once per list, not looked up per row and column.
 */
function setterOf(column: ColumnMetadata, driver: Driver): Setter {
  const { propertyName } = column;
  const plain = isPlain(column);
  if (plain && ((AS_RETURNED.has(column.type) && !column.enum) || isStringEnum(column))) {
    return (entity, value) => {
      entity[propertyName] = value;
    };
  }
  if (plain && column.type === Boolean) {
    return (entity, value) => {
      entity[propertyName] = value === null || value === undefined ? value : Boolean(value);
    };
  }
  if (plain && DATES.has(column.type)) {
    // node-postgres returns timestamps as Dates; a string (another driver's) becomes one, as TypeORM does
    return (entity, value) => {
      entity[propertyName] = typeof value === 'string' ? new Date(value) : value;
    };
  }
  return (entity, value) => column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
}
