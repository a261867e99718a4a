import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { Redis } from 'ioredis';
import { AppConfig } from '@app/config';
import { createApiApp } from '../../apps/api/src/bootstrap.js';
import { adminQuery, createMigratedDatabase, embeddedTemplate } from './database-templates.js';

export interface GqlResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

/**
 * A fresh API for one test file: its own in-memory PGlite, or its own database on the server that
 * DATABASE_URL names (created here, dropped on close), so runs and workers never share state.
 */
export class TestApp {
  private constructor(
    readonly app: NestExpressApplication,
    readonly url: string,
    /** Drops the database this app created and deletes its Redis keys (queues, rate limits). */
    private readonly cleanUp: () => Promise<void>,
    /** The database this app uses on the DATABASE_URL server ('' for embedded PGlite). */
    readonly databaseUrl = '',
  ) {}

  /**
   * `options.databaseUrl`: share the database of another TestApp (several API instances on one
   * database); this app then neither creates nor drops it. `options.serverUrl`: create (and drop) the
   * app's database on this PostgreSQL server instead of the one DATABASE_URL names (fault tests).
   */
  static async start(
    env: Record<string, string> = {},
    options: { databaseUrl?: string; serverUrl?: string } = {},
  ): Promise<TestApp> {
    const serverUrl = options.serverUrl ?? process.env.DATABASE_URL;
    let databaseUrl = '';
    let dropDatabase = async () => {};
    if (options.databaseUrl) {
      databaseUrl = options.databaseUrl;
    } else if (serverUrl) {
      const name = `nexus_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      databaseUrl = await createMigratedDatabase(serverUrl, name);
      dropDatabase = async () => {
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
    }
    const config = AppConfig.load({
      ...process.env,
      NODE_ENV: 'test',
      DATA_DIR: 'memory',
      DATABASE_URL: databaseUrl,
      // an in-memory embedded database starts migrated (database-templates.ts)
      EMBEDDED_TEMPLATE: databaseUrl ? '' : await embeddedTemplate(),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      AUTH_RATE_LIMIT_MAX: '10000',
      CLIENT_ERROR_LIMIT: '1000000',
      REDIS_KEY_PREFIX: `test-${randomBytes(4).toString('hex')}:`,
      ...env,
    });
    const cleanUp = async () => {
      await dropDatabase();
      if (config.REDIS_URL) await deleteRedisKeys(config.REDIS_URL, config.REDIS_KEY_PREFIX);
    };
    let app: NestExpressApplication | undefined;
    try {
      app = await createApiApp(config);
      await app.listen(0, '127.0.0.1');
    } catch (error) {
      // an app that did not start leaves no database or keys behind either
      await app?.close().catch(() => undefined);
      await cleanUp().catch(() => undefined);
      throw error;
    }
    const address = app.getHttpServer().address() as { port: number };
    return new TestApp(app, `http://127.0.0.1:${address.port}`, cleanUp, databaseUrl);
  }

  /**
   * Sends one operation: a typed document from `test/generated` (`graphql(...)`: the result and the
   * variables are checked at compile time) or a query string (untyped result).
   */
  gql<R, V>(document: TypedDocumentNode<R, V>, ...rest: VariablesAndToken<V>): Promise<GqlResponse<R>>;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  async gql(
    query: string | DocumentNode,
    variables: unknown = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResponse<unknown>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query: source(query), variables: variables ?? {} }),
    });
    return (await res.json()) as GqlResponse<unknown>;
  }

  /** Like gql, but fails the test on any error and returns data. */
  ok<R, V>(document: TypedDocumentNode<R, V>, ...rest: VariablesAndToken<V>): Promise<R>;
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  async ok(query: string | DocumentNode, variables: unknown = {}, token?: string): Promise<unknown> {
    const res = await this.gql(query as string, variables as Record<string, unknown>, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  /** The code (extensions.code) of the first error of the call, undefined when it succeeds. */
  errorCode<R, V>(document: TypedDocumentNode<R, V>, ...rest: VariablesAndToken<V>): Promise<string | undefined>;
  errorCode(query: string, variables?: Record<string, unknown>, token?: string): Promise<string | undefined>;
  async errorCode(query: string | DocumentNode, variables: unknown = {}, token?: string): Promise<string | undefined> {
    return (await this.gql(query as string, variables as Record<string, unknown>, token)).errors?.[0].extensions?.code;
  }

  get<T>(type: new (...args: any[]) => T): T {
    return this.app.get(type);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.cleanUp();
  }
}

/**
 * The arguments after a typed document: its variables (optional when it has no required ones) and the
 * bearer token.
 */
type VariablesAndToken<V> =
  Record<string, never> extends V ? [variables?: V, token?: string] : [variables: V, token?: string];

const printed = new WeakMap<DocumentNode, string>();

/** The query text of a string or a parsed document (printed once per document). */
function source(query: string | DocumentNode): string {
  if (typeof query === 'string') return query;
  let text = printed.get(query);
  if (text === undefined) {
    text = print(query);
    printed.set(query, text);
  }
  return text;
}

/** Deletes every key under the app's prefix (several apps sharing one prefix delete it when the first closes). */
async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
