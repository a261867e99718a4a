import type { FundInput } from '../../gql/graphql';

/** The fund editor's values as the form holds them (numbers as typed, dates as yyyy-mm-dd). */
export interface FundValues {
  title: string;
  description: string;
  currency: string;
  totalBudget: number | string;
  minGrant: number | string;
  maxGrant: number | string;
  coFundingPercent: number | string;
  opensAt: string;
  deadline: string;
  themes: string[];
  sdgs: string[];
  prioritizesWomenLed: boolean;
  prioritizesYouthLed: boolean;
  countriesOfResidence: string[];
  countriesOfOrigin: string[];
  countriesOfImplementation: string[];
  organizationKinds: string[];
  projectKinds: string[];
  minOrganizationAgeYears: number | string;
  requiresLegalRegistration: boolean;
  requiresVerification: boolean;
  eligibleRegionsOfResidence: string[];
  excludedCountriesOfResidence: string[];
  excludedProjectKinds: string[];
  requiredThemes: string[];
  projectInOriginCountry: boolean;
  requireAllImplementationCountries: boolean;
  requiresNonProfit: boolean;
  reservedForPreviousGrantees: boolean;
  minOrganizationAnnualIncome: number | string;
  maxOrganizationAnnualIncome: number | string;
  maxOrganizationMembers: number | string;
  maxTotalProjectBudget: number | string;
  prioritizesDiasporaLed: boolean;
  prioritizesSmallOrganizations: boolean;
  prioritizesFirstTimeApplicants: boolean;
  prioritizedOriginCountries: string[];
}

export type FundField = keyof FundValues;

export const EMPTY_FUND: FundValues = {
  title: '',
  description: '',
  currency: 'EUR',
  totalBudget: '',
  minGrant: '',
  maxGrant: '',
  coFundingPercent: '',
  opensAt: '',
  deadline: '',
  themes: [],
  sdgs: [],
  prioritizesWomenLed: false,
  prioritizesYouthLed: false,
  countriesOfResidence: [],
  countriesOfOrigin: [],
  countriesOfImplementation: [],
  organizationKinds: [],
  projectKinds: [],
  minOrganizationAgeYears: '',
  requiresLegalRegistration: false,
  requiresVerification: false,
  eligibleRegionsOfResidence: [],
  excludedCountriesOfResidence: [],
  excludedProjectKinds: [],
  requiredThemes: [],
  projectInOriginCountry: false,
  requireAllImplementationCountries: false,
  requiresNonProfit: false,
  reservedForPreviousGrantees: false,
  minOrganizationAnnualIncome: '',
  maxOrganizationAnnualIncome: '',
  maxOrganizationMembers: '',
  maxTotalProjectBudget: '',
  prioritizesDiasporaLed: false,
  prioritizesSmallOrganizations: false,
  prioritizesFirstTimeApplicants: false,
  prioritizedOriginCountries: [],
};

const blank = (v: number | string) => v === '' || v === null || v === undefined;
const num = (v: number | string): number | null => (blank(v) ? null : Number(v));

/** A stored date-time as the yyyy-mm-dd of a date input, in the browser's time zone. */
export function toDateInput(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A yyyy-mm-dd date as the end of that day (a deadline) or its start (an opening), in the browser's zone. */
export function fromDateInput(value: string, endOfDay: boolean): string {
  return new Date(`${value}T${endOfDay ? '23:59:59' : '00:00:00'}`).toISOString();
}

/** Translation keys of the errors, by field: what the form refuses before asking the API. */
export function validateFund(values: FundValues, now: Date = new Date()): Partial<Record<FundField, string>> {
  const errors: Partial<Record<FundField, string>> = {};
  if (!values.title.trim()) errors.title = 'funder.editor.errors.required';
  else if (values.title.trim().length > 200) errors.title = 'funder.editor.errors.tooLong';
  if (!values.description.trim()) errors.description = 'funder.editor.errors.required';
  if (!/^[A-Z]{3}$/.test(values.currency)) errors.currency = 'funder.editor.errors.currency';
  if (values.themes.length === 0) errors.themes = 'funder.editor.errors.themes';
  if (!values.deadline) errors.deadline = 'funder.editor.errors.required';
  else if (new Date(fromDateInput(values.deadline, true)) <= now) errors.deadline = 'funder.editor.errors.deadlinePast';
  if (values.opensAt && values.deadline && values.opensAt > values.deadline)
    errors.opensAt = 'funder.editor.errors.opensAfterDeadline';
  for (const field of [
    'totalBudget',
    'minGrant',
    'maxGrant',
    'minOrganizationAnnualIncome',
    'maxOrganizationAnnualIncome',
    'maxTotalProjectBudget',
  ] as const) {
    const value = num(values[field]);
    if (value !== null && (!Number.isFinite(value) || value <= 0)) errors[field] = 'funder.editor.errors.positive';
  }
  const min = num(values.minGrant);
  const max = num(values.maxGrant);
  const total = num(values.totalBudget);
  if (!errors.minGrant && !errors.maxGrant && min !== null && max !== null && min > max)
    errors.maxGrant = 'funder.editor.errors.maxBelowMin';
  if (!errors.maxGrant && !errors.totalBudget && max !== null && total !== null && max > total)
    errors.maxGrant = 'funder.editor.errors.maxAboveBudget';
  const coFunding = num(values.coFundingPercent);
  if (coFunding !== null && (!Number.isFinite(coFunding) || coFunding < 0 || coFunding > 100))
    errors.coFundingPercent = 'funder.editor.errors.percent';
  const age = num(values.minOrganizationAgeYears);
  if (age !== null && (!Number.isInteger(age) || age < 0 || age > 200))
    errors.minOrganizationAgeYears = 'funder.editor.errors.wholeYears';
  const minIncome = num(values.minOrganizationAnnualIncome);
  const maxIncome = num(values.maxOrganizationAnnualIncome);
  if (!errors.minOrganizationAnnualIncome && !errors.maxOrganizationAnnualIncome && minIncome !== null)
    if (maxIncome !== null && minIncome > maxIncome)
      errors.maxOrganizationAnnualIncome = 'funder.editor.errors.maxIncomeBelowMin';
  const members = num(values.maxOrganizationMembers);
  if (members !== null && (!Number.isInteger(members) || members < 1))
    errors.maxOrganizationMembers = 'funder.editor.errors.wholePositive';
  if (values.eligibleRegionsOfResidence.some((code) => !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)))
    errors.eligibleRegionsOfResidence = 'funder.editor.errors.regionCode';
  return errors;
}

/** The values as the API's FundInput (without the funder). */
export function toFundInput(values: FundValues): Omit<FundInput, 'funderId'> {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    currency: values.currency,
    totalBudget: num(values.totalBudget),
    minGrant: num(values.minGrant),
    maxGrant: num(values.maxGrant),
    coFundingPercent: num(values.coFundingPercent),
    opensAt: values.opensAt ? fromDateInput(values.opensAt, false) : null,
    deadline: fromDateInput(values.deadline, true),
    themes: values.themes,
    sdgs: values.sdgs.map(Number),
    prioritizesWomenLed: values.prioritizesWomenLed,
    prioritizesYouthLed: values.prioritizesYouthLed,
    prioritizesDiasporaLed: values.prioritizesDiasporaLed,
    prioritizesSmallOrganizations: values.prioritizesSmallOrganizations,
    prioritizesFirstTimeApplicants: values.prioritizesFirstTimeApplicants,
    prioritizedOriginCountries: values.prioritizedOriginCountries,
    eligibleRegionsOfResidence: values.eligibleRegionsOfResidence,
    excludedCountriesOfResidence: values.excludedCountriesOfResidence,
    excludedProjectKinds: values.excludedProjectKinds as FundInput['excludedProjectKinds'],
    requiredThemes: values.requiredThemes,
    projectInOriginCountry: values.projectInOriginCountry,
    requireAllImplementationCountries: values.requireAllImplementationCountries,
    requiresNonProfit: values.requiresNonProfit,
    reservedForPreviousGrantees: values.reservedForPreviousGrantees,
    minOrganizationAnnualIncome: num(values.minOrganizationAnnualIncome),
    maxOrganizationAnnualIncome: num(values.maxOrganizationAnnualIncome),
    maxOrganizationMembers: num(values.maxOrganizationMembers),
    maxTotalProjectBudget: num(values.maxTotalProjectBudget),
    eligibility: {
      countriesOfResidence: values.countriesOfResidence,
      countriesOfOrigin: values.countriesOfOrigin,
      countriesOfImplementation: values.countriesOfImplementation,
      organizationKinds: values.organizationKinds as NonNullable<FundInput['eligibility']>['organizationKinds'],
      projectKinds: values.projectKinds as NonNullable<FundInput['eligibility']>['projectKinds'],
      minOrganizationAgeYears: num(values.minOrganizationAgeYears),
      requiresLegalRegistration: values.requiresLegalRegistration,
      requiresVerification: values.requiresVerification,
    },
  };
}

/** The stored fund as the form's values. */
export interface StoredFund {
  title: string;
  description: string;
  currency: string;
  totalBudget?: number | null;
  minGrant?: number | null;
  maxGrant?: number | null;
  coFundingPercent?: number | null;
  opensAt?: string | null;
  deadline: string;
  themes: ReadonlyArray<{ code: string }>;
  sdgs: ReadonlyArray<{ number: number }>;
  prioritizesWomenLed: boolean;
  prioritizesYouthLed: boolean;
  prioritizesDiasporaLed: boolean;
  prioritizesSmallOrganizations: boolean;
  prioritizesFirstTimeApplicants: boolean;
  prioritizedOriginCountries: readonly string[];
  eligibleRegionsOfResidence: readonly string[];
  excludedCountriesOfResidence: readonly string[];
  excludedProjectKinds: readonly string[];
  requiredThemes: readonly string[];
  projectInOriginCountry: boolean;
  requireAllImplementationCountries: boolean;
  requiresNonProfit: boolean;
  reservedForPreviousGrantees: boolean;
  minOrganizationAnnualIncome?: number | null;
  maxOrganizationAnnualIncome?: number | null;
  maxOrganizationMembers?: number | null;
  maxTotalProjectBudget?: number | null;
  eligibility: {
    countriesOfResidence: ReadonlyArray<{ code: string }>;
    countriesOfOrigin: ReadonlyArray<{ code: string }>;
    countriesOfImplementation: ReadonlyArray<{ code: string }>;
    organizationKinds: readonly string[];
    projectKinds: readonly string[];
    minOrganizationAgeYears?: number | null;
    requiresLegalRegistration: boolean;
    requiresVerification: boolean;
  };
}

export function fromFund(fund: StoredFund): FundValues {
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);
  const e = fund.eligibility;
  return {
    title: fund.title,
    description: fund.description,
    currency: fund.currency,
    totalBudget: n(fund.totalBudget),
    minGrant: n(fund.minGrant),
    maxGrant: n(fund.maxGrant),
    coFundingPercent: n(fund.coFundingPercent),
    opensAt: toDateInput(fund.opensAt),
    deadline: toDateInput(fund.deadline),
    themes: fund.themes.map((x) => x.code),
    sdgs: fund.sdgs.map((x) => String(x.number)),
    prioritizesWomenLed: fund.prioritizesWomenLed,
    prioritizesYouthLed: fund.prioritizesYouthLed,
    countriesOfResidence: e.countriesOfResidence.map((c) => c.code),
    countriesOfOrigin: e.countriesOfOrigin.map((c) => c.code),
    countriesOfImplementation: e.countriesOfImplementation.map((c) => c.code),
    organizationKinds: [...e.organizationKinds],
    projectKinds: [...e.projectKinds],
    minOrganizationAgeYears: n(e.minOrganizationAgeYears),
    requiresLegalRegistration: e.requiresLegalRegistration,
    requiresVerification: e.requiresVerification,
    eligibleRegionsOfResidence: [...fund.eligibleRegionsOfResidence],
    excludedCountriesOfResidence: [...fund.excludedCountriesOfResidence],
    excludedProjectKinds: [...fund.excludedProjectKinds],
    requiredThemes: [...fund.requiredThemes],
    projectInOriginCountry: fund.projectInOriginCountry,
    requireAllImplementationCountries: fund.requireAllImplementationCountries,
    requiresNonProfit: fund.requiresNonProfit,
    reservedForPreviousGrantees: fund.reservedForPreviousGrantees,
    minOrganizationAnnualIncome: n(fund.minOrganizationAnnualIncome),
    maxOrganizationAnnualIncome: n(fund.maxOrganizationAnnualIncome),
    maxOrganizationMembers: n(fund.maxOrganizationMembers),
    maxTotalProjectBudget: n(fund.maxTotalProjectBudget),
    prioritizesDiasporaLed: fund.prioritizesDiasporaLed,
    prioritizesSmallOrganizations: fund.prioritizesSmallOrganizations,
    prioritizesFirstTimeApplicants: fund.prioritizesFirstTimeApplicants,
    prioritizedOriginCountries: [...fund.prioritizedOriginCountries],
  };
}
