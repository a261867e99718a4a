import type { DataSource } from 'typeorm';
import {
  AssessmentsService,
  Enrolment,
  EnrolmentsService,
  EnrolmentStatus,
  TrainingFormat,
  TrainingOffer,
  TrainingOfferInput,
  TrainingOffersService,
  TrainingStatus,
} from '@app/capacity';
import type { OrganizationKind } from '@app/organizations';
import type { CapacityArea } from '@app/reference-data';
import { backdateTraining, dateAssessments } from './demo-backdate.js';
import { day, DemoCast } from './demo-cast.js';

/**
 * Capacity building in the demo set: training offers of the providers (the GFMD reports ask for
 * organizational development, project management, economic skills, policy processes, advocacy,
 * alliance building, return, social costs of migration, financial literacy and IT classes),
 * self-assessments of the diaspora-side organizations (so that their training matches differ),
 * and enrolments, completions and ratings (so that the evaluation figures are not empty).
 */
interface DemoOffer {
  key: string;
  provider: string;
  title: string;
  description: string;
  areas: string[];
  format: TrainingFormat;
  languages: string[];
  country?: string;
  city?: string;
  /** Days from now. */
  starts: number;
  days: number;
  deadline?: number;
  seats: number;
  cost?: number;
  subsidy?: boolean;
  kinds?: string[];
  status?: TrainingStatus;
}

const DIASPORA = ['DIASPORA_ORGANIZATION', 'MIGRANT_ASSOCIATION', 'DIASPORA_NETWORK'];

export const DEMO_TRAINING_OFFERS: DemoOffer[] = [
  {
    key: 'finlit-women',
    provider: 'capacity-academy',
    title: 'Financial literacy for migrant women',
    description:
      'Six online evening sessions in French on household budgets, savings groups, remittance costs and microcredit, for women leaders of migrant associations.',
    areas: ['FINANCIAL_LITERACY', 'ECONOMIC_AND_BUSINESS_SKILLS'],
    format: TrainingFormat.ONLINE,
    languages: ['fr'],
    starts: 21,
    days: 42,
    deadline: 14,
    seats: 25,
    cost: 90,
    subsidy: true,
  },
  {
    key: 'pm-brussels',
    provider: 'capacity-academy',
    title: 'Project management for diaspora projects (Brussels)',
    description:
      'Three in-person days in Brussels: project cycle, logical framework, budgets and reporting to funders, with cases from hometown associations.',
    areas: ['PROJECT_MANAGEMENT', 'MONITORING_AND_EVALUATION'],
    format: TrainingFormat.IN_PERSON,
    languages: ['en', 'fr'],
    country: 'BE',
    city: 'Brussels',
    starts: 35,
    days: 3,
    deadline: 25,
    seats: 20,
    cost: 350,
    subsidy: true,
  },
  {
    key: 'advocacy',
    provider: 'enabel-fund',
    title: 'Policy advocacy and dialogue with local governments',
    description:
      'How municipal and national policy is made, how to prepare a position paper and how diaspora organizations take part in consultations. Hybrid, Brussels and online.',
    areas: ['POLICY_ADVOCACY', 'POLICY_PROCESSES', 'ALLIANCE_BUILDING'],
    format: TrainingFormat.HYBRID,
    languages: ['en', 'fr', 'nl'],
    country: 'BE',
    city: 'Brussels',
    starts: 28,
    days: 2,
    seats: 30,
    subsidy: true,
  },
  {
    key: 'digital',
    provider: 'capacity-academy',
    title: 'Digital skills for association secretaries',
    description:
      'Shared drives, membership spreadsheets, online meetings, social media and data protection basics for volunteers who run an association.',
    areas: ['DIGITAL_SKILLS'],
    format: TrainingFormat.ONLINE,
    languages: ['en'],
    starts: 10,
    days: 28,
    seats: 40,
  },
  {
    key: 'strategy',
    provider: 'african-diaspora-network',
    title: 'Strategic planning for hometown associations',
    description:
      'A peer-led workshop series: mission, three-year plans, member consultation and governance of hometown associations.',
    areas: ['STRATEGIC_PLANNING', 'GOVERNANCE_AND_MEMBERSHIP'],
    format: TrainingFormat.ONLINE,
    languages: ['en', 'fr'],
    starts: 18,
    days: 21,
    seats: 30,
    kinds: DIASPORA,
  },
  {
    key: 'fundraising',
    provider: 'iom-office',
    title: 'Fundraising and grant writing for diaspora organizations',
    description:
      'Finding calls, reading eligibility rules, writing a concept note and a budget, co-funding and reporting; with feedback on a real proposal.',
    areas: ['FUNDRAISING', 'FINANCIAL_MANAGEMENT'],
    format: TrainingFormat.ONLINE,
    languages: ['en', 'es'],
    starts: 24,
    days: 35,
    seats: 35,
    subsidy: true,
  },
  {
    key: 'mande',
    provider: 'leuven-research',
    title: 'Monitoring and evaluation of development projects',
    description:
      'Indicators, baselines, targets and simple surveys; how to measure what a diaspora project changes. In person in Leuven.',
    areas: ['MONITORING_AND_EVALUATION'],
    format: TrainingFormat.IN_PERSON,
    languages: ['en', 'nl'],
    country: 'BE',
    city: 'Leuven',
    starts: 45,
    days: 2,
    seats: 18,
    cost: 400,
  },
  {
    key: 'bookkeeping-rome',
    provider: 'filipino-network',
    title: 'Bookkeeping for migrant associations (Rome)',
    description:
      'Saturday classes in Rome on cash books, receipts, annual accounts and audits for associations of migrant domestic workers.',
    areas: ['FINANCIAL_MANAGEMENT', 'GOVERNANCE_AND_MEMBERSHIP'],
    format: TrainingFormat.IN_PERSON,
    languages: ['tl', 'en', 'it'],
    country: 'IT',
    city: 'Rome',
    starts: 15,
    days: 30,
    seats: 15,
    kinds: ['MIGRANT_ASSOCIATION', 'DIASPORA_ORGANIZATION'],
  },
  {
    key: 'return',
    provider: 'philippines-dmw',
    title: 'Return and reintegration counselling',
    description:
      'Preparing a return: recognition of qualifications, savings and investment plans, family reintegration and the services available at home.',
    areas: ['RETURN_AND_REINTEGRATION'],
    format: TrainingFormat.ONLINE,
    languages: ['en', 'tl'],
    starts: 12,
    days: 14,
    seats: 50,
  },
  {
    key: 'social-costs',
    provider: 'volta-health-ngo',
    title: 'Supporting families left behind: the social costs of migration',
    description:
      'Psychosocial support for children and elderly relatives of migrants, and how diaspora associations can fund it. Hybrid, Ho and online.',
    areas: ['SOCIAL_COSTS_OF_MIGRATION'],
    format: TrainingFormat.HYBRID,
    languages: ['en'],
    country: 'GH',
    city: 'Ho',
    starts: 30,
    days: 2,
    seats: 25,
    subsidy: true,
  },
  {
    key: 'bootcamp',
    provider: 'iom-office',
    title: 'Entrepreneurship bootcamp for returning migrants',
    description:
      'Business plans, market tests, bookkeeping and access to credit for migrants who want to start a business at home. Online, in French.',
    areas: ['ECONOMIC_AND_BUSINESS_SKILLS', 'FINANCIAL_LITERACY', 'RETURN_AND_REINTEGRATION'],
    format: TrainingFormat.ONLINE,
    languages: ['fr'],
    starts: 40,
    days: 30,
    seats: 30,
    subsidy: true,
  },
  {
    key: 'alliances',
    provider: 'african-diaspora-network',
    title: 'Alliance building across diaspora networks',
    description:
      'Building coalitions with NGOs, trade unions and local authorities; joint statements and shared campaigns across countries of residence.',
    areas: ['ALLIANCE_BUILDING', 'GOVERNANCE_AND_MEMBERSHIP'],
    format: TrainingFormat.ONLINE,
    languages: ['en', 'fr'],
    starts: 50,
    days: 14,
    seats: 40,
  },
  {
    key: 'gestion-proyectos',
    provider: 'mexican-chicago',
    title: 'Gestión de proyectos comunitarios para clubes de migrantes',
    description:
      'Curso en línea en español: ciclo de proyecto, presupuestos, rendición de cuentas y fondos de contrapartida para clubes de oriundos.',
    areas: ['PROJECT_MANAGEMENT', 'FUNDRAISING'],
    format: TrainingFormat.ONLINE,
    languages: ['es'],
    starts: 20,
    days: 28,
    seats: 40,
  },
  {
    key: 'policy-oslo',
    provider: 'norad-diaspora',
    title: 'Policy processes and consultations in Norway',
    description:
      'How ministries and municipalities consult civil society, and how diaspora organizations prepare contributions. In person in Oslo.',
    areas: ['POLICY_PROCESSES', 'POLICY_ADVOCACY'],
    format: TrainingFormat.IN_PERSON,
    languages: ['en', 'no'],
    country: 'NO',
    city: 'Oslo',
    starts: 33,
    days: 1,
    seats: 20,
  },
  {
    key: 'mobile-money',
    provider: 'enabel-fund',
    title: 'Digital remittances and mobile money literacy',
    description:
      'Comparing transfer costs, mobile wallets and digital savings; protecting members from fraud. A small online group with individual coaching.',
    areas: ['FINANCIAL_LITERACY', 'DIGITAL_SKILLS'],
    format: TrainingFormat.ONLINE,
    languages: ['fr', 'en'],
    starts: 16,
    days: 14,
    seats: 3,
    subsidy: true,
  },
  {
    key: 'governance-past',
    provider: 'capacity-academy',
    title: 'Democratic governance and membership (spring cohort)',
    description:
      'Statutes, general assemblies, elections and member registers: a completed online course with participant ratings.',
    areas: ['GOVERNANCE_AND_MEMBERSHIP', 'STRATEGIC_PLANNING'],
    format: TrainingFormat.ONLINE,
    languages: ['en'],
    starts: -60,
    days: 30,
    deadline: -67,
    seats: 12,
  },
  {
    key: 'advanced-advocacy-draft',
    provider: 'capacity-academy',
    title: 'Advanced advocacy at the UN and GFMD (draft)',
    description: 'Not yet published: side events, interventions and reporting on the Global Forum process.',
    areas: ['POLICY_ADVOCACY'],
    format: TrainingFormat.ONLINE,
    languages: ['en'],
    starts: 90,
    days: 3,
    seats: 25,
    status: TrainingStatus.DRAFT,
  },
];

/** Self-assessments (latest last): area → level 1..5. Levels ≤ 2 are needs. */
export const DEMO_ASSESSMENTS: Array<[orgKey: string, scores: Record<string, number>]> = [
  ['ghana-london', { FINANCIAL_LITERACY: 2, PROJECT_MANAGEMENT: 2, MONITORING_AND_EVALUATION: 2, DIGITAL_SKILLS: 3 }],
  [
    'ghana-london',
    { FINANCIAL_LITERACY: 3, PROJECT_MANAGEMENT: 2, MONITORING_AND_EVALUATION: 1, DIGITAL_SKILLS: 4, FUNDRAISING: 3 },
  ],
  ['filipino-milan', { FINANCIAL_LITERACY: 2, RETURN_AND_REINTEGRATION: 1, DIGITAL_SKILLS: 2, POLICY_ADVOCACY: 4 }],
  ['filipino-rome', { FINANCIAL_MANAGEMENT: 1, GOVERNANCE_AND_MEMBERSHIP: 2, SOCIAL_COSTS_OF_MIGRATION: 3 }],
  [
    'senegal-lyon',
    { FINANCIAL_LITERACY: 1, ECONOMIC_AND_BUSINESS_SKILLS: 2, POLICY_ADVOCACY: 3, DIGITAL_SKILLS: 3, FUNDRAISING: 4 },
  ],
  ['morocco-brussels', { POLICY_ADVOCACY: 2, POLICY_PROCESSES: 1, ALLIANCE_BUILDING: 2, PROJECT_MANAGEMENT: 4 }],
  ['ecuador-madrid', { PROJECT_MANAGEMENT: 1, FUNDRAISING: 2, DIGITAL_SKILLS: 3 }],
  ['somali-oslo', { POLICY_PROCESSES: 2, SOCIAL_COSTS_OF_MIGRATION: 1, GOVERNANCE_AND_MEMBERSHIP: 3 }],
  ['nepal-doha', { RETURN_AND_REINTEGRATION: 2, FINANCIAL_LITERACY: 1, DIGITAL_SKILLS: 2 }],
  ['india-london', { STRATEGIC_PLANNING: 1, GOVERNANCE_AND_MEMBERSHIP: 2, FUNDRAISING: 3 }],
  ['morocco-rotterdam', { DIGITAL_SKILLS: 1, FUNDRAISING: 2, PROJECT_MANAGEMENT: 3 }],
  ['nigeria-berlin', { MONITORING_AND_EVALUATION: 2, FUNDRAISING: 1, STRATEGIC_PLANNING: 4 }],
];

/** Enrolments: [offer key, organization key, final status, rating]. */
export const DEMO_ENROLMENTS: Array<[offer: string, org: string, status: EnrolmentStatus, rating?: number]> = [
  ['governance-past', 'ghana-london', EnrolmentStatus.COMPLETED, 5],
  ['governance-past', 'senegal-lyon', EnrolmentStatus.COMPLETED, 4],
  ['governance-past', 'india-london', EnrolmentStatus.COMPLETED, 4],
  ['governance-past', 'somali-oslo', EnrolmentStatus.COMPLETED, 3],
  ['governance-past', 'nepal-doha', EnrolmentStatus.COMPLETED],
  ['governance-past', 'morocco-rotterdam', EnrolmentStatus.CANCELLED],
  ['mobile-money', 'senegal-lyon', EnrolmentStatus.ACCEPTED],
  ['mobile-money', 'mali-montreuil', EnrolmentStatus.ACCEPTED],
  ['mobile-money', 'morocco-brussels', EnrolmentStatus.ACCEPTED],
  ['mobile-money', 'nepal-doha', EnrolmentStatus.WAITLISTED],
  ['mobile-money', 'filipino-milan', EnrolmentStatus.WAITLISTED],
  ['finlit-women', 'mali-montreuil', EnrolmentStatus.ACCEPTED],
  ['pm-brussels', 'ghana-london', EnrolmentStatus.ACCEPTED],
];

export interface CapacityServices {
  offers: TrainingOffersService;
  enrolments: EnrolmentsService;
  assessments: AssessmentsService;
}

/**
 * Training offers, self-assessments and enrolments, written by the providers' and the
 * organizations' owners through the capacity services: offers are created and published, members
 * enrol (ACCEPTED while seats are left, else WAITLISTED), cancel, the provider completes, the
 * participants rate. An offer whose enrolment closed in the past is run as it happened, then moved
 * back in time (backdateTraining).
 */
export async function seedDemoCapacity(
  services: CapacityServices,
  dataSource: DataSource,
  cast: DemoCast,
): Promise<{ trainingOffers: number; assessments: number; enrolments: number }> {
  const offers = new Map<string, TrainingOffer>();
  const shifts = new Map<string, number>();
  for (const d of DEMO_TRAINING_OFFERS) {
    const provider = cast.ownerOf(d.provider);
    // days the offer is written ahead of its demo dates, so that enrolment is still open
    const shift = Math.max(0, 1 - (d.deadline ?? d.starts));
    const input: TrainingOfferInput = {
      providerId: cast.org(d.provider).id,
      title: d.title,
      description: d.description,
      capacityAreas: d.areas as CapacityArea[],
      format: d.format,
      languages: d.languages,
      country: d.country ?? null,
      city: d.city ?? null,
      startsAt: day(d.starts + shift),
      endsAt: day(d.starts + d.days + shift),
      applicationDeadline: d.deadline === undefined ? null : day(d.deadline + shift),
      seats: d.seats,
      cost: d.cost === undefined ? null : { amount: d.cost, currency: 'EUR' },
      subsidyAvailable: d.subsidy ?? false,
      eligibleOrganizationKinds: (d.kinds ?? []) as OrganizationKind[],
    };
    let offer = await services.offers.create(provider, input);
    if ((d.status ?? TrainingStatus.PUBLISHED) === TrainingStatus.PUBLISHED) {
      offer = await services.offers.publish(provider, offer.id);
    }
    offers.set(d.key, offer);
    if (shift) shifts.set(d.key, shift);
  }

  const assessments: string[] = [];
  for (const [key, scores] of DEMO_ASSESSMENTS) {
    const list = Object.entries(scores).map(([area, level]) => ({ area: area as CapacityArea, level }));
    const assessment = await services.assessments.submit(cast.ownerOf(key), {
      organizationId: cast.org(key).id,
      scores: list,
    });
    assessments.push(assessment.id);
  }
  await dateAssessments(dataSource, assessments);

  const enrolments: Enrolment[] = [];
  for (const [offerKey, orgKey, status] of DEMO_ENROLMENTS) {
    const enrolment = await services.enrolments.enrol(
      cast.ownerOf(orgKey),
      (offers.get(offerKey) as TrainingOffer).id,
      cast.org(orgKey).id,
    );
    const expected = status === EnrolmentStatus.WAITLISTED ? EnrolmentStatus.WAITLISTED : EnrolmentStatus.ACCEPTED;
    if (enrolment.status !== expected) {
      throw new Error(`Demo enrolment of ${orgKey} in ${offerKey} is ${enrolment.status}, not ${expected}`);
    }
    enrolments.push(enrolment);
  }
  for (const [i, [, orgKey, status]] of DEMO_ENROLMENTS.entries()) {
    if (status === EnrolmentStatus.CANCELLED) await services.enrolments.cancel(cast.ownerOf(orgKey), enrolments[i].id);
  }
  for (const [key, shift] of shifts) await backdateTraining(dataSource, (offers.get(key) as TrainingOffer).id, shift);
  for (const [i, [offerKey, orgKey, status, rating]] of DEMO_ENROLMENTS.entries()) {
    if (status !== EnrolmentStatus.COMPLETED) continue;
    const { id } = enrolments[i];
    await services.enrolments.complete(
      cast.ownerOf(DEMO_TRAINING_OFFERS.find((o) => o.key === offerKey)?.provider ?? ''),
      id,
    );
    if (rating)
      await services.enrolments.rate(cast.ownerOf(orgKey), {
        enrolmentId: id,
        rating,
        comment: RATING_COMMENTS[rating],
      });
  }
  return { trainingOffers: offers.size, assessments: DEMO_ASSESSMENTS.length, enrolments: DEMO_ENROLMENTS.length };
}

const RATING_COMMENTS: Record<number, string> = {
  5: 'Excellent: our new statutes were adopted at the next general assembly.',
  4: 'Very practical, with useful templates.',
  3: 'Good content, but the sessions were too late in the evening for our members.',
};
