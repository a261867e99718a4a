import { byIdLoader, groupedLoader, LoaderRegistry } from '../graphql/loaders.js';

interface Row {
  id: string;
  owner: string;
  partner?: string;
}

/** A batch query that records the keys of every call and answers the given rows. */
function query(rows: Row[]) {
  const calls: Array<readonly string[]> = [];
  return {
    calls,
    run: async (keys: readonly string[]) => {
      calls.push([...keys]);
      return rows;
    },
  };
}

describe('byIdLoader', () => {
  it('answers each key its row, null for a key without one, in one query per batch', async () => {
    const q = query([
      { id: 'b', owner: 'x' },
      { id: 'a', owner: 'y' },
    ]);
    const loader = byIdLoader(q.run, (row: Row) => row.id);
    const [a, missing, b] = await Promise.all([loader.load('a'), loader.load('z'), loader.load('b')]);
    expect([a?.owner, missing, b?.owner]).toEqual(['y', null, 'x']);
    expect(q.calls).toEqual([['a', 'z', 'b']]);
  });

  it('matches by any key the caller names (the latest row per owner)', async () => {
    const q = query([{ id: '1', owner: 'x' }]);
    const loader = byIdLoader(q.run, (row: Row) => row.owner);
    expect(await loader.loadMany(['x', 'y'])).toEqual([{ id: '1', owner: 'x' }, null]);
  });
});

describe('groupedLoader', () => {
  it('groups the rows of every key in the order the query answers them, [] for a key without rows', async () => {
    const rows = [
      { id: '3', owner: 'x' },
      { id: '1', owner: 'y' },
      { id: '2', owner: 'x' },
    ];
    const q = query(rows);
    const loader = groupedLoader(q.run, (row: Row) => row.owner);
    const [x, none, y] = await Promise.all([loader.load('x'), loader.load('none'), loader.load('y')]);
    expect(x.map((r) => r.id)).toEqual(['3', '2']);
    expect(none).toEqual([]);
    expect(y.map((r) => r.id)).toEqual(['1']);
    expect(q.calls).toHaveLength(1);
  });

  it('puts a row under each of its keys, once per key', async () => {
    const q = query([
      { id: 'p1', owner: 'x', partner: 'y' },
      { id: 'p2', owner: 'y', partner: 'y' },
    ]);
    const loader = groupedLoader(q.run, (row: Row) => [row.owner, row.partner ?? row.owner]);
    const [x, y] = await loader.loadMany(['x', 'y']);
    expect((x as Row[]).map((r) => r.id)).toEqual(['p1']);
    expect((y as Row[]).map((r) => r.id)).toEqual(['p1', 'p2']);
  });

  it('answers what valueOf picks of each row', async () => {
    const q = query([
      { id: 'n1', owner: 'x' },
      { id: 'n2', owner: 'x' },
    ]);
    const loader = groupedLoader(
      q.run,
      (row: Row) => row.owner,
      (row) => row.id,
    );
    expect(await loader.load('x')).toEqual(['n1', 'n2']);
  });
});

describe('LoaderRegistry', () => {
  it("makes a lib's loaders when a request first reads them, once per request", () => {
    const registry = new LoaderRegistry();
    const made: string[] = [];
    registry.register('first' as never, (() => (made.push('first'), { name: 'first' })) as never);
    registry.register('second' as never, (() => (made.push('second'), { name: 'second' })) as never);
    const req = {} as never;
    const one = registry.create(req) as unknown as Record<string, { name: string }>;
    expect(made).toEqual([]);
    expect(one.first.name).toBe('first');
    expect(one.first).toBe(one.first);
    expect(made).toEqual(['first']);
    const two = registry.create(req) as unknown as Record<string, { name: string }>;
    expect(two.first).not.toBe(one.first);
    expect(made).toEqual(['first', 'first']);
  });
});
