import type { TFunction } from 'i18next';
import type {
  AudienceRegion,
  CapacityArea,
  OrganizationKind,
  TrainingFormat,
  TrainingOfferInput,
} from '../../gql/graphql';

export const CAPACITY_AREAS: CapacityArea[] = [
  'ALLIANCE_BUILDING',
  'DIGITAL_SKILLS',
  'ECONOMIC_AND_BUSINESS_SKILLS',
  'FINANCIAL_LITERACY',
  'FINANCIAL_MANAGEMENT',
  'FUNDRAISING',
  'GOVERNANCE_AND_MEMBERSHIP',
  'MONITORING_AND_EVALUATION',
  'POLICY_ADVOCACY',
  'POLICY_PROCESSES',
  'PROJECT_MANAGEMENT',
  'RETURN_AND_REINTEGRATION',
  'SOCIAL_COSTS_OF_MIGRATION',
  'STRATEGIC_PLANNING',
];
export const FORMATS: TrainingFormat[] = ['ONLINE', 'IN_PERSON', 'HYBRID'];
export const AUDIENCE_REGIONS: AudienceRegion[] = [
  'AFRICA',
  'ASIA',
  'EUROPE',
  'GLOBAL_NORTH',
  'GLOBAL_SOUTH',
  'LATIN_AMERICA_AND_CARIBBEAN',
  'NORTHERN_AMERICA',
  'OCEANIA',
];

/** The offer editor's values as the form holds them (numbers as typed, moments as yyyy-mm-ddThh:mm local). */
export interface OfferValues {
  title: string;
  description: string;
  capacityAreas: string[];
  format: TrainingFormat;
  languages: string[];
  country: string | null;
  city: string;
  startsAt: string;
  endsAt: string;
  applicationDeadline: string;
  seats: number | string;
  costAmount: number | string;
  costCurrency: string;
  subsidyAvailable: boolean;
  eligibleOrganizationKinds: string[];
  audienceCountriesOfResidence: string[];
  audienceRegions: string[];
  languageRequired: boolean;
}

export type OfferField = keyof OfferValues;

export const EMPTY_OFFER: OfferValues = {
  title: '',
  description: '',
  capacityAreas: [],
  format: 'ONLINE',
  languages: [],
  country: null,
  city: '',
  startsAt: '',
  endsAt: '',
  applicationDeadline: '',
  seats: '',
  costAmount: '',
  costCurrency: 'EUR',
  subsidyAvailable: false,
  eligibleOrganizationKinds: [],
  audienceCountriesOfResidence: [],
  audienceRegions: [],
  languageRequired: false,
};

/** A date-time of the API as the value of a datetime-local input (the browser's time zone). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const moment = (value: string) => (value ? new Date(value) : null);
const isNumber = (v: number | string) => v !== '' && Number.isFinite(Number(v));

/** The form's own checks, before the API is asked: field → message (empty when the values are fine). */
export function validateOffer(v: OfferValues, t: TFunction, now = new Date()): Partial<Record<OfferField, string>> {
  const errors: Partial<Record<OfferField, string>> = {};
  const required = t('provider.editor.required');
  const title = v.title.trim();
  if (!title) errors.title = required;
  else if (title.length < 3 || title.length > 150) errors.title = t('provider.editor.titleLength');
  const description = v.description.trim();
  if (!description) errors.description = required;
  else if (description.length < 10) errors.description = t('provider.editor.descriptionLength');
  if (v.capacityAreas.length === 0) errors.capacityAreas = t('provider.editor.chooseArea');
  if (v.languages.length === 0) errors.languages = t('provider.editor.chooseLanguage');
  if (v.format !== 'ONLINE' && !v.country) errors.country = t('provider.editor.countryRequired');
  const startsAt = moment(v.startsAt);
  const endsAt = moment(v.endsAt);
  const deadline = moment(v.applicationDeadline);
  if (!startsAt) errors.startsAt = required;
  else if (startsAt <= now) errors.startsAt = t('provider.editor.startsInFuture');
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = t('provider.editor.endsAfterStart');
  if (startsAt && deadline && deadline > startsAt)
    errors.applicationDeadline = t('provider.editor.deadlineBeforeStart');
  if (!isNumber(v.seats)) errors.seats = required;
  else if (!Number.isInteger(Number(v.seats)) || Number(v.seats) < 1 || Number(v.seats) > 10000)
    errors.seats = t('provider.editor.seatsRange');
  if (v.costAmount !== '' && (!isNumber(v.costAmount) || Number(v.costAmount) < 0))
    errors.costAmount = t('provider.editor.costPositive');
  if (v.costAmount !== '' && Number(v.costAmount) > 0 && !/^[A-Z]{3}$/.test(v.costCurrency.trim().toUpperCase()))
    errors.costCurrency = t('provider.editor.currencyCode');
  return errors;
}

/** The values as the API's TrainingOfferInput. */
export function toOfferInput(v: OfferValues, providerId: string): TrainingOfferInput {
  const cost = v.costAmount !== '' && Number(v.costAmount) > 0;
  return {
    providerId,
    title: v.title.trim(),
    description: v.description.trim(),
    capacityAreas: v.capacityAreas as CapacityArea[],
    format: v.format,
    languages: v.languages,
    country: v.format === 'ONLINE' ? (v.country ?? null) : v.country,
    city: v.city.trim() || null,
    startsAt: new Date(v.startsAt).toISOString(),
    endsAt: v.endsAt ? new Date(v.endsAt).toISOString() : null,
    applicationDeadline: v.applicationDeadline ? new Date(v.applicationDeadline).toISOString() : null,
    seats: Number(v.seats),
    cost: cost ? { amount: Number(v.costAmount), currency: v.costCurrency.trim().toUpperCase() } : null,
    subsidyAvailable: v.subsidyAvailable,
    eligibleOrganizationKinds: v.eligibleOrganizationKinds as OrganizationKind[],
    audienceCountriesOfResidence: v.audienceCountriesOfResidence,
    audienceRegions: v.audienceRegions as AudienceRegion[],
    languageRequired: v.languageRequired,
  };
}

export interface StoredOffer {
  title: string;
  description: string;
  capacityAreas: string[];
  format: TrainingFormat;
  languages: Array<{ code: string }>;
  country?: { code: string } | null;
  city?: string | null;
  startsAt: string;
  endsAt?: string | null;
  applicationDeadline?: string | null;
  seats: number;
  cost?: { amount: number; currency: string } | null;
  subsidyAvailable: boolean;
  eligibleOrganizationKinds: string[];
  audienceCountriesOfResidence: string[];
  audienceRegions: string[];
  languageRequired: boolean;
}

/** A stored offer as the form's values. */
export function fromOffer(o: StoredOffer): OfferValues {
  return {
    title: o.title,
    description: o.description,
    capacityAreas: o.capacityAreas,
    format: o.format,
    languages: o.languages.map((l) => l.code),
    country: o.country?.code ?? null,
    city: o.city ?? '',
    startsAt: toLocalInput(o.startsAt),
    endsAt: toLocalInput(o.endsAt),
    applicationDeadline: toLocalInput(o.applicationDeadline),
    seats: o.seats,
    costAmount: o.cost?.amount ?? '',
    costCurrency: o.cost?.currency ?? 'EUR',
    subsidyAvailable: o.subsidyAvailable,
    eligibleOrganizationKinds: o.eligibleOrganizationKinds,
    audienceCountriesOfResidence: o.audienceCountriesOfResidence,
    audienceRegions: o.audienceRegions,
    languageRequired: o.languageRequired,
  };
}
