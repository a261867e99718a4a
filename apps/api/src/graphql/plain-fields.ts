import { GraphQLSchema, isObjectType } from 'graphql';

/** The name of the resolver Nest gives every plain `@Field()` (it reads the parent's property of the field's name). */
const NEST_PROPERTY_READER = 'rootFieldResolver';

/**
 * Takes away the resolver Nest puts on every plain field of an object type (a closure that reads the parent's
 * property, or the field's `defaultValue`, which no output field of this schema declares): without it, GraphQL
 * reads the property itself — the compiled executor inlines the read — and a field with a resolver is one
 * written in a resolver class (`@ResolveField`), which `selectedColumns` relies on. A directory page has
 * ~1,500 such fields. Used as the module's `transformSchema`.
 */
export function withoutPlainFieldResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve?.name === NEST_PROPERTY_READER) field.resolve = undefined;
    }
  }
  return schema;
}
