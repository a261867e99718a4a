import { TestApp } from './support/test-app.js';
import { dataSource, registerUser, TestUser } from './support/fixtures.js';
import { AuthzRow, Cast, cast, orgOwnedBy, orgWithRoles, runAuthzTable, snapshot } from './support/authz.js';
import { APPLY, fundInput, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import { MY_NOTIFICATIONS, NotificationView, waitFor } from './support/notification-helpers.js';
import { projectInput } from './support/project-input.js';

const SHORTLIST = `mutation($f: ID!, $o: ID!) { shortlistCandidate(fundId: $f, organizationId: $o) { id shortlist { organization { id } shortlistedAt } } }`;
const REMOVE = `mutation($f: ID!, $o: ID!) { removeFromShortlist(fundId: $f, organizationId: $o) { id shortlist { organization { id } } } }`;
const READ = `query($id: ID!) { fund(id: $id) { id shortlist { organization { id name } shortlistedAt } } }`;
const CREATE_FUND = `mutation($i: FundInput!) { createFund(input: $i) { id } }`;
const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;
const FUNDER = { kind: 'FUNDER', verification: 'VERIFIED', countries_of_origin: [] };
const TABLES = ['fund_shortlist'];

describe('Shortlisting a candidate that has not applied (shortlistCandidate, removeFromShortlist, Fund.shortlist)', () => {
  let t: TestApp;
  let c: Cast;
  let third: TestUser;
  let candidateOwner: TestUser;
  beforeAll(async () => {
    // the invitation is delivered by the in-process queue (with Redis only apps/worker would deliver it)
    t = await TestApp.start({ REDIS_URL: '' });
    c = await cast(t);
    [third, candidateOwner] = await Promise.all([registerUser(t, 'third'), registerUser(t, 'candidate')]);
  });
  afterAll(() => t?.close());

  /** An OPEN fund of a funder where the cast holds its roles, and an eligible organization of someone else. */
  const castFund = async () => {
    const funder = await orgWithRoles(t, c, FUNDER);
    const fund = (await publishedFund(t, c.owner, funder)).id;
    const candidate = await orgOwnedBy(t, candidateOwner, { name: 'Shortlisted Ghanaian Association' });
    return { funder, fund, candidate };
  };
  const shortlisted = async (fund: string) =>
    (await dataSource(t).query(`SELECT organization_id FROM fund_shortlist WHERE fund_id = $1`, [fund])).map(
      (r: { organization_id: string }) => r.organization_id,
    );

  it('lets only the funder’s OWNER/ADMIN shortlist and remove; outsiders get NOT_FOUND and nothing is written', async () => {
    const refused = { outsider: 'NOT_FOUND' };
    const rows: AuthzRow[] = [
      {
        name: 'shortlistCandidate',
        allowed: ['admin', 'owner'],
        refused,
        tables: TABLES,
        prepare: async () => {
          const { fund, candidate } = await castFund();
          return { query: SHORTLIST, variables: { f: fund, o: candidate } };
        },
      },
      {
        name: 'removeFromShortlist',
        allowed: ['admin', 'owner'],
        refused,
        tables: TABLES,
        prepare: async () => {
          const { fund, candidate } = await castFund();
          await t.ok(SHORTLIST, { f: fund, o: candidate }, c.owner.token);
          return { query: REMOVE, variables: { f: fund, o: candidate } };
        },
      },
    ];
    await runAuthzTable(t, c, rows);
  });

  it('shows Fund.shortlist to the funder’s OWNER/ADMIN and moderators, empty to anyone else', async () => {
    const { fund, candidate } = await castFund();
    const res = await t.ok(SHORTLIST, { f: fund, o: candidate }, c.admin.token);
    expect(res.shortlistCandidate.shortlist).toEqual([
      { organization: { id: candidate }, shortlistedAt: expect.any(String) },
    ]);
    for (const user of [c.owner, c.admin, c.moderator]) {
      const read = (await t.ok(READ, { id: fund }, user.token)).fund;
      expect(read.shortlist).toEqual([
        {
          organization: { id: candidate, name: 'Shortlisted Ghanaian Association' },
          shortlistedAt: expect.any(String),
        },
      ]);
    }
    for (const token of [c.member.token, c.outsider.token, third.token, undefined]) {
      expect((await t.ok(READ, { id: fund }, token)).fund.shortlist).toEqual([]);
    }
  });

  it('invites the candidate’s members to apply once, and removing takes it off the shortlist', async () => {
    const { fund, candidate } = await castFund();
    await t.ok(SHORTLIST, { f: fund, o: candidate }, c.owner.token);
    await t.ok(SHORTLIST, { f: fund, o: candidate }, c.admin.token); // again: no change, no second invitation
    expect(await shortlisted(fund)).toEqual([candidate]);
    const invitations = async () =>
      ((await t.ok(MY_NOTIFICATIONS, {}, candidateOwner.token)).myNotifications as NotificationView[]).filter(
        (n) => n.kind === 'CANDIDATE_SHORTLISTED' && n.link === `/funds/${fund}`,
      );
    const [invitation] = await waitFor(async () => ((await invitations()).length ? invitations() : null));
    expect(invitation.title).toBe('Invitation to apply to African Diaspora Climate and Livelihoods Fund');
    expect(invitation.body).toMatch(/shortlisted your organization .* invites you to apply/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await invitations()).toHaveLength(1);
    // the funder's own members are not notified
    const funderNotes = (await t.ok(MY_NOTIFICATIONS, {}, c.member.token)).myNotifications as NotificationView[];
    expect(funderNotes.filter((n) => n.kind === 'CANDIDATE_SHORTLISTED')).toEqual([]);

    const removed = await t.ok(REMOVE, { f: fund, o: candidate }, c.owner.token);
    expect(removed.removeFromShortlist.shortlist).toEqual([]);
    expect(await shortlisted(fund)).toEqual([]);
    await t.ok(REMOVE, { f: fund, o: candidate }, c.owner.token); // not on it: a no-op
  });

  describe('bad input names the field and writes nothing', () => {
    const events = async () =>
      (await dataSource(t).query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'CANDIDATE_SHORTLISTED'`))[0]
        .n as number;
    const refuse = async (variables: Record<string, unknown>, field: string, message: RegExp) => {
      const before = await snapshot(t, TABLES);
      const eventsBefore = await events();
      const res = await t.gql(SHORTLIST, variables, c.owner.token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0].message).toMatch(message);
      expect(await snapshot(t, TABLES)).toBe(before);
      expect(await events()).toBe(eventsBefore);
    };

    it('an unknown organization', async () => {
      const { fund } = await castFund();
      await refuse({ f: fund, o: '00000000-0000-4000-8000-000000000000' }, 'organizationId', /not an organization/);
      await refuse({ f: fund, o: 'not-an-id' }, 'organizationId', /not an organization/);
    });

    it('an organization the fund’s rules exclude, saying which rule', async () => {
      const { fund } = await castFund();
      const elsewhere = await orgOwnedBy(t, candidateOwner, { countries_of_residence: ['US'] });
      await refuse({ f: fund, o: elsewhere }, 'organizationId', /not eligible for the fund: .*based in GB/);
      const aFunder = await orgOwnedBy(t, candidateOwner, FUNDER);
      await refuse({ f: fund, o: aFunder }, 'organizationId', /not eligible/);
    });

    it('an organization that has applied (its application is decided instead)', async () => {
      const { fund, candidate } = await castFund();
      const project = (await t.ok(CREATE_PROJECT, { i: projectInput(candidate) }, candidateOwner.token)).createProject
        .id;
      await t.ok(
        APPLY,
        { f: fund, p: project, a: { amount: 40000, currency: 'EUR' }, s: STATEMENT },
        candidateOwner.token,
      );
      await refuse({ f: fund, o: candidate }, 'organizationId', /already applied/);
    });

    it('a fund that is not OPEN (a draft, a closed one)', async () => {
      const funder = await orgWithRoles(t, c, FUNDER);
      const candidate = await orgOwnedBy(t, candidateOwner);
      const draft = (await t.ok(CREATE_FUND, { i: fundInput(funder) }, c.owner.token)).createFund.id;
      await refuse({ f: draft, o: candidate }, 'fundId', /OPEN.*DRAFT/);
      const closed = (await publishedFund(t, c.owner, funder)).id;
      await t.ok(`mutation($id: ID!) { closeFund(id: $id) { id } }`, { id: closed }, c.owner.token);
      await refuse({ f: closed, o: candidate }, 'fundId', /OPEN.*CLOSED/);
    });
  });
});
