import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLSchema, isObjectType, lexicographicSortSchema } from 'graphql';

type FieldResolver = ((...args: unknown[]) => unknown) | { resolve?: unknown; subscribe?: unknown };
type ResolverMap = Record<string, Record<string, FieldResolver> | unknown>;

type Ctor = abstract new (...args: never[]) => unknown;

/** What GraphQLFactory keeps to itself and the schema is made from (@nestjs/graphql 14). */
interface FactoryParts {
  resolversExplorerService: { explore(): ResolverMap; getAllCtors(): Ctor[] };
  scalarsExplorerService: { explore(): ResolverMap };
  gqlSchemaBuilder: {
    build(
      file: ApolloDriverConfig['autoSchemaFile'],
      options: ApolloDriverConfig,
      ctors: Ctor[],
    ): Promise<GraphQLSchema>;
  };
}

/**
 * Nest's Apollo driver, making the code-first schema without a detour. Nest builds the schema from the
 * decorators, then prints it, parses the text again and builds a second, executable schema from it, only to copy
 * that one's field resolvers back onto the first (GraphQLFactory.generateSchema): ~0.15 s of every start
 * (docs/performance.md, "Cold start"). Here the resolvers Nest found are set on the first schema's fields
 * directly, which is what that copy amounts to: the same types, the same resolvers, sorted as configured
 * (`test/code-first-schema.e2e-spec.ts` compares both). Options this shortcut does not cover (typeDefs, a schema or
 * resolvers of their own, transforms) go Nest's way.
 */
export class CodeFirstApolloDriver extends ApolloDriver {
  override generateSchema(options: ApolloDriverConfig): Promise<GraphQLSchema> | null {
    // GraphQLModule passes `typeDefs: []` when there are none
    const typeDefs = [options.typeDefs ?? []].flat().filter(Boolean);
    const covered = options.autoSchemaFile && !typeDefs.length && !options.schema && !options.resolvers;
    if (!covered || options.transformSchema || options.transformResolvers) return super.generateSchema(options);
    return this.codeFirstSchema(options);
  }

  private async codeFirstSchema(options: ApolloDriverConfig): Promise<GraphQLSchema> {
    const parts = this.graphQlFactory as unknown as FactoryParts;
    const resolvers = { ...parts.scalarsExplorerService.explore(), ...parts.resolversExplorerService.explore() };
    const ctors = parts.resolversExplorerService.getAllCtors();
    const schema = await parts.gqlSchemaBuilder.build(options.autoSchemaFile, options, ctors);
    setResolvers(schema, resolvers);
    return options.sortSchema ? lexicographicSortSchema(schema) : schema;
  }
}

/**
 * Sets each object type's field resolvers from a resolver map, as Nest copies them from the schema graphql-tools
 * made: a function is bound to its type's map (graphql-tools' `this`), an object gives its `resolve` and
 * `subscribe`; a field of an interface takes the interface's resolver first, then the type's own; types and fields
 * the schema lacks are left out, and so are scalars (the schema has the scalars' own instances already).
 */
export function setResolvers(schema: GraphQLSchema, resolvers: ResolverMap): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = type.getFields();
    for (const source of [...type.getInterfaces().map((i) => i.name), type.name]) {
      const map = resolvers[source];
      if (!map || typeof map !== 'object') continue;
      for (const [name, resolver] of Object.entries(map as Record<string, FieldResolver>)) {
        const field = fields[name];
        if (!field || name.startsWith('__')) continue;
        if (typeof resolver === 'function') field.resolve = resolver.bind(map) as never;
        else if (resolver && typeof resolver === 'object') {
          if (resolver.resolve) field.resolve = resolver.resolve as never;
          if (resolver.subscribe) field.subscribe = resolver.subscribe as never;
        }
      }
    }
  }
}
