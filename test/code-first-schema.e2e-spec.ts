import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { AbstractGraphQLDriver, GRAPHQL_MODULE_OPTIONS } from '@nestjs/graphql';
import { GraphQLSchema, isObjectType, printSchema } from 'graphql';
import { CodeFirstApolloDriver } from '../apps/api/src/graphql/apollo-driver.js';
import { TestApp } from './support/test-app.js';

/*
 * The API's schema is made by CodeFirstApolloDriver (apps/api/src/graphql/apollo-driver.ts), which skips Nest's
 * print–parse–rebuild round: it must give the schema Nest's own ApolloDriver gives, field resolvers included.
 */
describe('The code-first schema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  it('is what Nest’s own driver makes: the same types in the same order, the same resolver on every field', async () => {
    const driver = t.app.get(AbstractGraphQLDriver, { strict: false });
    expect(driver).toBeInstanceOf(CodeFirstApolloDriver);
    // what GraphQLModule hands the driver
    const moduleOptions = t.app.get<ApolloDriverConfig>(GRAPHQL_MODULE_OPTIONS, { strict: false });
    const options = { ...(await driver.mergeDefaultOptions(moduleOptions)), typeDefs: [] } as ApolloDriverConfig;
    // one set of resolvers for both (Nest wraps the resolvers' methods anew each time it explores them)
    type Explored = Record<string, Record<string, { resolve?: unknown; subscribe?: unknown }>>;
    const factory = (driver as unknown as { graphQlFactory: Record<string, { explore(): Explored }> }).graphQlFactory;
    const found = new Set<unknown>();
    for (const explorer of [factory.resolversExplorerService, factory.scalarsExplorerService]) {
      const explored = explorer.explore();
      explorer.explore = () => explored;
      for (const fields of Object.values(explored)) {
        for (const resolver of Object.values(fields ?? {})) {
          found.add(resolver);
          if (resolver && typeof resolver === 'object') found.add(resolver.resolve).add(resolver.subscribe);
        }
      }
    }

    // graphql-tools binds a resolver to its type's resolvers (`this`), and so does our driver: which function
    // each bound one calls is noted as they are made
    const targets = new Map<unknown, unknown>();
    const bind = Function.prototype.bind;
    Function.prototype.bind = function (this: (...args: unknown[]) => unknown, ...args: unknown[]) {
      const bound = bind.apply(this, args as [unknown]);
      targets.set(bound, this);
      return bound;
    };
    let ours: GraphQLSchema;
    let nests: GraphQLSchema;
    // Nest's own way (print, parse, build again) is not taken
    const nestsWay = factory.generateSchema as unknown as (...args: unknown[]) => unknown;
    const taken: unknown[] = [];
    (factory as unknown as Record<string, unknown>).generateSchema = (...args: unknown[]) => {
      taken.push(args);
      return nestsWay.apply(factory, args);
    };
    try {
      ours = (await driver.generateSchema(options))!;
      expect(taken).toHaveLength(0);
      nests = (await ApolloDriver.prototype.generateSchema.call(driver, options)) as GraphQLSchema;
    } finally {
      Function.prototype.bind = bind;
    }

    expect(printSchema(ours)).toBe(printSchema(nests));
    // a resolver from those Nest found is the very same function; one the schema builder made itself (a field's
    // middleware, its own default resolver) is made anew by each build, and must read the same
    const unbound = (f: unknown) => (targets.has(f) ? targets.get(f) : f);
    const same = (a: unknown, b: unknown) =>
      found.has(unbound(b)) ? unbound(a) === unbound(b) : String(unbound(a)) === String(unbound(b));
    let resolved = 0;
    for (const type of Object.values(nests.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const fields = (ours.getType(type.name) as typeof type).getFields();
      for (const [name, field] of Object.entries(type.getFields())) {
        const ok = same(fields[name].resolve, field.resolve) && same(fields[name].subscribe, field.subscribe);
        expect([type.name, name, ok]).toEqual([type.name, name, true]);
        if (found.has(unbound(field.resolve)) || found.has(field.subscribe)) resolved += 1;
      }
    }
    // every root field and the types' own @ResolveField()s: hundreds, not a handful
    expect(resolved).toBeGreaterThan(200);
  });
});
