import { randomUUID } from 'node:crypto';
import { TestApp } from './support/test-app.js';
import { dataSource, TestUser } from './support/fixtures.js';
import { Cast, cast, orgOwnedBy, orgWithRoles, snapshot } from './support/authz.js';
import { APPLY, DECIDE, fundInput, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import { offerInput } from './support/inputs.js';
import { projectInput } from './support/project-input.js';

const CREATE_FUND = `mutation($i: FundInput!) { createFund(input: $i) { id } }`;
const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;
const CREATE_TRAINING = `mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) { id } }`;
const PROPOSE = `mutation($i: ID!, $p: ID!, $project: ID) {
  proposePartnership(initiatorId: $i, partnerId: $p, kind: KNOWLEDGE_EXCHANGE, projectId: $project) { id } }`;

const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

describe('Domain input hardening: client errors are BAD_USER_INPUT or NOT_FOUND, never a 500', () => {
  let t: TestApp;
  let c: Cast;
  let funderId: string;
  let orgId: string;
  let partnerId: string;
  let providerId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    funderId = await orgWithRoles(t, c, { kind: 'FUNDER', verification: 'VERIFIED' });
    orgId = await orgWithRoles(t, c);
    partnerId = await orgWithRoles(t, c);
    providerId = await orgWithRoles(t, c, { kind: 'TRAINING_PROVIDER', verification: 'VERIFIED' });
  });
  afterAll(() => t?.close());

  const TABLES = ['fund', 'project', 'training_offer', 'partnership'];

  async function refused(query: string, variables: Record<string, unknown>, user: TestUser | null, field: string) {
    const before = await snapshot(t, TABLES);
    const res = await t.gql(query, variables, user?.token);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot(t, TABLES)).toBe(before);
    return res.errors?.[0].message ?? '';
  }

  describe('numbers fit their columns', () => {
    it.each([
      ['minGrant', { minGrant: 1e12, maxGrant: null }],
      ['maxGrant', { maxGrant: 1e13, totalBudget: null }],
      ['totalBudget', { totalBudget: 1e15 }],
    ])('createFund refuses an overflowing %s naming the field', async (field, overrides) => {
      const message = await refused(CREATE_FUND, { i: fundInput(funderId, overrides) }, c.owner, `input.${field}`);
      expect(message).toMatch(new RegExp(`^input\\.${field} must be at most \\d+$`));
    });

    it('createFund accepts the largest amounts (they fit numeric(14,2) and numeric(16,2))', async () => {
      const i = fundInput(funderId, {
        minGrant: 9_999_999_999,
        maxGrant: 9_999_999_999,
        totalBudget: 99_999_999_999_999,
      });
      const { createFund } = await t.ok(CREATE_FUND, { i }, c.owner.token);
      const [row] = await dataSource(t).query('SELECT max_grant, total_budget FROM fund WHERE id = $1', [
        createFund.id,
      ]);
      expect(row).toEqual({ max_grant: '9999999999.00', total_budget: '99999999999999.00' });
    });

    it('createProject refuses a budget of 1e12 and overflowing beneficiaries, naming the field', async () => {
      const budget = { amount: 1e12, currency: 'EUR' };
      await refused(
        CREATE_PROJECT,
        { i: projectInput(orgId, { budget, fundingSought: null }) },
        c.owner,
        'input.budget.amount',
      );
      await refused(
        CREATE_PROJECT,
        { i: projectInput(orgId, { beneficiaries: 2_100_000_000 }) },
        c.owner,
        'input.beneficiaries',
      );
    });

    it('createTrainingOffer refuses a cost of 1e11 naming input.cost.amount', async () => {
      const i = offerInput(providerId, { cost: { amount: 1e11, currency: 'EUR' } });
      await refused(CREATE_TRAINING, { i }, c.owner, 'input.cost.amount');
    });

    it('applyToFund refuses a requested amount beyond any column', async () => {
      const apply = `mutation($f: ID!, $p: ID!, $a: MoneyInput!) {
        applyToFund(fundId: $f, projectId: $p, requestedAmount: $a, statement: "A statement that is long enough to pass.") { id } }`;
      const vars = { f: randomUUID(), p: randomUUID(), a: { amount: 1e12, currency: 'EUR' } };
      await refused(apply, vars, c.owner, 'requestedAmount.amount');
    });
  });

  describe('lists are bounded', () => {
    it('a filter with more than 300 country codes is BAD_USER_INPUT naming it', async () => {
      const q = `query($a: [String!]) { organizations(filter: { countriesOfOrigin: $a }) { totalCount } }`;
      const message = await refused(q, { a: Array(301).fill('GH') }, null, 'filter.countriesOfOrigin');
      expect(message).toMatch(/at most 300/);
      expect((await t.ok(q, { a: Array(300).fill('GH') })).organizations.totalCount).toBeGreaterThan(0);
    });

    it('70,000 codes (beyond the 65,535 SQL parameters) answer BAD_USER_INPUT, not a 500', async () => {
      const codes = Array.from({ length: 70_000 }, (_, i) => `C${i}`);
      const q = `query($a: [String!]) { projects(filter: { countries: $a }) { totalCount } }`;
      const res = await t.gql(q, { a: codes });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it.each([
      ['funds themes', `query($a: [String!]) { funds(themes: $a) { totalCount } }`, 'themes', 'EDUCATION'],
      [
        'project filter themes',
        `query($a: [String!]) { projects(filter: { themes: $a }) { totalCount } }`,
        'filter.themes',
        'EDUCATION',
      ],
      [
        'project filter kinds',
        `query($a: [ProjectKind!]) { projects(filter: { kinds: $a }) { totalCount } }`,
        'filter.kinds',
        'SOCIAL_INVESTMENT',
      ],
      [
        'organization filter languages',
        `query($a: [String!]) { organizations(filter: { languages: $a }) { totalCount } }`,
        'filter.languages',
        'en',
      ],
      [
        'training capacity areas',
        `query($a: [CapacityArea!]) { trainingOffers(capacityAreas: $a) { totalCount } }`,
        'capacityAreas',
        'FUNDRAISING',
      ],
    ])('%s: a list beyond its limit is BAD_USER_INPUT', async (_name, q, field, value) => {
      await refused(q, { a: Array(1000).fill(value) }, null, field);
    });

    it('project sdgs in a filter must be SDG numbers (a smallint overflow never reaches SQL)', async () => {
      const q = `query { projects(filter: { sdgs: [40000] }) { totalCount } }`;
      await refused(q, {}, null, 'filter.sdgs');
    });
  });

  describe('malformed pagination cursors', () => {
    const FUNDS = `query($a: String) { funds(first: 1, after: $a) { nodes { id } pageInfo { endCursor } } }`;
    const BY_MEMBERS = `query($a: String) { organizations(first: 1, after: $a, orderBy: MEMBER_COUNT) { nodes { id } } }`;
    const SEARCH = `query($a: String) { organizations(first: 1, after: $a, search: "organization") { nodes { id } } }`;
    const uuid = '00000000-0000-4000-8000-000000000000';

    it.each([
      ['not base64 JSON', FUNDS, '!!not a cursor!!'],
      ['the wrong number of values', FUNDS, cursor([uuid])],
      ['text where an instant belongs', FUNDS, cursor(['yesterday', uuid])],
      ['an impossible date', FUNDS, cursor(['2027-02-30T00:00:00.000Z', uuid])],
      ['text where an id belongs', FUNDS, cursor(['2027-01-01T00:00:00.000Z', 'not-an-id'])],
      ['a fraction where an integer belongs', BY_MEMBERS, cursor([1.5, uuid])],
      ['an integer beyond int4', BY_MEMBERS, cursor([1e12, uuid])],
      ['text where a rank belongs', SEARCH, cursor(['high', uuid])],
      [
        'a lone surrogate in a name',
        `query($a: String) { organizations(first: 1, after: $a) { nodes { id } } }`,
        cursor(['\ud800', uuid]),
      ],
    ])('%s: BAD_USER_INPUT naming after', async (_name, q, after) => {
      const res = await t.gql(q, { a: after });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('a cursor the API made still pages', async () => {
      const q = `query($a: String) { organizations(first: 1, after: $a, orderBy: MEMBER_COUNT) { nodes { id } pageInfo { endCursor } } }`;
      const first = (await t.ok(q, {})).organizations;
      const second = (await t.ok(q, { a: first.pageInfo.endCursor })).organizations;
      expect(second.nodes[0].id).not.toBe(first.nodes[0].id);
    });
  });

  describe('writes that committed while the client was told they failed', () => {
    const ENROL = `mutation($o: ID!, $t: ID!) { enrol(organizationId: $o, trainingId: $t) { id status organization { id } training { id } } }`;
    const ASSESS = `mutation($o: ID!) { submitCapacityAssessment(organizationId: $o, scores: [{ area: FUNDRAISING, level: 2 }]) {
      id organization { id } } }`;
    const count = async (sql: string, params: unknown[]) => (await dataSource(t).query(sql, params))[0].n as number;

    it('enrol with upper-case ids enrols once and answers it; a retry is CONFLICT, not a second row', async () => {
      const training = (await t.ok(CREATE_TRAINING, { i: offerInput(providerId) }, c.owner.token)).createTrainingOffer;
      await t.ok(`mutation($id: ID!) { publishTrainingOffer(id: $id) { id } }`, { id: training.id }, c.owner.token);
      const res = await t.ok(ENROL, { o: orgId.toUpperCase(), t: training.id.toUpperCase() }, c.member.token);
      expect(res.enrol).toMatchObject({
        status: 'ACCEPTED',
        organization: { id: orgId },
        training: { id: training.id },
      });
      const retry = await t.gql(ENROL, { o: orgId, t: training.id }, c.member.token);
      expect(retry.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await count('SELECT count(*)::int AS n FROM enrolment WHERE training_id = $1', [training.id])).toBe(1);
    });

    it('submitCapacityAssessment with an upper-case organization id writes one assessment and answers it', async () => {
      const before = await count('SELECT count(*)::int AS n FROM capacity_assessment WHERE organization_id = $1', [
        orgId,
      ]);
      const res = await t.ok(ASSESS, { o: orgId.toUpperCase() }, c.member.token);
      expect(res.submitCapacityAssessment.organization.id).toBe(orgId);
      const after = await count('SELECT count(*)::int AS n FROM capacity_assessment WHERE organization_id = $1', [
        orgId,
      ]);
      expect(after).toBe(before + 1);
    });

    it('updateProject with status null changes nothing and names input.status; left out, the status stays', async () => {
      const UPDATE = `mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { id title status } }`;
      const project = (await t.ok(CREATE_PROJECT, { i: projectInput(orgId) }, c.owner.token)).createProject;
      const i = projectInput(orgId, { title: 'A title that must not be saved', status: null });
      const message = await refused(UPDATE, { id: project.id, i }, c.owner, 'input.status');
      expect(message).toMatch(/^input\.status must not be null/);
      const { status: _omitted, ...rest } = projectInput(orgId, { title: 'Solar irrigation, second phase' });
      const kept = await t.ok(UPDATE, { id: project.id.toUpperCase(), i: rest }, c.owner.token);
      expect(kept.updateProject).toEqual({
        id: project.id,
        title: 'Solar irrigation, second phase',
        status: 'SEEKING_FUNDING',
      });
    });
  });

  describe('the budget rule holds after awards', () => {
    const UPDATE_FUND = `mutation($id: ID!, $i: UpdateFundInput!) { updateFund(id: $id, input: $i) { id totalBudget currency } }`;
    const awardedSum = async (fundId: string) =>
      Number(
        (
          await dataSource(t).query(
            `SELECT coalesce(sum(requested_amount), 0) AS s FROM fund_application WHERE fund_id = $1 AND status = 'AWARDED'`,
            [fundId],
          )
        )[0].s,
      );

    /** A published fund (budget 500,000 EUR) with one application of 40,000 EUR, shortlisted. */
    async function fundWithShortlist() {
      const fund = await publishedFund(t, c.owner, funderId);
      const project = (await t.ok(CREATE_PROJECT, { i: projectInput(orgId) }, c.owner.token)).createProject;
      const vars = { f: fund.id, p: project.id, a: { amount: 40000, currency: 'EUR' }, s: STATEMENT };
      const application = (await t.ok(APPLY, vars, c.member.token)).applyToFund;
      await t.ok(DECIDE, { id: application.id, s: 'SHORTLISTED' }, c.owner.token);
      return { fundId: fund.id, applicationId: application.id };
    }

    it('refuses a totalBudget below the sum awarded (input.totalBudget) and accepts one that covers it', async () => {
      const { fundId, applicationId } = await fundWithShortlist();
      await t.ok(DECIDE, { id: applicationId, s: 'AWARDED' }, c.owner.token);
      const message = await refused(
        UPDATE_FUND,
        { id: fundId, i: fundInput(funderId, { totalBudget: 39999.99, maxGrant: 30000, minGrant: 1000 }) },
        c.owner,
        'input.totalBudget',
      );
      expect(message).toMatch(/at least 40000(\.00)? EUR, the sum already awarded/);
      const ok = await t.ok(
        UPDATE_FUND,
        { id: fundId, i: fundInput(funderId, { totalBudget: 40000, maxGrant: 40000 }) },
        c.owner.token,
      );
      expect(ok.updateFund.totalBudget).toBe(40000);
    });

    it('refuses a currency change once applications exist (input.currency)', async () => {
      const { fundId } = await fundWithShortlist();
      const message = await refused(
        UPDATE_FUND,
        { id: fundId, i: fundInput(funderId, { currency: 'USD' }) },
        c.owner,
        'input.currency',
      );
      expect(message).toMatch(/cannot change from EUR/);
      // without applications the currency may still change
      const fresh = (await t.ok(CREATE_FUND, { i: fundInput(funderId) }, c.owner.token)).createFund;
      const changed = await t.ok(
        UPDATE_FUND,
        { id: fresh.id, i: fundInput(funderId, { currency: 'usd' }) },
        c.owner.token,
      );
      expect(changed.updateFund.currency).toBe('USD');
    });

    it('a concurrent award and budget cut never leave more awarded than the budget', async () => {
      for (let round = 0; round < 4; round++) {
        const { fundId, applicationId } = await fundWithShortlist();
        const cut = fundInput(funderId, { totalBudget: 30000, maxGrant: 30000 });
        const [award, update] = await Promise.all([
          t.gql(DECIDE, { id: applicationId, s: 'AWARDED' }, c.owner.token),
          t.gql(UPDATE_FUND, { id: fundId, i: cut }, c.owner.token),
        ]);
        const outcomes = [award, update].map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
        expect(outcomes.filter((o) => o !== 'OK')).toHaveLength(1); // exactly one of them wins
        expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(outcomes.find((o) => o !== 'OK'));
        const [{ total_budget }] = await dataSource(t).query('SELECT total_budget FROM fund WHERE id = $1', [fundId]);
        expect(await awardedSum(fundId)).toBeLessThanOrEqual(Number(total_budget));
      }
    });
  });

  describe('one visibility rule for every path to a project', () => {
    const ARCHIVE = `mutation($id: ID!) { archiveProject(id: $id) { id } }`;
    const RESPOND = `mutation($id: ID!) { respondToPartnership(id: $id, accept: true) { status } }`;
    const PARTNERSHIPS = `query($o: ID!) { organization(id: $o) { partnerships { id project { id } } } }`;
    const PROJECT = `query($id: ID!) { project(id: $id) { id } }`;

    it('an archived project behind an active partnership is null for those who may not see it, as project(id)', async () => {
      const project = (await t.ok(CREATE_PROJECT, { i: projectInput(orgId) }, c.owner.token)).createProject;
      const other = await orgWithRoles(t, c);
      const proposed = (await t.ok(PROPOSE, { i: orgId, p: other, project: project.id }, c.owner.token))
        .proposePartnership;
      await t.ok(RESPOND, { id: proposed.id }, c.owner.token);
      const seen = async (token?: string) =>
        (await t.ok(PARTNERSHIPS, { o: orgId }, token)).organization.partnerships.find(
          (p: { id: string }) => p.id === proposed.id,
        ).project;
      expect(await seen()).toEqual({ id: project.id });

      await t.ok(ARCHIVE, { id: project.id }, c.owner.token);
      expect((await t.gql(PROJECT, { id: project.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      for (const viewer of [undefined, c.outsider.token]) expect(await seen(viewer)).toBeNull();
      // its organization's members and moderators still see it, on both paths
      for (const viewer of [c.member, c.moderator]) {
        expect(await seen(viewer.token)).toEqual({ id: project.id });
        expect((await t.ok(PROJECT, { id: project.id }, viewer.token)).project).toEqual({ id: project.id });
      }
    });

    it('the funder still sees the archived project behind an application to its fund, as the applicant does', async () => {
      const funder = await orgOwnedBy(t, c.outsider, {
        kind: 'FUNDER',
        verification: 'VERIFIED',
        countries_of_origin: [],
      });
      const fund = await publishedFund(t, c.outsider, funder);
      const project = (await t.ok(CREATE_PROJECT, { i: projectInput(orgId) }, c.owner.token)).createProject;
      const vars = { f: fund.id, p: project.id, a: { amount: 40000, currency: 'EUR' }, s: STATEMENT };
      await t.ok(APPLY, vars, c.member.token);
      await t.ok(ARCHIVE, { id: project.id }, c.owner.token);
      const q = `query($id: ID!) { fund(id: $id) { applications { organization { id } project { id } } } }`;
      expect((await t.ok(q, { id: fund.id }, c.outsider.token)).fund.applications).toEqual([
        { organization: { id: orgId }, project: { id: project.id } },
      ]);
      const mine = `query($id: ID!) { project(id: $id) { applications { project { id } } } }`;
      expect((await t.ok(mine, { id: project.id }, c.member.token)).project.applications).toEqual([
        { project: { id: project.id } },
      ]);
    });
  });

  describe('optional ids given as "" or as a non-UUID', () => {
    it('proposePartnership(projectId: "") is NOT_FOUND and writes nothing', async () => {
      for (const project of ['', 'not-a-uuid']) {
        const before = await snapshot(t, ['partnership', 'partnership_event', 'outbox_event']);
        const res = await t.gql(PROPOSE, { i: orgId, p: partnerId, project }, c.owner.token);
        expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        expect(await snapshot(t, ['partnership', 'partnership_event', 'outbox_event'])).toBe(before);
      }
    });

    it('fundMatches and checkEligibility with projectId "" are NOT_FOUND', async () => {
      const fund = (await t.ok(CREATE_FUND, { i: fundInput(funderId) }, c.owner.token)).createFund;
      const matches = await t.gql(`query($o: ID!) { fundMatches(organizationId: $o, projectId: "") { score } }`, {
        o: orgId,
      });
      expect(matches.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const check = await t.gql(
        `query($f: ID!, $o: ID!) { checkEligibility(fundId: $f, organizationId: $o, projectId: "") { eligible } }`,
        { f: fund.id, o: orgId },
        c.owner.token,
      );
      expect(check.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });
});
