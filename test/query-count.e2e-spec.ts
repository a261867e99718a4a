import { jest } from '@jest/globals';
import { QueryCounterLogger } from '@app/persistence';
import { TestApp } from './support/test-app.js';
import { QUIET_SCHEDULE, settled } from './support/statement-count.js';
import { createOrg, dataSource, registerUser, verify } from './support/fixtures.js';
import { publishedFund } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

const LIST = `query($first: Int) {
  organizations(first: $first, orderBy: NAME) {
    totalCount
    nodes {
      id name contactEmail
      countriesOfOrigin { code name region } countriesOfResidence { code name }
      themes { code name } languages { code name }
      networks { id name countriesOfOrigin { code } }
      memberOrganizations { id name themes { code } }
      members { role user { email } }
    }
  }
}`;

const EVALUATIONS = `query($first: Int) {
  organizations(first: $first, orderBy: NAME) {
    nodes {
      id
      trainingEvaluation {
        offers enrolments admitted completions completionRate averageRating ratingsCount
        perOffer { training { id } enrolments completions averageRating }
      }
    }
  }
}`;

const FUND_MATCHES = `query($o: ID!, $p: ID) { fundMatches(organizationId: $o, projectId: $p, first: 10) {
  score fund { id title } project { id } reasons { factor points detail } } }`;

describe('Per-request DataLoaders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    const ds = dataSource(t);
    // 100 organizations, 10 of them networks with 5 members each.
    await ds.query(`
      INSERT INTO organization (slug, name, kind, countries_of_origin, countries_of_residence, themes, languages, contact_email)
      SELECT 'org-' || i, 'Organization ' || lpad(i::text, 3, '0'),
             (CASE WHEN i <= 10 THEN 'DIASPORA_NETWORK' ELSE 'DIASPORA_ORGANIZATION' END)::organization_kind,
             ARRAY[(ARRAY['GH','SN','PH','MX','MA'])[1 + i % 5]], ARRAY[(ARRAY['GB','FR','IT','US','ES','DE'])[1 + i % 6]],
             ARRAY['EDUCATION', (ARRAY['HEALTH','REMITTANCES','GENDER'])[1 + i % 3]], ARRAY['en', 'fr'],
             'org' || i || '@example.org'
        FROM generate_series(1, 100) AS i`);
    await ds.query(`
      INSERT INTO network_membership (network_id, organization_id, status, requested_by_id)
      SELECT n.id, o.id, 'ACCEPTED', gen_random_uuid()
        FROM organization n JOIN organization o ON o.kind = 'DIASPORA_ORGANIZATION'
             AND (substring(o.slug from 5)::int % 10) = (substring(n.slug from 5)::int % 10)
       WHERE n.kind = 'DIASPORA_NETWORK' AND substring(o.slug from 5)::int <= 60`);
    // the reference tables (countries, themes…) are read once per process, at first use: not counted below
    await t.ok('{ countries { code } }');
  });
  afterAll(() => t?.close());

  async function countQueries(first: number, token?: string): Promise<number> {
    const before = QueryCounterLogger.count;
    const data = await t.ok(LIST, { first }, token);
    expect(data.organizations.nodes).toHaveLength(first);
    return QueryCounterLogger.count - before;
  }

  async function statements(query: string, variables: Record<string, unknown>) {
    const before = QueryCounterLogger.count;
    const data = await t.ok(query, variables);
    return { data, statements: QueryCounterLogger.count - before };
  }

  it('lists 100 organizations with their relations in a fixed number of SQL queries', async () => {
    const user = await registerUser(t, 'counter');
    const anonymous = [await countQueries(20), await countQueries(50), await countQueries(100)];
    const signedIn = [await countQueries(20, user.token), await countQueries(100, user.token)];
    console.info(
      `SQL queries for the organization listing: anonymous ${anonymous.join('/')}, signed in ${signedIn.join('/')} (first 20/50/100)`,
    );
    expect(new Set(anonymous).size).toBe(1);
    expect(new Set(signedIn).size).toBe(1);
    expect(anonymous[0]).toBeLessThanOrEqual(10);
  });

  it('answers a page with its totalCount in one statement, and nested pages with their counts in one per level', async () => {
    const ds = dataSource(t);
    // organizations 001–005 get 0, 1, 2, 3 and 4 live projects, and one archived project each
    await ds.query(`
      INSERT INTO project (organization_id, title, summary, kind, created_by_id, archived_at)
      SELECT o.id, 'Project ' || o.name || ' ' || n, 'Counted', 'KNOWLEDGE_TRANSFER', gen_random_uuid(),
             CASE WHEN n = 0 THEN now() END
        FROM organization o CROSS JOIN generate_series(0, 4) AS n
       WHERE o.slug IN ('org-1', 'org-2', 'org-3', 'org-4', 'org-5') AND n < substring(o.slug from 5)::int`);
    const PAGE = `query($first: Int, $after: String) { organizations(first: $first, after: $after, orderBy: NAME) {
      totalCount pageInfo { endCursor } nodes { name projects(first: 2) { totalCount nodes { id } } } } }`;
    const first = await statements(PAGE, { first: 6 });
    // the organizations' statement fetches their projects too (NestedPrefetches)
    expect(first.statements).toBe(1);
    expect(first.data.organizations.totalCount).toBe(100);
    const projects = first.data.organizations.nodes.map((o: { projects: { totalCount: number; nodes: unknown[] } }) => [
      o.projects.totalCount,
      o.projects.nodes.length,
    ]);
    expect(projects).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 2],
      [0, 0],
    ]);
    // past the last page: no rows, and still the count
    const last = await statements(PAGE, { first: 100 });
    const empty = await statements(PAGE, { first: 5, after: last.data.organizations.pageInfo.endCursor });
    expect(empty.data.organizations).toMatchObject({ totalCount: 100, nodes: [] });
    // a filter narrows the count as it narrows the rows
    const filtered = await t.ok(`{ organizations(first: 1, filter: { kinds: [DIASPORA_NETWORK] }) { totalCount } }`);
    expect(filtered.organizations.totalCount).toBe(10);
    // Organization.projects is called without Nest's wrapper (Direct): it checks its arguments itself
    for (const [args, field] of [
      ['first: 0', 'first'],
      ['first: 101', 'first'],
      [`after: "${'x'.repeat(1001)}"`, 'after'],
      ['after: "garbage"', 'after'],
    ]) {
      const res = await t.gql(`{ organizations(first: 2) { nodes { projects(${args}) { nodes { id } } } } }`);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // without totalCount nothing is counted
    const uncounted = await statements(
      `{ organizations(first: 6, orderBy: NAME) { nodes { projects(first: 2) { nodes { id } } } } }`,
      {},
    );
    expect(uncounted.statements).toBe(1);
  });

  it('fetches nested projects with their organizations exactly as their own batch does, pages and cursors included', async () => {
    // @include keeps Organization.projects out of the organizations' statement: its own batch loads it
    const page = (nested: string, directive: string) => `{ organizations(first: 6, orderBy: NAME) {
      nodes { slug projects(${nested}) ${directive} { totalCount pageInfo { hasNextPage endCursor }
        nodes { id title status createdAt countries { code } themes { code } } } } } }`;
    const compare = async (nested: string) => {
      const together = await statements(page(nested, ''), {});
      const batched = await statements(page(nested, '@include(if: true)'), {});
      expect({ nested, statements: [together.statements, batched.statements] }).toEqual({ nested, statements: [1, 2] });
      expect(together.data).toEqual(batched.data);
      return together.data.organizations.nodes as Array<{
        slug: string;
        projects: { pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: unknown[] };
      }>;
    };
    const firsts = await compare('first: 2');
    const withMore = firsts.find((o) => o.projects.pageInfo.hasNextPage)!;
    expect(withMore.projects.nodes).toHaveLength(2);
    // the next page after a cursor the organizations' statement made
    const next = await compare(`first: 2, after: "${withMore.projects.pageInfo.endCursor}"`);
    expect(next.find((o) => o.slug === withMore.slug)!.projects.nodes.length).toBeGreaterThan(0);
    // a nested list refused by its resolver is refused at its own path, fetched with the parents or not
    for (const [args, field] of [
      ['first: 500', 'first'],
      ['after: "garbage"', 'after'],
    ]) {
      const refused = await t.gql(`{ organizations(first: 2) { nodes { projects(${args}) { nodes { id } } } } }`);
      expect(refused.errors?.[0]).toMatchObject({
        path: ['organizations', 'nodes', 0, 'projects'],
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    }
  });

  it('reads indicators with their measurements in one statement, the same values as level by level', async () => {
    const ds = dataSource(t);
    // org-5's four live projects (from the test above): two indicators each, the first with three measurements
    await ds.query(`
      INSERT INTO indicator (project_id, name, unit, baseline, target, created_at)
      SELECT p.id, 'Indicator ' || n, 'people', 10, 110, now() + n * interval '1 second'
        FROM project p JOIN organization o ON o.id = p.organization_id
             CROSS JOIN generate_series(1, 2) AS n
       WHERE o.slug = 'org-5' AND p.archived_at IS NULL`);
    await ds.query(`
      INSERT INTO measurement (indicator_id, value, measured_on, note, recorded_by_id, created_at)
      SELECT i.id, 20 * k + 0.25, date '2026-01-01' + k * 30, CASE WHEN k = 2 THEN 'midterm, "quoted"' END,
             gen_random_uuid(), timestamptz '2026-11-29 10:00:00.123+00' + k * interval '1 day'
        FROM indicator i CROSS JOIN generate_series(1, 3) AS k WHERE i.name = 'Indicator 1'`);
    const fields = `id name unit baseline target progress`;
    const measurementFields = `id value measuredOn note`;
    const page = (measurements: string) => `{ organization(slug: "org-5") { projects(first: 20) { totalCount
      nodes { id indicators { ${fields} ${measurements} } } } } }`;
    const together = await statements(page(`measurements { ${measurementFields} }`), {});
    // the organization with its projects and their count (NestedPrefetches), indicators with their measurements
    expect(together.statements).toBe(2);
    // the same as the projects' own batch (which @include leaves them to)
    const batched = await statements(
      page(`measurements { ${measurementFields} }`).replace(
        'projects(first: 20)',
        'projects(first: 20) @include(if: true)',
      ),
      {},
    );
    expect(batched.statements).toBe(3);
    expect(batched.data).toEqual(together.data);
    const projects = together.data.organization.projects.nodes;
    expect(projects).toHaveLength(4);
    // the measurements as Indicator.measurements reads them on its own (one indicator's list at a time)
    for (const project of projects) {
      for (const indicator of project.indicators) {
        const alone = await t.ok(`query($id: ID!) { project(id: $id) { indicators { id ${fields} } } }`, {
          id: project.id,
        });
        expect(alone.project.indicators.find((i: { id: string }) => i.id === indicator.id)).toEqual({
          ...indicator,
          measurements: undefined,
        });
        const rows = await ds.query(
          `SELECT id, value, to_char(measured_on, 'YYYY-MM-DD') AS "measuredOn", note FROM measurement
            WHERE indicator_id = $1 ORDER BY measured_on, created_at, id`,
          [indicator.id],
        );
        expect(indicator.measurements).toEqual(rows);
      }
    }
    expect(projects[0].indicators[0].measurements[1]).toMatchObject({ value: 40.25, note: 'midterm, "quoted"' });
    expect(projects[0].indicators[0].progress).toBeCloseTo(0.5025);
  });

  it('resolves trainingEvaluation over a list of organizations in a fixed number of SQL queries', async () => {
    const ds = dataSource(t);
    const participant = await registerUser(t, 'trainee');
    // every third organization provides two published offers and one draft; enrolments, some completed and rated
    await ds.query(
      `
      INSERT INTO training_offer (provider_id, title, description, capacity_areas, format, languages, starts_at,
                                  seats, status, created_by_id)
      SELECT o.id, 'Training ' || o.slug || ' ' || k, 'A training.', '{FUNDRAISING}', 'ONLINE', '{en}',
             now() + make_interval(days => k * 10), 10,
             (CASE WHEN k = 3 THEN 'DRAFT' ELSE 'PUBLISHED' END)::training_status, $1
        FROM organization o CROSS JOIN generate_series(1, 3) AS k
       WHERE substring(o.slug from 5)::int % 3 = 0`,
      [participant.id],
    );
    await ds.query(
      `INSERT INTO enrolment (training_id, organization_id, participant_id, status, rating)
       SELECT t.id, o.id, $1,
              (CASE WHEN substring(o.slug from 5)::int % 2 = 0 THEN 'COMPLETED' ELSE 'ACCEPTED' END)::enrolment_status,
              (CASE WHEN substring(o.slug from 5)::int % 4 = 0 THEN 1 + substring(o.slug from 5)::int % 5 END)
         FROM training_offer t JOIN organization o ON substring(o.slug from 5)::int BETWEEN 90 AND 94
        WHERE t.status = 'PUBLISHED'`,
      [participant.id],
    );
    await ds.query(
      `INSERT INTO enrolment_event (enrolment_id, actor_id, from_status, to_status)
       SELECT id, participant_id, NULL, 'ACCEPTED' FROM enrolment`,
    );
    const count = async (first: number) => {
      const before = QueryCounterLogger.count;
      const data = await t.ok(EVALUATIONS, { first });
      expect(data.organizations.nodes).toHaveLength(first);
      return { queries: QueryCounterLogger.count - before, nodes: data.organizations.nodes };
    };
    const [twenty, hundred] = [await count(20), await count(100)];
    console.info(`SQL queries for trainingEvaluation over 20/100 organizations: ${twenty.queries}/${hundred.queries}`);
    expect(twenty.queries).toBe(hundred.queries);
    expect(hundred.queries).toBeLessThanOrEqual(5);

    // batched, each organization still gets its own figures: the same as asked one at a time
    const providers = hundred.nodes.filter((n: any) => n.trainingEvaluation.offers > 0);
    expect(providers).toHaveLength(33);
    expect(hundred.nodes.find((n: any) => n.trainingEvaluation.offers === 0).trainingEvaluation).toEqual({
      offers: 0,
      enrolments: 0,
      admitted: 0,
      completions: 0,
      completionRate: null,
      averageRating: null,
      ratingsCount: 0,
      perOffer: [],
    });
    for (const node of providers.slice(0, 5)) {
      const one = await t.ok(
        `query($id: ID!) { organization(id: $id) { trainingEvaluation {
           offers enrolments admitted completions completionRate averageRating ratingsCount
           perOffer { training { id } enrolments completions averageRating } } } }`,
        { id: node.id },
      );
      expect(one.organization.trainingEvaluation).toEqual(node.trainingEvaluation);
      expect(node.trainingEvaluation.offers).toBe(2);
      expect(node.trainingEvaluation.enrolments).toBe(10);
      expect(node.trainingEvaluation.completions).toBe(6);
    }
  });
});

describe('fundMatches', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start(QUIET_SCHEDULE);
  });
  afterAll(() => t?.close());

  it('answers fundMatches reading the organization and the project once each', async () => {
    const funder = await registerUser(t, 'funder');
    const applicant = await registerUser(t, 'applicant');
    const funderId = (
      await createOrg(t, funder, { kind: 'FUNDER', countriesOfOrigin: [], countriesOfResidence: ['CH'] })
    ).id;
    await verify(t, funderId);
    const fundIds: string[] = [];
    for (let i = 0; i < 3; i++) fundIds.push((await publishedFund(t, funder, funderId, { title: `Fund ${i}` })).id);
    const organizationId = (
      await createOrg(t, applicant, {
        countriesOfOrigin: ['GH'],
        countriesOfResidence: ['GB'],
        themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT', 'EDUCATION'],
        foundedYear: 2015,
        womenLed: true,
      })
    ).id;
    const projectId = (
      await t.ok(
        `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
        { i: projectInput(organizationId) },
        applicant.token,
      )
    ).createProject.id;

    // every statement, and those that name the table with the id among their parameters
    const statements: Array<{ sql: string; params: unknown[] }> = [];
    const spy = jest.spyOn(QueryCounterLogger.prototype, 'logQuery').mockImplementation(function (
      this: QueryCounterLogger,
      sql: string,
      params?: unknown[],
    ) {
      QueryCounterLogger.count++;
      statements.push({ sql, params: params ?? [] });
    });
    const reads = (table: string, id: string) =>
      statements.filter((s) => new RegExp(`\\b${table}\\b(?!_)`).test(s.sql) && JSON.stringify(s.params).includes(id))
        .length;
    const count = async (variables: Record<string, unknown>, token?: string) => {
      await settled(t); // what earlier calls started (event deliveries, notifications) is not counted
      statements.length = 0;
      const matches = (await t.ok(FUND_MATCHES, variables, token)).fundMatches;
      expect(matches).toHaveLength(3);
      return {
        queries: statements.length,
        organization: reads('organization', organizationId),
        project: reads('project', projectId),
        matches,
      };
    };
    try {
      const asOrganization = await count({ o: organizationId });
      const asProject = await count({ o: organizationId, p: projectId });
      const signedIn = await count({ o: organizationId, p: projectId }, applicant.token);
      console.info(
        `SQL queries for fundMatches: organization ${asOrganization.queries}, project ${asProject.queries}, ` +
          `project signed in ${signedIn.queries}`,
      );
      expect(asProject.matches.every((m: { project: { id: string } }) => m.project.id === projectId)).toBe(true);
      expect(asOrganization.matches.every((m: { project: { id: string } }) => m.project.id === projectId)).toBe(true);
      // one statement reads the organization, the project asked about, the matches, their funds and best
      // projects and what the reasons say (issue 17): nothing is read twice
      for (const c of [asOrganization, asProject, signedIn]) expect(c.organization).toBe(1);
      expect(asProject.project).toBe(1);
      expect(signedIn.project).toBe(1);
      expect(asOrganization.queries).toBe(1);
      expect(asProject.queries).toBe(1);
      // the guard's user lookup; a live project is public, so the viewer's memberships are not needed
      expect(signedIn.queries).toBe(asProject.queries + 1);

      // the fund and project built from the statement's JSON rows read as the same entities read by id
      const FUND_FIELDS = `id title description status currency minGrant maxGrant totalBudget coFundingPercent deadline
        createdAt themes { code } sdgs { number } eligibility { requiresLegalRegistration countriesOfResidence { code } }
        funder { id name }`;
      const PROJECT_FIELDS = `id title kind status countries { code } themes { code } createdAt`;
      const shown = (
        await t.ok(
          `query($o: ID!) { fundMatches(organizationId: $o, first: 10) {
             fund { ${FUND_FIELDS} } project { ${PROJECT_FIELDS} } } }`,
          { o: organizationId },
        )
      ).fundMatches;
      for (const m of shown) {
        const byId = await t.ok(
          `query($f: ID!, $p: ID!) { fund(id: $f) { ${FUND_FIELDS} } project(id: $p) { ${PROJECT_FIELDS} } }`,
          { f: m.fund.id, p: m.project.id },
        );
        expect(m.fund).toEqual(byId.fund);
        expect(m.project).toEqual(byId.project);
      }

      // fundCandidates: the fund's matching columns (which say who may see it), then one statement for
      // the candidates with their organizations, best projects and the reasons' facts
      statements.length = 0;
      const candidates = (
        await t.ok(
          `query($f: ID!) { fundCandidates(fundId: $f, first: 10) {
             score organization { id name } project { id title } reasons { factor points detail } } }`,
          { f: fundIds[0] },
        )
      ).fundCandidates;
      expect(candidates.map((c: { organization: { id: string } }) => c.organization.id)).toContain(organizationId);
      console.info(`SQL queries for fundCandidates: ${statements.length}`);
      expect(statements.length).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });
});
