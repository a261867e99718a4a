import { loadAll, ReferenceLoader } from '../reference-data.service.js';

describe('ReferenceLoader and loadAll', () => {
  const table = new Map([
    ['GH', { code: 'GH', name: 'Ghana' }],
    ['NG', { code: 'NG', name: 'Nigeria' }],
  ]);

  it('batches while the tables are not in memory, then answers from them at once', async () => {
    const state: { inMemory?: typeof table } = {};
    const batches: string[][] = [];
    const loader = new ReferenceLoader(
      () => state.inMemory,
      async (keys: readonly string[]) => {
        batches.push([...keys]);
        return keys.map((key) => table.get(key) ?? null);
      },
    );
    const first = loadAll(loader, ['NG', 'XX', 'GH']);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual([table.get('NG'), table.get('GH')]);
    expect(batches).toEqual([['NG', 'XX', 'GH']]);

    state.inMemory = table;
    // a plain array, in the codes' order, unknown codes dropped, no batch
    expect(loadAll(loader, ['GH', 'XX', 'NG'])).toEqual([table.get('GH'), table.get('NG')]);
    expect(await loader.load('NG')).toBe(table.get('NG'));
    expect(await loader.loadMany(['XX', 'GH'])).toEqual([null, table.get('GH')]);
    expect(batches).toHaveLength(1);
    expect(loadAll(loader, [])).toEqual([]);
    expect(loadAll(loader, null)).toEqual([]);
  });
});
