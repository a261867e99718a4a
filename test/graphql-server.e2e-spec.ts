import { TestApp } from './support/test-app.js';

describe('GraphQL server: limits, CSRF, explorer, health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COMPLEXITY: '500', GRAPHQL_EXPLORER: 'true' });
  });
  afterAll(() => t?.close());

  it('rejects a query nested too deeply (a validation error that names the limit)', async () => {
    const deep = `{ organizations { nodes { networks { memberOrganizations { networks { memberOrganizations { name } } } } } } }`;
    const res = await t.gql(deep);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toBe('The query is 7 levels deep; the maximum is 6');
    expect(res.data).toBeUndefined();
  });

  it('rejects a query that costs too much with QUERY_TOO_COMPLEX', async () => {
    const costly = `{ organizations(first: 100) { nodes { name networks { name memberOrganizations { name slug } } } } }`;
    const res = await t.gql(costly);
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const cheap = await t.gql(`{ organizations(first: 10) { nodes { name } } }`);
    expect(cheap.errors).toBeUndefined();
  });

  it('blocks simple (CSRF-able) requests and accepts JSON ones', async () => {
    const simple = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ themes { code } }')}`);
    expect(simple.status).toBe(400);
    const form = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ themes { code } }' }),
    });
    expect(form.status).toBe(400);
  });

  it('tells every cache not to keep an answer (cache-control: no-store)', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ themes { code } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the GraphiQL explorer and its assets from node_modules (works offline)', async () => {
    const page = await fetch(`${t.url}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    for (const asset of [
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
      'graphiql.min.css',
    ]) {
      const res = await fetch(`${t.url}/graphiql/assets/${asset}`);
      expect(res.status).toBe(200);
    }
    expect((await fetch(`${t.url}/graphiql/assets/secret.txt`)).status).toBe(404);
  });

  it('reports health with the database reachable', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' });
  });
});

describe('GraphQL server in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ NODE_ENV: 'production', JWT_SECRET: 'q'.repeat(48) });
  });
  afterAll(() => t?.close());

  it('turns introspection and the explorer off by default', async () => {
    const res = await t.gql(`{ __schema { types { name } } }`);
    expect(res.errors?.[0].message).toMatch(/introspection/i);
    expect((await fetch(`${t.url}/graphiql`)).status).toBe(404);
  });
});
