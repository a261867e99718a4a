import { createServer } from 'node:http';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';

/**
 * PostGraphile v4 for the API benchmark, through its library API on node:http: the `public` schema
 * (tables and foreign keys as they are) and `bench_pg` (bench-pg.ts: the directory's order and its
 * search as set-returning functions). Started by main.ts with DATABASE_URL, PORT and DB_POOL_SIZE.
 */

/**
 * PostGraphile 4 needs graphql 15 while the project has 16, so npm nests graphql 15 (and graphile-build)
 * twice: under postgraphile and under graphile-build-pg. Two copies of graphql break its type checks
 * ("Unexpected input type"), so in this process every `require('graphql…')` and `require('graphile-build…')`
 * resolves to postgraphile's own copy.
 */
function oneGraphqlCopy() {
  const postgraphileDir = dirname(createRequire(`${process.cwd()}/`).resolve('postgraphile/package.json'));
  const M = Module as unknown as {
    _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string;
    _nodeModulePaths: (dir: string) => string[];
  };
  const file = join(postgraphileDir, 'package.json');
  const postgraphileModule = { id: file, filename: file, paths: M._nodeModulePaths(postgraphileDir) };
  const shared = new Set(['graphql', 'graphile-build']);
  const resolve = M._resolveFilename;
  M._resolveFilename = function (this: unknown, request: string, parent: unknown, ...rest: unknown[]) {
    return resolve.call(this, request, shared.has(request.split('/')[0]) ? postgraphileModule : parent, ...rest);
  };
  return createRequire(file);
}

async function main() {
  const { postgraphile } = oneGraphqlCopy()('postgraphile') as {
    postgraphile: (pool: pg.Pool, schemas: string[], options: Record<string, unknown>) => any;
  };
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    options: '-c jit=off', // the API's session setting (libs/persistence): no JIT compilation of costly plans
  });
  const middleware = postgraphile(pool, ['public', 'bench_pg'], {
    graphqlRoute: '/graphql',
    graphiql: false,
    disableDefaultMutations: true,
    disableQueryLog: true,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    retryOnInitFail: false,
    watchPg: false,
    enableQueryBatching: false,
  });
  await middleware.getGraphQLSchema(); // introspection before "ready"
  createServer(middleware).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('bench:ready'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
