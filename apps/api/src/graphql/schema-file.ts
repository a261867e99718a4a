import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** The header of the committed schema.gql (as Nest writes a generated schema file). */
export const SCHEMA_HEADER =
  '# ------------------------------------------------------\n# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)\n# ------------------------------------------------------\n\n';

/** schema.gql's text for a schema: sorted, no final newline (test/schema-and-migrations.e2e-spec.ts checks it). */
export const schemaFileText = (schema: GraphQLSchema) => SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema));

/**
 * Writes schema.gql in the working folder (`npm run cli -- schema`, and development runs of the API once they
 * listen: printed then, not while the API starts).
 */
export async function writeSchemaFile(schema: GraphQLSchema): Promise<string> {
  const file = join(process.cwd(), 'schema.gql');
  // whole or not at all (written beside it, then renamed): a watcher never reads half a file
  await writeFile(`${file}.${process.pid}`, schemaFileText(schema));
  await rename(`${file}.${process.pid}`, file);
  return file;
}
