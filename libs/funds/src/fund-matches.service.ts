import { Injectable } from '@nestjs/common';
import { NotFoundError, optionalId, pageSize, requireId } from '@app/common';
import type { RequestContext } from '@app/common';
import { FundMatchingService, OrganizationMatch } from '@app/matching';
import { Organization, OrganizationPolicy } from '@app/organizations';
import { Project, ProjectsService } from '@app/projects';
import { Fund, FundStatus } from './fund.entity.js';
import { EligibilityReport, FundMatch, FundNeedingAProject } from './fund.models.js';
import { FundsService } from './funds.service.js';

/**
 * The fund-matching API (fundMatches, fundCandidates, checkEligibility): who may see the fund, the
 * organization and the project asked about, the matching SQL of libs/matching, and the funds,
 * organizations and projects of the answer through the request's loaders (a project only when the
 * viewer may see it).
 */
@Injectable()
export class FundMatchesService {
  constructor(
    private readonly matching: FundMatchingService,
    private readonly funds: FundsService,
    private readonly projects: ProjectsService,
    private readonly policy: OrganizationPolicy,
  ) {}

  /**
   * Open funds an organization (or one of its projects) is eligible for, ranked with reasons: one
   * statement reads the organization, the project asked about, the matches, their funds and best
   * projects and what the reasons say; the request's loaders are primed with those rows.
   */
  async fundMatches(
    ctx: RequestContext,
    organizationId: string,
    projectId: string | null | undefined,
    first: number | null | undefined,
  ): Promise<FundMatch[]> {
    const orgId = requireId(organizationId, 'Organization');
    const id = optionalId(projectId, 'Project');
    const answer = await this.matching.fundMatchesAnswer(orgId, id, pageSize(first), ctx.locale);
    if (!answer) throw new NotFoundError('Organization', organizationId);
    const { organizations, projects, funds } = ctx.loaders;
    organizations.organization.prime(answer.organization.id, answer.organization);
    if (id !== null) {
      const project = answer.project && (await this.visibleProject(ctx, answer.project));
      if (!project) throw new NotFoundError('Project', projectId ?? id);
      projects.project.prime(project.id, project);
    }
    const results: FundMatch[] = [];
    for (const m of answer.matches) {
      const fund = this.matching.entity(Fund, m.fundRow as Record<string, unknown>);
      funds.fund.prime(fund.id, fund);
      // Without a project named, each fund comes with the organization's best project for it: a caller
      // who may not see that project (an anonymous visitor, another organization) does not see the match
      // either, so the answer says nothing the directory would not.
      const project = m.project && (await this.visibleProject(ctx, m.project));
      if (!project) continue;
      projects.project.prime(project.id, project);
      results.push({ fund, project, score: m.score, reasons: m.reasons });
    }
    return results;
  }

  /** The project if the viewer may see it (a live project is public: no need to ask who the viewer is). */
  private async visibleProject(ctx: RequestContext, project: Project): Promise<Project | null> {
    const visibility = ProjectsService.visibility(project);
    return visibility.published || this.policy.isVisible(visibility, await ctx.access()) ? project : null;
  }

  /**
   * Open funds the organization qualifies for but none of its live projects does, with the project
   * rules that fail: for the organization's members and moderators (it describes unpublished
   * projects); empty for anyone else.
   */
  async fundsNeedingAProject(
    ctx: RequestContext,
    organizationId: string,
    first: number | null | undefined,
  ): Promise<FundNeedingAProject[]> {
    const { organization } = await this.subject(ctx, organizationId, null);
    if (!this.policy.canSeeInternals(await ctx.access(), organization.id)) return [];
    const rows = await this.matching.fundsNeedingAProject(organization.id, pageSize(first), ctx.locale);
    return rows.map((row) => {
      const fund = this.matching.entity(Fund, row.fundRow);
      ctx.loaders.funds.fund.prime(fund.id, fund);
      return { fund, failedRules: row.failed };
    });
  }

  /**
   * Eligible organizations for a fund the viewer may see, each with its best project, ranked: the
   * fund's matching columns (which also say who may see it), then one statement for the candidates
   * with their organizations, best projects and what the reasons say.
   */
  async fundCandidates(
    ctx: RequestContext,
    fundId: string,
    first: number | null | undefined,
  ): Promise<OrganizationMatch[]> {
    // The fund's matching columns say who may see it (FundsService.visibility): a published fund is
    // public, a DRAFT one is visible only to its funder's members (and moderators), who preview its
    // candidates.
    const id = requireId(fundId, 'Fund');
    const columns = await this.matching.fundColumns(id);
    const visibility =
      columns &&
      FundsService.visibility({ status: columns.status as FundStatus, funderId: columns.funder_id as string });
    if (!visibility || !(visibility.published || this.policy.isVisible(visibility, await ctx.access())))
      throw new NotFoundError('Fund', fundId);
    const matches = await this.matching.fundCandidates(id, pageSize(first), !visibility.published, columns, ctx.locale);
    const { organizations, projects } = ctx.loaders;
    const results: OrganizationMatch[] = [];
    for (const m of matches) {
      organizations.organization.prime(m.organization.id, m.organization);
      const project = m.project && (await this.visibleProject(ctx, m.project));
      if (project) projects.project.prime(project.id, project);
      results.push({ organization: m.organization, project, score: m.score, reasons: m.reasons });
    }
    return results;
  }

  /** Every eligibility rule of a fund for an organization (or one of its projects), passed or failed. */
  async checkEligibility(
    ctx: RequestContext,
    fundId: string,
    organizationId: string,
    projectId: string | null | undefined,
  ): Promise<EligibilityReport> {
    const fund = await this.funds.get(fundId, await ctx.access());
    const { organization, project } = await this.subject(ctx, organizationId, projectId);
    const checks = await this.matching.checkEligibility(
      fund.id,
      organization.id,
      project?.id ?? null,
      undefined,
      ctx.locale,
    );
    return { eligible: checks.every((c) => c.passed), checks };
  }

  /** The organization (and project, if one is named) matched; NOT_FOUND unless the viewer may see them. */
  private async subject(
    ctx: RequestContext,
    organizationId: string,
    projectId: string | null | undefined,
  ): Promise<{ organization: Organization; project: Project | null }> {
    const organization = await ctx.loaders.organizations.organization.load(requireId(organizationId, 'Organization'));
    if (!organization) throw new NotFoundError('Organization', organizationId);
    const id = optionalId(projectId, 'Project');
    const project = id === null ? null : await this.projects.visible(ctx, id);
    if (id !== null && !project) throw new NotFoundError('Project', projectId ?? id);
    return { organization, project };
  }
}
