import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { NotificationOrganization1796020000001 } from '../libs/persistence/src/migrations/1796020000001-NotificationOrganization.js';
import { QueryCounterLogger } from '@app/persistence';
import { JobQueue } from '@app/queue';
import { TestApp } from './support/test-app.js';
import { createOrg, dataSource, promote, registerUser, TestUser } from './support/fixtures.js';
import { AuthzRow, cast, runAuthzTable } from './support/authz.js';
import { waitFor } from './support/notification-helpers.js';

const PAGE = `query($u: Boolean, $f: Int, $a: String) {
  myNotifications(unreadOnly: $u, first: $f, after: $a) { id cursor title readAt }
}`;
const COUNT = `{ unreadNotificationCount }`;
const MARK_ONE = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
const MARK_ALL = `mutation { markAllNotificationsRead }`;

interface Item {
  id: string;
  cursor: string;
  title: string;
  readAt: string | null;
}

/**
 * The notification centre: every notification can be read, page after page (a cursor, not a cap of
 * 100), the unread ones counted and all marked read at once; each names the organization it is about.
 */
describe('Notification centre', () => {
  let t: TestApp;
  let reader: TestUser;
  let other: TestUser;
  const TOTAL = 250;
  const READ = 40; // the oldest 40 are read already

  /** Every page of `unreadOnly` notifications, `size` at a time. */
  const readAll = async (user: TestUser, size: number, unreadOnly: boolean | null = null) => {
    const all: Item[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page: Item[] = (await t.ok(PAGE, { u: unreadOnly, f: size, a: after }, user.token)).myNotifications;
      all.push(...page);
      if (page.length < size) return { all, pages: pages + 1 };
      after = page[page.length - 1].cursor;
    }
    throw new Error('paging did not end');
  };

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL: '' });
    [reader, other] = await Promise.all(['reader', 'other'].map((name) => registerUser(t, name)));
    // 250 notifications, five per millisecond-distinct instant (ties are broken by id), the oldest read
    await dataSource(t).query(
      `INSERT INTO notification (user_id, kind, title, body, dedupe_key, created_at, read_at)
       SELECT $1, 'TEST', 'Notification ' || g, 'Body', 'test:' || g,
              timestamptz '2026-01-01' + (g / 5) * interval '1 minute',
              CASE WHEN g <= $3 THEN timestamptz '2026-06-01' END
         FROM generate_series(1, $2) g`,
      [reader.id, TOTAL, READ],
    );
    await dataSource(t).query(
      `INSERT INTO notification (user_id, kind, title, body, dedupe_key)
       SELECT $1, 'TEST', 'Other ' || g, 'Body', 'test:' || g FROM generate_series(1, 3) g`,
      [other.id],
    );
  });
  afterAll(() => t?.close());

  describe('in order', () => {
    it('reads every notification, newest first, a page at a time (no cap of 100)', async () => {
      const expected: Array<{ id: string }> = await dataSource(t).query(
        `SELECT id FROM notification WHERE user_id = $1 ORDER BY created_at DESC, id DESC`,
        [reader.id],
      );
      const { all, pages } = await readAll(reader, 100);
      expect(pages).toBe(3);
      expect(all.map((n) => n.id)).toEqual(expected.map((r) => r.id));
      // pages of 7 (ties across page boundaries included) give the same sequence
      expect((await readAll(reader, 7)).all.map((n) => n.id)).toEqual(expected.map((r) => r.id));
    });

    it('keeps old queries working: no arguments reads the 20 newest', async () => {
      const page = (await t.ok(`{ myNotifications { id title } }`, {}, reader.token)).myNotifications;
      expect(page).toHaveLength(20);
      expect(page[0].title).toBe(`Notification ${TOTAL}`);
    });

    it('pages the unread ones alike, and counts them', async () => {
      const { all } = await readAll(reader, 100, true);
      expect(all).toHaveLength(TOTAL - READ);
      expect(all.every((n) => n.readAt === null)).toBe(true);
      expect((await t.ok(COUNT, {}, reader.token)).unreadNotificationCount).toBe(TOTAL - READ);
      expect((await t.ok(COUNT, {}, other.token)).unreadNotificationCount).toBe(3);
    });

    it('refuses a cursor that is not one, naming the argument', async () => {
      for (const after of ['nonsense', Buffer.from('["2026-01-01", 3]').toString('base64url')]) {
        const res = await t.gql(PAGE, { f: 5, a: after }, reader.token);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
      const tooMany = await t.gql(PAGE, { f: 101 }, reader.token);
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('marks one read, then all: the count follows, and only the caller’s', async () => {
      const [newest] = (await t.ok(PAGE, { f: 1 }, reader.token)).myNotifications as Item[];
      await t.ok(MARK_ONE, { id: newest.id }, reader.token);
      expect((await t.ok(COUNT, {}, reader.token)).unreadNotificationCount).toBe(TOTAL - READ - 1);
      const before: Array<{ read_at: Date }> = await dataSource(t).query(
        `SELECT read_at FROM notification WHERE id = $1`,
        [newest.id],
      );
      expect((await t.ok(MARK_ALL, {}, reader.token)).markAllNotificationsRead).toBe(TOTAL - READ - 1);
      expect((await t.ok(COUNT, {}, reader.token)).unreadNotificationCount).toBe(0);
      expect((await readAll(reader, 100, true)).all).toHaveLength(0);
      // read ones keep their first readAt
      const after: Array<{ read_at: Date; n: number }> = await dataSource(t).query(
        `SELECT read_at, (SELECT count(*)::int FROM notification WHERE user_id = $2 AND read_at = '2026-06-01') AS n
           FROM notification WHERE id = $1`,
        [newest.id, reader.id],
      );
      expect(after[0].read_at).toEqual(before[0].read_at);
      expect(after[0].n).toBe(READ);
      // again: nothing left to mark; the other user's are untouched
      expect((await t.ok(MARK_ALL, {}, reader.token)).markAllNotificationsRead).toBe(0);
      expect((await t.ok(COUNT, {}, other.token)).unreadNotificationCount).toBe(3);
    });

    it('reads a page with the organizations in a fixed number of SQL statements, whatever its size', async () => {
      const orgs = await Promise.all([1, 2, 3].map((i) => createOrg(t, reader, { name: `Reader organization ${i}` })));
      await dataSource(t).query(
        `UPDATE notification SET organization_id = ($2::uuid[])[1 + (abs(hashtext(id::text)) % 3)] WHERE user_id = $1`,
        [reader.id, orgs.map((o) => o.id)],
      );
      const WITH_ORGANIZATION = `query($f: Int) { myNotifications(first: $f) { id organization { id name } } }`;
      const statements = async (first: number) => {
        const before = QueryCounterLogger.count;
        const page = (await t.ok(WITH_ORGANIZATION, { f: first }, reader.token)).myNotifications;
        expect(page).toHaveLength(first);
        expect(page.every((n: { organization: { name: string } }) => n.organization.name.startsWith('Reader'))).toBe(
          true,
        );
        return QueryCounterLogger.count - before;
      };
      const counts = [await statements(2), await statements(100)];
      console.info(`SQL statements: myNotifications with organizations (first 2/100) ${counts.join('/')}`);
      expect(counts[0]).toBe(counts[1]);
    });
  });

  it('names the organization a notification is about, also for notifications made before the column (backfill)', async () => {
    const owner = await registerUser(t, 'owner');
    const moderator = await promote(t, await registerUser(t, 'moderator'), 'MODERATOR');
    const org = await createOrg(t, owner, { name: 'Cameroonian Engineers of Berlin' });
    await t.ok(`mutation($id: ID!) { requestVerification(organizationId: $id) { id } }`, { id: org.id }, owner.token);
    await t.ok(
      `mutation($id: ID!) { decideVerification(organizationId: $id, approve: true) { id } }`,
      { id: org.id },
      moderator.token,
    );
    const ABOUT = `{ myNotifications { kind organization { id name } } }`;
    const decided = await waitFor(
      async () =>
        ((await t.ok(ABOUT, {}, owner.token)).myNotifications as Array<{ kind: string }>).find(
          (n) => n.kind === 'VERIFICATION_DECIDED',
        ),
      15_000,
      'the decision',
    );
    expect(decided).toEqual({ kind: 'VERIFICATION_DECIDED', organization: { id: org.id, name: org.name } });
    await t.app.get(JobQueue).onIdle();

    // notifications written before the column: the backfill of the migration finds their organization
    const fundId = randomUUID();
    await dataSource(t).query(
      `INSERT INTO notification (user_id, kind, title, body, link, dedupe_key)
       VALUES ($1, 'FUND_MATCH', 'A fund for you', 'Body', $2, $3)`,
      [owner.id, `/funds/${fundId}`, `FUND_MATCH:${fundId}:${org.id}`],
    );
    await dataSource(t).query(`UPDATE notification SET organization_id = NULL WHERE user_id = ANY($1)`, [
      [owner.id, moderator.id],
    ]);
    const backfill = async () =>
      new NotificationOrganization1796020000001().up({
        // only the data statements: the column and indexes exist already
        query: (sql: string, params?: unknown[]) =>
          sql.trimStart().startsWith('UPDATE') ? dataSource(t).query(sql, params) : Promise.resolve(),
      } as unknown as QueryRunner);
    const organizations = async (user: TestUser) =>
      Object.fromEntries(
        (
          (await t.ok(ABOUT, {}, user.token)).myNotifications as Array<{
            kind: string;
            organization: { id: string } | null;
          }>
        ).map((n) => [n.kind, n.organization?.id ?? null]),
      );
    await backfill();
    expect(await organizations(owner)).toEqual({ VERIFICATION_DECIDED: org.id, FUND_MATCH: org.id });
    expect(await organizations(moderator)).toEqual({ VERIFICATION_REQUESTED: null });

    // once the event is gone (outbox rows are deleted after a while), the link still says it
    await dataSource(t).query(`UPDATE notification SET organization_id = NULL WHERE user_id = $1`, [owner.id]);
    await dataSource(t).query(`DELETE FROM outbox_event WHERE type = 'VERIFICATION_DECIDED'`);
    await backfill();
    expect(await organizations(owner)).toEqual({ VERIFICATION_DECIDED: org.id, FUND_MATCH: org.id });
  });

  it('lets every signed-in user (only) count and mark their own', async () => {
    const c = await cast(t);
    const rows: AuthzRow[] = [
      {
        name: 'markAllNotificationsRead',
        allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
        tables: ['notification'],
        prepare: async () => ({ query: MARK_ALL, variables: {} }),
      },
      {
        name: 'unreadNotificationCount',
        allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
        tables: ['notification'],
        prepare: async () => ({ query: COUNT, variables: {} }),
      },
      {
        name: 'myNotifications(after:)',
        allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
        tables: ['notification'],
        prepare: async () => ({ query: PAGE, variables: { f: 2 } }),
      },
    ];
    await runAuthzTable(t, c, rows);
    // another user's notification is NOT_FOUND to mark
    const [{ id }] = await dataSource(t).query(`SELECT id FROM notification WHERE user_id = $1 LIMIT 1`, [other.id]);
    expect(await t.errorCode(MARK_ONE, { id }, reader.token)).toBe('NOT_FOUND');
  });
});
