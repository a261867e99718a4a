import type { ProjectInput } from '../generated/graphql.js';

/**
 * A realistic ProjectInput (a Ghanaian solar-irrigation project seeking EUR 40,000). The second
 * signature takes deliberately invalid values (bad-input tests) and is untyped.
 */
export function projectInput(organizationId: string, overrides?: Partial<ProjectInput>): ProjectInput;
export function projectInput(organizationId: string, overrides: Record<string, unknown>): Record<string, unknown>;
export function projectInput(organizationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId,
    title: 'Solar irrigation for Volta farmers',
    summary: 'Solar-powered pumps let smallholder farmers irrigate through the dry season',
    kind: 'SOCIAL_INVESTMENT',
    status: 'SEEKING_FUNDING',
    countries: ['GH'],
    locality: 'Ho, Volta Region',
    themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT', 'CLIMATE_AND_DISPLACEMENT'],
    sdgs: [7, 2],
    budget: { amount: 60000, currency: 'EUR' },
    fundingSought: { amount: 40000, currency: 'eur' },
    startDate: '2027-01-15',
    endDate: '2028-06-30',
    beneficiaries: 350,
    ...overrides,
  };
}
