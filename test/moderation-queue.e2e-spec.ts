import { QueryCounterLogger } from '@app/persistence';
import { JobQueue } from '@app/queue';
import { TestApp } from './support/test-app.js';
import { createOrg, dataSource, promote, registerUser, TestUser } from './support/fixtures.js';
import { MY_NOTIFICATIONS, NotificationView, waitFor } from './support/notification-helpers.js';

const QUEUE = `query($f: Int, $a: String) {
  verificationQueue(first: $f, after: $a) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id requestedAt previousStatus note requestedBy { id } organization { id name verification contactEmail } }
  }
}`;
const REQUEST = `mutation($id: ID!) { requestVerification(organizationId: $id) { verification } }`;
const DECIDE = `mutation($id: ID!, $a: Boolean!, $n: String) { decideVerification(organizationId: $id, approve: $a, note: $n) { verification } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { verification } }`;

interface QueuePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<{
    id: string;
    requestedAt: string;
    previousStatus: string;
    note: string | null;
    requestedBy: { id: string } | null;
    organization: { id: string; name: string; verification: string; contactEmail: string | null };
  }>;
}

/**
 * The moderators' verification queue: PENDING requests oldest first with what they carry, a
 * notification to every moderator when one arrives, and nobody else may read it.
 */
describe('Verification queue', () => {
  let t: TestApp;
  let moderator: TestUser;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let first: { id: string; name: string };
  let second: { id: string; name: string };
  let third: { id: string; name: string };

  const queue = async (user: TestUser, vars: Record<string, unknown> = {}): Promise<QueuePage> =>
    (await t.ok(QUEUE, { f: null, a: null, ...vars }, user.token)).verificationQueue;
  const ofKind = async (user: TestUser, kind: string): Promise<NotificationView[]> =>
    ((await t.ok(MY_NOTIFICATIONS, { u: null, f: 100 }, user.token)).myNotifications as NotificationView[]).filter(
      (n) => n.kind === kind,
    );

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL: '' });
    [moderator, admin, alice, bob, carol] = await Promise.all(
      ['moderator', 'admin', 'alice', 'bob', 'carol'].map((name) => registerUser(t, name)),
    );
    moderator = await promote(t, moderator, 'MODERATOR');
    admin = await promote(t, admin, 'ADMIN');
    first = await createOrg(t, alice, { name: 'Ghanaian Nurses of Leeds' });
    second = await createOrg(t, bob, { name: 'Senegalese Teachers of Lyon' });
    third = await createOrg(t, carol, { name: 'Filipino Seafarers of Genoa' });
  });
  afterAll(() => t?.close());

  describe('in order', () => {
    it('is empty before any request', async () => {
      expect(await queue(moderator)).toEqual({
        totalCount: 0,
        pageInfo: { hasNextPage: false, endCursor: null },
        nodes: [],
      });
    });

    it('lists PENDING requests oldest first, with the organization, who asked, when and what the request carries', async () => {
      await t.ok(REQUEST, { id: first.id }, alice.token);
      await t.ok(REQUEST, { id: second.id }, bob.token);
      const page = await queue(moderator);
      expect(page.totalCount).toBe(2);
      expect(page.nodes.map((n) => n.organization.name)).toEqual([first.name, second.name]);
      expect(page.nodes[0]).toMatchObject({
        previousStatus: 'UNVERIFIED',
        note: null,
        requestedBy: { id: alice.id },
        organization: { id: first.id, verification: 'PENDING', contactEmail: 'contact@example.org' },
      });
      expect(Date.parse(page.nodes[0].requestedAt)).toBeLessThanOrEqual(Date.parse(page.nodes[1].requestedAt));
      // admins read it too
      expect((await queue(admin)).nodes.map((n) => n.organization.id)).toEqual([first.id, second.id]);
    });

    it('pages with a cursor', async () => {
      const one = await queue(moderator, { f: 1 });
      expect(one.nodes.map((n) => n.organization.id)).toEqual([first.id]);
      expect(one.pageInfo.hasNextPage).toBe(true);
      const two = await queue(moderator, { f: 1, a: one.pageInfo.endCursor });
      expect(two.nodes.map((n) => n.organization.id)).toEqual([second.id]);
      expect(two.pageInfo.hasNextPage).toBe(false);
      const bad = await t.gql(QUEUE, { f: 1, a: 'not-a-cursor' }, moderator.token);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('tells every moderator and admin of each request, about the organization; nobody else', async () => {
      const told = await waitFor(
        async () => {
          const mine = await ofKind(moderator, 'VERIFICATION_REQUESTED');
          return mine.length === 2 ? mine : null;
        },
        15_000,
        'the moderator notifications',
      );
      const about = await t.ok(
        `{ myNotifications(first: 100) { kind title link organization { id } } }`,
        {},
        moderator.token,
      );
      const requested = (about.myNotifications as Array<{ kind: string; title: string; organization: { id: string } }>)
        .filter((n) => n.kind === 'VERIFICATION_REQUESTED')
        .map((n) => [n.title, n.organization.id]);
      expect(requested.sort()).toEqual(
        [
          [`Verification requested: ${first.name}`, first.id],
          [`Verification requested: ${second.name}`, second.id],
        ].sort(),
      );
      expect(told[0].link).toBe('/moderation/verification');
      await waitFor(async () => (await ofKind(admin, 'VERIFICATION_REQUESTED')).length === 2, 15_000, 'the admin');
      await t.app.get(JobQueue).onIdle();
      for (const user of [alice, bob, carol]) expect(await ofKind(user, 'VERIFICATION_REQUESTED')).toHaveLength(0);
    });

    it('drops decided requests; a rejected one asked again comes back at the end, saying it was REJECTED', async () => {
      await t.ok(DECIDE, { id: first.id, a: false, n: 'No registration number given' }, moderator.token);
      await t.ok(DECIDE, { id: second.id, a: true }, moderator.token);
      expect((await queue(moderator)).totalCount).toBe(0);
      await t.ok(REQUEST, { id: third.id }, carol.token);
      await t.ok(REQUEST, { id: first.id }, alice.token);
      const page = await queue(moderator);
      expect(page.nodes.map((n) => [n.organization.id, n.previousStatus])).toEqual([
        [third.id, 'UNVERIFIED'],
        [first.id, 'REJECTED'],
      ]);
    });

    it('queues a VERIFIED organization sent back to review by a change of what was vouched for, with the note', async () => {
      const res = await t.ok(UPDATE, { id: second.id, i: { name: 'Senegalese Teachers of France' } }, bob.token);
      expect(res.updateOrganization.verification).toBe('PENDING');
      const last = (await queue(moderator)).nodes.at(-1)!;
      expect(last).toMatchObject({
        previousStatus: 'VERIFIED',
        note: 'Changed since verification: name',
        requestedBy: { id: bob.id },
        organization: { id: second.id },
      });
      // a page costs the same number of SQL statements whatever its size (counted once the jobs are idle)
      await waitFor(
        async () =>
          (await dataSource(t).query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`))[0].n ===
          0,
        15_000,
        'the events to be processed',
      );
      await t.app.get(JobQueue).onIdle();
      const statements = async (first: number) => {
        const before = QueryCounterLogger.count;
        expect((await queue(moderator, { f: first })).nodes).toHaveLength(first);
        return QueryCounterLogger.count - before;
      };
      const counts = [await statements(1), await statements(3)];
      console.info(`SQL statements: verificationQueue (first 1/3) ${counts.join('/')}`);
      expect(counts[0]).toBe(counts[1]);
      const told = await waitFor(
        async () => (await ofKind(moderator, 'VERIFICATION_REQUESTED')).find((n) => n.body.includes('again')),
        15_000,
        'the re-review notification',
      );
      expect(told.body).toBe(
        'Senegalese Teachers of France awaits verification again. Changed since verification: name.',
      );
    });
  });

  it('is for moderators and admins only: FORBIDDEN for members and outsiders, UNAUTHENTICATED anonymously', async () => {
    for (const user of [alice, bob, carol]) expect(await t.errorCode(QUEUE, {}, user.token)).toBe('FORBIDDEN');
    expect(await t.errorCode(QUEUE, {})).toBe('UNAUTHENTICATED');
    const [{ n }] = await dataSource(t).query(
      `SELECT count(*)::int AS n FROM organization WHERE verification = 'PENDING'`,
    );
    expect((await queue(moderator)).totalCount).toBe(n);
  });
});
