import type { ApolloServer } from '@apollo/server';
import { GraphQLModule } from '@nestjs/graphql';
import { QueryCounterLogger } from '@app/persistence';
import { TestApp } from './support/test-app.js';

/**
 * Queries answered before are answered again without Apollo Server's pipeline
 * (apps/api/src/graphql/known-operations.ts): the same answers and headers; answers with errors are answered by
 * Apollo from the result (the query runs once), and everything else — other answer types, charged work, mutations,
 * persisted queries — goes through Apollo.
 */
describe('Known queries answered without Apollo’s pipeline', () => {
  let t: TestApp;
  let apolloCalls = 0;

  beforeAll(async () => {
    t = await TestApp.start({ EXPENSIVE_BUDGET_POINTS: '600', EXPENSIVE_BUDGET_WINDOW_SECONDS: '60' });
    const apollo = (t.app.get(GraphQLModule).graphQlAdapter as unknown as { instance: ApolloServer }).instance;
    const run = apollo.executeHTTPGraphQLRequest.bind(apollo);
    apollo.executeHTTPGraphQLRequest = (...args) => {
      apolloCalls++;
      return run(...args);
    };
  });
  afterAll(() => t?.close());

  async function post(body: object, headers: Record<string, string> = {}) {
    const before = apolloCalls;
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const kept = [...res.headers].filter(([name]) => !['date', 'x-request-id'].includes(name));
    return { status: res.status, text, headers: Object.fromEntries(kept), viaApollo: apolloCalls > before };
  }

  const LIST = `query List($first: Int) { organizations(first: $first) { totalCount nodes { id name } } }`;

  it('answers a query Apollo answered and compiled, with the same body and headers', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post({ query: LIST, variables: { first: 3 } }));
    expect(answers.map((a) => a.viaApollo)).toEqual([true, true, false, false]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[3].headers).toEqual(answers[0].headers);
    expect(answers[3].headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answers[3].text)).toEqual({ data: { organizations: { totalCount: 0, nodes: [] } } });
    // other variables are checked by Apollo first; a named operation that is not in the document is Apollo's error
    expect((await post({ query: LIST, variables: { first: 5 } })).viaApollo).toBe(true);
    expect((await post({ query: LIST, variables: { first: 5 } })).viaApollo).toBe(false);
    const unnamed = await post({ query: LIST, variables: { first: 5 }, operationName: 'Other' });
    expect(unnamed).toMatchObject({ viaApollo: true, status: 400 });
  });

  it('negotiates the answer’s type as Apollo does: the portal’s urql asks application/graphql-response+json first', async () => {
    // the Accept header @urql/core sends with every query
    const URQL =
      'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';
    const query = { query: `query Portal { organizations(first: 2) { nodes { id } } }` };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await post(query, { accept: URQL }));
    expect(answers.map((a) => a.viaApollo)).toEqual([true, true, false]);
    expect(answers[2].headers).toEqual(answers[0].headers);
    expect(answers[2].headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(answers[2].text).toBe(answers[0].text);
    // the same query with a plain JSON preference gets JSON, directly too
    const json = await post(query, { accept: 'application/json;q=0.9, application/graphql-response+json;q=0.5' });
    expect(json).toMatchObject({ viaApollo: false, text: answers[0].text });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('sends answers with errors, other answer types and persisted-query requests through Apollo', async () => {
    const missing = { query: `query Missing { organization(slug: "nowhere") { id } }` };
    const errors = [];
    const statements: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = QueryCounterLogger.count;
      errors.push(await post(missing));
      statements.push(QueryCounterLogger.count - before);
    }
    // answered by Apollo every time, the third from the direct path's result: the query ran once each time
    expect(errors.every((a) => a.viaApollo)).toBe(true);
    expect(new Set(errors.map((a) => a.text)).size).toBe(1);
    expect(statements[0]).toBeGreaterThan(0);
    expect(new Set(statements).size).toBe(1);
    expect(JSON.parse(errors[2].text).errors[0].extensions.code).toBe('NOT_FOUND');

    const typename = { query: '{ __typename }' };
    for (let i = 0; i < 3; i++) await post(typename);
    expect((await post(typename)).viaApollo).toBe(false);
    // types Apollo does not answer a single result with (or answers another way) stay Apollo's
    const html = await post(typename, { accept: 'text/html' });
    expect(html.viaApollo).toBe(true);
    const callback = await post(typename, { accept: 'application/json; callbackSpec=1.0' });
    expect(callback.viaApollo).toBe(true);
    expect(callback.headers['content-type']).toMatch(/callbackSpec/);
    const persisted = await post({ ...typename, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } });
    expect(persisted.viaApollo).toBe(true);
  });

  it('never skips the budget of charged work (search) nor runs a mutation outside Apollo', async () => {
    const search = { query: `query S($q: String) { organizations(search: $q) { totalCount } }`, variables: { q: 'x' } };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(search));
    expect(answers.every((a) => a.viaApollo)).toBe(true);
    // 200 points each against a budget of 600: the fourth is refused
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);

    const mutation = { query: `mutation { logout(refreshToken: "none") }` };
    for (let i = 0; i < 3; i++) expect((await post(mutation)).viaApollo).toBe(true);
  });
});
