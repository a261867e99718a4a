import type { ObjectLiteral, Repository } from 'typeorm';

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
    .map((column) => [column, prefix + column.databaseName] as const);
  return (row) => {
    const entity = metadata.create() as T;
    for (const [column, key] of columns) {
      if (key in row) column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
    }
    return entity;
  };
}
