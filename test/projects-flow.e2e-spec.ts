import { TestApp } from './support/test-app.js';
import { addMember, createOrg, registerUser, TestUser } from './support/fixtures.js';
import { projectInput } from './support/project-input.js';

const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) {
  id title status kind budget { amount currency } fundingSought { amount currency } startDate endDate
  countries { code } themes { code } sdgs { number } organization { id } } }`;

describe('Projects and result indicators', () => {
  let t: TestApp;
  let owner: TestUser;
  let orgId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    owner = await registerUser(t, 'owner');
    orgId = (await createOrg(t, owner, { name: 'Ghana Hometown Association' })).id;
  });
  afterAll(() => t?.close());

  it('registers a project, measures progress exactly, and finds it by search and by each filter', async () => {
    const member = await registerUser(t, 'member');
    await addMember(t, owner, orgId, member, 'MEMBER');
    const project = (await t.ok(CREATE_PROJECT, { i: projectInput(orgId) }, member.token)).createProject;
    expect(project).toMatchObject({
      status: 'SEEKING_FUNDING',
      budget: { amount: 60000, currency: 'EUR' },
      fundingSought: { amount: 40000, currency: 'EUR' },
      startDate: '2027-01-15',
      endDate: '2028-06-30',
      countries: [{ code: 'GH' }],
      sdgs: [{ number: 2 }, { number: 7 }],
      organization: { id: orgId },
    });

    const indicator = (
      await t.ok(
        `mutation($p: ID!) { addIndicator(projectId: $p, name: "Hectares irrigated", unit: "ha", baseline: 10, target: 50) { id progress } }`,
        { p: project.id },
        member.token,
      )
    ).addIndicator;
    expect(indicator.progress).toBeNull();
    const RECORD = `mutation($i: ID!, $v: Float!, $d: Date!) { recordMeasurement(indicatorId: $i, value: $v, measuredOn: $d, note: "field survey") { id value measuredOn } }`;
    await t.ok(RECORD, { i: indicator.id, v: 30, d: '2026-09-01' }, member.token); // later date, recorded first
    await t.ok(RECORD, { i: indicator.id, v: 18, d: '2026-03-01' }, owner.token);
    const read = await t.ok(
      `query($id: ID!) { project(id: $id) { indicators { name progress measurements { value measuredOn note } } } }`,
      { id: project.id },
    );
    const [ind] = read.project.indicators;
    expect(ind.measurements.map((m: { measuredOn: string }) => m.measuredOn)).toEqual(['2026-03-01', '2026-09-01']);
    expect(ind.progress).toBe(0.5); // (30 − 10) / (50 − 10): the latest measurement by date counts

    // overshooting the target clamps to 1; a target equal to the baseline has no progress
    await t.ok(RECORD, { i: indicator.id, v: 80, d: '2026-10-01' }, member.token);
    const flat = (
      await t.ok(
        `mutation($p: ID!) { addIndicator(projectId: $p, name: "Pumps", unit: "pumps", baseline: 4, target: 4) { id } }`,
        { p: project.id },
        member.token,
      )
    ).addIndicator;
    await t.ok(RECORD, { i: flat.id, v: 6, d: '2026-10-01' }, member.token);
    const after = await t.ok(`query($id: ID!) { project(id: $id) { indicators { progress } } }`, { id: project.id });
    expect(after.project.indicators.map((i: { progress: number | null }) => i.progress)).toEqual([1, null]);

    // other projects so that filters have something to exclude
    await t.ok(
      CREATE_PROJECT,
      {
        i: projectInput(orgId, {
          title: 'Remittance savings groups',
          summary: 'Savings groups that pool remittances for small businesses',
          kind: 'REMITTANCES',
          status: 'ACTIVE',
          countries: ['SN'],
          themes: ['REMITTANCES'],
          sdgs: [1],
          budget: null,
          fundingSought: null,
        }),
      },
      owner.token,
    );

    const find = async (args: Record<string, unknown>) =>
      (
        await t.ok(
          `query($s: String, $f: ProjectFilter) { projects(search: $s, filter: $f, first: 50) { totalCount nodes { id } } }`,
          args,
        )
      ).projects.nodes.map((n: { id: string }) => n.id) as string[];
    expect(await find({ s: 'dry season' })).toEqual([project.id]);
    for (const [f, included] of [
      [{ kinds: ['SOCIAL_INVESTMENT'] }, true],
      [{ kinds: ['REMITTANCES'] }, false],
      [{ statuses: ['SEEKING_FUNDING'] }, true],
      [{ statuses: ['ACTIVE'] }, false],
      [{ countries: ['GH'] }, true],
      [{ countries: ['SN'] }, false],
      [{ themes: ['CLIMATE_AND_DISPLACEMENT'] }, true],
      [{ themes: ['REMITTANCES'] }, false],
      [{ sdgs: [7] }, true],
      [{ sdgs: [1] }, false],
      [{ organizationId: orgId }, true],
    ] as Array<[Record<string, unknown>, boolean]>) {
      expect({ f, found: (await find({ f })).includes(project.id) }).toEqual({ f, found: included });
    }

    // Organization.projects is a connection
    const org = await t.ok(
      `query($id: ID) { organization(id: $id) { projects(first: 1) { totalCount nodes { id } pageInfo { hasNextPage } } } }`,
      { id: orgId },
    );
    expect(org.organization.projects.totalCount).toBe(2);
    expect(org.organization.projects.pageInfo.hasNextPage).toBe(true);

    // archiving: leaves listings, keeps history, visible to members only
    const archived = await t.ok(
      `mutation($id: ID!) { archiveProject(id: $id) { archivedAt } }`,
      { id: project.id },
      member.token,
    );
    expect(archived.archiveProject.archivedAt).toBeTruthy();
    expect(await find({ s: 'dry season' })).toEqual([]);
    const anonymous = await t.gql(`query($id: ID!) { project(id: $id) { id } }`, { id: project.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const asMember = await t.ok(
      `query($id: ID!) { project(id: $id) { indicators { measurements { value } } } }`,
      { id: project.id },
      member.token,
    );
    expect(asMember.project.indicators[0].measurements).toHaveLength(3);
    const editArchived = await t.gql(
      `mutation($id: ID!, $i: ProjectInput!) { updateProject(id: $id, input: $i) { id } }`,
      { id: project.id, i: projectInput(orgId) },
      member.token,
    );
    expect(editArchived.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
