import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordService, PlatformRole, User } from '@app/auth';
import { ApplicationEvent, Fund, FundApplication, REFRESH_TEXT_QUERY_SQL } from '@app/funds';
import {
  Membership,
  MemberRole,
  NetworkMembership,
  Organization,
  slugify,
  VerificationEvent,
} from '@app/organizations';
import { Partnership, PartnershipEvent } from '@app/partnerships';
import { Indicator, Measurement, Project } from '@app/projects';
import {
  DEMO_APPLICATIONS,
  DEMO_FUNDS,
  DEMO_PARTNERSHIPS,
  PLACES,
  PROJECT_STATUSES,
  PROJECT_TEMPLATES,
  ProjectTemplate,
} from './demo-activities.js';
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
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);

/** Loads the demo data set (README, "Demo accounts"). */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  /** Seeds only a database that has no users yet (the first start of the embedded database). */
  async seedOnFirstStart(): Promise<boolean> {
    if ((await this.dataSource.getRepository(User).count()) > 0) return false;
    await this.seed();
    return true;
  }

  /** Idempotent: does nothing when the demo moderator already exists. */
  async seed(): Promise<void> {
    if (await this.dataSource.getRepository(User).exists({ where: { email: `moderator@${DOMAIN}` } })) {
      this.logger.log('Demo data already loaded');
      return;
    }
    const started = Date.now();
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD); // once: argon2id is deliberately slow
    const counts = await this.dataSource.transaction((manager) => this.load(manager, passwordHash));
    this.logger.log(`Demo data loaded in ${Date.now() - started} ms: ${JSON.stringify(counts)}`);
  }

  private async load(m: EntityManager, passwordHash: string) {
    const users = new Map<string, User>();
    for (const account of DEMO_ACCOUNTS) {
      const handle = account.email.split('@')[0];
      const platformRole =
        handle === 'moderator' ? PlatformRole.MODERATOR : handle === 'admin' ? PlatformRole.ADMIN : PlatformRole.USER;
      users.set(
        handle,
        await m.save(m.create(User, { email: account.email, name: account.name, passwordHash, platformRole })),
      );
    }
    const moderator = users.get('moderator') as User;

    const orgs = new Map<string, Organization>();
    for (const d of DEMO_ORGANIZATIONS) {
      const owner = users.get(d.owner) as User;
      const org = await m.save(
        m.create(Organization, {
          slug: slugify(d.name),
          name: d.name,
          kind: d.kind as Organization['kind'],
          description: d.description,
          website: `https://${slugify(d.name)}.${DOMAIN}`,
          contactEmail: `contact@${slugify(d.name)}.${DOMAIN}`,
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
          verification: d.verification as Organization['verification'],
        }),
      );
      orgs.set(d.key, org);
      await m.insert(Membership, { userId: owner.id, organizationId: org.id, role: MemberRole.OWNER });
      if (d.verification !== 'UNVERIFIED') {
        await m.insert(VerificationEvent, {
          organizationId: org.id,
          actorId: owner.id,
          fromStatus: 'UNVERIFIED' as never,
          toStatus: 'PENDING' as never,
          note: null,
        });
      }
      if (d.verification === 'VERIFIED' || d.verification === 'REJECTED') {
        const note =
          d.verification === 'VERIFIED'
            ? 'Registration documents checked'
            : 'No proof of registration; please send your statutes';
        await m.insert(VerificationEvent, {
          organizationId: org.id,
          actorId: moderator.id,
          fromStatus: 'PENDING' as never,
          toStatus: d.verification as never,
          note,
        });
      }
    }
    const org = (key: string) => orgs.get(key) as Organization;
    for (const [handle, key, role] of EXTRA_MEMBERS) {
      await m.insert(Membership, { userId: (users.get(handle) as User).id, organizationId: org(key).id, role });
    }
    for (const [network, member, status] of DEMO_NETWORK_MEMBERS) {
      await m.insert(NetworkMembership, {
        networkId: org(network).id,
        organizationId: org(member).id,
        status: status as never,
        requestedById: (users.get(DEMO_ORGANIZATIONS.find((d) => d.key === member)?.owner ?? '') as User).id,
        decidedAt: status === 'ACCEPTED' ? new Date() : null,
      });
    }

    // Projects: four templates per diaspora-side organization, rotating kinds and statuses.
    const projects: Array<{ project: Project; orgKey: string }> = [];
    const addProject = async (orgKey: string, template: ProjectTemplate, n: number) => {
      const o = org(orgKey);
      const country = o.countriesOfOrigin[0];
      const place = PLACES[country] ?? country;
      const ownerId = (users.get(DEMO_ORGANIZATIONS.find((d) => d.key === orgKey)?.owner ?? '') as User).id;
      const project = await m.save(
        m.create(Project, {
          organizationId: o.id,
          title: template.title(place),
          summary: template.summary(place),
          kind: template.kind as Project['kind'],
          status: PROJECT_STATUSES[n % PROJECT_STATUSES.length] as Project['status'],
          countries: [country],
          locality: place,
          themes: template.themes,
          sdgs: template.sdgs,
          budgetAmount: String(template.budget),
          budgetCurrency: 'EUR',
          fundingSoughtAmount: String(Math.round((template.budget * 2) / 3 / 1000) * 1000),
          fundingSoughtCurrency: 'EUR',
          startDate: `2026-${String(1 + (n % 12)).padStart(2, '0')}-01`,
          endDate: `2028-${String(1 + (n % 12)).padStart(2, '0')}-01`,
          beneficiaries: 50 + ((n * 37) % 900),
          createdById: ownerId,
        }),
      );
      const [name, unit, baseline, target, measured] = template.indicator;
      const indicator = await m.save(m.create(Indicator, { projectId: project.id, name, unit, baseline, target }));
      for (const [k, value] of measured.entries()) {
        await m.insert(Measurement, {
          indicatorId: indicator.id,
          value,
          measuredOn: `2026-0${3 + k * 4}-15`,
          note: 'Field report',
          recordedById: ownerId,
        });
      }
      projects.push({ project, orgKey });
      return project;
    };
    let n = 0;
    for (const [i, d] of DEMO_ORGANIZATIONS.entries()) {
      if (!DIASPORA_SIDE.includes(d.kind) || d.origin.length === 0) continue;
      for (let k = 0; k < 4; k++)
        await addProject(d.key, PROJECT_TEMPLATES[(i * 3 + k) % PROJECT_TEMPLATES.length], n++);
    }

    for (const [initiator, partner, kind, status] of DEMO_PARTNERSHIPS) {
      const a = org(initiator);
      const b = org(partner);
      const proposer = (users.get(DEMO_ORGANIZATIONS.find((d) => d.key === initiator)?.owner ?? '') as User).id;
      const responder = (users.get(DEMO_ORGANIZATIONS.find((d) => d.key === partner)?.owner ?? '') as User).id;
      const project = projects.find((p) => p.orgKey === initiator)?.project;
      const p = await m.save(
        m.create(Partnership, {
          kind: kind as Partnership['kind'],
          status: status as Partnership['status'],
          initiatorId: a.id,
          partnerId: b.id,
          projectId: kind === 'CO_IMPLEMENTATION' && project ? project.id : null,
          message: `${a.name} proposes a ${kind.toLowerCase().replace(/_/g, ' ')} partnership.`,
          proposedById: proposer,
          respondedAt: status === 'PROPOSED' ? null : new Date(),
          endedAt: status === 'ENDED' ? new Date() : null,
        }),
      );
      const steps: Array<[string | null, string, string]> = [[null, 'PROPOSED', proposer]];
      if (status !== 'PROPOSED') steps.push(['PROPOSED', status === 'DECLINED' ? 'DECLINED' : 'ACTIVE', responder]);
      if (status === 'ENDED') steps.push(['ACTIVE', 'ENDED', proposer]);
      for (const [from, to, actor] of steps) {
        await m.insert(PartnershipEvent, {
          partnershipId: p.id,
          actorId: actor,
          fromStatus: from as never,
          toStatus: to as never,
        });
      }
    }

    const funds: Fund[] = [];
    for (const f of DEMO_FUNDS) {
      const funderOwner = (users.get(DEMO_ORGANIZATIONS.find((d) => d.key === f.funder)?.owner ?? '') as User).id;
      const fund = await m.save(
        m.create(Fund, {
          funderId: org(f.funder).id,
          title: f.title,
          description: f.description,
          status: f.status as Fund['status'],
          currency: 'EUR',
          minGrant: f.minGrant === null ? null : String(f.minGrant),
          maxGrant: f.maxGrant === null ? null : String(f.maxGrant),
          totalBudget: String(f.totalBudget),
          coFundingPercent: f.coFundingPercent === null ? null : String(f.coFundingPercent),
          opensAt: day(-30),
          deadline: day(f.deadlineDays),
          themes: f.themes,
          sdgs: f.sdgs,
          prioritizesWomenLed: f.women ?? false,
          prioritizesYouthLed: f.youth ?? false,
          eligibleOrganizationKinds: f.kinds ?? [],
          eligibleCountriesOfResidence: f.residence ?? [],
          eligibleCountriesOfOrigin: f.origin ?? [],
          eligibleCountriesOfImplementation: f.implementation ?? [],
          eligibleProjectKinds: f.projectKinds ?? [],
          requiresLegalRegistration: f.legal ?? false,
          requiresVerification: f.verified ?? false,
          minOrganizationAgeYears: f.minAge ?? null,
          closedAt: f.status === 'CLOSED' ? new Date() : null,
          createdById: funderOwner,
        }),
      );
      funds.push(fund);
    }
    await m.query(REFRESH_TEXT_QUERY_SQL, [funds.map((f) => f.id)]);

    const path: Record<string, string[]> = {
      DRAFT: ['DRAFT'],
      SUBMITTED: ['SUBMITTED'],
      UNDER_REVIEW: ['SUBMITTED', 'UNDER_REVIEW'],
      SHORTLISTED: ['SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED'],
      AWARDED: ['SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED', 'AWARDED'],
      REJECTED: ['SUBMITTED', 'UNDER_REVIEW', 'REJECTED'],
      WITHDRAWN: ['SUBMITTED', 'WITHDRAWN'],
    };
    for (const [fundTitle, orgKey, projectKind, status, amount] of DEMO_APPLICATIONS) {
      const fund = funds.find((f) => f.title.startsWith(fundTitle)) as Fund;
      const template = PROJECT_TEMPLATES.find((t) => t.kind === projectKind) as ProjectTemplate;
      const project =
        projects.find((p) => p.orgKey === orgKey && p.project.kind === projectKind)?.project ??
        (await addProject(orgKey, template, n++));
      const applicant = (users.get(DEMO_ORGANIZATIONS.find((d) => d.key === orgKey)?.owner ?? '') as User).id;
      const funderOwner = fund.createdById;
      const application = await m.save(
        m.create(FundApplication, {
          fundId: fund.id,
          projectId: project.id,
          organizationId: project.organizationId,
          status: status as FundApplication['status'],
          requestedAmount: String(amount),
          requestedCurrency: 'EUR',
          statement: `${project.title}: ${project.summary} We ask for EUR ${amount.toLocaleString('en')} and co-fund the rest with member contributions.`,
          submittedAt: status === 'DRAFT' ? null : new Date(),
          decidedAt: status === 'AWARDED' || status === 'REJECTED' ? new Date() : null,
          decisionNote:
            status === 'AWARDED'
              ? 'Strong community ownership and clear indicators'
              : status === 'REJECTED'
                ? 'Outside the priorities of this call'
                : null,
          createdById: applicant,
        }),
      );
      let from: string | null = null;
      for (const to of path[status]) {
        const actor = ['UNDER_REVIEW', 'SHORTLISTED', 'AWARDED', 'REJECTED'].includes(to) ? funderOwner : applicant;
        await m.insert(ApplicationEvent, {
          applicationId: application.id,
          actorId: actor,
          fromStatus: from as never,
          toStatus: to as never,
          note: null,
        });
        from = to;
      }
    }
    await seedDemoDialogue(
      m,
      org,
      (key) => users.get(DEMO_ORGANIZATIONS.find((d) => d.key === key)?.owner ?? '') as User,
    );
    await seedDemoCapacity(
      m,
      org,
      (key) => users.get(DEMO_ORGANIZATIONS.find((d) => d.key === key)?.owner ?? '') as User,
    );
    return {
      users: users.size,
      organizations: orgs.size,
      projects: projects.length,
      partnerships: DEMO_PARTNERSHIPS.length,
      funds: funds.length,
      applications: DEMO_APPLICATIONS.length,
    };
  }
}
