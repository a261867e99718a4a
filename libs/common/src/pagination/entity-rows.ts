import type { ObjectLiteral, Repository } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver.js';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** The columns of an entity that its reads select (not `select: false` ones such as search vectors), for `alias`. */
export function entityColumns(repository: Repository<ObjectLiteral>, alias: string): string {
  return repository.metadata.columns
    .filter((column) => column.isSelect)
    .map((column) => `${alias}."${column.databaseName}"`)
    .join(', ');
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
  const driver = manager.connection.driver;
  const columns = metadata.columns
    .filter((column) => column.isSelect)
    .map((column) => [prefix + column.databaseName, setterOf(column, driver)] as const);
  return (row) => {
    const entity = metadata.create() as T;
    for (const [key, set] of columns) {
      if (key in row) set(entity, row[key]);
    }
    return entity;
  };
}

/**
 * Column types whose values node-postgres already returns as the entity holds them (TypeORM's
 * hydration leaves them unchanged): strings, integers, JSON.
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
  'json',
  'jsonb',
]);
const DATES = new Set<unknown>([Date, 'timestamptz', 'timestamp with time zone', 'timestamp', 'datetime']);

type Setter = (entity: ObjectLiteral, value: unknown) => void;

/**
 * How one column's raw value becomes the entity's property: for a plain column (no transformer,
 * embedding or relation) of a type node-postgres returns as is, a plain assignment; for the rest,
 * TypeORM's own value preparation and setter. Made once per list, not looked up per row and column.
 */
function setterOf(column: ColumnMetadata, driver: Driver): Setter {
  const { propertyName } = column;
  const plain = !column.transformer && !column.embeddedMetadata && !column.isVirtual && !column.relationMetadata;
  if (plain && AS_RETURNED.has(column.type) && !column.enum) {
    return (entity, value) => {
      entity[propertyName] = value;
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
