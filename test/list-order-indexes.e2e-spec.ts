import { QueryCounterLogger } from '@app/persistence';
import { TestApp } from './support/test-app.js';
import { QUIET_SCHEDULE, settled, statementsOf } from './support/statement-count.js';
import { createOrg, dataSource, promote, registerUser, TestUser, verify } from './support/fixtures.js';
import { publishedFund } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

/**
 * Every list order has an index that serves it (issue 17): the statements the API sends for a page
 * of each list read the rows in order from an index — the plan has no Sort node — when the planner
 * is told to avoid sorting and sequential scans (on these few rows it would rather sort; the test
 * asks whether it *can* avoid it). A list whose order loses its index fails here.
 */
const LISTS: Array<{ name: string; query: string; as?: 'member' | 'moderator' }> = [
  { name: 'directory by name', query: '{ organizations(first: 5) { nodes { id } pageInfo { endCursor } } }' },
  { name: 'directory newest', query: '{ organizations(first: 5, orderBy: NEWEST) { nodes { id } } }' },
  { name: 'directory by members', query: '{ organizations(first: 5, orderBy: MEMBER_COUNT) { nodes { id } } }' },
  { name: 'projects', query: '{ projects(first: 5) { nodes { id } } }' },
  {
    name: 'Organization.projects',
    query: '{ organizations(first: 5) { nodes { projects(first: 2) { nodes { id } } } } }',
  },
  { name: 'Organization.funds', query: '{ organizations(first: 5) { nodes { funds(first: 2) { nodes { id } } } } }' },
  { name: 'funds', query: '{ funds(first: 5) { nodes { id } } }' },
  { name: 'training offers', query: '{ trainingOffers(first: 5) { nodes { id } } }' },
  { name: 'consultations', query: '{ consultations(first: 5) { nodes { id } } }' },
  { name: 'notifications', query: '{ myNotifications(first: 5) { id } }', as: 'member' },
  {
    name: 'Organization.consultationInvitations',
    query: '{ organizations(first: 5) { nodes { consultationInvitations(first: 2) { nodes { id } } } } }',
    as: 'member',
  },
  {
    name: 'verification queue',
    query: '{ verificationQueue(first: 5) { nodes { organization { id } } } }',
    as: 'moderator',
  },
];

describe('Every list order has an index', () => {
  let t: TestApp;
  let member: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    t = await TestApp.start(QUIET_SCHEDULE);
    member = await registerUser(t, 'lists');
    moderator = await promote(t, await registerUser(t, 'lists-moderator'), 'MODERATOR');
    const org = await createOrg(t, member, {});
    const funder = await createOrg(t, member, { kind: 'FUNDER' });
    await t.ok(
      'mutation($i: ProjectInput!) { createProject(input: $i) { id } }',
      { i: projectInput(org.id) },
      member.token,
    );
    await verify(t, funder.id);
    await publishedFund(t, member, funder.id);
  });
  afterAll(() => t?.close());

  async function pagedStatements(query: string, token?: string) {
    await settled(t); // background work earlier calls started is not recorded
    QueryCounterLogger.recording = [];
    try {
      await statementsOf(t, () => t.ok(query, {}, token));
      return QueryCounterLogger.recording.filter(
        (s) => /^\s*SELECT/i.test(s.query) && /\bORDER BY\b/i.test(s.query) && /\bLIMIT\b/i.test(s.query),
      );
    } finally {
      QueryCounterLogger.recording = null;
    }
  }

  async function plan(query: string, parameters: unknown[]): Promise<string> {
    const runner = dataSource(t).createQueryRunner();
    try {
      await runner.startTransaction();
      for (const setting of ['enable_seqscan', 'enable_sort', 'enable_incremental_sort', 'enable_bitmapscan']) {
        await runner.query(`SET LOCAL ${setting} = off`);
      }
      const rows: Array<{ 'QUERY PLAN': string }> = await runner.query(`EXPLAIN ${query}`, parameters);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it.each(LISTS)('$name: a page is read in order from an index', async ({ query, as }) => {
    const token = as === 'member' ? member.token : as === 'moderator' ? moderator.token : undefined;
    const statements = await pagedStatements(query, token);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      const explained = await plan(s.query, s.parameters);
      expect({ statement: s.query, plan: explained }).toEqual({
        statement: s.query,
        plan: expect.not.stringMatching(/\bSort\b/),
      });
      expect(explained).toMatch(/Index (Only )?Scan/);
    }
  });

  it('totalCount is counted only when a client asks for it, in the statement of the page', async () => {
    async function counted(query: string) {
      await settled(t);
      QueryCounterLogger.recording = [];
      try {
        const statements = await statementsOf(t, () => t.ok(query));
        const counts = QueryCounterLogger.recording.filter((s) => /\bcount\(\*\)/i.test(s.query)).length;
        return { statements, counts };
      } finally {
        QueryCounterLogger.recording = null;
      }
    }
    const without = await counted('{ organizations(first: 5) { nodes { id } } }');
    const withCount = await counted('{ organizations(first: 5) { totalCount nodes { id } } }');
    expect(without.counts).toBe(0);
    expect(withCount).toEqual({ statements: without.statements, counts: 1 });
    // the organizations' project lists: their pages and counts in one statement for all of them
    const nested = '{ organizations(first: 5) { nodes { projects(first: 2) { %s nodes { id } } } } }';
    const nestedWithout = await counted(nested.replace('%s', ''));
    const nestedWith = await counted(nested.replace('%s', 'totalCount'));
    expect(nestedWithout.counts).toBe(0);
    expect(nestedWith).toEqual({ statements: nestedWithout.statements, counts: 1 });
  });
});
