import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordService, PlatformRole, User, UsersService } from '@app/auth';
import { AssessmentsService, EnrolmentsService, TrainingOffersService } from '@app/capacity';
import { AuthUser } from '@app/common';
import { ConsultationInvitationsService, ConsultationsService, ContributionsService } from '@app/dialogue';
import { ApplicationsService, ApplicationStatus, Fund, FundsService } from '@app/funds';
import {
  MemberInvitationsService,
  MemberRole,
  OrganizationKind,
  OrganizationsService,
  slugify,
  VerificationStatus,
} from '@app/organizations';
import { PartnershipKind, PartnershipsService, PartnershipStatus } from '@app/partnerships';
import { Project, ProjectKind, ProjectsService, ProjectStatus } from '@app/projects';
import {
  DEMO_APPLICATIONS,
  DEMO_FUNDS,
  DEMO_PARTNERSHIPS,
  PLACES,
  PROJECT_STATUSES,
  PROJECT_TEMPLATES,
  ProjectTemplate,
} from './demo-activities.js';
import { day, DemoCast } from './demo-cast.js';
import { DEMO_NETWORK_MEMBERS, DEMO_ORGANIZATIONS } from './demo-organizations.js';
import { seedDemoDialogue } from './demo-dialogue.js';
import { seedDemoCapacity } from './demo-capacity.js';

export const DEMO_PASSWORD = 'demo-password-2026';
const DOMAIN = 'demo.example';

/** The demo accounts (all with DEMO_PASSWORD), as listed in the README. */
export const DEMO_ACCOUNTS: Array<{ email: string; name: string; role: string }> = [
  { email: `moderator@${DOMAIN}`, name: 'Nadia Moderator', role: 'platform MODERATOR (verifies organizations)' },
  { email: `admin@${DOMAIN}`, name: 'Platform Admin', role: 'platform ADMIN' },
  {
    email: `amina.owusu@${DOMAIN}`,
    name: 'Amina Owusu',
    role: 'OWNER of the Ghana Hometown Association of London and Ghanaian Nurses UK',
  },
  {
    email: `maria.santos@${DOMAIN}`,
    name: 'Maria Santos',
    role: 'OWNER of the Filipino associations in Milan and Rome and their network',
  },
  {
    email: `moussa.diop@${DOMAIN}`,
    name: 'Moussa Diop',
    role: 'OWNER of the Senegalese and Malian associations in France and Italy',
  },
  {
    email: `grace.adeyemi@${DOMAIN}`,
    name: 'Grace Adeyemi',
    role: 'OWNER of Nigerian Professionals in Berlin and the African diaspora network',
  },
  {
    email: `fatima.benali@${DOMAIN}`,
    name: 'Fatima Benali',
    role: 'OWNER of the Moroccan associations in Madrid, Brussels and Rotterdam',
  },
  {
    email: `jose.hernandez@${DOMAIN}`,
    name: 'José Hernández',
    role: 'OWNER of the Mexican and Ecuadorian organizations and the remittance bank',
  },
  { email: `hodan.ali@${DOMAIN}`, name: 'Hodan Ali', role: 'OWNER of the Somali organizations in Sweden and Norway' },
  { email: `ram.thapa@${DOMAIN}`, name: 'Ram Thapa', role: 'OWNER of the Nepali and Indian diaspora groups' },
  {
    email: `lena.keller@${DOMAIN}`,
    name: 'Lena Keller',
    role: 'OWNER of the funders (Swiss foundation, Norwegian and Belgian agencies), Brussels council, international office',
  },
  {
    email: `pieter.devries@${DOMAIN}`,
    name: 'Pieter de Vries',
    role: 'OWNER of the training provider, the research centre and the faith network',
  },
  { email: `kwame.mensah@${DOMAIN}`, name: 'Kwame Mensah', role: 'MEMBER of the Ghana Hometown Association of London' },
  { email: `ana.reyes@${DOMAIN}`, name: 'Ana Reyes', role: 'ADMIN of the Filipino Domestic Workers Association Milan' },
];

/** Extra memberships: [user, organization key, role]. */
const EXTRA_MEMBERS: Array<[string, string, MemberRole]> = [
  ['kwame.mensah', 'ghana-london', MemberRole.MEMBER],
  ['ana.reyes', 'filipino-milan', MemberRole.ADMIN],
  ['ana.reyes', 'filipino-network', MemberRole.MEMBER],
  ['amina.owusu', 'african-diaspora-network', MemberRole.MEMBER],
];

const DIASPORA_SIDE = ['DIASPORA_ORGANIZATION', 'MIGRANT_ASSOCIATION', 'DIASPORA_NETWORK', 'TRADE_UNION'];

/** The statuses a funder moves an application through to reach its demo status (after SUBMITTED). */
const DECISIONS: Record<string, ApplicationStatus[]> = {
  UNDER_REVIEW: [ApplicationStatus.UNDER_REVIEW],
  SHORTLISTED: [ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SHORTLISTED],
  AWARDED: [ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SHORTLISTED, ApplicationStatus.AWARDED],
  REJECTED: [ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REJECTED],
};
const DECISION_NOTES: Partial<Record<ApplicationStatus, string>> = {
  [ApplicationStatus.AWARDED]: 'Strong community ownership and clear indicators',
  [ApplicationStatus.REJECTED]: 'Outside the priorities of this call',
};

/**
 * Loads the demo data set (README, "Demo accounts") the way its people would have written it
 * through the API: every organization, project, partnership, fund, application, consultation,
 * training and enrolment goes through its domain service, acting as the demo user who owns it, so
 * the rules (roles, verification before publishing, eligibility, seats, state machines) hold for
 * the demo as for everyone, and every change has its history and its events (notifications).
 * What no service can write: the accounts (below) and dates in the past (demo-backdate.ts).
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly invitations: MemberInvitationsService,
    private readonly projectsService: ProjectsService,
    private readonly partnerships: PartnershipsService,
    private readonly funds: FundsService,
    private readonly applications: ApplicationsService,
    private readonly consultations: ConsultationsService,
    private readonly consultationInvitations: ConsultationInvitationsService,
    private readonly contributions: ContributionsService,
    private readonly trainingOffers: TrainingOffersService,
    private readonly enrolments: EnrolmentsService,
    private readonly assessments: AssessmentsService,
  ) {}

  /** Seeds only a database that has no users yet (the first start of the embedded database). */
  async seedOnFirstStart(): Promise<boolean> {
    if ((await this.dataSource.getRepository(User).count()) > 0) return false;
    await this.seed();
    return true;
  }

  /**
   * Idempotent: does nothing when the demo moderator already exists. Each step commits on its own
   * (the services run their own transactions), so a load that fails part-way leaves what it wrote.
   */
  async seed(): Promise<void> {
    if (await this.dataSource.getRepository(User).exists({ where: { email: `moderator@${DOMAIN}` } })) {
      this.logger.log('Demo data already loaded');
      return;
    }
    const started = Date.now();
    try {
      const counts = await this.load();
      this.logger.log(`Demo data loaded in ${Date.now() - started} ms: ${JSON.stringify(counts)}`);
    } catch (error) {
      this.logger.error(
        'Loading the demo data failed part-way; the database keeps what was written (start from an empty database to load it again)',
      );
      throw error;
    }
  }

  private async load() {
    const cast = new DemoCast();
    const ms: Record<string, number> = {};
    const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      const result = await work();
      ms[name] = Date.now() - started;
      return result;
    };
    await step('accounts', () => this.accounts(cast));
    await step('organizations', () => this.organizationsAndMembers(cast));
    await step('projects', () => this.projects(cast));
    await step('partnerships', () => this.partnershipsBetween(cast));
    const funds = await step('funds', () => this.fundsAndApplications(cast));
    const dialogue = {
      consultations: this.consultations,
      invitations: this.consultationInvitations,
      contributions: this.contributions,
    };
    await step('dialogue', () => seedDemoDialogue(dialogue, this.dataSource, cast));
    const capacity = { offers: this.trainingOffers, enrolments: this.enrolments, assessments: this.assessments };
    await step('capacity', () => seedDemoCapacity(capacity, this.dataSource, cast));
    this.logger.debug(`Demo steps (ms): ${JSON.stringify(ms)}`);
    return {
      users: cast.users.size,
      organizations: cast.organizations.size,
      projects: cast.projects.length,
      partnerships: DEMO_PARTNERSHIPS.length,
      funds: funds.length,
      applications: DEMO_APPLICATIONS.length,
    };
  }

  /**
   * The demo accounts: a direct write, because registering goes through a rate limit per address
   * and an argon2id hash per account (or, in production, an e-mailed link); here the one password
   * is hashed once. Platform roles are granted as the admin CLI grants them (UsersService.promote).
   */
  private async accounts(cast: DemoCast) {
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD); // once: argon2id is deliberately slow
    const saved = await this.dataSource.transaction((m) =>
      m.save(DEMO_ACCOUNTS.map(({ email, name }) => m.create(User, { email, name, passwordHash }))),
    );
    for (const user of saved) {
      const handle = user.email.split('@')[0];
      const role = { moderator: PlatformRole.MODERATOR, admin: PlatformRole.ADMIN }[handle];
      const account = role ? await this.users.promote(user.email, role) : user;
      cast.users.set(handle, { id: account.id, email: account.email, platformRole: account.platformRole });
    }
  }

  /**
   * Each owner registers her organizations and asks for verification; the moderator decides.
   * Extra members join by invitation, organizations ask to join networks and the networks accept.
   */
  private async organizationsAndMembers(cast: DemoCast) {
    const moderator = cast.user('moderator');
    for (const d of DEMO_ORGANIZATIONS) {
      const owner = cast.user(d.owner);
      const slug = slugify(d.name);
      let org = await this.organizations.create(owner, {
        name: d.name,
        kind: d.kind as OrganizationKind,
        description: d.description,
        website: `https://${slug}.${DOMAIN}`,
        contactEmail: `contact@${slug}.${DOMAIN}`,
        countriesOfOrigin: d.origin,
        countriesOfResidence: d.residence,
        city: d.city,
        themes: d.themes,
        languages: d.languages,
        foundedYear: d.foundedYear,
        memberCount: d.memberCount,
        legallyRegistered: d.legallyRegistered,
        democraticGovernance: d.democraticGovernance,
        womenLed: d.womenLed,
        youthLed: d.youthLed,
      });
      if (d.verification !== VerificationStatus.UNVERIFIED) {
        org = await this.organizations.requestVerification(owner, org.id);
      }
      if (d.verification === VerificationStatus.VERIFIED) {
        org = await this.organizations.decideVerification(moderator, org.id, true, 'Registration documents checked');
      } else if (d.verification === VerificationStatus.REJECTED) {
        const note = 'No proof of registration; please send your statutes';
        org = await this.organizations.decideVerification(moderator, org.id, false, note);
      }
      cast.organizations.set(d.key, org);
    }
    for (const [handle, key, role] of EXTRA_MEMBERS) await this.join(cast, cast.user(handle), key, role);
    for (const [network, member, status] of DEMO_NETWORK_MEMBERS) {
      await this.organizations.joinNetwork(cast.ownerOf(member), cast.org(member).id, cast.org(network).id);
      if (status === 'ACCEPTED') {
        await this.organizations.respondToNetworkRequest(
          cast.ownerOf(network),
          cast.org(network).id,
          cast.org(member).id,
          true,
        );
      }
    }
  }

  /**
   * The owner invites the user; the user accepts, signed in, with the link of the invitation
   * e-mail (the token exists only in that mail, which the API wrote to email_outbox).
   */
  private async join(cast: DemoCast, user: AuthUser, orgKey: string, role: MemberRole) {
    const invitation = await this.invitations.invite(cast.ownerOf(orgKey), cast.org(orgKey).id, user.email, role);
    const [mail]: Array<{ body: string }> = await this.dataSource.query(
      'SELECT body FROM email_outbox WHERE dedupe_key = $1',
      [`member-invitation:${invitation.tokenHash}`],
    );
    const token = /\/invitations\/([\w-]+)/.exec(mail?.body ?? '')?.[1];
    if (!token) throw new Error(`No invitation e-mail for ${user.email} to join ${orgKey}`);
    await this.invitations.accept(user, { token });
  }

  /** Four projects per diaspora-side organization, rotating kinds and statuses, each with an indicator. */
  private async projects(cast: DemoCast) {
    for (const [i, d] of DEMO_ORGANIZATIONS.entries()) {
      if (!DIASPORA_SIDE.includes(d.kind) || d.origin.length === 0) continue;
      for (let k = 0; k < 4; k++) {
        await this.addProject(cast, d.key, PROJECT_TEMPLATES[(i * 3 + k) % PROJECT_TEMPLATES.length]);
      }
    }
  }

  private async addProject(cast: DemoCast, orgKey: string, template: ProjectTemplate): Promise<Project> {
    const n = cast.projects.length;
    const o = cast.org(orgKey);
    const owner = cast.ownerOf(orgKey);
    const country = o.countriesOfOrigin[0];
    const place = PLACES[country] ?? country;
    const project = await this.projectsService.create(owner, {
      organizationId: o.id,
      title: template.title(place),
      summary: template.summary(place),
      kind: template.kind as ProjectKind,
      status: PROJECT_STATUSES[n % PROJECT_STATUSES.length] as ProjectStatus,
      countries: [country],
      locality: place,
      themes: template.themes,
      sdgs: template.sdgs,
      budget: { amount: template.budget, currency: 'EUR' },
      fundingSought: {
        amount: Math.round((template.budget * (template.fundingShare ?? 2 / 3)) / 1000) * 1000,
        currency: 'EUR',
      },
      startDate: `2026-${String(1 + (n % 12)).padStart(2, '0')}-01`,
      endDate: `2028-${String(1 + (n % 12)).padStart(2, '0')}-01`,
      beneficiaries: 50 + ((n * 37) % 900),
    });
    const [name, unit, baseline, target, measured] = template.indicator;
    const indicator = await this.projectsService.addIndicator(owner, {
      projectId: project.id,
      name,
      unit,
      baseline,
      target,
    });
    for (const [k, value] of measured.entries()) {
      // field reports every four months, the latest one a month ago
      const measuredOn = day(-30 - (measured.length - 1 - k) * 120)
        .toISOString()
        .slice(0, 10);
      await this.projectsService.recordMeasurement(owner, {
        indicatorId: indicator.id,
        value,
        measuredOn,
        note: 'Field report',
      });
    }
    cast.projects.push({ project, orgKey });
    return project;
  }

  /** The initiator's owner proposes; the partner's owner accepts or declines; ended ones are ended by the initiator. */
  private async partnershipsBetween(cast: DemoCast) {
    for (const [initiator, partner, kind, status] of DEMO_PARTNERSHIPS) {
      const a = cast.org(initiator);
      const project = cast.projects.find((p) => p.orgKey === initiator)?.project;
      const p = await this.partnerships.propose(cast.ownerOf(initiator), {
        initiatorId: a.id,
        partnerId: cast.org(partner).id,
        kind: kind as PartnershipKind,
        projectId: kind === PartnershipKind.CO_IMPLEMENTATION && project ? project.id : null,
        message: `${a.name} proposes a ${kind.toLowerCase().replace(/_/g, ' ')} partnership.`,
      });
      if (status === PartnershipStatus.PROPOSED) continue;
      await this.partnerships.respond(cast.ownerOf(partner), p.id, status !== PartnershipStatus.DECLINED);
      if (status === PartnershipStatus.ENDED) await this.partnerships.end(cast.ownerOf(initiator), p.id);
    }
  }

  /**
   * Funders create their funds and publish (and close) them; applicants apply with a project of the
   * kind the demo names (registering it if they have none) and the funder decides.
   */
  private async fundsAndApplications(cast: DemoCast): Promise<Fund[]> {
    const funds: Fund[] = [];
    for (const f of DEMO_FUNDS) {
      const funder = cast.ownerOf(f.funder);
      let fund = await this.funds.create(funder, {
        funderId: cast.org(f.funder).id,
        title: f.title,
        description: f.description,
        currency: 'EUR',
        minGrant: f.minGrant,
        maxGrant: f.maxGrant,
        totalBudget: f.totalBudget,
        coFundingPercent: f.coFundingPercent,
        opensAt: day(-30),
        deadline: day(f.deadlineDays),
        themes: f.themes,
        sdgs: f.sdgs,
        prioritizesWomenLed: f.women ?? false,
        prioritizesYouthLed: f.youth ?? false,
        eligibility: {
          organizationKinds: (f.kinds ?? []) as OrganizationKind[],
          countriesOfResidence: f.residence ?? [],
          countriesOfOrigin: f.origin ?? [],
          countriesOfImplementation: f.implementation ?? [],
          projectKinds: (f.projectKinds ?? []) as ProjectKind[],
          requiresLegalRegistration: f.legal ?? false,
          requiresVerification: f.verified ?? false,
          minOrganizationAgeYears: f.minAge ?? null,
        },
      });
      if (f.status !== 'DRAFT') fund = await this.funds.publish(funder, fund.id);
      if (f.status === 'CLOSED') fund = await this.funds.close(funder, fund.id);
      funds.push(fund);
    }

    for (const [fundTitle, orgKey, projectKind, status, amount] of DEMO_APPLICATIONS) {
      const fund = funds.find((f) => f.title.startsWith(fundTitle)) as Fund;
      const funder = cast.ownerOf(DEMO_FUNDS.find((f) => f.title === fund.title)?.funder ?? '');
      const applicant = cast.ownerOf(orgKey);
      const project =
        cast.projects.find((p) => p.orgKey === orgKey && p.project.kind === projectKind)?.project ??
        (await this.addProject(cast, orgKey, PROJECT_TEMPLATES.find((t) => t.kind === projectKind) as ProjectTemplate));
      const application = await this.applications.apply(applicant, {
        fundId: fund.id,
        projectId: project.id,
        requestedAmount: { amount, currency: 'EUR' },
        statement: `${project.title}: ${project.summary} We ask for EUR ${amount.toLocaleString('en')} and co-fund the rest with member contributions.`,
        draft: status === 'DRAFT',
      });
      if (status === 'WITHDRAWN') await this.applications.withdraw(applicant, application.id);
      for (const to of DECISIONS[status] ?? []) {
        await this.applications.decide(funder, { id: application.id, status: to, note: DECISION_NOTES[to] ?? null });
      }
    }
    return funds;
  }
}
