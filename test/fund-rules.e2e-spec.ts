import { TestApp } from './support/test-app.js';
import { createOrg, registerUser, TestUser, verify } from './support/fixtures.js';
import { APPLY, fundInput, STATEMENT } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

/**
 * Issue 15's fund rules through the API: input checks naming the field, the rules enforced alike by
 * fundMatches, fundCandidates, checkEligibility (sentences naming the accepted values) and
 * applyToFund, funds needing a project, and the preview of a DRAFT fund's candidates.
 */
const CREATE = `mutation($i: FundInput!) { createFund(input: $i) { id status projectInOriginCountry
  eligibleRegionsOfResidence excludedProjectKinds maxTotalProjectBudget requiresNonProfit } }`;
const PUBLISH = `mutation($id: ID!) { publishFund(id: $id) { id status } }`;
const CHECK = `query($f: ID!, $o: ID!, $p: ID) { checkEligibility(fundId: $f, organizationId: $o, projectId: $p) {
  eligible checks { rule passed detail } } }`;
const MATCHES = `query($o: ID!, $p: ID) { fundMatches(organizationId: $o, projectId: $p, first: 50) {
  score fund { id } project { id } reasons { factor points detail } } }`;
const NEEDING = `query($o: ID!) { fundsNeedingAProject(organizationId: $o, first: 50) { fund { id } failedRules { rule detail } } }`;
const CANDIDATES = `query($f: ID!) { fundCandidates(fundId: $f, first: 50) { score organization { id } project { id } } }`;

describe('Fund rules of issue 15', () => {
  let t: TestApp;
  let funder: TestUser;
  let applicant: TestUser;
  let funderId: string;
  let orgId: string;
  let projectId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    funder = await registerUser(t, 'rules-funder');
    applicant = await registerUser(t, 'rules-applicant');
    funderId = (
      await createOrg(t, funder, {
        name: 'Rules Foundation',
        kind: 'FUNDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['BE'],
      })
    ).id;
    await verify(t, funderId);
    orgId = (
      await createOrg(t, applicant, {
        name: 'Ghanaian Community of Ile-de-France',
        countriesOfOrigin: ['GH'],
        countriesOfResidence: ['FR'],
        regionsOfResidence: ['FR-IDF'],
        nonProfit: true,
        annualIncome: 43000,
        annualIncomeCurrency: 'GBP',
        themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT', 'CLIMATE_AND_DISPLACEMENT'],
        foundedYear: 2012,
        memberCount: 40,
        legallyRegistered: true,
      })
    ).id;
    projectId = (
      await t.ok(
        `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
        { i: projectInput(orgId) },
        applicant.token,
      )
    ).createProject.id;
  }, 600_000); // a fresh API on a machine shared by several test runs can take minutes to start
  afterAll(() => t?.close());

  const create = async (overrides: Record<string, unknown>) => {
    const fund = (await t.ok(CREATE, { i: fundInput(funderId, overrides) }, funder.token)).createFund;
    await t.ok(PUBLISH, { id: fund.id }, funder.token);
    return fund.id as string;
  };
  const fieldOf = async (overrides: Record<string, unknown>) =>
    (await t.gql(CREATE, { i: fundInput(funderId, overrides) }, funder.token)).errors?.[0].extensions;

  it('refuses bad rule input with BAD_USER_INPUT naming the field', async () => {
    for (const [overrides, field] of [
      [{ eligibleRegionsOfResidence: ['IDF'] }, 'input.eligibleRegionsOfResidence'],
      [{ eligibleRegionsOfResidence: ['ZZ-AB'] }, 'input.eligibleRegionsOfResidence'],
      [{ excludedCountriesOfResidence: ['XX'] }, 'input.excludedCountriesOfResidence'],
      [{ minOrganizationAnnualIncome: -1 }, 'input.minOrganizationAnnualIncome'],
      [{ minOrganizationAnnualIncome: 10, maxOrganizationAnnualIncome: 5 }, 'input.minOrganizationAnnualIncome'],
      [{ maxTotalProjectBudget: 1000 }, 'input.maxTotalProjectBudget'],
      [{ requiredThemes: ['NOT_A_THEME'] }, 'input.requiredThemes'],
    ] as const) {
      const extensions = await fieldOf(overrides);
      expect([extensions?.code, extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
    }
  });

  it('stores and answers the new fields', async () => {
    const fund = (
      await t.ok(
        CREATE,
        {
          i: fundInput(funderId, {
            projectInOriginCountry: true,
            eligibleRegionsOfResidence: ['fr-idf'],
            excludedProjectKinds: ['CONSTRUCTION'],
            maxTotalProjectBudget: 250000,
            requiresNonProfit: true,
          }),
        },
        funder.token,
      )
    ).createFund;
    expect(fund).toMatchObject({
      projectInOriginCountry: true,
      eligibleRegionsOfResidence: ['FR-IDF'],
      excludedProjectKinds: ['CONSTRUCTION'],
      maxTotalProjectBudget: 250000,
      requiresNonProfit: true,
    });
  });

  it('a fund whose rules the organization and project pass: matched, candidate, eligible', async () => {
    const fundId = await create({
      eligibleRegionsOfResidence: ['FR-IDF', 'DE-BE'],
      projectInOriginCountry: true,
      requiresNonProfit: true,
      minOrganizationAnnualIncome: 20000, // GBP 43,000 is about EUR 50,000
      maxOrganizationAnnualIncome: 60000,
      maxOrganizationMembers: 100,
      excludedProjectKinds: ['CONSTRUCTION', 'EMERGENCY_RELIEF'],
      maxTotalProjectBudget: 100000,
      requiredThemes: ['CLIMATE_AND_DISPLACEMENT'],
    });
    const report = (await t.ok(CHECK, { f: fundId, o: orgId, p: projectId })).checkEligibility;
    expect(report.checks.filter((c: { passed: boolean }) => !c.passed)).toEqual([]);
    expect(report.eligible).toBe(true);
    const matched = (await t.ok(MATCHES, { o: orgId })).fundMatches.find(
      (m: { fund: { id: string } }) => m.fund.id === fundId,
    );
    expect(matched.project.id).toBe(projectId);
    const candidates = (await t.ok(CANDIDATES, { f: fundId }, funder.token)).fundCandidates;
    expect(candidates.map((c: { organization: { id: string } }) => c.organization.id)).toContain(orgId);
  });

  it.each([
    ['REGION_OF_RESIDENCE', { eligibleRegionsOfResidence: ['DE-BE', 'DE-HH'] }, /based in the regions DE-BE, DE-HH/],
    ['EXCLUDED_RESIDENCE', { excludedCountriesOfResidence: ['FR'] }, /does not accept organizations based in FR/],
    ['ANNUAL_INCOME', { maxOrganizationAnnualIncome: 30000 }, /at most EUR 30,000/],
    ['ORGANIZATION_SIZE', { maxOrganizationMembers: 10 }, /at most 10 members/],
    ['PREVIOUS_GRANTEE', { reservedForPreviousGrantees: true }, /reserved for organizations this funder has awarded/],
    [
      'PROJECT_IN_ORIGIN_COUNTRY',
      { projectInOriginCountry: true, eligibility: { countriesOfImplementation: ['GH', 'SN'] } },
      null,
    ],
    [
      'EXCLUDED_PROJECT_KIND',
      { excludedProjectKinds: ['SOCIAL_INVESTMENT'] },
      /do not accept|does not accept projects of these kinds: SOCIAL_INVESTMENT/,
    ],
    ['PROJECT_THEMES', { requiredThemes: ['HEALTH'] }, /one of the themes HEALTH/],
    ['TOTAL_PROJECT_BUDGET', { maxTotalProjectBudget: 50000 }, /at most EUR 50,000/],
    ['CO_FUNDING', { coFundingPercent: 50 }, /co-fund 50%/],
  ])(
    '%s: failed by checkEligibility with the accepted values, never matched, refused by applyToFund',
    async (rule, overrides, sentence) => {
      const fundId = await create(overrides as Record<string, unknown>);
      const report = (await t.ok(CHECK, { f: fundId, o: orgId, p: projectId })).checkEligibility;
      const check = report.checks.find((c: { rule: string }) => c.rule === rule);
      if (rule === 'PROJECT_IN_ORIGIN_COUNTRY') {
        // the project runs in GH, the community's own country: passes
        expect(check.passed).toBe(true);
        return;
      }
      expect(report.eligible).toBe(false);
      expect(check.passed).toBe(false);
      if (sentence) expect(check.detail).toMatch(sentence);
      const funds = (await t.ok(MATCHES, { o: orgId, p: projectId })).fundMatches.map(
        (m: { fund: { id: string } }) => m.fund.id,
      );
      expect(funds).not.toContain(fundId);
      const refused = await t.gql(
        APPLY,
        { f: fundId, p: projectId, a: { amount: 30000, currency: 'EUR' }, s: STATEMENT },
        applicant.token,
      );
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'projectId' });
      expect(refused.errors?.[0].extensions?.failedRules).toContain(rule);
      const candidates = (await t.ok(CANDIDATES, { f: fundId }, funder.token)).fundCandidates;
      expect(candidates.map((c: { organization: { id: string } }) => c.organization.id)).not.toContain(orgId);
    },
  );

  it('lists a fund only the organization qualifies for under fundsNeedingAProject, with the failing project rule, for members only', async () => {
    const fundId = await create({ excludedProjectKinds: ['SOCIAL_INVESTMENT'] });
    const asMember = (await t.ok(NEEDING, { o: orgId }, applicant.token)).fundsNeedingAProject;
    const entry = asMember.find((n: { fund: { id: string } }) => n.fund.id === fundId);
    expect(entry.failedRules.map((r: { rule: string }) => r.rule)).toEqual(['EXCLUDED_PROJECT_KIND']);
    expect(entry.failedRules[0].detail).toMatch(/SOCIAL_INVESTMENT/);
    expect((await t.ok(NEEDING, { o: orgId })).fundsNeedingAProject).toEqual([]);
    const matched = (await t.ok(MATCHES, { o: orgId })).fundMatches.map((m: { fund: { id: string } }) => m.fund.id);
    expect(matched).not.toContain(fundId);
  });

  it('previews the candidates of a DRAFT fund for its funder only', async () => {
    const draft = (await t.ok(CREATE, { i: fundInput(funderId, {}) }, funder.token)).createFund;
    expect(draft.status).toBe('DRAFT');
    const preview = (await t.ok(CANDIDATES, { f: draft.id }, funder.token)).fundCandidates;
    expect(preview.map((c: { organization: { id: string } }) => c.organization.id)).toContain(orgId);
    expect(await t.errorCode(CANDIDATES, { f: draft.id })).toBe('NOT_FOUND');
    expect(await t.errorCode(CANDIDATES, { f: draft.id }, applicant.token)).toBe('NOT_FOUND');
  });

  it('scores a project budgeted in another currency, showing the conversion in the BUDGET reason', async () => {
    const gbpProject = (
      await t.ok(
        `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
        {
          i: projectInput(orgId, {
            title: 'Solar pumps, GBP budget',
            budget: { amount: 50000, currency: 'GBP' },
            fundingSought: { amount: 35000, currency: 'GBP' },
          }),
        },
        applicant.token,
      )
    ).createProject.id;
    const fundId = await create({});
    const [match] = (await t.ok(MATCHES, { o: orgId, p: gbpProject })).fundMatches.filter(
      (m: { fund: { id: string } }) => m.fund.id === fundId,
    );
    const budget = match.reasons.find((r: { factor: string }) => r.factor === 'BUDGET');
    expect(budget.points).toBeGreaterThan(0);
    expect(budget.detail).toMatch(/^Seeks GBP 35,000 ≈ EUR [\d,]+ at the ECB reference rate of/);
  });
});
