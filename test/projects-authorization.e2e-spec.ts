import { TestApp } from './support/test-app.js';
import { dataSource, registerUser, TestUser } from './support/fixtures.js';
import {
  AuthzRow,
  Cast,
  cast,
  expectVisibleToOwnersAndModerators,
  orgOwnedBy,
  orgWithRoles,
  runAuthzTable,
  snapshot,
} from './support/authz.js';
import { projectInput } from './support/project-input.js';

const TABLES = ['project', 'indicator', 'measurement', 'indicator_change', 'partnership', 'partnership_event'];
const UPDATE_INDICATOR = `mutation($id: ID!) { updateIndicator(id: $id, input: { target: 60 }) { id } }`;
const DELETE_INDICATOR = `mutation($id: ID!) { deleteIndicator(id: $id) { id } }`;
const UPDATE_MEASUREMENT = `mutation($id: ID!) { updateMeasurement(id: $id, input: { value: 15 }) { id } }`;
const DELETE_MEASUREMENT = `mutation($id: ID!) { deleteMeasurement(id: $id) { id } }`;
const CREATE = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { id } }`;

async function insertIndicator(t: TestApp, project: string): Promise<string> {
  const [{ id }] = await dataSource(t).query(
    `INSERT INTO indicator (project_id, name, unit, baseline, target) VALUES ($1, 'Farmers irrigating', 'families', 0, 40) RETURNING id`,
    [project],
  );
  return id;
}

async function insertMeasurement(t: TestApp, indicator: string, recordedBy: string): Promise<string> {
  const [{ id }] = await dataSource(t).query(
    `INSERT INTO measurement (indicator_id, value, measured_on, recorded_by_id) VALUES ($1, 12, '2026-03-01', $2) RETURNING id`,
    [indicator, recordedBy],
  );
  return id;
}

describe('Authorization of the project, indicator and partnership mutations (table-driven)', () => {
  let t: TestApp;
  let c: Cast;
  let third: TestUser;
  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    third = await registerUser(t, 'third');
  });
  afterAll(() => t?.close());

  /** A project of an organization where the cast holds its roles, created by its OWNER. */
  const castProject = async () => {
    const org = await orgWithRoles(t, c);
    const { id } = (await t.ok(CREATE, { i: projectInput(org) }, c.owner.token)).createProject;
    return { org, project: id as string };
  };
  const indicatorOf = (project: string) => insertIndicator(t, project);
  const measurementOf = async (project: string) => insertMeasurement(t, await indicatorOf(project), c.owner.id);
  const partnership = async (initiator: string, partner: string, status: string) => {
    const [{ id }] = await dataSource(t).query(
      `INSERT INTO partnership (kind, status, initiator_id, partner_id, proposed_by_id) VALUES ('ALLIANCE', $1, $2, $3, $4) RETURNING id`,
      [status, initiator, partner, third.id],
    );
    return id as string;
  };

  it('lets only members act for their organization, and refused calls write nothing', async () => {
    const members: AuthzRow['allowed'] = ['member', 'admin', 'owner'];
    const rows: AuthzRow[] = [
      {
        name: 'createProject',
        allowed: members,
        tables: TABLES,
        prepare: async () => ({ query: CREATE, variables: { i: projectInput(await orgWithRoles(t, c)) } }),
      },
      {
        name: 'updateProject',
        allowed: members,
        tables: TABLES,
        prepare: async () => {
          const { org, project } = await castProject();
          return { query: UPDATE, variables: { id: project, i: projectInput(org, { title: 'Renamed project' }) } };
        },
      },
      {
        name: 'archiveProject',
        allowed: members,
        tables: TABLES,
        prepare: async () => ({
          query: `mutation($id: ID!) { archiveProject(id: $id) { id } }`,
          variables: { id: (await castProject()).project },
        }),
      },
      {
        name: 'addIndicator',
        allowed: members,
        tables: TABLES,
        prepare: async () => ({
          query: `mutation($p: ID!) { addIndicator(projectId: $p, name: "Pumps installed", unit: "pumps", baseline: 0, target: 12) { id } }`,
          variables: { p: (await castProject()).project },
        }),
      },
      {
        name: 'recordMeasurement',
        allowed: members,
        tables: TABLES,
        prepare: async () => ({
          query: `mutation($i: ID!) { recordMeasurement(indicatorId: $i, value: 12, measuredOn: "2026-03-01") { id } }`,
          variables: { i: await indicatorOf((await castProject()).project) },
        }),
      },
      {
        name: 'updateIndicator',
        allowed: members,
        tables: TABLES,
        prepare: async () => ({
          query: UPDATE_INDICATOR,
          variables: { id: await indicatorOf((await castProject()).project) },
        }),
      },
      {
        name: 'deleteIndicator',
        allowed: members,
        tables: TABLES,
        prepare: async () => ({
          query: DELETE_INDICATOR,
          variables: { id: await indicatorOf((await castProject()).project) },
        }),
      },
      {
        name: 'updateMeasurement',
        allowed: members,
        tables: TABLES,
        prepare: async () => ({
          query: UPDATE_MEASUREMENT,
          variables: { id: await measurementOf((await castProject()).project) },
        }),
      },
      {
        name: 'deleteMeasurement',
        allowed: members,
        tables: TABLES,
        prepare: async () => ({
          query: DELETE_MEASUREMENT,
          variables: { id: await measurementOf((await castProject()).project) },
        }),
      },
      {
        name: 'proposePartnership (for the initiator)',
        allowed: members,
        tables: TABLES,
        prepare: async () => ({
          query: `mutation($a: ID!, $b: ID!) { proposePartnership(initiatorId: $a, partnerId: $b, kind: ALLIANCE) { id } }`,
          variables: { a: await orgWithRoles(t, c), b: await orgOwnedBy(t, third) },
        }),
      },
      {
        name: 'respondToPartnership (as the partner)',
        allowed: members,
        refused: { outsider: 'NOT_FOUND', moderator: 'FORBIDDEN' },
        tables: TABLES,
        prepare: async () => ({
          query: `mutation($id: ID!) { respondToPartnership(id: $id, accept: true) { id } }`,
          variables: { id: await partnership(await orgOwnedBy(t, third), await orgWithRoles(t, c), 'PROPOSED') },
        }),
      },
      {
        name: 'endPartnership (either side)',
        allowed: members,
        tables: TABLES,
        prepare: async () => ({
          query: `mutation($id: ID!) { endPartnership(id: $id) { id } }`,
          variables: { id: await partnership(await orgOwnedBy(t, third), await orgWithRoles(t, c), 'ACTIVE') },
        }),
      },
    ];
    await runAuthzTable(t, c, rows);
  });

  it('an archived project: its members and (read-only) moderators see it and get CONFLICT when acting on it, others NOT_FOUND', async () => {
    const archived = async () => {
      const { org, project } = await castProject();
      await dataSource(t).query(`UPDATE project SET archived_at = now() WHERE id = $1`, [project]);
      return { org, project };
    };
    const { project } = await archived();
    const READ = `query($id: ID!) { project(id: $id) { id } }`;
    await expectVisibleToOwnersAndModerators(t, c, third, {
      query: READ,
      variables: { id: project },
      field: 'project',
      expected: { id: project },
    });
    const PROPOSE = `mutation($a: ID!, $b: ID!, $p: ID) { proposePartnership(initiatorId: $a, partnerId: $b, kind: ALLIANCE, projectId: $p) { id } }`;
    const rows: AuthzRow[] = [
      {
        name: 'updateProject (archived)',
        allowed: [],
        refused: {
          outsider: 'NOT_FOUND',
          member: 'CONFLICT',
          admin: 'CONFLICT',
          owner: 'CONFLICT',
          moderator: 'CONFLICT',
        },
        tables: TABLES,
        prepare: async () => {
          const { org, project: id } = await archived();
          return { query: UPDATE, variables: { id, i: projectInput(org, { title: 'Renamed project' }) } };
        },
      },
      ...(
        [
          ['updateIndicator', UPDATE_INDICATOR, false],
          ['deleteIndicator', DELETE_INDICATOR, false],
          ['updateMeasurement', UPDATE_MEASUREMENT, true],
          ['deleteMeasurement', DELETE_MEASUREMENT, true],
        ] as const
      ).map(([name, query, ofMeasurement]): AuthzRow => ({
        name: `${name} (archived)`,
        allowed: [],
        refused: {
          outsider: 'NOT_FOUND',
          member: 'CONFLICT',
          admin: 'CONFLICT',
          owner: 'CONFLICT',
          moderator: 'CONFLICT',
        },
        tables: TABLES,
        prepare: async () => {
          const { project } = await castProject();
          const indicator = await indicatorOf(project);
          const id = ofMeasurement ? await insertMeasurement(t, indicator, c.owner.id) : indicator;
          await dataSource(t).query(`UPDATE project SET archived_at = now() WHERE id = $1`, [project]);
          return { query, variables: { id } };
        },
      })),
      {
        // the project belongs to the partner, a third party: only its members and moderators may see it
        name: 'proposePartnership (on the partner’s archived project)',
        allowed: [],
        refused: { member: 'NOT_FOUND', admin: 'NOT_FOUND', owner: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => {
          const partner = await orgOwnedBy(t, third);
          const { id } = (await t.ok(CREATE, { i: projectInput(partner) }, third.token)).createProject;
          await dataSource(t).query(`UPDATE project SET archived_at = now() WHERE id = $1`, [id]);
          return { query: PROPOSE, variables: { a: await orgWithRoles(t, c), b: partner, p: id } };
        },
      },
      {
        name: 'proposePartnership (on its own archived project)',
        allowed: [],
        refused: { member: 'CONFLICT', admin: 'CONFLICT', owner: 'CONFLICT' },
        tables: TABLES,
        prepare: async () => {
          const { org, project: id } = await archived();
          return { query: PROPOSE, variables: { a: org, b: await orgOwnedBy(t, third), p: id } };
        },
      },
    ];
    await runAuthzTable(t, c, rows);
  });

  it('refuses the initiator answering its own proposal', async () => {
    const org = await orgWithRoles(t, c);
    const id = await partnership(org, await orgOwnedBy(t, third), 'PROPOSED');
    const res = await t.gql(
      `mutation($id: ID!) { respondToPartnership(id: $id, accept: true) { id } }`,
      { id },
      c.owner.token,
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('Bad input on projects and indicators', () => {
  let t: TestApp;
  let owner: TestUser;
  let orgId: string;
  let projectId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    owner = await registerUser(t, 'owner');
    orgId = await orgOwnedBy(t, owner);
    projectId = (await t.ok(CREATE, { i: projectInput(orgId) }, owner.token)).createProject.id;
  });
  afterAll(() => t?.close());

  const cases: Array<[string, Record<string, unknown>, string, RegExp | null]> = [
    ['SDG 18', { sdgs: [7, 18] }, 'input.sdgs', /1 and 17/],
    ['an unknown currency', { budget: { amount: 60000, currency: 'XYZ' } }, 'input.budget.currency', /XYZ/],
    ['an end date before the start date', { startDate: '2027-06-01', endDate: '2027-05-31' }, 'input.endDate', null],
    ['a negative budget', { budget: { amount: -1, currency: 'EUR' } }, 'input.budget.amount', null],
    ['negative funding sought', { fundingSought: { amount: -5, currency: 'EUR' } }, 'input.fundingSought.amount', null],
    [
      'funding sought above the budget',
      { fundingSought: { amount: 60001, currency: 'EUR' } },
      'input.fundingSought.amount',
      /budget/,
    ],
    ['an unknown country', { countries: ['GH', 'QQ'] }, 'input.countries', /QQ/],
    ['an unknown theme', { themes: ['MOON_LANDING'] }, 'input.themes', /MOON_LANDING/],
  ];

  it.each(cases)(
    'createProject and updateProject reject %s naming the field, writing nothing',
    async (_name, overrides, field, message) => {
      for (const [query, variables] of [
        [CREATE, { i: projectInput(orgId, overrides) }],
        [UPDATE, { id: projectId, i: projectInput(orgId, overrides) }],
      ] as const) {
        const before = await snapshot(t, ['project']);
        const res = await t.gql(query, variables, owner.token);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        if (message) expect(res.errors?.[0].message).toMatch(message);
        expect(await snapshot(t, ['project'])).toBe(before);
      }
    },
  );

  it('rejects an indicator without a name and a measurement of an impossible date', async () => {
    const indicator = await insertIndicator(t, projectId);
    const before = await snapshot(t, ['indicator', 'measurement']);
    const bad = await t.gql(
      `mutation($p: ID!) { addIndicator(projectId: $p, name: "", unit: "pumps", baseline: 0, target: 12) { id } }`,
      { p: projectId },
      owner.token,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const date = await t.gql(
      `mutation($i: ID!, $d: Date!) { recordMeasurement(indicatorId: $i, value: 1, measuredOn: $d) { id } }`,
      { i: indicator, d: '2026-13-45' },
      owner.token,
    );
    expect(date.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot(t, ['indicator', 'measurement'])).toBe(before);
  });
});
