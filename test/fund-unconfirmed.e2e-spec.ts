import { TestApp } from './support/test-app.js';
import { createOrg, registerUser, TestUser, verify } from './support/fixtures.js';
import { fundInput } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

/**
 * Rules on facts a profile may leave blank (founding year, not-for-profit status, annual income, number
 * of members) do not hide a fund or a candidate: the rule passes *unconfirmed*. checkEligibility marks it
 * (`unconfirmed`, a sentence naming what the fund accepts and the fact to state), a match carries an
 * UNCONFIRMED reason without points, and a fact given and outside the rule still fails.
 */
const CREATE = `mutation($i: FundInput!) { createFund(input: $i) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishFund(id: $id) { id } }`;
const MATCHES = `query($o: ID!) { fundMatches(organizationId: $o, first: 50) {
  score fund { id } reasons { factor points detail } } }`;
const CHECK = `query($f: ID!, $o: ID!, $p: ID) { checkEligibility(fundId: $f, organizationId: $o, projectId: $p) {
  eligible checks { rule passed unconfirmed detail } } }`;
const CANDIDATES = `query($f: ID!) { fundCandidates(fundId: $f, first: 50) { organization { id } reasons { factor points } } }`;

describe('Fund rules on facts a profile leaves blank', () => {
  let t: TestApp;
  let funder: TestUser;
  let user: TestUser;
  let fundId: string;
  const org: Record<'blank' | 'young', { id: string; projectId: string }> = {} as never;

  beforeAll(async () => {
    t = await TestApp.start();
    funder = await registerUser(t, 'unconfirmed-funder');
    const funderId = (
      await createOrg(t, funder, {
        name: 'Age Foundation',
        kind: 'FUNDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['BE'],
      })
    ).id;
    await verify(t, funderId);
    user = await registerUser(t, 'unconfirmed-applicant');
    for (const [key, foundedYear] of [
      ['blank', null],
      ['young', new Date().getFullYear()],
    ] as const) {
      const id = (
        await createOrg(t, user, {
          name: `Senegalese association (${key})`,
          countriesOfOrigin: ['SN'],
          countriesOfResidence: ['FR'],
          themes: ['EDUCATION'],
          legallyRegistered: true,
          ...(foundedYear ? { foundedYear } : {}),
        })
      ).id;
      const projectId = (
        await t.ok(
          `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
          { i: projectInput(id, { countries: ['SN'], themes: ['EDUCATION'] }) },
          user.token,
        )
      ).createProject.id;
      org[key] = { id, projectId };
    }
    fundId = (
      await t.ok(
        CREATE,
        {
          i: fundInput(funderId, {
            eligibility: { countriesOfResidence: ['FR'], countriesOfOrigin: ['SN'], minOrganizationAgeYears: 2 },
          }),
        },
        funder.token,
      )
    ).createFund.id;
    await t.ok(PUBLISH, { id: fundId }, funder.token);
  }, 600_000);
  afterAll(() => t?.close());

  it('a founding year not given: the fund is a match, with a reason saying what to confirm', async () => {
    const matches = (await t.ok(MATCHES, { o: org.blank.id }, user.token)).fundMatches;
    const match = matches.find((m: { fund: { id: string } }) => m.fund.id === fundId);
    expect(match).toBeDefined();
    const reason = match.reasons.find((r: { factor: string }) => r.factor === 'UNCONFIRMED');
    expect(reason).toMatchObject({ points: 0 });
    expect(reason.detail).toContain('its founding year');
    expect(match.reasons.reduce((s: number, r: { points: number }) => s + r.points, 0)).toBeCloseTo(match.score, 4);
  });

  it('checkEligibility marks the rule unconfirmed and names what the fund accepts, in the reader’s language', async () => {
    const { checkEligibility } = await t.ok(CHECK, { f: fundId, o: org.blank.id, p: org.blank.projectId }, user.token);
    expect(checkEligibility.eligible).toBe(true);
    const age = checkEligibility.checks.find((c: { rule: string }) => c.rule === 'ORGANIZATION_AGE');
    expect(age).toMatchObject({ passed: true, unconfirmed: true });
    expect(age.detail).toBe(
      'The fund accepts organizations founded at least 2 years ago: to be confirmed, the organization has not given its founding year (state it in the profile; the funder confirms it)',
    );
    expect(checkEligibility.checks.filter((c: { unconfirmed: boolean }) => c.unconfirmed)).toHaveLength(1);
    const fr = await t.gql(CHECK, { f: fundId, o: org.blank.id, p: org.blank.projectId }, user.token, {
      'accept-language': 'fr',
    });
    const frAge = fr.data!.checkEligibility.checks.find((c: { rule: string }) => c.rule === 'ORGANIZATION_AGE');
    expect(frAge.detail).toContain('à confirmer');
    expect(frAge.detail).toContain('son année de fondation');
  });

  it('a founding year given and too recent still fails, and the funder sees the blank one as a candidate', async () => {
    const { checkEligibility } = await t.ok(CHECK, { f: fundId, o: org.young.id, p: org.young.projectId }, user.token);
    expect(checkEligibility.checks.find((c: { rule: string }) => c.rule === 'ORGANIZATION_AGE')).toMatchObject({
      passed: false,
      unconfirmed: false,
    });
    const candidates = (await t.ok(CANDIDATES, { f: fundId }, funder.token)).fundCandidates;
    const ids = candidates.map((c: { organization: { id: string } }) => c.organization.id);
    expect(ids).toContain(org.blank.id);
    expect(ids).not.toContain(org.young.id);
    const blank = candidates.find((c: { organization: { id: string } }) => c.organization.id === org.blank.id);
    expect(blank.reasons.map((r: { factor: string }) => r.factor)).toContain('UNCONFIRMED');
  });
});
