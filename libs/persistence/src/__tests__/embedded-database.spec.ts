import pg from 'pg';
import { EmbeddedDatabase, openEarly, takeEarly } from '../embedded-database.js';
import { discardPrewarmedThread, prewarmDatabaseThread, takePrewarmedThread } from '../embedded-thread.js';

/**
 * The embedded database runs PGlite in a worker thread (embedded-database.ts): it answers over its socket, dumps
 * its folder, stops cleanly, and its queries do not hold the main thread's event loop.
 */
describe('EmbeddedDatabase (PGlite in a worker thread)', () => {
  let database: EmbeddedDatabase;
  let url: string;

  beforeAll(async () => {
    database = new EmbeddedDatabase();
    url = await database.start(undefined, 4);
  });
  afterAll(() => database?.stop());

  async function query<T>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it('serves PostgreSQL on a loopback port and dumps its folder as .tar.gz', async () => {
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(await query<{ n: number }>('SELECT 1 + 1 AS n')).toEqual([{ n: 2 }]);
    const dump = await database.dump();
    expect(dump.length).toBeGreaterThan(1000);
    expect([dump[0], dump[1]]).toEqual([0x1f, 0x8b]); // gzip
  });

  it('runs a query without holding the main thread', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const started = performance.now();
      await query('SELECT count(*) FROM generate_series(1, 3000000)');
      const took = performance.now() - started;
      // PGlite in this thread would run the whole statement synchronously: no tick while it runs
      expect(took).toBeGreaterThan(100);
      expect(ticks).toBeGreaterThan(took / 5 / 4);
    } finally {
      clearInterval(timer);
    }
  });

  it('hands the database main.ts opened early to the first asker with the same arguments, once', async () => {
    openEarly(undefined, 2);
    expect(takeEarly(undefined, 3)).toBeUndefined();
    const early = takeEarly(undefined, 2);
    expect(early).toBeDefined();
    expect(takeEarly(undefined, 2)).toBeUndefined();
    try {
      expect(await early!.url).toMatch(/^postgres:\/\//);
    } finally {
      await early!.database.stop();
    }
  });

  it('opens the database in the thread the bundle’s entry started before the configuration was read', async () => {
    prewarmDatabaseThread();
    const other = new EmbeddedDatabase();
    try {
      const otherUrl = await other.start(undefined, 2);
      expect(takePrewarmedThread()).toBeUndefined(); // `start` took it
      const client = new pg.Client({ connectionString: otherUrl });
      await client.connect();
      // PGlite's default is 128MB, which PostgreSQL zeroes at every start (embedded-thread.ts)
      expect((await client.query("SELECT current_setting('shared_buffers') AS s")).rows).toEqual([{ s: '16MB' }]);
      await client.end();
    } finally {
      await other.stop();
    }
    prewarmDatabaseThread();
    discardPrewarmedThread(); // the configuration named a PostgreSQL server after all
    expect(takePrewarmedThread()).toBeUndefined();
  });

  it('refuses connections once stopped', async () => {
    const other = new EmbeddedDatabase();
    const otherUrl = await other.start(undefined, 2);
    await other.stop();
    const client = new pg.Client({ connectionString: otherUrl, connectionTimeoutMillis: 2000 });
    await expect(client.connect()).rejects.toThrow();
    await expect(other.dump()).rejects.toThrow('not open');
  });
});
