/**
 * Projects, partnerships, funds and applications of the demo set. Projects are built from templates
 * (one per project kind) for every diaspora-side organization, so that all kinds and statuses occur.
 */
export interface ProjectTemplate {
  kind: string;
  title: (place: string) => string;
  summary: (place: string) => string;
  themes: string[];
  sdgs: number[];
  budget: number;
  /** Share of the budget sought from funders (default two thirds; the rest is co-funded). */
  fundingShare?: number;
  indicator: [name: string, unit: string, baseline: number, target: number, measured: number[]];
}

export const PROJECT_TEMPLATES: ProjectTemplate[] = [
  {
    kind: 'SOCIAL_INVESTMENT',
    title: (p) => `Solar irrigation for smallholders in ${p}`,
    summary: (p) =>
      `Solar-powered pumps and drip lines let farming families in ${p} grow vegetables through the dry season.`,
    themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT', 'CLIMATE_AND_DISPLACEMENT'],
    sdgs: [2, 7, 13],
    budget: 60000,
    indicator: ['Hectares irrigated', 'ha', 0, 40, [8, 19]],
  },
  {
    kind: 'KNOWLEDGE_TRANSFER',
    title: (p) => `Diaspora health professionals train midwives in ${p}`,
    summary: (p) =>
      `Short return missions of diaspora nurses and doctors to train midwives and equip maternity clinics in ${p}.`,
    themes: ['HEALTH', 'KNOWLEDGE_TRANSFER'],
    sdgs: [3, 5],
    budget: 45000,
    indicator: ['Midwives trained', 'people', 0, 60, [12, 31]],
  },
  {
    kind: 'ENTREPRENEURSHIP',
    title: (p) => `Start-up fund for returning migrant women in ${p}`,
    summary: (p) => `Business training, mentoring and seed grants for women who return to ${p} after working abroad.`,
    themes: ['ENTREPRENEURSHIP', 'GENDER', 'CIRCULAR_MIGRATION_AND_RETURN'],
    sdgs: [5, 8],
    budget: 80000,
    indicator: ['Businesses still trading after a year', 'businesses', 0, 30, [6]],
  },
  {
    kind: 'REMITTANCES',
    title: (p) => `Collective remittance savings groups for ${p}`,
    summary: (p) =>
      `Savings groups pool remittances to ${p} with a cooperative bank, cutting transfer costs and financing small shops.`,
    themes: ['REMITTANCES', 'FINANCIAL_INCLUSION'],
    sdgs: [1, 10],
    budget: 50000,
    // collective remittances are matched one to one: members bring half (the matching fund asks 50 %)
    fundingShare: 0.5,
    indicator: ['Average transfer cost', '%', 9, 4, [8, 6.5]],
  },
  {
    kind: 'POLICY_ADVOCACY',
    title: (p) => `Decent work for domestic workers from ${p}`,
    summary: (p) =>
      `Campaign for standard contracts, rest days and social protection of migrant domestic workers from ${p}.`,
    themes: ['DOMESTIC_WORK', 'LABOUR_MIGRATION', 'HUMAN_RIGHTS_AND_PROTECTION'],
    sdgs: [8, 10, 16],
    budget: 25000,
    indicator: ['Workers with a written contract', '%', 35, 80, [41, 52]],
  },
  {
    kind: 'CAPACITY_BUILDING',
    title: (p) => `Strengthening hometown associations of ${p}`,
    summary: (p) =>
      `Strategic planning, bookkeeping and monitoring for village associations of ${p} and their diaspora branches.`,
    themes: ['CAPACITY_BUILDING', 'EDUCATION'],
    sdgs: [4, 17],
    budget: 20000,
    indicator: ['Associations with audited accounts', 'associations', 2, 12, [5]],
  },
  {
    kind: 'RETURN_AND_REINTEGRATION',
    title: (p) => `Reintegration desk for returnees to ${p}`,
    summary: (p) => `Counselling, recognition of qualifications and job placement for migrants returning to ${p}.`,
    themes: ['CIRCULAR_MIGRATION_AND_RETURN', 'RECOGNITION_OF_QUALIFICATIONS'],
    sdgs: [8, 10],
    budget: 35000,
    indicator: ['Returnees placed in jobs', 'people', 0, 100, [22, 47]],
  },
  {
    kind: 'HUMANITARIAN',
    title: (p) => `Drought response and water points in ${p}`,
    summary: (p) => `Emergency water trucking, then boreholes and water committees for drought-hit villages in ${p}.`,
    themes: ['CLIMATE_AND_DISPLACEMENT', 'HEALTH'],
    sdgs: [6, 13],
    budget: 50000,
    indicator: ['People with safe water', 'people', 0, 5000, [1800]],
  },
];

export const PROJECT_STATUSES = [
  'IDEA',
  'PLANNING',
  'SEEKING_FUNDING',
  'SEEKING_FUNDING',
  'ACTIVE',
  'ACTIVE',
  'COMPLETED',
  'CANCELLED',
];

/** The place names used in project titles, by country of origin. */
export const PLACES: Record<string, string> = {
  GH: 'the Volta region',
  PH: 'Batangas',
  SN: 'Kaolack',
  NG: 'Enugu',
  ML: 'Kayes',
  MA: 'the Rif',
  MX: 'Zacatecas',
  EC: 'Azuay',
  SO: 'Somaliland',
  TR: 'Anatolia',
  NP: 'Gandaki',
  IN: 'Kerala',
};

/** [initiator, partner, kind, status] — partnerships between demo organizations. */
export const DEMO_PARTNERSHIPS: Array<[string, string, string, string]> = [
  ['ghana-london', 'volta-health-ngo', 'CO_IMPLEMENTATION', 'ACTIVE'],
  ['ghana-nurses', 'volta-health-ngo', 'KNOWLEDGE_EXCHANGE', 'ACTIVE'],
  ['ghana-london', 'ghana-nurses', 'ALLIANCE', 'ACTIVE'],
  ['senegal-lyon', 'kaolack-council', 'CO_IMPLEMENTATION', 'ACTIVE'],
  ['senegal-youth-turin', 'senegal-lyon', 'MENTORING', 'PROPOSED'],
  ['filipino-milan', 'filipino-rome', 'ALLIANCE', 'ACTIVE'],
  ['filipino-network', 'philippines-dmw', 'KNOWLEDGE_EXCHANGE', 'ACTIVE'],
  ['filipino-milan', 'caritas-migrants', 'CO_IMPLEMENTATION', 'ACTIVE'],
  ['mexican-chicago', 'zacatecas-council', 'FUNDING', 'ACTIVE'],
  ['mexican-chicago', 'remittance-bank', 'CO_IMPLEMENTATION', 'PROPOSED'],
  ['ecuador-madrid', 'remittance-bank', 'CO_IMPLEMENTATION', 'ACTIVE'],
  ['morocco-madrid', 'turkish-cologne', 'MENTORING', 'ACTIVE'],
  ['morocco-brussels', 'brussels-council', 'ALLIANCE', 'ACTIVE'],
  ['morocco-rotterdam', 'morocco-brussels', 'TWINNING', 'DECLINED'],
  ['nigeria-berlin', 'leuven-research', 'KNOWLEDGE_EXCHANGE', 'ENDED'],
  ['african-diaspora-network', 'enabel-fund', 'FUNDING', 'ACTIVE'],
  ['senegal-lyon', 'nigeria-berlin', 'TWINNING', 'ACTIVE'],
  ['mali-montreuil', 'senegal-lyon', 'ALLIANCE', 'ACTIVE'],
  ['somali-stockholm', 'somali-oslo', 'ALLIANCE', 'ACTIVE'],
  ['somali-stockholm', 'capacity-academy', 'MENTORING', 'PROPOSED'],
  ['india-london', 'leuven-research', 'KNOWLEDGE_EXCHANGE', 'ACTIVE'],
  ['nepal-doha', 'caritas-migrants', 'ALLIANCE', 'PROPOSED'],
];

export interface DemoFund {
  funder: string;
  title: string;
  description: string;
  status: 'DRAFT' | 'OPEN' | 'CLOSED';
  deadlineDays: number;
  minGrant: number | null;
  maxGrant: number | null;
  totalBudget: number;
  coFundingPercent: number | null;
  themes: string[];
  sdgs: number[];
  women?: boolean;
  youth?: boolean;
  kinds?: string[];
  residence?: string[];
  origin?: string[];
  implementation?: string[];
  projectKinds?: string[];
  legal?: boolean;
  verified?: boolean;
  minAge?: number;
}

const EU_NO_CH = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'NO',
  'CH',
];
const AFRICA = ['GH', 'SN', 'NG', 'ML', 'CM', 'KE', 'ET', 'SO', 'MA', 'DZ', 'TN', 'EG', 'CI', 'SD'];

export const DEMO_FUNDS: DemoFund[] = [
  {
    funder: 'swiss-foundation',
    title: 'African Diaspora Climate, Economy, Education and Health Grants',
    description:
      'Grants of EUR 25,000–60,000 for legally registered diaspora organizations based in the EU, Norway or Switzerland for at least 18 months, representing communities from African countries.',
    status: 'OPEN',
    deadlineDays: 75,
    minGrant: 25000,
    maxGrant: 60000,
    totalBudget: 600000,
    coFundingPercent: 10,
    themes: ['CLIMATE_AND_DISPLACEMENT', 'ENTREPRENEURSHIP', 'EDUCATION', 'HEALTH'],
    sdgs: [3, 4, 8, 13],
    women: true,
    kinds: ['DIASPORA_ORGANIZATION', 'MIGRANT_ASSOCIATION', 'DIASPORA_NETWORK'],
    residence: EU_NO_CH,
    origin: AFRICA,
    legal: true,
    minAge: 2,
  },
  {
    funder: 'norad-diaspora',
    title: 'Diaspora Health and Education Co-financing (Norway)',
    description:
      'Co-financing for diaspora organizations resident in Norway or Sweden with projects in health and girls’ education.',
    status: 'OPEN',
    deadlineDays: 40,
    minGrant: 10000,
    maxGrant: 50000,
    totalBudget: 400000,
    coFundingPercent: 20,
    themes: ['HEALTH', 'EDUCATION', 'GENDER'],
    sdgs: [3, 4, 5],
    women: true,
    residence: ['NO', 'SE'],
    legal: true,
  },
  {
    funder: 'enabel-fund',
    title: 'Diaspora Entrepreneurship Window',
    description:
      'Seed funding and coaching for diaspora entrepreneurs investing in Morocco, Senegal, Mali and DR Congo.',
    status: 'OPEN',
    deadlineDays: 20,
    minGrant: 15000,
    maxGrant: 80000,
    totalBudget: 500000,
    coFundingPercent: 25,
    themes: ['ENTREPRENEURSHIP', 'DIASPORA_INVESTMENT'],
    sdgs: [8, 9],
    youth: true,
    implementation: ['MA', 'SN', 'ML', 'CD'],
    projectKinds: ['ENTREPRENEURSHIP', 'SOCIAL_INVESTMENT'],
  },
  {
    funder: 'iom-office',
    title: 'Return and Reintegration Innovation Fund',
    description:
      'Support for organizations that help returning migrants find work, recognise their qualifications and rebuild livelihoods.',
    status: 'OPEN',
    deadlineDays: 90,
    minGrant: 20000,
    maxGrant: 70000,
    totalBudget: 700000,
    coFundingPercent: null,
    themes: ['CIRCULAR_MIGRATION_AND_RETURN', 'RECOGNITION_OF_QUALIFICATIONS'],
    sdgs: [8, 10],
    projectKinds: ['RETURN_AND_REINTEGRATION', 'CAPACITY_BUILDING'],
  },
  {
    funder: 'remittance-bank',
    title: 'Collective Remittances Matching Fund',
    description:
      'Matches collective remittances of hometown associations for community infrastructure in Latin America.',
    status: 'OPEN',
    deadlineDays: 60,
    minGrant: 5000,
    maxGrant: 30000,
    totalBudget: 250000,
    coFundingPercent: 50,
    themes: ['REMITTANCES', 'FINANCIAL_INCLUSION', 'AGRICULTURE_AND_RURAL_DEVELOPMENT'],
    sdgs: [1, 10],
    origin: ['MX', 'EC', 'GT', 'SV'],
  },
  {
    funder: 'philippines-dmw',
    title: 'Overseas Filipino Workers Welfare Grants',
    description:
      'Grants for associations of overseas Filipino workers providing legal help, shelters and financial literacy.',
    status: 'OPEN',
    deadlineDays: 30,
    minGrant: 5000,
    maxGrant: 25000,
    totalBudget: 200000,
    coFundingPercent: null,
    themes: ['DOMESTIC_WORK', 'LABOUR_MIGRATION', 'HUMAN_RIGHTS_AND_PROTECTION', 'FINANCIAL_INCLUSION'],
    sdgs: [8, 10, 16],
    women: true,
    origin: ['PH'],
    verified: true,
  },
  {
    funder: 'brussels-council',
    title: 'Brussels Migrant Associations Capacity Grants',
    description:
      'Small grants for migrant associations in Brussels to strengthen governance, bookkeeping and project management.',
    status: 'OPEN',
    deadlineDays: 45,
    minGrant: 2000,
    maxGrant: 15000,
    totalBudget: 100000,
    coFundingPercent: 0,
    themes: ['CAPACITY_BUILDING', 'POLICY_COHERENCE'],
    sdgs: [16, 17],
    residence: ['BE'],
  },
  {
    funder: 'swiss-foundation',
    title: 'Diaspora Knowledge Transfer Fellowships',
    description:
      'Fellowships for highly skilled diaspora professionals who teach and mentor in their countries of origin.',
    status: 'OPEN',
    deadlineDays: 120,
    minGrant: 5000,
    maxGrant: 40000,
    totalBudget: 300000,
    coFundingPercent: null,
    themes: ['KNOWLEDGE_TRANSFER', 'HIGHLY_SKILLED_MIGRATION', 'HEALTH'],
    sdgs: [3, 4, 17],
    projectKinds: ['KNOWLEDGE_TRANSFER'],
    verified: true,
  },
  {
    funder: 'norad-diaspora',
    title: 'Climate Resilience in the Horn of Africa (closed call)',
    description: 'Drought resilience projects of Somali and Ethiopian diaspora organizations; the 2026 call is closed.',
    status: 'CLOSED',
    deadlineDays: 200,
    minGrant: 20000,
    maxGrant: 100000,
    totalBudget: 500000,
    coFundingPercent: 15,
    themes: ['CLIMATE_AND_DISPLACEMENT', 'HEALTH'],
    sdgs: [6, 13],
    origin: ['SO', 'ET'],
  },
  {
    funder: 'enabel-fund',
    title: 'Diaspora Agriculture Value Chains (draft)',
    description: 'A call being prepared for diaspora investment in agricultural value chains in West Africa.',
    status: 'DRAFT',
    deadlineDays: 150,
    minGrant: 30000,
    maxGrant: 120000,
    totalBudget: 900000,
    coFundingPercent: 30,
    themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT', 'DIASPORA_INVESTMENT'],
    sdgs: [2, 8],
    implementation: ['SN', 'ML', 'GH'],
  },
  {
    funder: 'iom-office',
    title: 'Safe Labour Migration Advocacy Grants',
    description:
      'Grants for trade unions and migrant associations campaigning against abusive recruitment and for decent work.',
    status: 'OPEN',
    deadlineDays: 55,
    minGrant: 10000,
    maxGrant: 45000,
    totalBudget: 350000,
    coFundingPercent: null,
    themes: ['LABOUR_MIGRATION', 'IRREGULAR_MIGRATION_AND_TRAFFICKING', 'HUMAN_RIGHTS_AND_PROTECTION'],
    sdgs: [8, 16],
    kinds: ['MIGRANT_ASSOCIATION', 'TRADE_UNION', 'DIASPORA_NETWORK'],
  },
];

/** [fund title prefix, organization key, project kind, status, amount] — applications in several states. */
export const DEMO_APPLICATIONS: Array<[string, string, string, string, number]> = [
  ['African Diaspora Climate', 'mali-montreuil', 'SOCIAL_INVESTMENT', 'SHORTLISTED', 40000],
  ['African Diaspora Climate', 'senegal-lyon', 'SOCIAL_INVESTMENT', 'SUBMITTED', 35000],
  ['African Diaspora Climate', 'nigeria-berlin', 'ENTREPRENEURSHIP', 'AWARDED', 50000],
  ['African Diaspora Climate', 'morocco-brussels', 'HUMANITARIAN', 'REJECTED', 45000],
  ['Diaspora Health and Education', 'somali-stockholm', 'KNOWLEDGE_TRANSFER', 'UNDER_REVIEW', 30000],
  ['Overseas Filipino Workers', 'filipino-milan', 'POLICY_ADVOCACY', 'AWARDED', 20000],
  ['Overseas Filipino Workers', 'filipino-network', 'REMITTANCES', 'DRAFT', 15000],
  ['Collective Remittances', 'mexican-chicago', 'REMITTANCES', 'SUBMITTED', 25000],
  ['Collective Remittances', 'ecuador-madrid', 'REMITTANCES', 'WITHDRAWN', 20000],
];
