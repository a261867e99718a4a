import { TestApp } from './support/test-app.js';
import { createOrg, dataSource, registerUser, TestUser, verify } from './support/fixtures.js';
import { APPLY, DECIDE, fundInput, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

const MATCHES = `query($o: ID!, $p: ID) { fundMatches(organizationId: $o, projectId: $p, first: 10) {
  score fund { id title status } project { id } reasons { factor points detail } } }`;

interface Reason {
  factor: string;
  points: number;
  detail: string;
}
/** What MATCHES answers per fund. */
interface FundMatch {
  score: number;
  fund: { id: string; title: string; status: string };
  project: { id: string } | null;
  reasons: Reason[];
}

describe('Funds, applications and explainable fund matching', () => {
  let t: TestApp;
  let funderOwner: TestUser;
  let applicant: TestUser;
  let funderId: string;
  let orgId: string;
  let projectId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    funderOwner = await registerUser(t, 'funder');
    applicant = await registerUser(t, 'applicant');
    funderId = (
      await createOrg(t, funderOwner, {
        name: 'Swiss Diaspora Foundation',
        kind: 'FUNDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['CH'],
      })
    ).id;
    await verify(t, funderId);
    orgId = (
      await createOrg(t, applicant, {
        name: 'Ghana Hometown Association London',
        countriesOfOrigin: ['GH'],
        countriesOfResidence: ['GB'],
        themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT', 'CLIMATE_AND_DISPLACEMENT'],
        foundedYear: 2015,
        legallyRegistered: true,
        womenLed: true,
      })
    ).id;
    projectId = (
      await t.ok(
        `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
        { i: projectInput(orgId) },
        applicant.token,
      )
    ).createProject.id;
  });
  afterAll(() => t?.close());

  const matches = async (variables: { o: string; p?: string }) =>
    (await t.ok<{ fundMatches: FundMatch[] }>(MATCHES, variables)).fundMatches;

  describe('journey: publish → match with reasons → apply → candidates → shortlist → award', () => {
    // Shared by the steps, in order.
    let fundId: string;
    let match: FundMatch;
    let applicationId: string;

    it('1. a new fund is a DRAFT: invisible to others and never matched', async () => {
      const draft = (
        await t.ok<{ createFund: { id: string; status: string } }>(
          `mutation($i: FundInput!) { createFund(input: $i) { id status } }`,
          { i: fundInput(funderId) },
          funderOwner.token,
        )
      ).createFund;
      expect(draft.status).toBe('DRAFT');
      fundId = draft.id;
      expect(await t.errorCode(`query($id: ID!) { fund(id: $id) { id } }`, { id: fundId })).toBe('NOT_FOUND');
      expect(await matches({ o: orgId })).toEqual([]);
    });

    it('2. published, it is OPEN and matched for the organization and for its project, with reasons', async () => {
      const published = (
        await t.ok(`mutation($id: ID!) { publishFund(id: $id) { status } }`, { id: fundId }, funderOwner.token)
      ).publishFund;
      expect(published.status).toBe('OPEN');
      expect((await matches({ o: orgId })).map((m) => m.fund.id)).toEqual([fundId]);
      [match] = await matches({ o: orgId, p: projectId });
      expect(match.project?.id).toBe(projectId);
      const factors = match.reasons.map((r) => r.factor);
      expect(factors).toEqual(expect.arrayContaining(['THEMES', 'SDGS', 'GEOGRAPHY', 'BUDGET', 'PRIORITY']));
      const sum = match.reasons.reduce((s, r) => s + r.points, 0);
      expect(Math.abs(sum - match.score)).toBeLessThan(1e-9);
      const reason = (factor: string) => match.reasons.find((r) => r.factor === factor) as Reason;
      expect(reason('BUDGET').points).toBe(0.15); // 40,000 inside 25,000–60,000
      expect(reason('THEMES').detail).toMatch(/of the fund's 4 themes/);
      expect(match.score).toBeGreaterThan(0.5);
    });

    it('3. the organization applies (SUBMITTED); a second live application of the same project is CONFLICT', async () => {
      const application = (
        await t.ok<{ applyToFund: { id: string; status: string } }>(
          APPLY,
          { f: fundId, p: projectId, a: { amount: 40000, currency: 'EUR' }, s: STATEMENT },
          applicant.token,
        )
      ).applyToFund;
      expect(application.status).toBe('SUBMITTED');
      applicationId = application.id;
      const twice = { f: fundId, p: projectId, a: { amount: 30000, currency: 'EUR' }, s: STATEMENT };
      expect(await t.errorCode(APPLY, twice, applicant.token)).toBe('CONFLICT');
    });

    it('4. the funder sees the application and the ranked candidates; outsiders do not see applications', async () => {
      const funderView = await t.ok(
        `query($id: ID!) { fund(id: $id) { applications { id status organization { id } project { id } } } }`,
        { id: fundId },
        funderOwner.token,
      );
      expect(funderView.fund.applications).toEqual([
        { id: applicationId, status: 'SUBMITTED', organization: { id: orgId }, project: { id: projectId } },
      ]);
      const publicView = await t.ok(`query($id: ID!) { fund(id: $id) { applications { id } } }`, { id: fundId });
      expect(publicView.fund.applications).toEqual([]);
      const candidates = (
        await t.ok<{ fundCandidates: Array<Pick<FundMatch, 'score' | 'project'> & { organization: { id: string } }> }>(
          `query($id: ID!) { fundCandidates(fundId: $id, first: 5) { score organization { id } project { id } reasons { factor points } } }`,
          { id: fundId },
          funderOwner.token,
        )
      ).fundCandidates;
      expect(candidates[0].organization.id).toBe(orgId);
      expect(candidates[0].project?.id).toBe(projectId);
      expect(candidates[0].score).toBe(match.score); // the same relation seen from the fund
    });

    it('5. shortlist → award, every transition recorded; an awarded application cannot be withdrawn', async () => {
      expect(
        (await t.ok(DECIDE, { id: applicationId, s: 'SHORTLISTED' }, funderOwner.token)).decideApplication.status,
      ).toBe('SHORTLISTED');
      const awarded = (
        await t.ok(DECIDE, { id: applicationId, s: 'AWARDED', n: 'Strong community ownership' }, funderOwner.token)
      ).decideApplication;
      expect(awarded.status).toBe('AWARDED');
      expect(awarded.decidedAt).toBeTruthy();
      const mine = await t.ok(
        `query($id: ID!) { project(id: $id) { applications { status decisionNote history { fromStatus toStatus } } } }`,
        { id: projectId },
        applicant.token,
      );
      expect(mine.project.applications[0]).toEqual({
        status: 'AWARDED',
        decisionNote: 'Strong community ownership',
        history: [
          { fromStatus: null, toStatus: 'SUBMITTED' },
          { fromStatus: 'SUBMITTED', toStatus: 'SHORTLISTED' },
          { fromStatus: 'SHORTLISTED', toStatus: 'AWARDED' },
        ],
      });
      const WITHDRAW = `mutation($id: ID!) { withdrawApplication(id: $id) { id } }`;
      expect(await t.errorCode(WITHDRAW, { id: applicationId }, applicant.token)).toBe('CONFLICT');
    });
  });

  it('explains with checkEligibility why a fund does not match, and never matches it', async () => {
    const strict = await publishedFund(t, funderOwner, funderId, {
      title: 'Verified Latin American diaspora fund',
      eligibility: { countriesOfOrigin: ['MX', 'EC'], requiresVerification: true, projectKinds: ['ENTREPRENEURSHIP'] },
    });
    const report = (
      await t.ok(
        `query($f: ID!, $o: ID!, $p: ID) { checkEligibility(fundId: $f, organizationId: $o, projectId: $p) { eligible checks { rule passed detail } } }`,
        { f: strict.id, o: orgId, p: projectId },
      )
    ).checkEligibility;
    expect(report.eligible).toBe(false);
    const failed = report.checks.filter((c: { passed: boolean }) => !c.passed).map((c: { rule: string }) => c.rule);
    expect(failed).toEqual(['ORIGIN', 'VERIFICATION', 'PROJECT_KIND']);
    expect(report.checks.find((c: { rule: string }) => c.rule === 'ORIGIN').detail).toMatch(
      /accepts organizations of the diaspora communities from MX, EC/,
    );
    const ids = (await matches({ o: orgId, p: projectId })).map((m) => m.fund.id);
    expect(ids).not.toContain(strict.id);
    const refused = await t.gql(
      APPLY,
      { f: strict.id, p: projectId, a: { amount: 30000, currency: 'EUR' }, s: STATEMENT },
      applicant.token,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'projectId',
      failedRules: ['ORIGIN', 'VERIFICATION', 'PROJECT_KIND'],
    });
  });

  it('treats a fund whose deadline has passed as CLOSED everywhere, at once', async () => {
    const fund = await publishedFund(t, funderOwner, funderId, { title: 'Soon closing fund' });
    await dataSource(t).query(`UPDATE fund SET deadline = now() - interval '1 second' WHERE id = $1`, [fund.id]);
    expect((await t.ok(`query($id: ID!) { fund(id: $id) { status } }`, { id: fund.id })).fund.status).toBe('CLOSED');
    const open = (await t.ok(`{ funds(openOnly: true, first: 50) { nodes { id } } }`)).funds.nodes.map(
      (n: { id: string }) => n.id,
    );
    expect(open).not.toContain(fund.id);
    expect((await matches({ o: orgId })).map((m) => m.fund.id)).not.toContain(fund.id);
    const late = await t.gql(
      APPLY,
      { f: fund.id, p: projectId, a: { amount: 30000, currency: 'EUR' }, s: STATEMENT },
      applicant.token,
    );
    expect(late.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('awards concurrently beyond the budget: exactly the ones that fit succeed', async () => {
    const fund = await publishedFund(t, funderOwner, funderId, {
      title: 'Small budget fund',
      totalBudget: 100000,
      minGrant: 25000,
      maxGrant: 30000,
    });
    const applications: string[] = [];
    for (let i = 0; i < 6; i++) {
      const p = (
        await t.ok(
          `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
          { i: projectInput(orgId, { title: `Irrigation phase ${i}` }) },
          applicant.token,
        )
      ).createProject;
      const a = (
        await t.ok(APPLY, { f: fund.id, p: p.id, a: { amount: 30000, currency: 'EUR' }, s: STATEMENT }, applicant.token)
      ).applyToFund;
      await t.ok(DECIDE, { id: a.id, s: 'SHORTLISTED' }, funderOwner.token);
      applications.push(a.id);
    }
    const results = await Promise.all(applications.map((id) => t.gql(DECIDE, { id, s: 'AWARDED' }, funderOwner.token)));
    const unexpected = results.filter((r) => r.errors && r.errors[0].extensions?.code !== 'CONFLICT');
    expect(unexpected.map((r) => r.errors)).toEqual([]);
    const ok = results.filter((r) => r.data?.decideApplication?.status === 'AWARDED');
    expect(ok).toHaveLength(3); // 3 × 30,000 ≤ 100,000 < 4 × 30,000
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(3);
    const [{ sum }] = await dataSource(t).query(
      `SELECT sum(requested_amount)::float AS sum FROM fund_application WHERE fund_id = $1 AND status = 'AWARDED'`,
      [fund.id],
    );
    expect(sum).toBe(90000);
  });
});
