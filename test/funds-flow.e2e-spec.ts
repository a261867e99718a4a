import { TestApp } from './support/test-app.js';
import { createOrg, dataSource, registerUser, TestUser, verify } from './support/fixtures.js';
import { APPLY, DECIDE, fundInput, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

const MATCHES = `query($o: ID!, $p: ID) { fundMatches(organizationId: $o, projectId: $p, first: 10) {
  score fund { id title status } project { id } reasons { factor points detail } } }`;

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

  it('runs publish → match with reasons → apply → candidates → shortlist → award', async () => {
    const draft = (
      await t.ok(
        `mutation($i: FundInput!) { createFund(input: $i) { id status } }`,
        { i: fundInput(funderId) },
        funderOwner.token,
      )
    ).createFund;
    expect(draft.status).toBe('DRAFT');
    // a draft is invisible to others and never matched
    expect(
      (await t.gql(`query($id: ID!) { fund(id: $id) { id } }`, { id: draft.id })).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await t.ok(MATCHES, { o: orgId })).fundMatches).toEqual([]);
    const published = (
      await t.ok(`mutation($id: ID!) { publishFund(id: $id) { status } }`, { id: draft.id }, funderOwner.token)
    ).publishFund;
    expect(published.status).toBe('OPEN');

    // the diaspora organization sees the fund with its reasons, for the organization and for its project
    const orgMatches = (await t.ok(MATCHES, { o: orgId })).fundMatches;
    expect(orgMatches.map((m: { fund: { id: string } }) => m.fund.id)).toEqual([draft.id]);
    const [match] = (await t.ok(MATCHES, { o: orgId, p: projectId })).fundMatches;
    expect(match.project.id).toBe(projectId);
    const factors = match.reasons.map((r: { factor: string }) => r.factor);
    expect(factors).toEqual(expect.arrayContaining(['THEMES', 'SDGS', 'GEOGRAPHY', 'BUDGET', 'PRIORITY']));
    const sum = match.reasons.reduce((s: number, r: { points: number }) => s + r.points, 0);
    expect(Math.abs(sum - match.score)).toBeLessThan(1e-9);
    expect(match.reasons.find((r: { factor: string }) => r.factor === 'BUDGET').points).toBe(0.15); // 40,000 inside 25,000–60,000
    expect(match.reasons.find((r: { factor: string }) => r.factor === 'THEMES').detail).toMatch(
      /of the fund's 4 themes/,
    );
    expect(match.score).toBeGreaterThan(0.5);

    // apply (SUBMITTED), and a second live application of the same project is CONFLICT
    const application = (
      await t.ok(
        APPLY,
        { f: draft.id, p: projectId, a: { amount: 40000, currency: 'EUR' }, s: STATEMENT },
        applicant.token,
      )
    ).applyToFund;
    expect(application.status).toBe('SUBMITTED');
    const twice = await t.gql(
      APPLY,
      { f: draft.id, p: projectId, a: { amount: 30000, currency: 'EUR' }, s: STATEMENT },
      applicant.token,
    );
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');

    // the funder sees the application and the ranked candidates; outsiders do not see applications
    const funderView = await t.ok(
      `query($id: ID!) { fund(id: $id) { applications { id status organization { id } project { id } } } }`,
      { id: draft.id },
      funderOwner.token,
    );
    expect(funderView.fund.applications).toEqual([
      { id: application.id, status: 'SUBMITTED', organization: { id: orgId }, project: { id: projectId } },
    ]);
    const publicView = await t.ok(`query($id: ID!) { fund(id: $id) { applications { id } } }`, { id: draft.id });
    expect(publicView.fund.applications).toEqual([]);
    const candidates = (
      await t.ok(
        `query($id: ID!) { fundCandidates(fundId: $id, first: 5) { score organization { id } project { id } reasons { factor points } } }`,
        { id: draft.id },
        funderOwner.token,
      )
    ).fundCandidates;
    expect(candidates[0].organization.id).toBe(orgId);
    expect(candidates[0].project.id).toBe(projectId);
    expect(candidates[0].score).toBe(match.score); // the same relation seen from the fund

    // shortlist → award, every transition recorded
    expect(
      (await t.ok(DECIDE, { id: application.id, s: 'SHORTLISTED' }, funderOwner.token)).decideApplication.status,
    ).toBe('SHORTLISTED');
    const awarded = (
      await t.ok(DECIDE, { id: application.id, s: 'AWARDED', n: 'Strong community ownership' }, funderOwner.token)
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
    expect(
      (
        await t.gql(
          `mutation($id: ID!) { withdrawApplication(id: $id) { id } }`,
          { id: application.id },
          applicant.token,
        )
      ).errors?.[0].extensions?.code,
    ).toBe('CONFLICT');
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
    expect(report.checks.find((c: { rule: string }) => c.rule === 'ORIGIN').detail).toMatch(/diaspora community/);
    const ids = (await t.ok(MATCHES, { o: orgId, p: projectId })).fundMatches.map(
      (m: { fund: { id: string } }) => m.fund.id,
    );
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
    expect(
      (await t.ok(MATCHES, { o: orgId })).fundMatches.map((m: { fund: { id: string } }) => m.fund.id),
    ).not.toContain(fund.id);
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
