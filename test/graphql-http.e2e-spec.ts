import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { TestApp } from './support/test-app.js';

type Errors = { errors: { message: string; extensions?: { code?: string } }[] };

/**
 * POST /graphql with a JSON body is answered without Express's router (apps/api/src/graphql/graphql-http.ts);
 * everything else still goes through Express. Both must answer alike.
 */
describe('GraphQL over HTTP: the direct path for JSON posts and the Express path for the rest', () => {
  let t: TestApp;
  let expressCalls = 0;
  const typename = JSON.stringify({ query: '{ __typename }' });

  beforeAll(async () => {
    t = await TestApp.start({ TRUSTED_PROXIES: 'loopback', CLIENT_ERROR_LIMIT: '6' });
    // counts the requests the Express application handles
    // (Express's app.handle, which its type declarations leave out)
    const express = t.app.getHttpAdapter().getInstance() as unknown as { handle: (...args: unknown[]) => unknown };
    const handle = express.handle.bind(express);
    express.handle = (...args: unknown[]) => {
      expressCalls++;
      return handle(...args);
    };
  });
  afterAll(() => t?.close());

  const post = (body: string | Buffer, headers: Record<string, string> = {}, path = '/graphql') =>
    fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers a JSON post without Express, with the same headers as before', async () => {
    const before = expressCalls;
    const res = await post(typename, { 'x-request-id': 'req-42' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    expect(res.headers.get('x-request-id')).toBe('req-42');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // a query string and a charset are allowed on the direct path too
    const withQuery = await post(typename, { 'content-type': 'application/json; charset=UTF-8' }, '/graphql?op=x');
    expect(await withQuery.json()).toEqual({ data: { __typename: 'Query' } });
    expect(expressCalls).toBe(before);
  });

  it("makes requests and responses with Express's methods and never changes their prototypes on the direct path", async () => {
    // a changed prototype gives the object a slow shape for every later access (express-adapter.ts)
    const server = t.app.getHttpServer();
    const seen: { req: object; res: object; reqProto: object; resProto: object }[] = [];
    const spy = (req: object, res: object) =>
      seen.push({ req, res, reqProto: Object.getPrototypeOf(req), resProto: Object.getPrototypeOf(res) });
    server.prependListener('request', spy);
    try {
      expect(await (await post(typename)).json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      server.removeListener('request', spy);
    }
    expect(seen).toHaveLength(1);
    const [{ req, res, reqProto, resProto }] = seen;
    expect(typeof (req as { get?: unknown }).get).toBe('function'); // Express's, from the start
    expect(typeof (res as { cookie?: unknown }).cookie).toBe('function');
    expect(Object.getPrototypeOf(req)).toBe(reqProto);
    expect(Object.getPrototypeOf(res)).toBe(resProto);
  });

  it('gives a request without a usable id a new one', async () => {
    const res = await post(typename, { 'x-request-id': 'not a token; <script>' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body that is not JSON, or not an object, with 400 and a JSON message', async () => {
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const text = await post('"{ __typename }"');
    expect(text.status).toBe(400);
    expect(((await text.json()) as { message: string }).message).toBe('The body must be a JSON object');
    const batch = await post(`[${typename}]`);
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as Errors).errors[0].message).toBe('Operation batching disabled.');
  });

  it('answers the variables and errors of an operation as Apollo writes them', async () => {
    const res = await post(JSON.stringify({ query: 'query($n: Int!) { organizations(first: $n) { totalCount } }' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as Errors).errors[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('leaves bodies over 1 MB, compressed and chunked bodies, GET and other paths to Express', async () => {
    const before = expressCalls;
    const big = await post(JSON.stringify({ query: `{ __typename }${' '.repeat(1024 * 1024)}` }));
    expect(big.status).toBe(413);
    const gzip = await post(gzipSync(typename), { 'content-encoding': 'gzip' });
    expect(await gzip.json()).toEqual({ data: { __typename: 'Query' } });
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(typename.slice(0, 5));
      req.end(typename.slice(5));
    });
    expect(chunked).toEqual({ status: 200, body: JSON.stringify({ data: { __typename: 'Query' } }) + '\n' });
    const csrf = await post(typename, { 'content-type': 'text/plain' });
    expect(csrf.status).toBe(400);
    expect(expressCalls).toBe(before + 4);
  });

  it('believes X-Forwarded-For only from a trusted proxy, as Express does (the throttle counts per client)', async () => {
    // a refused operation (400) counts against its client; CLIENT_ERROR_LIMIT is 6 here
    const refuse = (client: string) =>
      post(JSON.stringify({ query: '{ nope }' }), { 'x-forwarded-for': client }).then((r) => r.status);
    const first = [];
    for (let i = 0; i < 6; i++) first.push(await refuse('203.0.113.7'));
    expect(first).toEqual([400, 400, 400, 400, 400, 400]);
    expect(await refuse('203.0.113.7')).toBe(429);
    // another client behind the same (trusted, loopback) proxy is not held back
    expect(await refuse('203.0.113.8')).toBe(400);
  });
});
