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
import { APPLY, DECIDE, fundInput, inDays, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

const TABLES = ['fund', 'fund_application', 'application_event'];
const CREATE_FUND = `mutation($i: FundInput!) { createFund(input: $i) { id } }`;
const UPDATE_FUND = `mutation($id: ID!, $i: UpdateFundInput!) { updateFund(id: $id, input: $i) { id } }`;
const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;
const AMOUNT = { amount: 40000, currency: 'EUR' };

describe('Authorization of the fund and application mutations (table-driven)', () => {
  let t: TestApp;
  let c: Cast;
  let third: TestUser;
  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    third = await registerUser(t, 'third');
  });
  afterAll(() => t?.close());

  const FUNDER = { kind: 'FUNDER', verification: 'VERIFIED', countries_of_origin: [] };
  /** A DRAFT fund of a funder where the cast holds its roles. */
  const castFund = async () => {
    const funder = await orgWithRoles(t, c, FUNDER);
    const { id } = (await t.ok(CREATE_FUND, { i: fundInput(funder) }, c.owner.token)).createFund;
    return { funder, fund: id as string };
  };
  /** A project of an eligible applicant organization (owned by `owner`, or with the cast's roles). */
  const applicantProject = async (mine: boolean) => {
    const org = mine ? await orgWithRoles(t, c) : await orgOwnedBy(t, third);
    const token = mine ? c.owner.token : third.token;
    return (await t.ok(CREATE_PROJECT, { i: projectInput(org) }, token)).createProject.id as string;
  };
  /** An application to a third party's fund by an organization where the cast holds its roles. */
  const castApplication = async (draft = false) => {
    const fund = await publishedFund(t, third, await orgOwnedBy(t, third, FUNDER));
    const project = await applicantProject(true);
    return (await t.ok(APPLY, { f: fund.id, p: project, a: AMOUNT, s: STATEMENT, d: draft }, c.owner.token)).applyToFund
      .id as string;
  };
  /** A SUBMITTED application to a fund of a funder where the cast holds its roles. */
  const applicationToCastFund = async () => {
    const { fund } = await castFund();
    await t.ok(`mutation($id: ID!) { publishFund(id: $id) { id } }`, { id: fund }, c.owner.token);
    const project = await applicantProject(false);
    return (await t.ok(APPLY, { f: fund, p: project, a: AMOUNT, s: STATEMENT }, third.token)).applyToFund.id as string;
  };

  it('lets only the allowed roles act, and refused calls write nothing', async () => {
    const managers: AuthzRow['allowed'] = ['admin', 'owner'];
    const members: AuthzRow['allowed'] = ['member', 'admin', 'owner'];
    // Outsiders do not see DRAFT funds and others' applications (NOT_FOUND); moderators see them but may not act.
    const hidden = { outsider: 'NOT_FOUND' };
    const rows: AuthzRow[] = [
      {
        name: 'createFund',
        allowed: managers,
        tables: TABLES,
        prepare: async () => ({ query: CREATE_FUND, variables: { i: fundInput(await orgWithRoles(t, c, FUNDER)) } }),
      },
      {
        name: 'updateFund',
        allowed: managers,
        refused: hidden,
        tables: TABLES,
        prepare: async () => {
          const { funder, fund } = await castFund();
          return { query: UPDATE_FUND, variables: { id: fund, i: fundInput(funder, { title: 'Renamed fund' }) } };
        },
      },
      {
        name: 'publishFund',
        allowed: managers,
        refused: hidden,
        tables: TABLES,
        prepare: async () => ({
          query: `mutation($id: ID!) { publishFund(id: $id) { id } }`,
          variables: { id: (await castFund()).fund },
        }),
      },
      {
        name: 'closeFund',
        allowed: managers,
        tables: TABLES,
        prepare: async () => {
          const { fund } = await castFund();
          await dataSource(t).query(`UPDATE fund SET status = 'OPEN' WHERE id = $1`, [fund]);
          return { query: `mutation($id: ID!) { closeFund(id: $id) { id } }`, variables: { id: fund } };
        },
      },
      {
        name: 'applyToFund (with its own project)',
        allowed: members,
        tables: TABLES,
        prepare: async () => {
          const fund = await publishedFund(t, third, await orgOwnedBy(t, third, FUNDER));
          return { query: APPLY, variables: { f: fund.id, p: await applicantProject(true), a: AMOUNT, s: STATEMENT } };
        },
      },
      {
        name: 'submitApplication (a DRAFT)',
        allowed: members,
        refused: hidden,
        tables: TABLES,
        prepare: async () => ({
          query: `mutation($id: ID!) { submitApplication(id: $id) { id } }`,
          variables: { id: await castApplication(true) },
        }),
      },
      {
        name: 'withdrawApplication',
        allowed: members,
        refused: hidden,
        tables: TABLES,
        prepare: async () => ({
          query: `mutation($id: ID!) { withdrawApplication(id: $id) { id } }`,
          variables: { id: await castApplication() },
        }),
      },
      {
        name: 'decideApplication (as the funder)',
        allowed: managers,
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => ({
          query: DECIDE,
          variables: { id: await applicationToCastFund(), s: 'UNDER_REVIEW', n: 'Reading it' },
        }),
      },
      {
        name: 'decideApplication (an award with an awardedAmount)',
        allowed: managers,
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => {
          const id = await applicationToCastFund();
          await dataSource(t).query(`UPDATE fund_application SET status = 'SHORTLISTED' WHERE id = $1`, [id]);
          return {
            query: `mutation($id: ID!, $aw: Float) { decideApplication(id: $id, status: AWARDED, awardedAmount: $aw) { id } }`,
            variables: { id, aw: 30000 },
          };
        },
      },
      {
        name: 'decideApplication (a rejection with its note)',
        allowed: managers,
        refused: { outsider: 'NOT_FOUND' },
        tables: TABLES,
        prepare: async () => ({
          query: DECIDE,
          variables: { id: await applicationToCastFund(), s: 'REJECTED', n: 'Outside the priorities of this call' },
        }),
      },
      {
        name: 'updateApplication (a DRAFT)',
        allowed: members,
        refused: hidden,
        tables: TABLES,
        prepare: async () => ({
          query: `mutation($id: ID!, $i: UpdateApplicationInput!) { updateApplication(id: $id, input: $i) { id } }`,
          variables: { id: await castApplication(true), i: { statement: `${STATEMENT} Edited before submitting.` } },
        }),
      },
    ];
    await runAuthzTable(t, c, rows);
  });

  it('shows a DRAFT fund to the funder’s members and (read-only) moderators only', async () => {
    const READ = `query($id: ID!) { fund(id: $id) { id status } }`;
    const { fund } = await castFund();
    await expectVisibleToOwnersAndModerators(t, c, third, {
      query: READ,
      variables: { id: fund },
      field: 'fund',
      expected: { id: fund, status: 'DRAFT' },
    });
  });

  it('refuses a fund from an organization that is not of a funder kind', async () => {
    const diaspora = await orgWithRoles(t, c);
    const res = await t.gql(CREATE_FUND, { i: fundInput(diaspora) }, c.owner.token);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/DIASPORA_ORGANIZATION/);
  });
});

describe('Bad input on funds and applications', () => {
  let t: TestApp;
  let owner: TestUser;
  let applicant: TestUser;
  let funderId: string;
  let projectId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    owner = await registerUser(t, 'funder');
    applicant = await registerUser(t, 'applicant');
    funderId = await orgOwnedBy(t, owner, { kind: 'FUNDER', verification: 'VERIFIED', countries_of_origin: [] });
    const org = await orgOwnedBy(t, applicant);
    projectId = (await t.ok(CREATE_PROJECT, { i: projectInput(org) }, applicant.token)).createProject.id;
  });
  afterAll(() => t?.close());

  const cases: Array<[string, Record<string, unknown>, string, RegExp | null]> = [
    ['minGrant above maxGrant', { minGrant: 70000, maxGrant: 60000 }, 'input.minGrant', /maxGrant/],
    ['co-funding above 100', { coFundingPercent: 101 }, 'input.coFundingPercent', null],
    ['negative co-funding', { coFundingPercent: -1 }, 'input.coFundingPercent', null],
    ['an unknown currency', { currency: 'XYZ' }, 'input.currency', /XYZ/],
    ['an unknown theme', { themes: ['EDUCATION', 'TIME_TRAVEL'] }, 'input.themes', /TIME_TRAVEL/],
    ['SDG 0', { sdgs: [0] }, 'input.sdgs', null],
    [
      'an unknown country of residence',
      { eligibility: { countriesOfResidence: ['XX'] } },
      'input.eligibility.countriesOfResidence',
      /XX/,
    ],
  ];

  it.each(cases)(
    'createFund and updateFund reject %s naming the field, writing nothing',
    async (_n, overrides, field, message) => {
      const { id } = (await t.ok(CREATE_FUND, { i: fundInput(funderId) }, owner.token)).createFund;
      for (const [query, variables] of [
        [CREATE_FUND, { i: fundInput(funderId, overrides) }],
        [UPDATE_FUND, { id, i: fundInput(funderId, overrides) }],
      ] as const) {
        const before = await snapshot(t, ['fund']);
        const res = await t.gql(query, variables, owner.token);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        if (message) expect(res.errors?.[0].message).toMatch(message);
        expect(await snapshot(t, ['fund'])).toBe(before);
      }
    },
  );

  it('refuses to publish a fund whose deadline has passed', async () => {
    const { id } = (await t.ok(CREATE_FUND, { i: fundInput(funderId, { deadline: inDays(-1) }) }, owner.token))
      .createFund;
    const before = await snapshot(t, ['fund']);
    const res = await t.gql(`mutation($id: ID!) { publishFund(id: $id) { id status } }`, { id }, owner.token);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline' });
    expect(await snapshot(t, ['fund'])).toBe(before);
  });

  it('refuses applications to a closed fund and with another organization’s project', async () => {
    const closed = await publishedFund(t, owner, funderId);
    await t.ok(`mutation($id: ID!) { closeFund(id: $id) { id } }`, { id: closed.id }, owner.token);
    const open = await publishedFund(t, owner, funderId);
    const before = await snapshot(t, TABLES);

    const toClosed = await t.gql(APPLY, { f: closed.id, p: projectId, a: AMOUNT, s: STATEMENT }, applicant.token);
    expect(toClosed.errors?.[0].extensions?.code).toBe('CONFLICT');

    // The funder's OWNER tries to apply with the applicant's project: not theirs.
    const foreign = await t.gql(APPLY, { f: open.id, p: projectId, a: AMOUNT, s: STATEMENT }, owner.token);
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const tooMuch = await t.gql(
      APPLY,
      { f: open.id, p: projectId, a: { amount: 90000, currency: 'EUR' }, s: STATEMENT },
      applicant.token,
    );
    expect(tooMuch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestedAmount.amount' });
    const otherCurrency = await t.gql(
      APPLY,
      { f: open.id, p: projectId, a: { amount: 40000, currency: 'USD' }, s: STATEMENT },
      applicant.token,
    );
    expect(otherCurrency.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot(t, TABLES)).toBe(before);
  });
});
