import { TestApp } from './support/test-app.js';
import { createOrg, dataSource, orgInput, registerUser, TestUser } from './support/fixtures.js';
import { snapshot } from './support/authz.js';

const CREATE = `mutation($i: OrganizationInput!) { createOrganization(input: $i) { id } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { id } }`;
const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`;

describe('Bad input on accounts and organizations', () => {
  let t: TestApp;
  let user: TestUser;
  let orgId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    user = await registerUser(t, 'badinput');
    orgId = (await createOrg(t, user)).id;
  });
  afterAll(() => t?.close());

  const nextYear = new Date().getUTCFullYear() + 1;
  // Every row has four entries: Jest passes a `done` callback to a test function declaring more
  // parameters than its row has, and the test would then wait for it forever.
  const cases: Array<[string, Record<string, unknown>, string, RegExp | null]> = [
    ['unknown country of origin', { countriesOfOrigin: ['GH', 'XX'] }, 'input.countriesOfOrigin', /"XX"/],
    ['unknown country of residence', { countriesOfResidence: ['ZZ'] }, 'input.countriesOfResidence', /"ZZ"/],
    ['unknown language', { languages: ['en', 'qq'] }, 'input.languages', /"qq"/],
    ['unknown theme', { themes: ['EDUCATION', 'SPACE_TRAVEL'] }, 'input.themes', /"SPACE_TRAVEL"/],
    ['over-long name (200)', { name: 'N'.repeat(200) }, 'input.name', /^input\.name must be at most 150 characters$/],
    ['over-long description (5,000)', { description: 'D'.repeat(5000) }, 'input.description', null],
    ['negative member count', { memberCount: -3 }, 'input.memberCount', null],
    ['founding year in the future', { foundedYear: nextYear }, 'input.foundedYear', null],
    ['malformed contact e-mail', { contactEmail: 'not-an-email' }, 'input.contactEmail', null],
    ['website that is not a URL', { website: 'javascript:alert(1)' }, 'input.website', null],
  ];

  it.each(cases)(
    'createOrganization and updateOrganization reject %s naming the field, writing nothing',
    async (_name, overrides, field, message) => {
      for (const [query, variables] of [
        [CREATE, { i: orgInput(overrides) }],
        [UPDATE, { id: orgId, i: orgInput(overrides) }],
      ] as const) {
        const before = await snapshot(t, ['organization', 'membership']);
        const res = await t.gql(query, variables, user.token);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        if (message) expect(res.errors?.[0].message).toMatch(message);
        expect(await snapshot(t, ['organization', 'membership'])).toBe(before);
      }
    },
  );

  it('register rejects malformed e-mails and short passwords, naming the field, writing nothing', async () => {
    for (const [input, field] of [
      [{ email: 'not-an-email', password: 'long-enough-pw', name: 'X' }, 'input.email'],
      [{ email: 'a@b', password: 'long-enough-pw', name: 'X' }, 'input.email'],
      [{ email: 'short@example.org', password: '123456789', name: 'X' }, 'input.password'],
      [{ email: 'noname@example.org', password: 'long-enough-pw', name: '   ' }, 'input.name'],
    ] as const) {
      const before = await snapshot(t, ['app_user']);
      const res = await t.gql(REGISTER, { i: input });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await snapshot(t, ['app_user'])).toBe(before);
    }
    const login = await t.gql(`mutation { login(email: "nope", password: "whatever-long") { accessToken } }`);
    expect(login.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('answers CONFLICT for an e-mail that is already registered, whatever its case', async () => {
    const res = await t.gql(REGISTER, {
      i: { email: user.email.toUpperCase(), password: 'long-enough-pw', name: 'Twin' },
    });
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('validates directory arguments: page size, cursor, filter codes, id or slug', async () => {
    const q = `query($first: Int, $after: String, $filter: OrganizationFilter) { organizations(first: $first, after: $after, filter: $filter) { totalCount } }`;
    expect((await t.gql(q, { first: 0 })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await t.gql(q, { first: 101 })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await t.gql(q, { after: 'garbage' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    const badFilter = await t.gql(q, { filter: { languages: ['xx'] } });
    expect(badFilter.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.languages' });
    expect((await t.gql(`{ organization { id } }`)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(`{ organization(id: "not-a-uuid") { id } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(`{ organization(slug: "no-such-organization") { id } }`)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('never sends a stack trace or SQL to a client', async () => {
    const responses = await Promise.all([
      t.gql(CREATE, { i: orgInput({ countriesOfOrigin: ['XX'] }) }, user.token),
      t.gql(`{ organization(id: "not-a-uuid") { id } }`),
      t.gql(
        `mutation($m: ID!) { removeOrganizationMember(membershipId: $m) }`,
        { m: '00000000-0000-4000-8000-000000000000' },
        user.token,
      ),
    ]);
    const text = JSON.stringify(responses);
    expect(text).not.toMatch(/\n\s+at |SELECT|INSERT|QueryFailedError|node_modules/);
    const [{ n }] = await dataSource(t).query('SELECT count(*)::int AS n FROM organization');
    expect(n).toBe(1);
  });
});
