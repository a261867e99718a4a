import { jest } from '@jest/globals';
import { QueryCounterLogger } from '@app/persistence';
import { TestApp } from './support/test-app.js';
import { createOrg, dataSource, registerUser } from './support/fixtures.js';
import { projectInput } from './support/project-input.js';

const TOTAL = `query($search: String) { organizations(first: 2, search: $search) { totalCount nodes { id } } }`;

/**
 * The totals of unfiltered organization lists come from `row_count`, kept by statement triggers
 * (migration RowCounts): they must equal count(*) after every kind of change, rolled-back ones included.
 */
describe('Row counts of whole tables', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  const actual = async (table: string) =>
    Number((await dataSource(t).query(`SELECT count(*)::int AS n FROM "${table}"`))[0].n);
  const total = async (): Promise<number> => (await t.ok(TOTAL)).organizations.totalCount;
  const expectExact = async () => expect(await total()).toBe(await actual('organization'));

  /** The SQL statements a call sends. */
  async function sqlOf(call: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const spy = jest.spyOn(QueryCounterLogger.prototype, 'logQuery').mockImplementation(function (
      this: QueryCounterLogger,
      sql: string,
    ) {
      QueryCounterLogger.count++;
      seen.push(sql);
    });
    try {
      await call();
    } finally {
      spy.mockRestore();
    }
    return seen;
  }

  it('stay exact through inserts, bulk inserts, deletes and rolled-back changes', async () => {
    await expectExact();
    const owner = await registerUser(t, 'rowcounts');
    const { id: organizationId } = await createOrg(t, owner, { name: 'Counted association' });
    await t.ok(
      `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
      { i: projectInput(organizationId) },
      owner.token,
    );
    await expectExact();
    const ds = dataSource(t);
    await ds.query(`
      INSERT INTO organization (slug, name, kind) SELECT 'bulk-' || i, 'Bulk ' || i, 'DIASPORA_ORGANIZATION'
        FROM generate_series(1, 25) AS i`);
    await expectExact();
    await ds.query(`DELETE FROM organization WHERE slug IN ('bulk-1', 'bulk-2', 'bulk-3')`);
    await expectExact();
    await ds
      .transaction(async (manager) => {
        await manager.query(`DELETE FROM organization WHERE slug LIKE 'bulk-%'`);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await expectExact();
    expect(await total()).toBeGreaterThan(20);
  });

  it('reads the kept number for a whole table, and counts the rows of a filtered list', async () => {
    const whole = await sqlOf(() => t.ok(TOTAL));
    expect(whole.join('\n')).toMatch(/"row_count"/);
    const filtered = await sqlOf(() => t.ok(TOTAL, { search: 'bulk' }));
    expect(filtered.join('\n')).not.toMatch(/row_count/);
    const bulk = await dataSource(t).query(`SELECT count(*)::int AS n FROM organization WHERE slug LIKE 'bulk-%'`);
    expect((await t.ok(TOTAL, { search: 'bulk' })).organizations.totalCount).toBe(bulk[0].n);
  });

  it('counts the rows when the kept number is missing, and keeps 0 after TRUNCATE', async () => {
    const ds = dataSource(t);
    await ds.query(`UPDATE row_count SET n = -1 WHERE table_name = 'organization'`);
    expect(await total()).toBe(-1); // (the kept number is what is read)
    await ds.query(`DELETE FROM row_count WHERE table_name = 'organization'`);
    await expectExact();
    await ds.query(`INSERT INTO row_count (table_name, n) SELECT 'organization', count(*) FROM organization`);
    await ds.query('TRUNCATE organization CASCADE');
    await expectExact();
    expect(await total()).toBe(0);
  });
});
