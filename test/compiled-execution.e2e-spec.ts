import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { NEST_PROPERTY_READER } from '@app/common';
import { TestApp } from './support/test-app.js';
import { createOrg, registerUser } from './support/fixtures.js';
import { projectInput } from './support/project-input.js';

const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;

/**
 * Operations run compiled (graphql-jit, GRAPHQL_COMPILED_EXECUTION) answer exactly as graphql-js's interpreter
 * does: the same data, the same errors with the same codes, paths and fields, for reads and writes.
 */
describe('Compiled execution answers as graphql-js does', () => {
  /** The same data in each app: an owner, an organization, two projects. */
  async function seed(t: TestApp) {
    const owner = await registerUser(t, 'compiled');
    const org = await createOrg(t, owner, { name: 'Compiled Execution Association', contactEmail: 'c@e.example' });
    for (const title of ['Well', 'School']) {
      await t.ok(CREATE_PROJECT, { i: projectInput(org.id, { title }) }, owner.token);
    }
    return { owner, org };
  }

  /** The answer with its generated ids, cursors and e-mail addresses replaced by names in order of appearance. */
  function stable(answer: unknown, names: Map<string, string>): unknown {
    return JSON.parse(JSON.stringify(answer), (_key, value) => {
      if (typeof value !== 'string') return value;
      if (!/^[0-9a-f-]{36}$/.test(value) && !/@example\.org$/.test(value) && !/^[A-Za-z0-9_-]{40,}$/.test(value))
        return value;
      if (!names.has(value)) names.set(value, `#${names.size}`);
      return names.get(value);
    });
  }

  type Seeded = Awaited<ReturnType<typeof seed>>;
  const CASES: Array<{ query: string; variables?: (s: Seeded) => Record<string, unknown>; signedIn?: boolean }> = [
    {
      query: `query($search: String) { organizations(first: 5, search: $search) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { __typename id name kind verification contactEmail countriesOfOrigin { code name } themes { code }
          ... on Organization { projects(first: 1) { totalCount pageInfo { hasNextPage } nodes { title status budget { amount currency } } } } }
      } }`,
      variables: () => ({ search: 'Compiled Execution' }),
    },
    {
      query: `query($id: ID!, $withProjects: Boolean!) { organization(id: $id) {
        name contactEmail projects(first: 5) @include(if: $withProjects) { nodes { title indicators { id } } } } }`,
      variables: (s) => ({ id: s.org.id, withProjects: true }),
      signedIn: true,
    },
    {
      // a count read lazily (a promise in a plain field) inside a nested list
      query: `query($id: ID!) { organization(id: $id) { funds(first: 5) { totalCount nodes { id } } } }`,
      variables: (s) => ({ id: s.org.id }),
    },
    { query: `{ organization(id: "00000000-0000-4000-8000-000000000000") { id name } }` },
    { query: `{ organization(slug: "nobody-here") { id } project(id: "not-an-id") { id } }` },
    { query: `query($first: Int) { organizations(first: $first) { nodes { id } } }`, variables: () => ({ first: 0 }) },
    {
      query: `query($first: Int) { organizations(first: $first) { nodes { id } } }`,
      variables: () => ({ first: 'x' }),
    },
    { query: `{ organizations(first: 2, after: "garbage") { nodes { id } } }` },
    {
      query: `mutation($id: ID!) { updateOrganization(id: $id, input: { name: "" }) { id name } }`,
      variables: (s) => ({ id: s.org.id }),
      signedIn: true,
    },
    {
      query: `mutation($id: ID!) { updateOrganization(id: $id, input: { city: "Accra" }) { name city } }`,
      variables: (s) => ({ id: s.org.id }),
      signedIn: true,
    },
    { query: `mutation { createOrganization(input: { name: "x" }) { id } }` },
  ];

  /** Every case's answer from an app started with `env` (one app at a time: Passport's strategies are global). */
  async function answers(env: Record<string, string>, check?: (t: TestApp) => void) {
    const t = await TestApp.start(env);
    try {
      check?.(t);
      const seeded = await seed(t);
      const names = new Map<string, string>();
      const all: unknown[] = [];
      for (const { query, variables, signedIn } of CASES) {
        // twice, the second answer kept: the same whether an app compiles at the first or a later use (the writes are idempotent)
        const send = () => t.gql(query, variables?.(seeded) ?? {}, signedIn ? seeded.owner.token : undefined);
        await send();
        const answer = await send();
        all.push({ query, answer: stable(answer, names) });
      }
      return all;
    } finally {
      await t.close();
    }
  }

  it('the same answers, errors included, for reads, writes and refusals', async () => {
    const compiled = await answers({}, (t) => {
      const { schema } = t.app.get(GraphQLSchemaHost);
      const fieldsOf = (name: string) => {
        const type = schema.getType(name);
        if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
        return type.getFields();
      };
      const fields = fieldsOf('Organization');
      // an entity's columns are read inline (inline-columns.ts), field resolvers keep theirs
      for (const plain of ['id', 'name', 'kind', 'description', 'verification', 'updatedAt'])
        expect({ plain, resolve: fields[plain].resolve }).toEqual({ plain, resolve: undefined });
      for (const resolved of ['countriesOfOrigin', 'contactEmail', 'projects', 'networks'])
        expect({ resolved, reader: fields[resolved].resolve?.name }).toEqual({
          resolved,
          reader: expect.not.stringMatching(new RegExp(`^(${NEST_PROPERTY_READER})?$`)),
        });
      // a connection's fields are no columns: a lazily counted totalCount is a promise Nest's reader awaits
      expect(fieldsOf('FundConnection').totalCount.resolve?.name).toBe(NEST_PROPERTY_READER);
    });
    const interpreted = await answers({ GRAPHQL_COMPILED_EXECUTION: 'false' }, (t) => {
      const organization = t.app.get(GraphQLSchemaHost).schema.getType('Organization');
      if (!isObjectType(organization)) throw new Error('Organization is not an object type');
      expect(organization.getFields().name.resolve?.name).toBe(NEST_PROPERTY_READER);
    });
    expect(compiled).toHaveLength(CASES.length);
    // the refusals are refusals (NOT_FOUND, BAD_USER_INPUT, an invalid document), the rest answers
    const codes = compiled.map(
      (c) =>
        (c as { answer: { errors?: Array<{ extensions: { code: string } }> } }).answer.errors?.[0]?.extensions.code,
    );
    expect(codes).toEqual([
      undefined,
      undefined,
      undefined,
      'NOT_FOUND',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      undefined,
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    compiled.forEach((answer, i) => expect(answer).toEqual(interpreted[i]));
  });
});
