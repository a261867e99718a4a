import { parseCsv, toCsv } from '@app/exports';
import { TestApp } from './support/test-app.js';
import { cast, Cast, orgWithRoles, runAuthzTable, snapshot } from './support/authz.js';
import { createOrg, dataSource } from './support/fixtures.js';
import { projectInput } from './support/project-input.js';

const TEMPLATE = `query($k: ImportKind!) { csvImportTemplate(kind: $k) { columns csv } }`;
const IMPORT = `mutation($k: ImportKind!, $csv: String!, $d: Boolean!, $o: ID) {
  importCsv(kind: $k, csv: $csv, dryRun: $d, organizationId: $o) { dryRun committed rows createdIds problems { row field message } } }`;
const EXPORT = `mutation($k: ExportKind!, $p: ExportParams) { exportCsv(kind: $k, params: $p) { url } }`;
const CREATE_PROJECT = `mutation($input: ProjectInput!) { createProject(input: $input) { id } }`;

describe('CSV import (e2e)', () => {
  let t: TestApp;
  let c: Cast;
  let orgColumns: string[];
  let projectColumns: string[];

  const exported = async (token: string, kind: string, params: Record<string, unknown>) => {
    const { url } = (await t.ok(EXPORT, { k: kind, p: params }, token)).exportCsv;
    return (await fetch(`${t.url}${url}`)).text();
  };

  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    orgColumns = (await t.ok(TEMPLATE, { k: 'ORGANIZATIONS' })).csvImportTemplate.columns;
    projectColumns = (await t.ok(TEMPLATE, { k: 'PROJECTS' })).csvImportTemplate.columns;
  });
  afterAll(() => t?.close());

  it('gives templates whose example rows import', async () => {
    const template = (await t.ok(TEMPLATE, { k: 'ORGANIZATIONS' })).csvImportTemplate;
    expect(parseCsv(template.csv)[0]).toEqual(template.columns);
    const report = (await t.ok(IMPORT, { k: 'ORGANIZATIONS', csv: template.csv, d: true }, c.outsider.token)).importCsv;
    expect(report).toMatchObject({ dryRun: true, committed: false, rows: 1, problems: [] });
    const orgId = await orgWithRoles(t, c);
    const projects = (await t.ok(TEMPLATE, { k: 'PROJECTS' })).csvImportTemplate.csv;
    const r2 = (await t.ok(IMPORT, { k: 'PROJECTS', csv: projects, d: true, o: orgId }, c.admin.token)).importCsv;
    expect(r2.problems).toEqual([]);
  });

  it('a dry run reports every bad row (row, field, message) and writes nothing; a commit with one bad row writes nothing', async () => {
    const good = [
      'Accra Youth Circle',
      'DIASPORA_ORGANIZATION',
      '',
      '',
      '',
      'GH',
      'DE',
      'Berlin',
      'EDUCATION',
      'en',
      '2015',
      '30',
      'true',
      'false',
      'false',
      'true',
    ];
    const rows = [
      good,
      ['Bad country', 'NGO', '', '', '', 'ZZ', 'DE', '', '', '', '', '', '', '', '', ''],
      ['Bad bits', 'NOT_A_KIND', '', 'ftp://x', '', 'GH', 'DE', '', '', '', 'soon', '', 'maybe', '', '', ''],
      ['X', 'NGO', '', '', 'not-an-email', 'GH', 'DE', '', '', '', '', '', '', '', '', ''],
    ];
    const csv = toCsv(orgColumns, rows);
    const before = await snapshot(t, ['organization', 'membership']);
    const dry = (await t.ok(IMPORT, { k: 'ORGANIZATIONS', csv, d: true }, c.outsider.token)).importCsv;
    expect(dry.committed).toBe(false);
    expect(dry.rows).toBe(4);
    const problems = dry.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`);
    expect(problems).toEqual(
      expect.arrayContaining(['3:countriesOfOrigin', '4:foundedYear', '5:name', '5:contactEmail']),
    );
    expect(problems.some((p: string) => p.startsWith('2:'))).toBe(false);
    const wet = (await t.ok(IMPORT, { k: 'ORGANIZATIONS', csv, d: false }, c.outsider.token)).importCsv;
    expect(wet.committed).toBe(false);
    expect(wet.createdIds).toEqual([]);
    expect(await snapshot(t, ['organization', 'membership'])).toBe(before);

    const ok = (await t.ok(IMPORT, { k: 'ORGANIZATIONS', csv: toCsv(orgColumns, [good]), d: false }, c.outsider.token))
      .importCsv;
    expect(ok).toMatchObject({ committed: true, rows: 1, problems: [] });
    const [membership] = await dataSource(t).query(
      'SELECT role FROM membership WHERE organization_id = $1 AND user_id = $2',
      [ok.createdIds[0], c.outsider.id],
    );
    expect(membership.role).toBe('OWNER');
  });

  it('refuses unknown columns, a missing required column, broken quoting and too many rows', async () => {
    const header = await t.gql(
      IMPORT,
      { k: 'ORGANIZATIONS', csv: 'name,colour\r\nA,red\r\n', d: true },
      c.outsider.token,
    );
    expect(header.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect((header.errors?.[0].extensions?.problems as Array<{ field: string }>).map((p) => p.field)).toEqual(
      expect.arrayContaining(['colour', 'kind', 'countriesOfOrigin', 'countriesOfResidence']),
    );
    const quoting = await t.gql(
      IMPORT,
      { k: 'ORGANIZATIONS', csv: 'name,kind\r\n"A,NGO\r\n', d: true },
      c.outsider.token,
    );
    expect(quoting.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect((quoting.errors?.[0].extensions?.problems as Array<{ field: string }>)[0]).toMatchObject({ field: 'csv' });
    const unused = await t.gql(
      IMPORT,
      { k: 'ORGANIZATIONS', csv: 'name,kind\r\nA,NGO\r\n', d: true, o: '6f1c2e4a-0b7d-4c1e-9a55-2f0d3b8e7c11' },
      c.outsider.token,
    );
    expect(unused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const many = toCsv(
      orgColumns,
      Array.from({ length: 1001 }, () => orgColumns.map(() => 'x')),
    );
    const res = await t.gql(IMPORT, { k: 'ORGANIZATIONS', csv: many, d: true }, c.outsider.token);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
  });

  it('round trip: exported organizations and projects import to the same rows', async () => {
    const owner = c.owner;
    for (const name of ['Roundtrip Alpha, "Ltd"', '=Roundtrip Beta', 'Roundtrip Gamma\nSociety']) {
      await createOrg(t, owner, {
        name,
        description: 'Multi\nline; "quoted", text',
        website: 'https://example.org/a?b=c',
      });
    }
    const first = parseCsv(await exported(owner.token, 'DIRECTORY', { search: 'Roundtrip' }));
    expect(first[0]).toEqual(orgColumns);
    expect(first).toHaveLength(4);
    const csv = toCsv(first[0], first.slice(1));
    const imported = (await t.ok(IMPORT, { k: 'ORGANIZATIONS', csv, d: false }, owner.token)).importCsv;
    expect(imported).toMatchObject({ committed: true, rows: 3, problems: [] });
    const second = parseCsv(await exported(owner.token, 'DIRECTORY', { search: 'Roundtrip' }));
    const sorted = (rows: string[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(second.slice(1))).toEqual(sorted([...first.slice(1), ...first.slice(1)]));

    const source = await orgWithRoles(t, c);
    const target = await orgWithRoles(t, c);
    await t.ok(CREATE_PROJECT, { input: projectInput(source) }, c.member.token);
    await t.ok(
      CREATE_PROJECT,
      {
        input: projectInput(source, {
          title: '-Negative start, "quoted"',
          locality: null,
          budget: null,
          fundingSought: null,
          sdgs: [],
          startDate: null,
          endDate: null,
          beneficiaries: null,
        }),
      },
      c.member.token,
    );
    const projects = await exported(c.member.token, 'PROJECTS', { organizationId: source });
    const rows = parseCsv(projects);
    expect(rows[0]).toEqual(projectColumns);
    const report = (await t.ok(IMPORT, { k: 'PROJECTS', csv: projects, d: false, o: target }, c.admin.token)).importCsv;
    expect(report).toMatchObject({ committed: true, rows: 2, problems: [] });
    const again = parseCsv(await exported(c.member.token, 'PROJECTS', { organizationId: target }));
    expect(sorted(again)).toEqual(sorted(rows));
  });

  it('authorization rows for importCsv', async () => {
    const orgCsv = toCsv(orgColumns, [
      ['Authz Import Org', 'NGO', '', '', '', 'GH', 'FR', '', '', '', '', '', '', '', '', ''],
    ]);
    const projectCsv = (await t.ok(TEMPLATE, { k: 'PROJECTS' })).csvImportTemplate.csv;
    await runAuthzTable(t, c, [
      {
        name: 'importCsv ORGANIZATIONS (any signed-in user, who becomes OWNER)',
        allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
        tables: ['organization', 'membership'],
        prepare: async () => ({ query: IMPORT, variables: { k: 'ORGANIZATIONS', csv: orgCsv, d: false } }),
      },
      {
        name: 'importCsv PROJECTS (OWNER/ADMIN of the organization)',
        allowed: ['admin', 'owner'],
        tables: ['project'],
        prepare: async () => ({
          query: IMPORT,
          variables: { k: 'PROJECTS', csv: projectCsv, d: false, o: await orgWithRoles(t, c) },
        }),
      },
    ]);
  });
});
