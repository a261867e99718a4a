import { TestApp } from './support/test-app.js';
import { dataSource, registerUser, TestUser } from './support/fixtures.js';
import { Cast, cast, orgOwnedBy, orgWithRoles } from './support/authz.js';
import { APPLY, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

const READ = `query($id: ID!) { application(id: $id) { id status project { id } organization { id } fund { id } } }`;
const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;
const AMOUNT = { amount: 40000, currency: 'EUR' };
const FUNDER = { kind: 'FUNDER', verification: 'VERIFIED', countries_of_origin: [] };

type Viewer = 'anonymous' | 'outsider' | 'third' | 'member' | 'admin' | 'owner' | 'moderator' | 'funderMember';

/**
 * application(id): the applicant organization's members see it whatever its status; the funder's
 * OWNER/ADMIN once it was submitted (never a DRAFT); moderators read-only; everyone else NOT_FOUND,
 * exactly as for an id that does not exist.
 */
describe('application(id)', () => {
  let t: TestApp;
  let c: Cast;
  let third: TestUser;
  let funderOwner: TestUser;
  let funderAdmin: TestUser;
  let funderMember: TestUser;
  let funderId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    [third, funderOwner, funderAdmin, funderMember] = await Promise.all(
      ['third', 'funder-owner', 'funder-admin', 'funder-member'].map((n) => registerUser(t, n)),
    );
    funderId = await orgOwnedBy(t, funderOwner, FUNDER);
    const ds = dataSource(t);
    for (const [user, role] of [
      [funderAdmin, 'ADMIN'],
      [funderMember, 'MEMBER'],
    ] as const) {
      await ds.query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, $3)`, [
        user.id,
        funderId,
        role,
      ]);
    }
  });
  afterAll(() => t?.close());

  /** An application of an organization where the cast holds its roles, to the funder's fund. */
  const application = async (draft: boolean) => {
    const fund = await publishedFund(t, funderOwner, funderId);
    const org = await orgWithRoles(t, c);
    const project = (await t.ok(CREATE_PROJECT, { i: projectInput(org) }, c.owner.token)).createProject.id;
    const { id } = (await t.ok(APPLY, { f: fund.id, p: project, a: AMOUNT, s: STATEMENT, d: draft }, c.owner.token))
      .applyToFund;
    return { id: id as string, fund: fund.id, project: project as string, org };
  };

  const seenBy = async (id: string) => {
    const tokens: Record<Viewer, string | undefined> = {
      anonymous: undefined,
      outsider: c.outsider.token,
      third: third.token,
      member: c.member.token,
      admin: c.admin.token,
      owner: c.owner.token,
      moderator: c.moderator.token,
      funderMember: funderMember.token,
    };
    const seen: Record<string, string> = {};
    for (const [viewer, token] of Object.entries(tokens)) {
      const res = await t.gql(READ, { id }, token);
      seen[viewer] = res.data?.application ? 'seen' : String(res.errors?.[0]?.extensions?.code);
    }
    for (const [viewer, user] of [
      ['funderOwner', funderOwner],
      ['funderAdmin', funderAdmin],
    ] as const) {
      const res = await t.gql(READ, { id }, user.token);
      seen[viewer] = res.data?.application ? 'seen' : String(res.errors?.[0]?.extensions?.code);
    }
    return seen;
  };

  it('shows a SUBMITTED application to the applicant, the funder’s OWNER/ADMIN and moderators', async () => {
    const a = await application(false);
    const res = await t.ok(READ, { id: a.id }, c.member.token);
    expect(res.application).toEqual({
      id: a.id,
      status: 'SUBMITTED',
      project: { id: a.project },
      organization: { id: a.org },
      fund: { id: a.fund },
    });
    expect(await seenBy(a.id)).toEqual({
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      third: 'NOT_FOUND',
      member: 'seen',
      admin: 'seen',
      owner: 'seen',
      moderator: 'seen',
      funderMember: 'NOT_FOUND',
      funderOwner: 'seen',
      funderAdmin: 'seen',
    });
  });

  it('hides a DRAFT from the funder, who cannot tell it from an unknown id', async () => {
    const a = await application(true);
    expect((await t.ok(READ, { id: a.id }, c.member.token)).application.status).toBe('DRAFT');
    const seen = await seenBy(a.id);
    expect(seen).toMatchObject({ member: 'seen', admin: 'seen', owner: 'seen', moderator: 'seen' });
    expect(seen).toMatchObject({ funderOwner: 'NOT_FOUND', funderAdmin: 'NOT_FOUND', outsider: 'NOT_FOUND' });
    const unknown = await t.gql(READ, { id: '00000000-0000-4000-8000-000000000000' }, funderOwner.token);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0].message.replace(/[0-9a-f-]{36}/, 'ID')).toBe(
      (await t.gql(READ, { id: a.id }, funderOwner.token)).errors?.[0].message.replace(/[0-9a-f-]{36}/, 'ID'),
    );
  });

  it('keeps showing a withdrawn application to the applicant and, once submitted, the funder', async () => {
    const a = await application(false);
    await t.ok(`mutation($id: ID!) { withdrawApplication(id: $id) { id } }`, { id: a.id }, c.owner.token);
    const seen = await seenBy(a.id);
    expect(seen).toMatchObject({ member: 'seen', funderOwner: 'seen', outsider: 'NOT_FOUND' });
    expect((await t.ok(READ, { id: a.id }, funderAdmin.token)).application.status).toBe('WITHDRAWN');
  });

  it('answers NOT_FOUND for an id that is not one, as every by-id query does', async () => {
    const res = await t.gql(READ, { id: 'not-an-id' }, c.owner.token);
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
