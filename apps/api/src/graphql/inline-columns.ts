import { type GraphQLSchema, isObjectType } from 'graphql';
import type { EntityMetadata } from 'typeorm';
import { NEST_PROPERTY_READER } from '@app/common';

/**
 * Lets compiled operations read the column fields of entities inline. Nest gives every plain `@Field()` a
 * resolver (its `rootFieldResolver`: the parent's property, or the field's default value); graphql-jit
 * compiles a field with a resolver into a call with a resolve info, a path and its own error handling, and a
 * directory page has ~1,000 of them (organizations' and projects' names, slugs, kinds…): a third of the
 * page's allocations. A field without a resolver is read inline, as graphql-js's default resolver reads it.
 *
 * Only the fields of an entity's GraphQL type that are columns of the entity lose Nest's reader: a column is
 * hydrated from a row, never a promise (a compiled inline read does not await one, as it must for a lazily
 * counted `totalCount`: connections keep their readers), and only when the reader has no default value to
 * give. Returns how many fields now read inline.
 */
export function readColumnsInline(schema: GraphQLSchema, entities: readonly EntityMetadata[]): number {
  let inlined = 0;
  for (const entity of entities) {
    if (typeof entity.target !== 'function') continue;
    const type = schema.getType(entity.target.name);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const reader = field.resolve;
      if (reader?.name !== NEST_PROPERTY_READER || !entity.findColumnWithPropertyName(field.name)?.isSelect) continue;
      // a field's default value is what the reader gives for a parent without the property
      if ((reader as (parent: object) => unknown)({}) !== undefined) continue;
      field.resolve = undefined;
      inlined++;
    }
  }
  return inlined;
}
