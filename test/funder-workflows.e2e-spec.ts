import { TestApp } from './support/test-app.js';
import { QUIET_SCHEDULE, statementsOf } from './support/statement-count.js';
import { dataSource, registerUser, TestUser } from './support/fixtures.js';
import { Cast, cast, orgOwnedBy, orgWithRoles } from './support/authz.js';
import { APPLY, fundInput, inDays, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';
import { waitFor } from './support/notification-helpers.js';
import { ApplicationAwardedAmount1796010000001 } from '../libs/persistence/src/migrations/1796010000001-ApplicationAwardedAmount.js';

const FUNDER = { kind: 'FUNDER', verification: 'VERIFIED', countries_of_origin: [] };
const CREATE_FUND = `mutation($i: FundInput!) { createFund(input: $i) { id status } }`;
const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitApplication(id: $id) { id status } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawApplication(id: $id) { id status } }`;
const DECIDE = `mutation($id: ID!, $s: ApplicationStatus!, $n: String, $aw: Float) {
  decideApplication(id: $id, status: $s, note: $n, awardedAmount: $aw) {
    id status decisionNote requestedAmount { amount currency } awardedAmount { amount currency } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateApplicationInput!) {
  updateApplication(id: $id, input: $i) { id status statement requestedAmount { amount currency } } }`;
const ORG_FUNDS = `query($id: ID!, $s: FundStatus, $f: Int, $a: String) { organization(id: $id) {
  funds(status: $s, first: $f, after: $a) { totalCount nodes { id status } pageInfo { hasNextPage endCursor } } } }`;
const INBOX = `query($funder: ID!, $filter: ApplicationsInboxFilter, $f: Int, $a: String) {
  fundApplicationsInbox(funderId: $funder, filter: $filter, first: $f, after: $a) {
    totalCount nodes { id status fund { id } } pageInfo { hasNextPage endCursor } countsByStatus { status count } } }`;
const FUND_APPLICATIONS = `query($id: ID!, $s: [ApplicationStatus!], $f: Int, $a: String) {
  fund(id: $id) { applications(status: $s, first: $f, after: $a) { id status } } }`;
const BUDGET = `query($id: ID!) { fund(id: $id) { totalBudget budgetUsed budgetLeft } }`;
const NOTIFICATIONS = `query { myNotifications(first: 100) { kind title body link organization { id } } }`;
const AMOUNT = { amount: 40000, currency: 'EUR' };

interface Inbox {
  totalCount: number;
  nodes: Array<{ id: string; status: string; fund: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  countsByStatus: Array<{ status: string; count: number }>;
}

describe('Funder and applicant workflows', () => {
  let t: TestApp;
  let c: Cast;
  let applicant: TestUser;
  let funderId: string;
  let applicantOrg: string;
  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL: '', ...QUIET_SCHEDULE }); // events delivered in process, whatever the environment says
    c = await cast(t);
    applicant = await registerUser(t, 'applicant');
    funderId = await orgWithRoles(t, c, FUNDER);
    applicantOrg = await orgOwnedBy(t, applicant);
  });
  afterAll(() => t?.close());

  const newProject = async () =>
    (await t.ok(CREATE_PROJECT, { i: projectInput(applicantOrg) }, applicant.token)).createProject.id as string;
  const apply = async (fundId: string, options: { draft?: boolean; amount?: number } = {}) =>
    (
      await t.ok(
        APPLY,
        {
          f: fundId,
          p: await newProject(),
          a: { amount: options.amount ?? AMOUNT.amount, currency: 'EUR' },
          s: STATEMENT,
          d: options.draft ?? false,
        },
        applicant.token,
      )
    ).applyToFund.id as string;
  const inbox = async (token: string | undefined, variables: Record<string, unknown> = {}) =>
    (await t.ok<{ fundApplicationsInbox: Inbox }>(INBOX, { funder: funderId, ...variables }, token))
      .fundApplicationsInbox;
  const notifications = async (user: TestUser, kind: string) =>
    (
      (await t.ok(NOTIFICATIONS, {}, user.token)).myNotifications as Array<{
        kind: string;
        title: string;
        body: string;
        link: string;
        organization: { id: string } | null;
      }>
    ).filter((n) => n.kind === kind);

  describe('Organization.funds', () => {
    let funder: string;
    let draft: string;
    let open: string;
    let closed: string;
    let expired: string;
    beforeAll(async () => {
      funder = await orgWithRoles(t, c, FUNDER);
      draft = (await t.ok(CREATE_FUND, { i: fundInput(funder, { title: 'A draft fund' }) }, c.owner.token)).createFund
        .id;
      open = (await publishedFund(t, c.owner, funder)).id;
      closed = (await publishedFund(t, c.owner, funder)).id;
      await t.ok(`mutation($id: ID!) { closeFund(id: $id) { id } }`, { id: closed }, c.owner.token);
      expired = (await publishedFund(t, c.owner, funder)).id;
      await dataSource(t).query(`UPDATE fund SET deadline = now() - interval '1 minute' WHERE id = $1`, [expired]);
    });

    const funds = async (user: TestUser | undefined, variables: Record<string, unknown> = {}) =>
      (await t.ok(ORG_FUNDS, { id: funder, ...variables }, user?.token)).organization.funds;

    it('shows its members and moderators every status, newest first, so a lost DRAFT is found', async () => {
      for (const user of [c.member, c.admin, c.owner, c.moderator]) {
        const all = await funds(user);
        expect(all.totalCount).toBe(4);
        expect(all.nodes).toEqual([
          { id: expired, status: 'CLOSED' },
          { id: closed, status: 'CLOSED' },
          { id: open, status: 'OPEN' },
          { id: draft, status: 'DRAFT' },
        ]);
        expect((await funds(user, { s: 'DRAFT' })).nodes).toEqual([{ id: draft, status: 'DRAFT' }]);
      }
    });

    it('shows anyone else the published ones only', async () => {
      for (const user of [undefined, c.outsider, applicant]) {
        const visible = await funds(user);
        expect(visible.totalCount).toBe(3);
        expect(visible.nodes.map((f: { id: string }) => f.id)).toEqual([expired, closed, open]);
        expect((await funds(user, { s: 'DRAFT' })).totalCount).toBe(0);
      }
    });

    it('filters by the effective status and pages with cursors', async () => {
      expect((await funds(c.owner, { s: 'OPEN' })).nodes).toEqual([{ id: open, status: 'OPEN' }]);
      expect((await funds(c.owner, { s: 'CLOSED' })).nodes.map((f: { id: string }) => f.id)).toEqual([expired, closed]);
      const first = await funds(c.owner, { f: 3 });
      expect(first.nodes).toHaveLength(3);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await funds(c.owner, { f: 3, a: first.pageInfo.endCursor });
      expect(second.nodes).toEqual([{ id: draft, status: 'DRAFT' }]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });
  });

  describe('the applications inbox, Fund.applications and the funder’s notifications', () => {
    let fundA: string;
    let fundB: string;
    let submittedA: string;
    let submittedB: string;
    let withdrawnA: string;
    let draftA: string;
    let withdrawnDraft: string;
    beforeAll(async () => {
      fundA = (await publishedFund(t, c.owner, funderId, { title: 'Inbox Fund A' })).id;
      fundB = (await publishedFund(t, c.owner, funderId, { title: 'Inbox Fund B' })).id;
      submittedA = await apply(fundA);
      submittedB = await apply(fundB);
      withdrawnA = await apply(fundA);
      await t.ok(WITHDRAW, { id: withdrawnA }, applicant.token);
      draftA = await apply(fundA, { draft: true });
      withdrawnDraft = await apply(fundA, { draft: true });
      await t.ok(WITHDRAW, { id: withdrawnDraft }, applicant.token);
      // B was submitted two days ago
      await dataSource(t).query(`UPDATE fund_application SET submitted_at = now() - interval '2 days' WHERE id = $1`, [
        submittedB,
      ]);
    });

    it('lists what was submitted to the funder’s funds, never a DRAFT, newest first, with counts by status', async () => {
      for (const user of [c.owner, c.admin, c.moderator]) {
        const all = await inbox(user.token);
        expect(all.totalCount).toBe(3);
        expect(all.nodes.map((a) => a.id)).toEqual([withdrawnA, submittedA, submittedB]);
        expect(all.nodes.map((a) => a.id)).not.toContain(draftA);
        expect(all.nodes.map((a) => a.id)).not.toContain(withdrawnDraft);
        expect(all.countsByStatus).toEqual([
          { status: 'SUBMITTED', count: 2 },
          { status: 'WITHDRAWN', count: 1 },
        ]);
      }
    });

    it('filters by fund, status and submission date; the counts ignore only the status filter', async () => {
      const ofA = await inbox(c.owner.token, { filter: { fundId: fundA } });
      expect(ofA.nodes.map((a) => a.id)).toEqual([withdrawnA, submittedA]);
      expect(ofA.nodes.every((a) => a.fund.id === fundA)).toBe(true);

      const submitted = await inbox(c.owner.token, { filter: { status: ['SUBMITTED'] } });
      expect(submitted.totalCount).toBe(2);
      expect(submitted.nodes.map((a) => a.id)).toEqual([submittedA, submittedB]);
      expect(submitted.countsByStatus).toEqual([
        { status: 'SUBMITTED', count: 2 },
        { status: 'WITHDRAWN', count: 1 },
      ]);

      const recent = await inbox(c.owner.token, { filter: { submittedFrom: inDays(-1) } });
      expect(recent.nodes.map((a) => a.id)).toEqual([withdrawnA, submittedA]);
      const older = await inbox(c.owner.token, { filter: { submittedTo: inDays(-1), status: ['SUBMITTED'] } });
      expect(older.nodes.map((a) => a.id)).toEqual([submittedB]);
      expect(older.countsByStatus).toEqual([{ status: 'SUBMITTED', count: 1 }]);
    });

    it('pages with cursors', async () => {
      const first = await inbox(c.owner.token, { f: 2 });
      expect(first.nodes.map((a) => a.id)).toEqual([withdrawnA, submittedA]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await inbox(c.owner.token, { f: 2, a: first.pageInfo.endCursor });
      expect(second.nodes.map((a) => a.id)).toEqual([submittedB]);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect(second.totalCount).toBe(3);
    });

    it('is NOT_FOUND for anyone but the funder’s OWNER/ADMIN and moderators', async () => {
      for (const user of [c.member, c.outsider, applicant]) {
        const res = await t.gql(INBOX, { funder: funderId }, user.token);
        expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
      expect((await t.gql(INBOX, { funder: funderId })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('Fund.applications keeps its old form and gains a status filter and paging', async () => {
      const read = async (user: TestUser, variables: Record<string, unknown> = {}) =>
        (await t.ok(FUND_APPLICATIONS, { id: fundA, ...variables }, user.token)).fund.applications as Array<{
          id: string;
          status: string;
        }>;
      const all = await read(c.member);
      expect(all.map((a) => a.id)).toEqual([submittedA, withdrawnA]); // oldest first, never a DRAFT
      expect(await read(c.member, { s: ['WITHDRAWN'] })).toEqual([{ id: withdrawnA, status: 'WITHDRAWN' }]);
      expect((await read(c.member, { f: 1 })).map((a) => a.id)).toEqual([submittedA]);
      expect((await read(c.member, { f: 1, a: submittedA })).map((a) => a.id)).toEqual([withdrawnA]);
      const old = await t.ok(`query($id: ID!) { fund(id: $id) { applications { id } } }`, { id: fundA }, c.owner.token);
      expect(old.fund.applications).toHaveLength(2);
      expect((await read(c.outsider)).length).toBe(0);
    });

    it('tells the funder’s OWNER/ADMIN of every new and withdrawn application, about the funder, with its link', async () => {
      const submittedNotes = await waitFor(async () => {
        const notes = await notifications(c.owner, 'APPLICATION_SUBMITTED');
        return notes.length >= 3 ? notes : null;
      });
      expect(submittedNotes.map((n) => n.link).sort()).toEqual(
        [submittedA, submittedB, withdrawnA].map((id) => `/applications/${id}`).sort(),
      );
      expect(submittedNotes.find((n) => n.link === `/applications/${submittedA}`)).toMatchObject({
        title: 'New application to Inbox Fund A',
        organization: { id: funderId },
      });
      const withdrawn = await waitFor(async () => (await notifications(c.admin, 'APPLICATION_WITHDRAWN'))[0]);
      expect(withdrawn).toMatchObject({
        title: 'Application withdrawn from Inbox Fund A',
        link: `/applications/${withdrawnA}`,
        organization: { id: funderId },
      });
      expect(withdrawn.body).toMatch(/it was submitted/);
      // one each: the withdrawn DRAFT told nobody; the funder's plain MEMBER and the applicant hear nothing
      expect(await notifications(c.admin, 'APPLICATION_WITHDRAWN')).toHaveLength(1);
      expect(await notifications(c.member, 'APPLICATION_SUBMITTED')).toHaveLength(0);
      expect(await notifications(applicant, 'APPLICATION_SUBMITTED')).toHaveLength(0);
    });

    it('a DRAFT edited then submitted: the funder hears of it once it is submitted', async () => {
      await t.ok(UPDATE, { id: draftA, i: { statement: `${STATEMENT} Now with a budget annex.` } }, applicant.token);
      await t.ok(SUBMIT, { id: draftA }, applicant.token);
      const note = await waitFor(async () =>
        (await notifications(c.owner, 'APPLICATION_SUBMITTED')).find((n) => n.link === `/applications/${draftA}`),
      );
      expect(note.body).toMatch(/applied to "Inbox Fund A"/);
      expect((await inbox(c.owner.token)).nodes[0].id).toBe(draftA);
    });
  });

  describe('editing a DRAFT application', () => {
    let fund: string;
    beforeAll(async () => {
      fund = (await publishedFund(t, c.owner, funderId)).id;
    });

    it('changes only the fields given', async () => {
      const id = await apply(fund, { draft: true });
      const statement = `${STATEMENT} We add a second village.`;
      const byStatement = (await t.ok(UPDATE, { id, i: { statement } }, applicant.token)).updateApplication;
      expect(byStatement).toMatchObject({ status: 'DRAFT', statement, requestedAmount: AMOUNT });
      const byAmount = (
        await t.ok(UPDATE, { id, i: { requestedAmount: { amount: 55000, currency: 'EUR' } } }, applicant.token)
      ).updateApplication;
      expect(byAmount).toMatchObject({ statement, requestedAmount: { amount: 55000, currency: 'EUR' } });
      const nothing = (await t.ok(UPDATE, { id, i: {} }, applicant.token)).updateApplication;
      expect(nothing).toEqual(byAmount);
    });

    it('checks the amount against the fund and refuses to clear a field, naming it', async () => {
      const id = await apply(fund, { draft: true });
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ requestedAmount: { amount: 90000, currency: 'EUR' } }, 'input.requestedAmount.amount'],
        [{ requestedAmount: { amount: 40000, currency: 'USD' } }, 'input.requestedAmount.currency'],
        [{ statement: null }, 'input.statement'],
        [{ requestedAmount: null }, 'input.requestedAmount'],
        [{ statement: 'too short' }, 'input.statement'],
      ];
      for (const [input, field] of cases) {
        const res = await t.gql(UPDATE, { id, i: input }, applicant.token);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      const [row] = await dataSource(t).query(
        `SELECT requested_amount, statement FROM fund_application WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ requested_amount: '40000.00', statement: STATEMENT });
    });

    it('is a state error once submitted, and invisible to the funder while a DRAFT', async () => {
      const id = await apply(fund, { draft: true });
      const asFunder = await t.gql(UPDATE, { id, i: { statement: `${STATEMENT} (funder)` } }, c.owner.token);
      expect(asFunder.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      await t.ok(SUBMIT, { id }, applicant.token);
      const late = await t.gql(UPDATE, { id, i: { statement: `${STATEMENT} (late)` } }, applicant.token);
      expect(late.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(late.errors?.[0].message).toMatch(/SUBMITTED can no longer be edited; only a DRAFT can/);
    });
  });

  describe('decisions: awarded amounts, the budget, rejection notes and state errors', () => {
    it('awards an amount within the grant range (default: the request) and shows the budget used and left', async () => {
      const fund = (await publishedFund(t, c.owner, funderId, { totalBudget: 100000 })).id;
      const [x, y, z] = [await apply(fund, { amount: 60000 }), await apply(fund, { amount: 60000 }), await apply(fund)];
      for (const id of [x, y, z]) await t.ok(DECIDE, { id, s: 'UNDER_REVIEW' }, c.owner.token);

      for (const [aw, field] of [
        [70000, 'awardedAmount'],
        [1000, 'awardedAmount'],
        [-5, 'awardedAmount'],
      ] as const) {
        const res = await t.gql(DECIDE, { id: x, s: 'AWARDED', aw }, c.owner.token);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      const notAnAward = await t.gql(DECIDE, { id: x, s: 'SHORTLISTED', aw: 30000 }, c.owner.token);
      expect(notAnAward.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'awardedAmount' });

      const awardedX = (await t.ok(DECIDE, { id: x, s: 'AWARDED', aw: 40000 }, c.owner.token)).decideApplication;
      expect(awardedX).toMatchObject({
        status: 'AWARDED',
        requestedAmount: { amount: 60000, currency: 'EUR' },
        awardedAmount: { amount: 40000, currency: 'EUR' },
      });
      expect((await t.ok(BUDGET, { id: fund }, c.member.token)).fund).toEqual({
        totalBudget: 100000,
        budgetUsed: 40000,
        budgetLeft: 60000,
      });
      // requested amounts would make 120,000; the awarded ones make exactly the budget
      const awardedY = (await t.ok(DECIDE, { id: y, s: 'AWARDED' }, c.owner.token)).decideApplication;
      expect(awardedY.awardedAmount).toEqual({ amount: 60000, currency: 'EUR' });
      expect((await t.ok(BUDGET, { id: fund }, c.moderator.token)).fund).toEqual({
        totalBudget: 100000,
        budgetUsed: 100000,
        budgetLeft: 0,
      });
      const over = await t.gql(DECIDE, { id: z, s: 'AWARDED', aw: 25000 }, c.owner.token);
      expect(over.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(over.errors?.[0].message).toMatch(/exceed the fund's budget/);
      // others see the total budget, not what was awarded
      expect((await t.ok(BUDGET, { id: fund }, c.outsider.token)).fund).toEqual({
        totalBudget: 100000,
        budgetUsed: null,
        budgetLeft: null,
      });
      const undecided = (
        await t.ok(
          `query($id: ID!) { fund(id: $id) { applications { id awardedAmount { amount } } } }`,
          { id: fund },
          c.owner.token,
        )
      ).fund.applications.find((a: { id: string }) => a.id === z);
      expect(undecided.awardedAmount).toBeNull();
    });

    it('needs a note to reject, naming the field', async () => {
      const fund = (await publishedFund(t, c.owner, funderId)).id;
      const id = await apply(fund);
      for (const n of [undefined, '', '   ']) {
        const res = await t.gql(DECIDE, { id, s: 'REJECTED', n }, c.owner.token);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
      }
      const [row] = await dataSource(t).query(`SELECT status FROM fund_application WHERE id = $1`, [id]);
      expect(row.status).toBe('SUBMITTED');
      const rejected = (await t.ok(DECIDE, { id, s: 'REJECTED', n: 'Outside this call' }, c.owner.token))
        .decideApplication;
      expect(rejected).toMatchObject({ status: 'REJECTED', decisionNote: 'Outside this call' });
    });

    it('names the allowed next states in every state error (message and extensions.allowed)', async () => {
      const fund = (await publishedFund(t, c.owner, funderId)).id;
      const id = await apply(fund);
      const early = await t.gql(DECIDE, { id, s: 'AWARDED' }, c.owner.token);
      expect(early.errors?.[0].message).toBe(
        'An application that is SUBMITTED can become UNDER_REVIEW, SHORTLISTED, REJECTED or WITHDRAWN; not AWARDED',
      );
      expect(early.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        from: 'SUBMITTED',
        to: 'AWARDED',
        allowed: ['UNDER_REVIEW', 'SHORTLISTED', 'REJECTED', 'WITHDRAWN'],
      });
      const again = await t.gql(SUBMIT, { id }, applicant.token);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', from: 'SUBMITTED', to: 'SUBMITTED' });

      const notADecision = await t.gql(DECIDE, { id, s: 'WITHDRAWN' }, c.owner.token);
      expect(notADecision.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });

      await t.ok(DECIDE, { id, s: 'UNDER_REVIEW' }, c.owner.token);
      await t.ok(DECIDE, { id, s: 'AWARDED' }, c.owner.token);
      const final = await t.gql(WITHDRAW, { id }, applicant.token);
      expect(final.errors?.[0].message).toBe('An application that is AWARDED is final: it cannot become WITHDRAWN');
      expect(final.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', allowed: [] });

      const republish = await t.gql(`mutation($id: ID!) { publishFund(id: $id) { id } }`, { id: fund }, c.owner.token);
      expect(republish.errors?.[0].message).toBe('A fund that is OPEN can become CLOSED; not OPEN');
      expect(republish.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', allowed: ['CLOSED'] });
    });

    it('the migration gives applications AWARDED before it the amount they requested', async () => {
      const fund = (await publishedFund(t, c.owner, funderId)).id;
      const awarded = await apply(fund, { amount: 35000 });
      const pending = await apply(fund);
      await t.ok(DECIDE, { id: awarded, s: 'UNDER_REVIEW' }, c.owner.token);
      await t.ok(DECIDE, { id: awarded, s: 'AWARDED', aw: 30000 }, c.owner.token);
      const ds = dataSource(t);
      await ds.query(`ALTER TABLE fund_application DROP COLUMN awarded_amount`);
      const runner = ds.createQueryRunner();
      try {
        await new ApplicationAwardedAmount1796010000001().up(runner);
      } finally {
        await runner.release();
      }
      const rows: Array<{ id: string; awarded_amount: string | null }> = await ds.query(
        `SELECT id, awarded_amount FROM fund_application WHERE id = ANY($1)`,
        [[awarded, pending]],
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, r.awarded_amount]))).toEqual({
        [awarded]: '35000.00',
        [pending]: null,
      });
    });
  });

  describe('Fund.applications over a list of funds', () => {
    const FUNDS_WITH_APPLICATIONS = `query($id: ID!, $f: Int) { organization(id: $id) {
      funds(first: $f) { nodes { id applications(first: 2) { id fund { id } } } } } }`;
    let listFunder: string;
    const byFund = new Map<string, string[]>();
    beforeAll(async () => {
      listFunder = await orgWithRoles(t, c, FUNDER);
      for (let i = 0; i < 6; i++) {
        const fund = (await publishedFund(t, c.owner, listFunder, { title: `Listed Fund ${i}` })).id;
        byFund.set(fund, [await apply(fund), await apply(fund), await apply(fund)]);
      }
    });

    async function list(first: number) {
      let data: any;
      const statements = await statementsOf(t, async () => {
        data = await t.ok(FUNDS_WITH_APPLICATIONS, { id: listFunder, f: first }, c.owner.token);
      });
      const nodes = data.organization.funds.nodes as Array<{
        id: string;
        applications: Array<{ id: string; fund: { id: string } }>;
      }>;
      return { nodes, statements };
    }

    it('reads the first page of every fund’s applications in a number of SQL statements that does not grow with the funds', async () => {
      await list(1); // warm-up: the first request of a session reads what later ones find cached
      const two = await list(2);
      const six = await list(6);
      console.info(
        `SQL statements for funds with their applications: ${two.statements} (2 funds) / ${six.statements} (6 funds)`,
      );
      expect(six.nodes).toHaveLength(6);
      for (const fund of six.nodes) {
        // `first` applies to each fund: its two oldest applications, none of another fund
        expect(fund.applications.map((a) => a.id)).toEqual(byFund.get(fund.id)!.slice(0, 2));
        expect(fund.applications.every((a) => a.fund.id === fund.id)).toBe(true);
      }
      expect(six.statements).toBe(two.statements);
    });
  });
});
