import { TestApp } from './support/test-app.js';
import { createOrg, registerUser, TestUser, verify } from './support/fixtures.js';
import { fundInput } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

/**
 * Issue 15, point 2 (the project's kind in the score), point 7 (capacity fit) and point 3 (projects
 * smaller than the minimum grant), through the API: KIND ranks a maternal-health clinic above a
 * drought-relief distribution for a fund about health, whatever themes both are tagged with; the CAPACITY factor weighs the grant's size against the organization's age, track record and
 * income — small grants earn everyone its points, a large one ranks the organization that has shown it
 * can run it first — and MINIMUM_GRANT keeps a project whose whole budget is below the fund's smallest
 * grant out of the matches, the candidates and applications, with a sentence naming the amount.
 */
const CREATE = `mutation($i: FundInput!) { createFund(input: $i) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishFund(id: $id) { id } }`;
const CANDIDATES = `query($f: ID!) { fundCandidates(fundId: $f, first: 50) {
  score organization { id } project { id } reasons { factor points detail } } }`;
const MATCHES = `query($o: ID!, $p: ID) { fundMatches(organizationId: $o, projectId: $p, first: 50) {
  score fund { id } reasons { factor points detail } } }`;
const CHECK = `query($f: ID!, $o: ID!, $p: ID) { checkEligibility(fundId: $f, organizationId: $o, projectId: $p) {
  eligible checks { rule passed detail } } }`;

type Reason = { factor: string; points: number; detail: string };
const capacityOf = (reasons: Reason[]) => reasons.find((r) => r.factor === 'CAPACITY');

describe('Fund matching: kind of project, capacity fit and the minimum grant', () => {
  let t: TestApp;
  let funder: TestUser;
  let funderId: string;
  const orgs: Record<'established' | 'newcomer', { id: string; user: TestUser; projectId: string }> = {} as never;

  beforeAll(async () => {
    t = await TestApp.start();
    funder = await registerUser(t, 'capacity-funder');
    funderId = (
      await createOrg(t, funder, {
        name: 'Capacity Foundation',
        kind: 'FUNDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['BE'],
      })
    ).id;
    await verify(t, funderId);
    // two organizations alike in everything the other factors read; one established with a stated income
    for (const [key, extra] of [
      ['established', { foundedYear: 2005, annualIncome: 300000, annualIncomeCurrency: 'EUR' }],
      ['newcomer', { foundedYear: new Date().getFullYear() }],
    ] as const) {
      const user = await registerUser(t, `capacity-${key}`);
      const id = (
        await createOrg(t, user, {
          name: `Ghanaian association (${key})`,
          countriesOfOrigin: ['GH'],
          countriesOfResidence: ['FR'],
          themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT'],
          legallyRegistered: true,
          ...extra,
        })
      ).id;
      const project = projectInput(id, {
        budget: { amount: 400000, currency: 'EUR' },
        fundingSought: { amount: 250000, currency: 'EUR' },
      });
      const projectId = (
        await t.ok(`mutation($i: ProjectInput!) { createProject(input: $i) { id } }`, { i: project }, user.token)
      ).createProject.id;
      orgs[key] = { id, user, projectId };
    }
  }, 600_000);
  afterAll(() => t?.close());

  const publish = async (overrides: Record<string, unknown>) => {
    const input = fundInput(funderId, {
      coFundingPercent: null,
      eligibility: { countriesOfResidence: ['FR'], countriesOfOrigin: ['GH'] },
      ...overrides,
    });
    const id = (await t.ok(CREATE, { i: input }, funder.token)).createFund.id as string;
    await t.ok(PUBLISH, { id }, funder.token);
    return id;
  };

  it('a large grant ranks the organization with a track record first; the reason says what it has shown', async () => {
    const fundId = await publish({ minGrant: 100000, maxGrant: 300000 });
    const rows: Array<{ score: number; organization: { id: string }; reasons: Reason[] }> = (
      await t.ok(CANDIDATES, { f: fundId }, funder.token)
    ).fundCandidates;
    const of = (key: 'established' | 'newcomer') => rows.find((r) => r.organization.id === orgs[key].id)!;
    expect(of('established')).toBeDefined();
    expect(of('newcomer')).toBeDefined();
    expect(of('established').score).toBeGreaterThan(of('newcomer').score);
    // EUR 250,000 is above the large-grant mark: it asks for a full track record. The established one
    // covers it with its income; the newcomer has shown nothing yet
    expect(capacityOf(of('established').reasons)!.points).toBeCloseTo(0.05, 4);
    expect(capacityOf(of('newcomer').reasons)).toBeUndefined();
    expect(capacityOf(of('established').reasons)!.detail).toContain('founded in 2005');
    expect(capacityOf(of('established').reasons)!.detail).toContain('annual income');
    // the reasons still add up to the score
    for (const row of rows) expect(row.reasons.reduce((sum, r) => sum + r.points, 0)).toBeCloseTo(row.score, 4);
  });

  it('a small grant asks for no track record: both get all the CAPACITY points', async () => {
    const user = orgs.newcomer.user;
    const small = (
      await t.ok(
        `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
        {
          i: projectInput(orgs.newcomer.id, {
            budget: { amount: 9000, currency: 'EUR' },
            fundingSought: { amount: 8000, currency: 'EUR' },
          }),
        },
        user.token,
      )
    ).createProject.id;
    const fundId = await publish({ minGrant: 1000, maxGrant: 10000 });
    const [match] = (await t.ok(MATCHES, { o: orgs.newcomer.id, p: small }, user.token)).fundMatches.filter(
      (m: { fund: { id: string } }) => m.fund.id === fundId,
    );
    expect(capacityOf(match.reasons)!.points).toBeCloseTo(0.05, 4);
    expect(capacityOf(match.reasons)!.detail).toContain('no track record on the platform yet');
  });

  it('KIND: for a fund about health, a maternal-health clinic outranks a drought-relief distribution tagged alike', async () => {
    const { user, id } = orgs.newcomer;
    const create = async (title: string, kind: string) =>
      (
        await t.ok(
          `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
          {
            i: projectInput(id, {
              title,
              summary: 'Volta region programme',
              kind: kind as never,
              themes: ['HEALTH', 'CLIMATE_AND_DISPLACEMENT'],
              sdgs: [3],
              budget: { amount: 50000, currency: 'EUR' },
              fundingSought: { amount: 40000, currency: 'EUR' },
            }),
          },
          user.token,
        )
      ).createProject.id as string;
    const clinic = await create('Maternity ward', 'SOCIAL_INVESTMENT');
    const relief = await create('Drought rations', 'EMERGENCY_RELIEF');
    const fundId = await publish({
      title: 'Health systems fund',
      description: 'Grants that strengthen primary care',
      themes: ['HEALTH'],
      sdgs: [3],
      minGrant: 20000,
      maxGrant: 60000,
    });
    const match = async (projectId: string) =>
      (await t.ok(MATCHES, { o: id, p: projectId }, user.token)).fundMatches.find(
        (m: { fund: { id: string } }) => m.fund.id === fundId,
      ) as { score: number; reasons: Reason[] };
    const [withClinic, withRelief] = [await match(clinic), await match(relief)];
    expect(withClinic.score).toBeGreaterThan(withRelief.score);
    expect(withClinic.reasons.find((r) => r.factor === 'KIND')).toMatchObject({ points: 0.05 });
    expect(withClinic.reasons.find((r) => r.factor === 'KIND')!.detail).toContain('HEALTH');
    expect(withRelief.reasons.find((r) => r.factor === 'KIND')).toBeUndefined();
  });

  it('MINIMUM_GRANT: a project smaller than the smallest grant is not a match, nor a candidate’s project', async () => {
    const fundId = await publish({ minGrant: 500000, maxGrant: 900000, totalBudget: 5000000 });
    const { user, id, projectId } = orgs.established;
    const matches = (await t.ok(MATCHES, { o: id, p: projectId }, user.token)).fundMatches;
    expect(matches.map((m: { fund: { id: string } }) => m.fund.id)).not.toContain(fundId);
    const check = (await t.ok(CHECK, { f: fundId, o: id, p: projectId }, user.token)).checkEligibility;
    expect(check.eligible).toBe(false);
    const rule = check.checks.find((c: { rule: string }) => c.rule === 'MINIMUM_GRANT');
    expect(rule.passed).toBe(false);
    expect(rule.detail).toMatch(/500,000/);
    // its only project cannot take the grant: it is no candidate either (it has a live project, so it is
    // not one on its own), as fundMatches lists it no match
    const candidates = (await t.ok(CANDIDATES, { f: fundId }, funder.token)).fundCandidates;
    expect(candidates.map((c: { organization: { id: string } }) => c.organization.id)).not.toContain(id);
  });
});
