/**
 * Reference data that no maintained package provides: the themes (docs/domain.md, "Reference data"), the 17 SDGs and the
 * capacity areas of the API contract. Countries and languages come from i18n-iso-countries,
 * countries-list and iso-639-1 (see the InitialSchema migration).
 */
export const THEMES: Array<[code: string, name: string, description: string]> = [
  [
    'HIGHLY_SKILLED_MIGRATION',
    'Highly skilled migration',
    'Mobility of professionals, brain drain and brain circulation',
  ],
  ['LABOUR_MIGRATION', 'Labour migration', 'Recruitment, labour rights and decent work for migrant workers'],
  ['DOMESTIC_WORK', 'Domestic work', 'Rights and protection of migrant domestic workers'],
  [
    'CIRCULAR_MIGRATION_AND_RETURN',
    'Circular migration and return',
    'Temporary and circular schemes, return and reintegration',
  ],
  ['REMITTANCES', 'Remittances', 'Cost, channels and productive use of remittances'],
  ['DIASPORA_INVESTMENT', 'Diaspora investment', 'Diaspora bonds, funds and direct investment in countries of origin'],
  ['ENTREPRENEURSHIP', 'Entrepreneurship', 'Migrant and diaspora entrepreneurs, small enterprises'],
  ['CAPACITY_BUILDING', 'Capacity building', 'Strengthening migrant and diaspora organizations'],
  ['HUMAN_RIGHTS_AND_PROTECTION', 'Human rights and protection', 'Rights of migrants and their families'],
  ['GENDER', 'Gender', 'Migrant women, gender equality and the social costs of migration'],
  ['RECOGNITION_OF_QUALIFICATIONS', 'Recognition of qualifications', 'Skills and diploma recognition across borders'],
  [
    'IRREGULAR_MIGRATION_AND_TRAFFICKING',
    'Irregular migration and trafficking',
    'Smuggling, trafficking and protection of victims',
  ],
  ['CLIMATE_AND_DISPLACEMENT', 'Climate and displacement', 'Environmental change, disasters and displacement'],
  ['POLICY_COHERENCE', 'Policy coherence', 'Coherence between migration and development policies'],
  ['EDUCATION', 'Education', 'Schools, scholarships and skills in countries of origin and residence'],
  ['HEALTH', 'Health', 'Health services, health workers and migrants’ access to care'],
  ['FINANCIAL_INCLUSION', 'Financial inclusion', 'Access to banking, savings and credit'],
  [
    'AGRICULTURE_AND_RURAL_DEVELOPMENT',
    'Agriculture and rural development',
    'Hometown development, farming and rural livelihoods',
  ],
  ['KNOWLEDGE_TRANSFER', 'Knowledge transfer', 'Transfer of skills and know-how by the diaspora'],
];

export const SDGS: Array<[number, string]> = [
  [1, 'No poverty'],
  [2, 'Zero hunger'],
  [3, 'Good health and well-being'],
  [4, 'Quality education'],
  [5, 'Gender equality'],
  [6, 'Clean water and sanitation'],
  [7, 'Affordable and clean energy'],
  [8, 'Decent work and economic growth'],
  [9, 'Industry, innovation and infrastructure'],
  [10, 'Reduced inequalities'],
  [11, 'Sustainable cities and communities'],
  [12, 'Responsible consumption and production'],
  [13, 'Climate action'],
  [14, 'Life below water'],
  [15, 'Life on land'],
  [16, 'Peace, justice and strong institutions'],
  [17, 'Partnerships for the goals'],
];

export const CAPACITY_AREAS: Array<[code: string, name: string, description: string]> = [
  ['STRATEGIC_PLANNING', 'Strategic planning', 'Mission, strategy and organizational development'],
  ['GOVERNANCE_AND_MEMBERSHIP', 'Governance and membership', 'Boards, democratic governance and member engagement'],
  ['MONITORING_AND_EVALUATION', 'Monitoring and evaluation', 'Indicators, benchmarks and evaluation of results'],
  ['PROJECT_MANAGEMENT', 'Project management', 'Planning, running and reporting on projects'],
  ['FUNDRAISING', 'Fundraising', 'Grant writing and resource mobilisation'],
  ['FINANCIAL_MANAGEMENT', 'Financial management', 'Budgets, accounting and audits'],
  ['FINANCIAL_LITERACY', 'Financial literacy', 'Savings, remittances and household finance'],
  ['ECONOMIC_AND_BUSINESS_SKILLS', 'Economic and business skills', 'Entrepreneurship, business plans and investment'],
  ['POLICY_PROCESSES', 'Policy processes', 'Understanding how migration and development policy is made'],
  ['POLICY_ADVOCACY', 'Policy advocacy', 'Campaigning and representing members in policy dialogue'],
  ['ALLIANCE_BUILDING', 'Alliance building', 'Networks, coalitions and partnerships'],
  ['DIGITAL_SKILLS', 'Digital skills', 'IT classes, online tools and communication'],
  ['RETURN_AND_REINTEGRATION', 'Return and reintegration', 'Supporting returnees and circular migrants'],
  ['SOCIAL_COSTS_OF_MIGRATION', 'Social costs of migration', 'Families left behind, children and care'],
];
