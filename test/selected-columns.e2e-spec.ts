import { QueryCounterLogger } from '@app/persistence';
import { TestApp } from './support/test-app.js';
import { QUIET_SCHEDULE, settled } from './support/statement-count.js';
import { createOrg, registerUser, TestUser } from './support/fixtures.js';
import { projectInput } from './support/project-input.js';

const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;

/**
 * Lists read only the columns their selection needs (selectedColumns): plain fields by name, resolver
 * fields by what they declare (`@Reads`), every column as soon as a selected resolver field declares nothing.
 */
describe('Lists read the columns the query selects', () => {
  let t: TestApp;
  let owner: TestUser;
  let orgId: string;

  beforeAll(async () => {
    t = await TestApp.start(QUIET_SCHEDULE);
    owner = await registerUser(t, 'columns');
    orgId = (await createOrg(t, owner, { name: 'Aaa Columns Association', contactEmail: 'board@columns.example' })).id;
    for (const title of ['First well', 'Second well']) {
      await t.ok(
        CREATE_PROJECT,
        {
          i: projectInput(orgId, {
            title,
            budget: { amount: 12345, currency: 'GBP' },
            fundingSought: { amount: 5000, currency: 'GBP' },
          }),
        },
        owner.token,
      );
    }
  });
  afterAll(() => t?.close());

  /** The answer and the SQL of the statements that read `table`. */
  async function run(query: string, table: 'organization' | 'project', token?: string) {
    await settled(t);
    QueryCounterLogger.recording = [];
    try {
      const data = await t.ok(query, { id: orgId }, token);
      const reads = QueryCounterLogger.recording
        .map((s) => s.query)
        .filter((sql) => new RegExp(`FROM "?${table}"? "?[a-z]+"?`).test(sql));
      expect(reads.length).toBeGreaterThan(0);
      return { data, sql: reads.join('\n'), statements: reads };
    } finally {
      QueryCounterLogger.recording = null;
    }
  }

  const ORGANIZATIONS = (nodes: string, extra = '') =>
    `query { organizations(first: 5, search: "Aaa Columns") { totalCount nodes { ${nodes} } } } ${extra}`;

  it('a directory page of names reads neither descriptions nor contact addresses', async () => {
    const { data, sql } = await run(ORGANIZATIONS('id name'), 'organization');
    expect(data.organizations.nodes).toEqual([{ id: orgId, name: 'Aaa Columns Association' }]);
    expect(sql).toContain('"name"');
    expect(sql).not.toMatch(/description|contact_email|founded_year/);
  });

  it('through fragments and inline fragments as well', async () => {
    const query = ORGANIZATIONS('...Card ... on Organization { city }', 'fragment Card on Organization { id name }');
    const { data, sql } = await run(query, 'organization');
    expect(data.organizations.nodes[0]).toMatchObject({ id: orgId, name: 'Aaa Columns Association' });
    expect(sql).toMatch(/"city"/);
    expect(sql).not.toMatch(/description|contact_email/);
  });

  it('a resolver field reads what it declares: contactEmail its column, countries theirs', async () => {
    const { data, sql } = await run(
      ORGANIZATIONS('id contactEmail countriesOfOrigin { code } themes { code }'),
      'organization',
      owner.token,
    );
    expect(data.organizations.nodes[0].contactEmail).toBe('board@columns.example');
    expect(data.organizations.nodes[0].countriesOfOrigin).toEqual([{ code: 'GH' }]);
    expect(data.organizations.nodes[0].themes.length).toBeGreaterThan(0);
    expect(sql).toMatch(/contact_email/);
    expect(sql).toMatch(/countries_of_origin/);
    expect(sql).not.toMatch(/description|countries_of_residence/);
  });

  it('a resolver field that declares nothing makes the list read every column', async () => {
    const { data, sql } = await run(ORGANIZATIONS('id networks { id }'), 'organization');
    expect(data.organizations.nodes[0]).toEqual({ id: orgId, networks: [] });
    expect(sql).toMatch(/description/);
  });

  it('nested projects read their selected columns; two selections of one list are two batches', async () => {
    const query = `query($id: ID!) { organization(id: $id) {
      titles: projects(first: 5) { nodes { id title } }
      money: projects(first: 5) { nodes { id summary budget { amount currency } } }
    } }`;
    const { data, statements } = await run(query, 'project');
    const { titles, money } = data.organization;
    expect(titles.nodes.map((p: { title: string }) => p.title).sort()).toEqual(['First well', 'Second well']);
    expect(money.nodes).toHaveLength(2);
    for (const p of money.nodes) {
      expect(p.summary).toBe(projectInput(orgId).summary);
      expect(p.budget).toEqual({ amount: 12345, currency: 'GBP' });
    }
    expect(statements).toHaveLength(2);
    const titlesOnly = statements.filter((sql) => /"title"/.test(sql) && !/summary|budget_amount/.test(sql));
    const withMoney = statements.filter(
      (sql) => /summary/.test(sql) && /budget_amount/.test(sql) && !/"title"/.test(sql),
    );
    expect([titlesOnly.length, withMoney.length]).toEqual([1, 1]);
  });

  it('the projects list too', async () => {
    const { data, sql } = await run(
      `query { projects(first: 5, filter: { organizationId: "${orgId}" }) { totalCount nodes { id title budget { currency } } } }`,
      'project',
    );
    expect(data.projects.totalCount).toBe(2);
    expect(data.projects.nodes.map((p: { budget: { currency: string } }) => p.budget.currency)).toEqual(['GBP', 'GBP']);
    expect(sql).toMatch(/budget_currency/);
    expect(sql).not.toMatch(/summary|locality|funding_sought/);
  });
});
