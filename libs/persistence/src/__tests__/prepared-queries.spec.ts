import { DataSource, QueryFailedError } from 'typeorm';
import type { AppConfig } from '@app/config';
import { EmbeddedDatabase } from '../embedded-database.js';
import { PreparedQueries } from '../prepared-queries.js';
import { QueryCounterLogger } from '../query-counter.js';

/**
 * PreparedQueries on a real PostgreSQL protocol (the embedded database's socket, one connection, as a server's
 * session would be): named statements are prepared once per connection and reused, counted like any query,
 * and their errors are TypeORM's; on the embedded database itself nothing is prepared.
 */
describe('PreparedQueries', () => {
  let database: EmbeddedDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = new EmbeddedDatabase();
    const url = await database.start(undefined, 2);
    dataSource = await new DataSource({
      type: 'postgres',
      url,
      logger: new QueryCounterLogger(),
      extra: { max: 1 },
    }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.stop();
  });

  const prepared = (embedded: boolean) => new PreparedQueries(dataSource, { embedded } as AppConfig);
  const statements = async () =>
    (await dataSource.query(`SELECT name, statement FROM pg_prepared_statements ORDER BY name`)) as Array<{
      name: string;
      statement: string;
    }>;

  it('prepares a statement once per connection and runs it with new parameters', async () => {
    const queries = prepared(false);
    const counted = QueryCounterLogger.count;
    expect(await queries.query('double', 'SELECT $1::int * 2 AS n', [21])).toEqual([{ n: 42 }]);
    expect(await queries.query('double', 'SELECT $1::int * 2 AS n', [4])).toEqual([{ n: 8 }]);
    expect(QueryCounterLogger.count - counted).toBe(2);
    const named = (await statements()).filter((s) => s.name.startsWith('double#'));
    expect(named).toEqual([{ name: expect.stringMatching(/^double#\d+$/), statement: 'SELECT $1::int * 2 AS n' }]);
  });

  it("fails with TypeORM's QueryFailedError, naming the statement", async () => {
    const error = await prepared(false)
      .query('broken', 'SELECT 1 / $1::int AS n', [0])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError).query).toBe('SELECT 1 / $1::int AS n');
    expect((error as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
  });

  it('prepares nothing on the embedded database (one session for every connection)', async () => {
    expect(await prepared(true).query('triple', 'SELECT $1::int * 3 AS n', [3])).toEqual([{ n: 9 }]);
    expect((await statements()).some((s) => s.name.startsWith('triple'))).toBe(false);
  });
});
