import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Express, Request, RequestHandler, Response } from 'express';
import { answerWith } from './compiled-executor.js';
import type { KnownOperations } from './known-operations.js';

/** The largest JSON body accepted on /graphql (the same as the body parser's elsewhere). */
export const GRAPHQL_BODY_LIMIT = 1024 * 1024;

export interface GraphqlHttpOptions {
  /** The Express application that answers everything this handler leaves to it. */
  express: Express;
  /** Sets the request's id (and its response header), as for every other request. */
  requestId: (req: Request, res: Response) => void;
  /** The client-error throttle's middleware (answers 429 itself, or calls next). */
  throttle: RequestHandler;
  /** The started Apollo server and the context of one request: known once the application has started. */
  apollo: () => {
    server: ApolloServer<BaseContext>;
    context: (args: { req: Request; res: Response }) => unknown;
    /** Answers queries answered before without Apollo's pipeline (known-operations.ts). */
    known?: KnownOperations;
  };
}

const JSON_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

/**
 * The GraphQL requests that make up nearly all of the API's traffic — `POST /graphql` with a JSON body of
 * a known length — go to Apollo Server straight from Node's HTTP server: Express's router walked every
 * middleware and route for them and its body parser re-checked the type and charset, a fifth of the CPU
 * of a small request (docs/performance.md). The request and response still have Express's methods
 * (`req.ip` behind trusted proxies, `req.get`: express-adapter.ts), the request id, the client-error throttle and the same
 * 1 MB limit. Everything else (GET, other paths, other content types, compressed or chunked bodies,
 * bodies over the limit) goes to Express as before. Returns the `request` listener of the HTTP server.
 */
export function graphqlHttpHandler(options: GraphqlHttpOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { express } = options;
  return (req, res) => {
    if (!handles(req)) {
      express(req, res);
      return;
    }
    const request = req as Request;
    const response = res as Response;
    // what Express's app.handle does before its router; the server's classes already have Express's
    // prototypes (express-adapter.ts): changing a live object's prototype would slow every later access
    if (Object.getPrototypeOf(Object.getPrototypeOf(request)) !== express.request) {
      Object.setPrototypeOf(request, express.request);
      Object.setPrototypeOf(response, express.response);
    }
    request.res = response;
    response.req = request;
    response.locals ??= Object.create(null);
    options.requestId(request, response);
    options.throttle(request, response, (error?: unknown) => {
      if (error) return fail(response, error);
      readJson(
        request,
        response,
        (body) => void execute(options, request, response, body).catch((e) => fail(response, e)),
      );
    });
  };
}

/** POST /graphql (a query string allowed), a JSON body in UTF-8 of a stated length within the limit, not compressed. */
function handles(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  if (url !== '/graphql' && !url.startsWith('/graphql?')) return false;
  const { headers } = req;
  const length = headers['content-length'];
  if (length === undefined || headers['transfer-encoding'] !== undefined) return false;
  if (headers['content-encoding'] !== undefined && headers['content-encoding'] !== 'identity') return false;
  const type = headers['content-type'];
  return type !== undefined && JSON_TYPE.test(type) && Number(length) <= GRAPHQL_BODY_LIMIT;
}

/** Reads the body and parses it; a body that is not JSON is answered 400 as the body parser answers it. */
function readJson(req: Request, res: Response, then: (body: unknown) => void) {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('error', (error) => fail(res, error));
  req.on('end', () => {
    const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return badRequest(res, (error as Error).message);
    }
    // as the body parser's strict mode: an object (an operation) or an array (a batch, which Apollo refuses)
    if (typeof body !== 'object' || body === null) return badRequest(res, 'The body must be a JSON object');
    then(body);
  });
}

async function execute(options: GraphqlHttpOptions, req: Request, res: Response, body: unknown) {
  const { server, context, known } = options.apollo();
  const knownAnswer =
    known && (await known.answer(req, body as object, async () => context({ req, res })).catch(() => undefined));
  if (knownAnswer && 'text' in knownAnswer) {
    // a known query answered again: the headers Apollo and the HTTP status hook give an answer without errors
    res.statusCode = 200;
    res.setHeader('content-type', knownAnswer.contentType);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-length', Buffer.byteLength(knownAnswer.text));
    res.end(knownAnswer.text);
    return;
  }
  // a known query's answer with errors: Apollo answers it from the result, without running the query again
  const ran = knownAnswer && 'result' in knownAnswer ? knownAnswer : undefined;
  if (ran) answerWith(req, ran.result);
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const answer = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: query === -1 ? '' : url.slice(query), body },
    context: async () => (ran?.contextValue ?? (await context({ req, res }))) as BaseContext,
  });
  for (const [key, value] of answer.headers) res.setHeader(key, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(answer.body.string));
    res.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}

function badRequest(res: Response, message: string) {
  send(res, 400, { message, error: 'Bad Request', statusCode: 400 });
}

function fail(res: Response, error: unknown) {
  new Logger('GraphQL').error(
    `request ${(res.req as { requestId?: string } | undefined)?.requestId ?? '-'}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  if (res.headersSent) return void res.destroy(error instanceof Error ? error : undefined);
  send(res, 500, { message: 'Internal server error', statusCode: 500 });
}

function send(res: Response, status: number, body: object) {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}
