import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';

/**
 * Nest's Express adapter, with the HTTP server made so that every request and response is created with
 * Express's methods on its prototype chain (`req.ip`, `req.get`, `res.cookie`, …) instead of getting them
 * from `Object.setPrototypeOf` once it has been created, as Express does for each request. Changing the
 * prototype of a live object makes V8 give it a new, slow shape: every property Node's HTTP code then
 * reads or writes on that request and response is looked up the slow way. A plain node:http server
 * answering a small JSON body took 0.03 ms of CPU per request; the same with the two prototypes changed,
 * 0.11–0.13 ms; with classes made once whose prototypes inherit Express's, 0.03–0.05 ms (docs/performance.md).
 * The GraphQL requests (graphql-http.ts) then never change a prototype; the rest still go through Express,
 * which sets them again.
 */
export class ExpressPrototypesAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    // HTTPS and Nest's connection tracking are made by Nest (this API uses neither: TLS ends at the proxy)
    if (options?.httpsOptions || options?.forceCloseConnections || options?.return503OnClosing) {
      return super.initHttpServer(options);
    }
    const app = this.getInstance<Express>();
    this.httpServer = createServer(
      {
        IncomingMessage: inheriting(IncomingMessage, app.request),
        ServerResponse: inheriting(ServerResponse, app.response) as typeof ServerResponse,
      },
      app,
    );
  }
}

/** A subclass of `base` whose instances also have the methods of `methods` (itself inheriting `base`'s prototype). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base constructor takes any[]
function inheriting<T extends new (...args: any[]) => object>(base: T, methods: object): T {
  const Inheriting = class extends base {};
  Object.setPrototypeOf(Inheriting.prototype, methods);
  return Inheriting;
}
