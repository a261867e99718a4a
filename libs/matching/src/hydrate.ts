import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** A table row as `to_jsonb(alias)` returns it: column names as keys, JSON values. */
export type JsonRow = Record<string, unknown>;

/** Columns that `to_jsonb` rows of the matching statements leave out (search vectors, the fund's tsquery). */
export const JSON_ROW_OMIT = `ARRAY['search_vector', 'text_query']`;

/** `to_jsonb(alias)` without the columns no entity reads (JSON_ROW_OMIT). */
export const jsonRowSql = (alias: string) => `(to_jsonb(${alias}) - ${JSON_ROW_OMIT})`;

/**
 * An entity from a row a statement returned as JSON (`to_jsonb`): the values TypeORM would have
 * read from the columns themselves (numeric as the same fixed-point string, timestamps as Dates,
 * transformers applied), so one statement can return the rows of several tables and no second read
 * is needed to show them.
 */
export function entityFromJson<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  row: JsonRow,
): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!column.isSelect || !(column.databaseName in row)) continue;
    let value = row[column.databaseName];
    if (typeof value === 'number' && (column.type === 'numeric' || column.type === 'decimal')) {
      value = column.scale !== undefined ? value.toFixed(column.scale) : String(value);
    } else if (typeof value === 'number' && (column.type === 'bigint' || column.type === 'int8')) {
      value = String(value);
    }
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(value, column));
  }
  return entity;
}
