import type { TestApp } from './test-app.js';
import type { TestUser } from './fixtures.js';
import { inDays } from './inputs.js';
import { graphql } from '../generated/index.js';
import type { FundInput } from '../generated/graphql.js';

/** Re-exported: the fund tests take it from here with the fund inputs. */
export { inDays };

/**
 * A FundInput: a climate and livelihoods fund for diaspora organizations in Europe working in Ghana,
 * Senegal and Nigeria. The second signature takes deliberately invalid values (bad-input tests).
 */
export function fundInput(funderId: string, overrides?: Partial<FundInput>): FundInput;
export function fundInput(funderId: string, overrides: Record<string, unknown>): Record<string, unknown>;
export function fundInput(funderId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    funderId,
    title: 'African Diaspora Climate and Livelihoods Fund',
    description: 'Grants for diaspora-led projects on climate adaptation, irrigation, education and health in Africa',
    currency: 'EUR',
    minGrant: 25000,
    maxGrant: 60000,
    totalBudget: 500000,
    coFundingPercent: 10,
    deadline: inDays(60),
    themes: ['CLIMATE_AND_DISPLACEMENT', 'AGRICULTURE_AND_RURAL_DEVELOPMENT', 'EDUCATION', 'HEALTH'],
    sdgs: [2, 7, 13],
    prioritizesWomenLed: true,
    eligibility: {
      organizationKinds: ['DIASPORA_ORGANIZATION', 'MIGRANT_ASSOCIATION'],
      countriesOfResidence: ['GB', 'FR', 'DE', 'NO', 'CH'],
      countriesOfOrigin: ['GH', 'SN', 'NG'],
      countriesOfImplementation: ['GH', 'SN', 'NG'],
      requiresLegalRegistration: true,
      minOrganizationAgeYears: 1,
    },
    ...overrides,
  };
}

const CREATE = graphql(`
  mutation FundFixtureCreate($i: FundInput!) {
    createFund(input: $i) {
      id
      status
    }
  }
`);
const PUBLISH = graphql(`
  mutation FundFixturePublish($id: ID!) {
    publishFund(id: $id) {
      id
      status
    }
  }
`);

/** A fund of `funderId` created with fundInput(funderId, overrides) and published: its id. */
export async function publishedFund(
  t: TestApp,
  owner: TestUser,
  funderId: string,
  overrides: Partial<FundInput> = {},
): Promise<{ id: string }> {
  const fund = (await t.ok(CREATE, { i: fundInput(funderId, overrides) }, owner.token)).createFund;
  await t.ok(PUBLISH, { id: fund.id }, owner.token);
  return { id: fund.id };
}

// Strings, not typed operations: the authorization tables of the fund tests take query strings.
export const APPLY = `mutation($f: ID!, $p: ID!, $a: MoneyInput!, $s: String!, $d: Boolean) {
  applyToFund(fundId: $f, projectId: $p, requestedAmount: $a, statement: $s, draft: $d) { id status requestedAmount { amount currency } } }`;
export const DECIDE = `mutation($id: ID!, $s: ApplicationStatus!, $n: String) { decideApplication(id: $id, status: $s, note: $n) { id status decidedAt } }`;
export const STATEMENT = 'We will install solar pumps for 40 farming families and train a local maintenance team.';
