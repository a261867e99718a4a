import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  BadInputError,
  GqlContext,
  LoaderRegistry,
  MAX_PAGE_SIZE,
  NotFoundError,
  requestContext,
  requireId,
  text,
} from '@app/common';
import type { RequestContext } from '@app/common';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import { ConsultationsService } from '@app/dialogue';
import { ApplicationsService, FundsService } from '@app/funds';
import { FundMatchingService } from '@app/matching';
import { Organization, OrganizationPolicy, OrganizationsService } from '@app/organizations';
import { progressOf, Project, ProjectsService } from '@app/projects';
import { ORGANIZATION_COLUMNS, PROJECT_COLUMNS } from './columns.js';
import { Cell, listCell, toCsv } from './csv.js';
import { ExportTokens } from './export-token.js';
import { ExportKind, ExportParams, ExportUrl } from './exports.inputs.js';

/** How long a download URL lives. */
export const EXPORT_URL_SECONDS = 600;
/** The most rows one file holds (the directory is read in pages of MAX_PAGE_SIZE up to this). */
export const MAX_EXPORT_ROWS = 10_000;
/** The most candidates of a fund one file ranks. */
export const MAX_EXPORT_CANDIDATES = 500;

export interface CsvFile {
  fileName: string;
  body: string;
}

/** The parameters each kind reads; any other one sent is refused rather than silently ignored. */
const PARAMS_OF: Record<ExportKind, ReadonlyArray<keyof ExportParams>> = {
  [ExportKind.DIRECTORY]: ['search', 'filter', 'orderBy'],
  [ExportKind.PROJECTS]: ['organizationId'],
  [ExportKind.FUND_CANDIDATES]: ['fundId'],
  [ExportKind.FUND_APPLICATIONS]: ['funderId', 'fundId'],
  [ExportKind.CONSULTATION]: ['consultationId'],
  [ExportKind.PROJECT_INDICATORS]: ['projectId'],
};

function refuseUnusedParams(kind: ExportKind, params: ExportParams): void {
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (!PARAMS_OF[kind].includes(key as keyof ExportParams)) {
      throw new BadInputError(`params.${key}`, text('errors.export.paramNotUsed', { field: `params.${key}`, kind }));
    }
  }
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : '');
const amount = (value: string | null) => (value === null ? '' : String(Number(value)));

/**
 * CSV exports (docs/architecture.md, "Exports and imports"). `issue` checks that the user may read
 * what she asks for and signs a short-lived URL binding her, the kind and the parameters;
 * `download` verifies it and builds the file as that user again, so a right lost in between (a
 * membership removed) refuses the download. Every read goes through the owning lib's service or
 * loaders and the visibility rule of OrganizationPolicy, exactly as the GraphQL reads.
 */
@Injectable()
export class ExportsService {
  private readonly tokens: ExportTokens;

  constructor(
    config: AppConfig,
    private readonly registry: LoaderRegistry,
    private readonly policy: OrganizationPolicy,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly projects: ProjectsService,
    private readonly funds: FundsService,
    private readonly applications: ApplicationsService,
    private readonly matching: FundMatchingService,
    private readonly consultations: ConsultationsService,
  ) {
    this.tokens = new ExportTokens(config.jwtSecret);
  }

  /** A RequestContext for `user` outside GraphQL: fresh loaders, the same `access()`. */
  contextFor(user: AuthUser): RequestContext {
    const req = { user, headers: {} } as unknown as GqlContext['req'];
    const loaders = this.registry.create(req);
    return requestContext(req, loaders, { access: loaders.organizations.access });
  }

  async issue(user: AuthUser, kind: ExportKind, params: ExportParams = {}): Promise<ExportUrl> {
    refuseUnusedParams(kind, params);
    const file = await this.build(user, kind, params); // authorization (and the parameters) checked now
    const expires = Math.floor(Date.now() / 1000) + EXPORT_URL_SECONDS;
    const token = this.tokens.sign({ u: user.id, k: kind, p: JSON.parse(JSON.stringify(params)), x: expires });
    return { url: `/exports/${token}`, expiresAt: new Date(expires * 1000), fileName: file.fileName };
  }

  /** The file of a download token, built as its user; NotFoundError for a bad, expired or orphaned token. */
  async download(token: string): Promise<CsvFile> {
    const claims = this.tokens.verify(token);
    if (!claims || !Object.values(ExportKind).includes(claims.k as ExportKind)) throw new NotFoundError('Export');
    const user = await this.users.findById(claims.u);
    if (!user) throw new NotFoundError('Export');
    const viewer: AuthUser = { id: user.id, email: user.email, platformRole: user.platformRole };
    return this.build(viewer, claims.k as ExportKind, claims.p as ExportParams);
  }

  async build(user: AuthUser, kind: ExportKind, params: ExportParams): Promise<CsvFile> {
    const ctx = this.contextFor(user);
    const day = new Date().toISOString().slice(0, 10);
    const rows = await this.rows(ctx, kind, params);
    return { fileName: `${kind.toLowerCase().replace(/_/g, '-')}-${day}.csv`, body: toCsv(rows.header, rows.rows) };
  }

  private rows(ctx: RequestContext, kind: ExportKind, p: ExportParams): Promise<{ header: string[]; rows: Cell[][] }> {
    switch (kind) {
      case ExportKind.DIRECTORY:
        return this.directory(ctx, p);
      case ExportKind.PROJECTS:
        return this.organizationProjects(ctx, need(p.organizationId, 'params.organizationId'));
      case ExportKind.FUND_CANDIDATES:
        return this.fundCandidates(ctx, need(p.fundId, 'params.fundId'));
      case ExportKind.FUND_APPLICATIONS:
        return this.funderApplications(ctx, need(p.funderId, 'params.funderId'), p.fundId ?? null);
      case ExportKind.CONSULTATION:
        return this.consultation(ctx, need(p.consultationId, 'params.consultationId'));
      case ExportKind.PROJECT_INDICATORS:
        return this.indicators(ctx, need(p.projectId, 'params.projectId'));
    }
  }

  // ---------- the files ----------

  /** The organizations query's search, filter and order, every page; contact e-mails as the viewer may see them. */
  private async directory(ctx: RequestContext, p: ExportParams) {
    const access = await ctx.access();
    const rows: Cell[][] = [];
    let after: string | undefined;
    do {
      const page = await this.organizations.list({
        search: p.search,
        filter: p.filter,
        orderBy: p.orderBy,
        first: MAX_PAGE_SIZE,
        after,
      } as Parameters<OrganizationsService['list']>[0]);
      for (const o of page.nodes) rows.push(organizationRow(o, this.policy.canSeeContactEmail(access, o.id)));
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after && rows.length < MAX_EXPORT_ROWS);
    return { header: [...ORGANIZATION_COLUMNS], rows: rows.slice(0, MAX_EXPORT_ROWS) };
  }

  /** An organization's live projects (public, as Organization.projects). */
  private async organizationProjects(ctx: RequestContext, organizationId: string) {
    const organization = await ctx.loaders.organizations.organization.load(requireId(organizationId, 'Organization'));
    if (!organization) throw new NotFoundError('Organization', organizationId);
    const rows: Cell[][] = [];
    let after: string | undefined;
    do {
      const page = await this.projects.listForOrganization(organization.id, { first: MAX_PAGE_SIZE, after });
      rows.push(...page.nodes.map(projectRow));
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after && rows.length < MAX_EXPORT_ROWS);
    return { header: [...PROJECT_COLUMNS], rows };
  }

  /** As the fundCandidates query: anyone who may see the fund; projects only when the viewer may see them. */
  private async fundCandidates(ctx: RequestContext, fundId: string) {
    const fund = await this.funds.get(fundId, await ctx.access());
    const matches = await this.matching.fundCandidates(fund.id, MAX_EXPORT_CANDIDATES);
    const rows = await Promise.all(
      matches.map(async (m, i): Promise<Cell[]> => {
        const [organization, project] = await Promise.all([
          ctx.loaders.organizations.organization.load(m.organizationId),
          this.projects.visible(ctx, m.projectId),
        ]);
        return [
          i + 1,
          organization?.name,
          organization?.slug,
          project?.title,
          m.score,
          m.reasons.map((r) => `${r.factor} ${r.points}: ${r.detail}`).join('\n'),
        ];
      }),
    );
    return { header: ['rank', 'organization', 'organizationSlug', 'project', 'score', 'reasons'], rows };
  }

  /**
   * The applications to a funder's funds (or to one of them): the applications inbox of libs/funds,
   * every page, so the same rule (the funder's OWNER/ADMIN and moderators; submitted ones only).
   */
  private async funderApplications(ctx: RequestContext, funderId: string, fundId: string | null) {
    const access = await ctx.access();
    const rows: Cell[][] = [];
    let after: string | undefined;
    do {
      const page = await this.applications.inbox(access, {
        funderId,
        filter: fundId ? { fundId } : null,
        first: MAX_PAGE_SIZE,
        after,
      } as Parameters<ApplicationsService['inbox']>[1]);
      for (const a of page.nodes) {
        const [fund, organization, project] = await Promise.all([
          ctx.loaders.funds.fund.load(a.fundId),
          ctx.loaders.organizations.organization.load(a.organizationId),
          ctx.loaders.projects.project.load(a.projectId),
        ]);
        rows.push([
          fund?.title,
          a.id,
          organization?.name,
          project?.title,
          a.status,
          amount(a.requestedAmount),
          amount(a.awardedAmount),
          a.requestedCurrency,
          iso(a.submittedAt),
          iso(a.decidedAt),
          a.decisionNote,
          a.statement,
        ]);
      }
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after && rows.length < MAX_EXPORT_ROWS);
    const header = [
      'fund',
      'applicationId',
      'organization',
      'project',
      'status',
      'requestedAmount',
      'awardedAmount',
      'currency',
      'submittedAt',
      'decidedAt',
      'decisionNote',
      'statement',
    ];
    return { header, rows };
  }

  /**
   * A consultation the viewer may see: its invitations (public once published, as
   * Consultation.invitations) and the contributions she may see (all for the convener's members
   * and moderators, else her organizations' own).
   */
  private async consultation(ctx: RequestContext, consultationId: string) {
    const access = await ctx.access();
    const consultation = await this.consultations.get(consultationId, access);
    const [invitations, contributions] = await Promise.all([
      ctx.loaders.dialogue.invitationsByConsultation.load(consultation.id),
      ctx.loaders.dialogue.contributionsByConsultation.load(consultation.id),
    ]);
    const name = async (id: string) => (await ctx.loaders.organizations.organization.load(id))?.name ?? '';
    const rows: Cell[][] = [];
    for (const i of invitations) {
      rows.push(['INVITATION', await name(i.organizationId), i.status, iso(i.createdAt), iso(i.respondedAt), '']);
    }
    for (const c of contributions) {
      if (!this.policy.isVisible(ConsultationsService.contributionVisibility(consultation, c), access)) continue;
      rows.push(['CONTRIBUTION', await name(c.organizationId), '', iso(c.createdAt), '', c.body]);
    }
    return { header: ['record', 'organization', 'status', 'createdAt', 'respondedAt', 'contribution'], rows };
  }

  /** A project the viewer may see: each indicator with each of its measurements (one row each). */
  private async indicators(ctx: RequestContext, projectId: string) {
    const project = await this.projects.get(projectId, await ctx.access());
    const indicators = await ctx.loaders.projects.indicatorsByProject.load(project.id);
    const rows: Cell[][] = [];
    for (const i of indicators) {
      const measurements = await ctx.loaders.projects.measurementsByIndicator.load(i.id);
      const progress = progressOf(i, measurements.at(-1)?.value);
      const head: Cell[] = [i.name, i.unit, i.baseline, i.target, progress === null ? '' : progress];
      if (!measurements.length) rows.push([...head, '', '', '']);
      for (const m of measurements) rows.push([...head, m.measuredOn, m.value, m.note]);
    }
    return { header: ['indicator', 'unit', 'baseline', 'target', 'progress', 'measuredOn', 'value', 'note'], rows };
  }
}

function need(value: string | null | undefined, field: string): string {
  if (!value) throw new BadInputError(field, text('errors.export.paramRequired', { field }));
  return value;
}

export function organizationRow(o: Organization, withContactEmail: boolean): Cell[] {
  return [
    o.name,
    o.kind,
    o.description,
    o.website,
    withContactEmail ? o.contactEmail : '',
    listCell(o.countriesOfOrigin),
    listCell(o.countriesOfResidence),
    o.city,
    listCell(o.themes),
    listCell(o.languages),
    o.foundedYear,
    o.memberCount,
    o.legallyRegistered,
    o.democraticGovernance,
    o.womenLed,
    o.youthLed,
  ];
}

export function projectRow(p: Project): Cell[] {
  return [
    p.title,
    p.summary,
    p.kind,
    p.status,
    listCell(p.countries),
    p.locality,
    listCell(p.themes),
    listCell(p.sdgs),
    amount(p.budgetAmount),
    p.budgetCurrency,
    amount(p.fundingSoughtAmount),
    p.fundingSoughtCurrency,
    p.startDate,
    p.endDate,
    p.beneficiaries,
  ];
}
