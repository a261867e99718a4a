import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app.js';
import { dataSource, promote, registerUser, TestUser } from './fixtures.js';

export const ACTORS = ['anonymous', 'outsider', 'member', 'admin', 'owner', 'moderator'] as const;
export type Actor = (typeof ACTORS)[number];
export type Cast = Record<Exclude<Actor, 'anonymous'>, TestUser>;

/** One signed-in user per role; roles in an organization are granted per row by `orgWithRoles`. */
export async function cast(t: TestApp): Promise<Cast> {
  const [outsider, member, admin, owner, moderator] = await Promise.all(
    ['outsider', 'member', 'admin', 'owner', 'moderator'].map((name) => registerUser(t, name)),
  );
  return { outsider, member, admin, owner, moderator: await promote(t, moderator, 'MODERATOR') };
}

/** A fresh organization (inserted directly) where the cast holds OWNER, ADMIN and MEMBER. */
export function orgWithRoles(t: TestApp, c: Cast, columns: Record<string, unknown> = {}): Promise<string> {
  return insertOrg(
    t,
    [
      [c.owner, 'OWNER'],
      [c.admin, 'ADMIN'],
      [c.member, 'MEMBER'],
    ],
    columns,
  );
}

/** A fresh organization owned by someone else (a third party in the row). */
export function orgOwnedBy(t: TestApp, owner: TestUser, columns: Record<string, unknown> = {}): Promise<string> {
  return insertOrg(t, [[owner, 'OWNER']], columns);
}

async function insertOrg(
  t: TestApp,
  members: Array<[TestUser, string]>,
  columns: Record<string, unknown>,
): Promise<string> {
  const values = {
    slug: `org-${randomBytes(5).toString('hex')}`,
    name: 'Authorization test organization',
    kind: 'DIASPORA_ORGANIZATION',
    countries_of_origin: ['GH'],
    countries_of_residence: ['FR'],
    themes: ['EDUCATION', 'HEALTH'],
    legally_registered: true,
    founded_year: 2010,
    ...columns,
  };
  const keys = Object.keys(values);
  const [{ id }] = await dataSource(t).query(
    `INSERT INTO organization (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(values),
  );
  for (const [user, role] of members) {
    await dataSource(t).query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, $3)`, [
      user.id,
      id,
      role,
    ]);
  }
  return id;
}

/**
 * Reads `field` of `query` as every viewer: the owning organization's members (the cast's member,
 * admin and owner) and the moderator get `expected`; anonymous, the outsider and `third` (owner of
 * another organization) get NOT_FOUND.
 */
export async function expectVisibleToOwnersAndModerators(
  t: TestApp,
  c: Cast,
  third: TestUser,
  read: { query: string; variables: Record<string, unknown>; field: string; expected: unknown },
): Promise<void> {
  for (const [user, visible] of [
    [undefined, false],
    [c.outsider, false],
    [third, false],
    [c.member, true],
    [c.admin, true],
    [c.owner, true],
    [c.moderator, true],
  ] as Array<[TestUser | undefined, boolean]>) {
    const res = await t.gql(read.query, read.variables, user?.token);
    if (visible) expect(res.data?.[read.field]).toEqual(read.expected);
    else expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  }
}

/** A digest of whole tables, to prove a refused call wrote nothing. */
export async function snapshot(t: TestApp, tables: string[]): Promise<string> {
  const parts = await Promise.all(
    tables.map(async (table) => {
      const [{ digest }] = await dataSource(t).query(
        `SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS digest FROM ${table} x`,
      );
      return `${table}:${digest}`;
    }),
  );
  return parts.join(',');
}

export interface AuthzRow {
  name: string;
  /** Actors whose call succeeds. */
  allowed: Actor[];
  /** The code for refused signed-in actors (default FORBIDDEN), per actor when it differs. */
  refused?: Partial<Record<Actor, string>>;
  tables: string[];
  /** Builds fresh state for one attempt and returns the operation to try. */
  prepare: () => Promise<{ query: string; variables: Record<string, unknown> }>;
}

/** Tries every row as every actor: allowed ones succeed; refused ones get their code and write nothing. */
export async function runAuthzTable(t: TestApp, c: Cast, rows: AuthzRow[]): Promise<void> {
  const failures: string[] = [];
  for (const row of rows) {
    for (const actor of ACTORS) {
      const { query, variables } = await row.prepare();
      const before = await snapshot(t, row.tables);
      const token = actor === 'anonymous' ? undefined : c[actor].token;
      const res = await t.gql(query, variables, token);
      const code = res.errors?.[0]?.extensions?.code;
      if (row.allowed.includes(actor)) {
        if (res.errors)
          failures.push(`${row.name} as ${actor}: expected success, got ${code} ${res.errors[0].message}`);
        continue;
      }
      const expected = actor === 'anonymous' ? 'UNAUTHENTICATED' : (row.refused?.[actor] ?? 'FORBIDDEN');
      if (code !== expected) failures.push(`${row.name} as ${actor}: expected ${expected}, got ${code ?? 'success'}`);
      if ((await snapshot(t, row.tables)) !== before) failures.push(`${row.name} as ${actor}: refused but wrote data`);
    }
  }
  if (failures.length) throw new Error(`Authorization table failures:\n${failures.join('\n')}`);
}
