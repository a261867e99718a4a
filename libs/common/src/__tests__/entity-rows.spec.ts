import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { ObjectLiteral, Repository } from 'typeorm';
import { entityRows } from '../pagination/entity-rows.js';

/**
 * entityRows assigns most columns' values as node-postgres returns them and leaves the rest to
 * TypeORM: whatever the column, the entity must hold what TypeORM's own hydration
 * (prepareHydratedValue, then setEntityValue) would give it.
 */
interface FakeColumn {
  propertyName: string;
  databaseName: string;
  type: unknown;
  isSelect: boolean;
  isArray?: boolean;
  enum?: unknown[];
  utc?: boolean;
  transformer?: { from: (value: unknown) => unknown; to: (value: unknown) => unknown };
  setEntityValue(entity: ObjectLiteral, value: unknown): void;
}

const column = (name: string, type: unknown, extra: Partial<FakeColumn> = {}): FakeColumn => ({
  propertyName: name,
  databaseName: `${name}_column`,
  type,
  isSelect: true,
  setEntityValue(entity, value) {
    entity[name] = value;
  },
  ...extra,
});

const COLUMNS: FakeColumn[] = [
  column('id', 'uuid'),
  column('name', 'varchar'),
  column('text', 'text'),
  column('design', String),
  column('count', 'int'),
  column('small', 'smallint'),
  column('big', 'bigint'),
  column('amount', 'numeric'),
  column('ratio', 'float8'),
  column('currency', 'char'),
  column('flag', Boolean),
  column('nullableFlag', 'boolean'),
  column('data', 'jsonb'),
  column('createdAt', 'timestamptz'),
  column('day', 'date'),
  column('codes', 'text', { isArray: true }),
  column('sdgs', 'smallint', { isArray: true }),
  column('kind', 'enum', { enum: ['NGO', 'FUNDER'] }),
  column('level', 'enum', { enum: [1, 2, 'THREE'] }),
  column('kinds', 'enum', { enum: ['NGO', 'FUNDER'], isArray: true }),
  column('money', 'numeric', { transformer: { from: (v) => (v === null ? null : Number(v)), to: (v) => v } }),
  column('hidden', 'tsvector', { isSelect: false }),
];

const ROWS: Array<Record<string, unknown>> = [
  {
    id: 'c0a80121-7ac0-4e1a-9d3e-1f2a3b4c5d6e',
    name: 'Name',
    text: 'long text',
    design: 'x',
    count: 3,
    small: 2,
    big: '9007199254740993',
    amount: '12.50',
    ratio: 0.25,
    currency: 'EUR',
    flag: true,
    nullableFlag: false,
    data: { a: [1, 2] },
    createdAt: new Date('2026-11-29T10:00:00.000Z'),
    day: new Date(2026, 10, 29),
    codes: ['GH', 'NG'],
    sdgs: [1, 6],
    kind: 'FUNDER',
    level: '2',
    kinds: '{NGO,FUNDER}',
    money: '3.10',
    hidden: "'water':1",
  },
  Object.fromEntries(COLUMNS.map((c) => [c.propertyName, null])),
  { id: 'c0a80121-7ac0-4e1a-9d3e-1f2a3b4c5d6e', createdAt: '2026-11-29T10:00:00.000Z', flag: 0, kinds: '{}' },
];

describe('entityRows', () => {
  const driver = Object.create(PostgresDriver.prototype) as PostgresDriver;
  const repository = {
    metadata: { columns: COLUMNS, create: () => ({}) },
    manager: { connection: { driver } },
  } as unknown as Repository<ObjectLiteral>;

  it.each(ROWS.map((row, i) => [i, row]))('maps row %i as TypeORM hydrates it', (_i, values) => {
    const row = Object.fromEntries(
      Object.entries(values as Record<string, unknown>).map(([name, value]) => [`p_${name}_column`, value]),
    );
    const expected: ObjectLiteral = {};
    for (const c of COLUMNS) {
      const key = `p_${c.databaseName}`;
      if (c.isSelect && key in row)
        c.setEntityValue(expected, driver.prepareHydratedValue(row[key], c as never) as unknown);
    }
    const mapped = entityRows(repository, 'p_')(row);
    expect(mapped).toEqual(expected);
    for (const name of Object.keys(expected)) expect([name, mapped[name]]).toStrictEqual([name, expected[name]]);
    expect('hidden' in mapped).toBe(false);
  });
});
