import type { DataSource } from 'typeorm';
import {
  ConsultationInvitationsService,
  ConsultationLevel,
  ConsultationsService,
  ConsultationStatus,
  ContributionsService,
  InvitationStatus,
} from '@app/dialogue';
import { backdateConsultation } from './demo-backdate.js';
import { day, DemoCast } from './demo-cast.js';

/**
 * Consultations of the demo set (GFMD: "a national platform for dialogue with migrant/diaspora
 * representatives"): a ministry of an origin country with its diaspora in Italy, a city council with
 * the migrant associations of its city (public: nobody invited), an international one (closed), and
 * a draft. Organization keys are those of demo-organizations.ts.
 */
interface DemoConsultation {
  convener: string;
  title: string;
  description: string;
  level: ConsultationLevel;
  status: ConsultationStatus;
  themes: string[];
  origin: string[];
  country: string | null;
  opensDays: number;
  closesDays: number;
  invitations: Array<[organization: string, status: InvitationStatus]>;
  contributions: Array<[organization: string, body: string]>;
}

export const DEMO_CONSULTATIONS: DemoConsultation[] = [
  {
    convener: 'philippines-dmw',
    title: 'National consultation on the labour rights of Filipino domestic workers in Italy',
    description:
      'The Department of Migrant Workers consults Filipino associations in Italy before renegotiating the bilateral labour agreement: standard contracts, rest days, social protection and the portability of pensions for domestic and care workers.',
    level: ConsultationLevel.NATIONAL,
    status: ConsultationStatus.OPEN,
    themes: ['DOMESTIC_WORK', 'LABOUR_MIGRATION', 'HUMAN_RIGHTS_AND_PROTECTION'],
    origin: ['PH'],
    country: 'IT',
    opensDays: -10,
    closesDays: 30,
    invitations: [
      ['filipino-milan', InvitationStatus.ACCEPTED],
      ['filipino-network', InvitationStatus.ACCEPTED],
      ['filipino-rome', InvitationStatus.PENDING],
      ['caritas-migrants', InvitationStatus.DECLINED],
    ],
    contributions: [
      [
        'filipino-milan',
        'Six in ten of our members work without a written contract. We ask that the agreement make the national collective contract for domestic work (CCNL) the minimum standard, with a weekly rest day and paid sick leave, and that the Philippine labour attaché in Milan verify contracts before departure.',
      ],
      [
        'filipino-network',
        'Our member associations in Italy, Spain and the Netherlands ask for the portability of social security contributions between Italy and the Philippines, and for a diaspora seat on the joint committee that monitors the agreement.',
      ],
    ],
  },
  {
    convener: 'brussels-council',
    title: 'Brussels integration plan 2027: consultation of migrant associations',
    description:
      'The Migrant Participation Council invites every association of migrants and their descendants in Brussels to comment on the draft integration plan: language courses, recognition of qualifications, access to municipal services and political participation.',
    level: ConsultationLevel.LOCAL,
    status: ConsultationStatus.OPEN,
    themes: ['POLICY_COHERENCE', 'RECOGNITION_OF_QUALIFICATIONS', 'EDUCATION'],
    origin: [],
    country: 'BE',
    opensDays: -5,
    closesDays: 45,
    invitations: [],
    contributions: [
      [
        'morocco-brussels',
        'Recognition of diplomas takes more than a year: we propose a one-stop desk at the city hall with mediators who speak Arabic, Berber and French, and evening language courses for working parents.',
      ],
      [
        'african-diaspora-network',
        'Our members ask the council to publish the plan in English as well, to fund associations that run homework clubs, and to reserve seats for migrant associations on the advisory councils of each commune.',
      ],
    ],
  },
  {
    convener: 'iom-office',
    title: 'Global consultation: lowering the cost of remittances and supporting return',
    description:
      'An international consultation ahead of the Global Forum on Migration and Development: diaspora organizations share what makes remittances expensive in their corridors and what helps returning migrants invest at home.',
    level: ConsultationLevel.INTERNATIONAL,
    status: ConsultationStatus.CLOSED,
    themes: ['REMITTANCES', 'CIRCULAR_MIGRATION_AND_RETURN', 'DIASPORA_INVESTMENT'],
    origin: ['MX', 'EC', 'SN', 'MA'],
    country: 'CH',
    opensDays: -60,
    closesDays: -7,
    invitations: [
      ['mexican-chicago', InvitationStatus.ACCEPTED],
      ['ecuador-madrid', InvitationStatus.ACCEPTED],
      ['senegal-lyon', InvitationStatus.ACCEPTED],
      ['morocco-brussels', InvitationStatus.DECLINED],
    ],
    contributions: [
      [
        'mexican-chicago',
        'The 3x1 programme shows that collective remittances matched by public money build roads and water systems; we ask for matching funds in other corridors and for remittance fees below 3 percent.',
      ],
      [
        'ecuador-madrid',
        'Returnees from Spain lose their unemployment rights and cannot prove their work experience. We ask for bilateral recognition of skills and for credit lines that accept remittance histories as collateral.',
      ],
      [
        'senegal-lyon',
        'Hometown associations need mobile transfers to rural areas without agents: we ask regulators to let cooperative banks pay out remittances and to count diaspora investment in local development plans.',
      ],
    ],
  },
  {
    convener: 'norad-diaspora',
    title: 'Somali diaspora and maternal health: preparing a consultation',
    description:
      'A draft: the programme prepares a consultation of the Somali diaspora in Norway and Sweden on maternal health projects in Somalia.',
    level: ConsultationLevel.REGIONAL,
    status: ConsultationStatus.DRAFT,
    themes: ['HEALTH', 'GENDER'],
    origin: ['SO'],
    country: 'NO',
    opensDays: 14,
    closesDays: 60,
    invitations: [['somali-oslo', InvitationStatus.PENDING]],
    contributions: [],
  },
];

export interface DialogueServices {
  consultations: ConsultationsService;
  invitations: ConsultationInvitationsService;
  contributions: ContributionsService;
}

/**
 * The demo consultations, written by the conveners' and the invited organizations' owners through
 * the dialogue services: created, invitations sent while a DRAFT, opened (which announces them),
 * answered, contributed to and closed. A consultation whose window lies in the past is run from
 * its opening day as if it were today, then moved back in time (backdateConsultation) and closed.
 */
export async function seedDemoDialogue(
  { consultations, invitations: invitationsService, contributions: contributionsService }: DialogueServices,
  dataSource: DataSource,
  cast: DemoCast,
): Promise<{ consultations: number; invitations: number; contributions: number }> {
  let invitations = 0;
  let contributions = 0;
  for (const d of DEMO_CONSULTATIONS) {
    const convener = cast.ownerOf(d.convener);
    // days the consultation is written ahead of its demo dates, so that it can still be opened
    const shift = d.closesDays <= 0 ? -d.opensDays : 0;
    const c = await consultations.create(convener, {
      convenerId: cast.org(d.convener).id,
      title: d.title,
      description: d.description,
      level: d.level,
      themes: d.themes,
      countriesOfOrigin: d.origin,
      country: d.country,
      opensAt: day(d.opensDays + shift),
      closesAt: day(d.closesDays + shift),
    });
    const invited = d.invitations.length
      ? await invitationsService.invite(convener, {
          consultationId: c.id,
          organizationIds: d.invitations.map(([key]) => cast.org(key).id),
        })
      : [];
    invitations += invited.length;
    if (d.status === ConsultationStatus.DRAFT) continue;
    await consultations.open(convener, c.id);
    for (const [i, [key, status]] of d.invitations.entries()) {
      if (status === InvitationStatus.PENDING) continue;
      await invitationsService.respond(cast.ownerOf(key), invited[i].id, status === InvitationStatus.ACCEPTED);
    }
    for (const [key, body] of d.contributions) {
      await contributionsService.contribute(cast.ownerOf(key), {
        consultationId: c.id,
        organizationId: cast.org(key).id,
        body,
      });
      contributions++;
    }
    if (shift) await backdateConsultation(dataSource, c.id, shift);
    if (d.status === ConsultationStatus.CLOSED) await consultations.close(convener, c.id);
  }
  return { consultations: DEMO_CONSULTATIONS.length, invitations, contributions };
}
