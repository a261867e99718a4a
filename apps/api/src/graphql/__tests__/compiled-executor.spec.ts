import { execute, GraphQLSchema, parse } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { compiledExecutor } from '../compiled-executor.js';

const schema: GraphQLSchema = makeExecutableSchema({
  typeDefs: `
    type Query { items(n: Int!): [Item!]! broken: Item fails: String! }
    type Item { id: ID! label: String tags: [String!]! double: Int! }
  `,
  resolvers: {
    Query: {
      items: (_: unknown, { n }: { n: number }) =>
        Array.from({ length: n }, (_, i) => ({ id: `i${i}`, label: i % 2 ? null : `L${i}`, tags: ['a'] })),
      broken: () => {
        throw new Error('boom');
      },
      fails: () => null,
    },
    Item: {
      double: (item: { id: string }, _args: unknown, context: { factor: number }) =>
        Number(item.id.slice(1)) * context.factor,
    },
  },
});

function request(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const document = parse(query);
  return {
    document,
    operationName,
    context: { factor: 2 },
    request: { query, variables, operationName },
  } as unknown as GatewayGraphQLRequestContext;
}

describe('compiledExecutor', () => {
  it('runs a document on graphql-js the first time, compiles it the second, then reuses it; answers as graphql-js', async () => {
    const compiled: Array<string | undefined> = [];
    const run = compiledExecutor(schema, 2, (name) => compiled.push(name));
    const query = `query Items($n: Int!, $withTags: Boolean!) { items(n: $n) { id label double tags @include(if: $withTags) } broken { id } }`;
    const req = request(query, { n: 3, withTags: true }, 'Items');
    const expected = JSON.parse(
      JSON.stringify(
        await execute({
          schema,
          document: req.document,
          variableValues: { n: 3, withTags: true },
          contextValue: { factor: 2 },
        }),
      ),
    );
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(JSON.parse(JSON.stringify(await run(req))));
    expect(compiled).toEqual(['Items']);
    for (const answer of answers) expect(answer).toEqual(expected);
    expect(expected.errors[0]).toMatchObject({ message: 'boom', path: ['broken'] });
    expect(expected.data.items[1]).toEqual({ id: 'i1', label: null, double: 2, tags: ['a'] });
  });

  it('other variables reuse the compiled operation; bad variables and a null for a non-null field are errors', async () => {
    const compiled: Array<string | undefined> = [];
    const run = compiledExecutor(schema, 2, (name) => compiled.push(name));
    const query = `query($n: Int!) { items(n: $n) { id } }`;
    const document = parse(query);
    const same = (variables: Record<string, unknown>) =>
      ({ document, context: { factor: 1 }, request: { query, variables } }) as unknown as GatewayGraphQLRequestContext;
    await run(same({ n: 1 }));
    expect((await run(same({ n: 2 }))).data).toEqual({ items: [{ id: 'i0' }, { id: 'i1' }] });
    expect((await run(same({ n: 3 }))).data?.items).toHaveLength(3);
    expect(compiled).toHaveLength(1);
    const bad = await run(same({ n: 'x' }));
    // graphql-jit words it a little differently (the API refuses bad variables before execution:
    // operationLimitsHooks, so clients see graphql-js's sentence either way)
    expect(bad.data).toBeUndefined();
    expect(bad.errors?.[0].message).toMatch(
      /^Variable "\$n" got invalid value "x"; .*Int cannot represent non-integer value: "x"$/,
    );
    const failing = request(`{ fails }`);
    await run(failing);
    const answer = await run(failing);
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0].path).toEqual(['fails']);
  });
});
