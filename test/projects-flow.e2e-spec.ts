import { TestApp } from './support/test-app.js';
import { addMember, createOrg, registerUser, TestUser } from './support/fixtures.js';
import { projectInput } from './support/project-input.js';
import { graphql } from './generated/index.js';
import type { ProjectFilter, ProjectsFlowFindQueryVariables } from './generated/graphql.js';

const CREATE_PROJECT = graphql(`
  mutation ProjectsFlowCreate($i: ProjectInput!) {
    createProject(input: $i) {
      id
      title
      status
      kind
      budget {
        amount
        currency
      }
      fundingSought {
        amount
        currency
      }
      startDate
      endDate
      countries {
        code
      }
      themes {
        code
      }
      sdgs {
        number
      }
      organization {
        id
      }
    }
  }
`);
const RECORD = graphql(`
  mutation ProjectsFlowRecord($i: ID!, $v: Float!, $d: Date!) {
    recordMeasurement(indicatorId: $i, value: $v, measuredOn: $d, note: "field survey") {
      id
      value
      measuredOn
    }
  }
`);
const FIND = graphql(`
  query ProjectsFlowFind($s: String, $f: ProjectFilter) {
    projects(search: $s, filter: $f, first: 50) {
      totalCount
      nodes {
        id
      }
    }
  }
`);

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

  describe('registers a project, measures progress exactly, and finds it by search and by each filter', () => {
    // Shared by the steps, in order.
    let member: TestUser;
    let projectId: string;
    let indicatorId: string;
    const find = async (args: ProjectsFlowFindQueryVariables) =>
      (await t.ok(FIND, args)).projects.nodes.map((n) => n.id);

    it('1. a member registers a project of the organization', async () => {
      member = await registerUser(t, 'member');
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
      projectId = project.id;
    });

    it('2. progress is exact: the latest measurement by date counts, whatever the order of recording', async () => {
      const indicator = (
        await t.ok(
          graphql(`
            mutation ProjectsFlowAddIndicator($p: ID!) {
              addIndicator(projectId: $p, name: "Hectares irrigated", unit: "ha", baseline: 10, target: 50) {
                id
                progress
              }
            }
          `),
          { p: projectId },
          member.token,
        )
      ).addIndicator;
      expect(indicator.progress).toBeNull();
      indicatorId = indicator.id;
      await t.ok(RECORD, { i: indicatorId, v: 30, d: '2026-09-01' }, member.token); // later date, recorded first
      await t.ok(RECORD, { i: indicatorId, v: 18, d: '2026-03-01' }, owner.token);
      const read = await t.ok(
        graphql(`
          query ProjectsFlowIndicators($id: ID!) {
            project(id: $id) {
              indicators {
                name
                progress
                measurements {
                  value
                  measuredOn
                  note
                }
              }
            }
          }
        `),
        { id: projectId },
      );
      const [ind] = read.project!.indicators;
      expect(ind.measurements.map((m) => m.measuredOn)).toEqual(['2026-03-01', '2026-09-01']);
      expect(ind.progress).toBe(0.5); // (30 − 10) / (50 − 10): the latest measurement by date counts
    });

    it('3. overshooting the target clamps to 1; a target equal to the baseline has no progress', async () => {
      await t.ok(RECORD, { i: indicatorId, v: 80, d: '2026-10-01' }, member.token);
      const flat = (
        await t.ok(
          graphql(`
            mutation ProjectsFlowAddFlatIndicator($p: ID!) {
              addIndicator(projectId: $p, name: "Pumps", unit: "pumps", baseline: 4, target: 4) {
                id
              }
            }
          `),
          { p: projectId },
          member.token,
        )
      ).addIndicator;
      await t.ok(RECORD, { i: flat.id, v: 6, d: '2026-10-01' }, member.token);
      const after = await t.ok(
        graphql(`
          query ProjectsFlowProgress($id: ID!) {
            project(id: $id) {
              indicators {
                progress
              }
            }
          }
        `),
        { id: projectId },
      );
      expect(after.project?.indicators.map((i) => i.progress)).toEqual([1, null]);
    });

    it('4. the directory finds it by search and by each filter, and another project by the others', async () => {
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
      expect(await find({ s: 'dry season' })).toEqual([projectId]);
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
      ] satisfies Array<[ProjectFilter, boolean]>) {
        expect({ f, found: (await find({ f })).includes(projectId) }).toEqual({ f, found: included });
      }
    });

    it('5. Organization.projects is a connection', async () => {
      const org = await t.ok(
        graphql(`
          query ProjectsFlowOrganizationProjects($id: ID) {
            organization(id: $id) {
              projects(first: 1) {
                totalCount
                nodes {
                  id
                }
                pageInfo {
                  hasNextPage
                }
              }
            }
          }
        `),
        { id: orgId },
      );
      expect(org.organization?.projects.totalCount).toBe(2);
      expect(org.organization?.projects.pageInfo.hasNextPage).toBe(true);
    });

    it('6. archiving: leaves listings, keeps history, visible to members only, no more edits', async () => {
      const archived = await t.ok(
        graphql(`
          mutation ProjectsFlowArchive($id: ID!) {
            archiveProject(id: $id) {
              archivedAt
            }
          }
        `),
        { id: projectId },
        member.token,
      );
      expect(archived.archiveProject.archivedAt).toBeTruthy();
      expect(await find({ s: 'dry season' })).toEqual([]);
      const PROJECT = graphql(`
        query ProjectsFlowArchived($id: ID!) {
          project(id: $id) {
            id
            indicators {
              measurements {
                value
              }
            }
          }
        }
      `);
      expect(await t.errorCode(PROJECT, { id: projectId })).toBe('NOT_FOUND');
      const asMember = await t.ok(PROJECT, { id: projectId }, member.token);
      expect(asMember.project?.indicators[0].measurements).toHaveLength(3);
      const UPDATE = `mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { id } }`;
      expect(await t.errorCode(UPDATE, { id: projectId, i: projectInput(orgId) }, member.token)).toBe('CONFLICT');
    });
  });
});
