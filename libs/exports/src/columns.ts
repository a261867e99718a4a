/**
 * The columns of the organization and project CSV files. The directory and project exports write
 * exactly these columns and the imports read exactly these, so an exported file imports as it is
 * (test/csv-import.e2e-spec.ts, the round trip). Lists are `;`-separated codes; booleans true/false;
 * dates YYYY-MM-DD; amounts plain numbers with a `.` decimal point.
 */

export const ORGANIZATION_COLUMNS = [
  'name',
  'kind',
  'description',
  'website',
  'contactEmail',
  'countriesOfOrigin',
  'countriesOfResidence',
  'city',
  'themes',
  'languages',
  'foundedYear',
  'memberCount',
  'legallyRegistered',
  'democraticGovernance',
  'womenLed',
  'youthLed',
] as const;

export const PROJECT_COLUMNS = [
  'title',
  'summary',
  'kind',
  'status',
  'countries',
  'locality',
  'themes',
  'sdgs',
  'budgetAmount',
  'budgetCurrency',
  'fundingSoughtAmount',
  'fundingSoughtCurrency',
  'startDate',
  'endDate',
  'beneficiaries',
] as const;

/** Columns a record must fill (the required fields of OrganizationInput and ProjectInput). */
export const ORGANIZATION_REQUIRED = ['name', 'kind', 'countriesOfOrigin', 'countriesOfResidence'] as const;
export const PROJECT_REQUIRED = ['title', 'summary', 'kind', 'countries'] as const;

/** The example row of each template. */
export const ORGANIZATION_EXAMPLE: Record<(typeof ORGANIZATION_COLUMNS)[number], string> = {
  name: 'Volta Hometown Association',
  kind: 'DIASPORA_ORGANIZATION',
  description: 'Supports schools and clinics in the Volta Region',
  website: 'https://volta.example.org',
  contactEmail: 'contact@volta.example.org',
  countriesOfOrigin: 'GH',
  countriesOfResidence: 'GB;FR',
  city: 'London',
  themes: 'EDUCATION;HEALTH',
  languages: 'en;fr',
  foundedYear: '2008',
  memberCount: '120',
  legallyRegistered: 'true',
  democraticGovernance: 'true',
  womenLed: 'false',
  youthLed: 'false',
};

export const PROJECT_EXAMPLE: Record<(typeof PROJECT_COLUMNS)[number], string> = {
  title: 'Solar irrigation for Volta farmers',
  summary: 'Solar-powered pumps let smallholder farmers irrigate through the dry season',
  kind: 'SOCIAL_INVESTMENT',
  status: 'SEEKING_FUNDING',
  countries: 'GH',
  locality: 'Ho, Volta Region',
  themes: 'AGRICULTURE_AND_RURAL_DEVELOPMENT;CLIMATE_AND_DISPLACEMENT',
  sdgs: '2;7',
  budgetAmount: '60000',
  budgetCurrency: 'EUR',
  fundingSoughtAmount: '40000',
  fundingSoughtCurrency: 'EUR',
  startDate: '2027-01-15',
  endDate: '2028-06-30',
  beneficiaries: '350',
};
