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

  /** Open funds an organization (or one of its projects) is eligible for, ranked with reasons. */
  async fundMatches(
    ctx: RequestContext,
    organizationId: string,
    projectId: string | null | undefined,
    first: number | null | undefined,
  ): Promise<FundMatch[]> {
    const { organization, project } = await this.subject(ctx, organizationId, projectId);
    const matches = await this.matching.fundMatches(organization.id, project?.id ?? null, pageSize(first), {
      organization,
      project,
    });
    const results = await Promise.all(
      matches.map(async (m) => ({
        fund: (await ctx.loaders.funds.fund.load(m.fundId)) as Fund,
        project: await this.projects.visible(ctx, m.projectId),
        score: m.score,
        reasons: m.reasons,
      })),
    );
    // Without a project named, each fund comes with the organization's best project for it: a caller
    // who may not see that project (an anonymous visitor, another organization) does not see the match
    // either, so the answer says nothing the directory would not.
    return results.filter((r) => r.project !== null);
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
    const rows = await this.matching.fundsNeedingAProject(organization.id, pageSize(first));
    return Promise.all(
      rows.map(async (row) => ({
        fund: (await ctx.loaders.funds.fund.load(row.fundId)) as Fund,
        failedRules: row.failed,
      })),
    );
  }

  /** Eligible organizations for a fund the viewer may see, each with its best project, ranked. */
  async fundCandidates(
    ctx: RequestContext,
    fundId: string,
    first: number | null | undefined,
  ): Promise<OrganizationMatch[]> {
    const fund = await this.funds.get(fundId, await ctx.access());
    // A DRAFT fund is visible only to its funder's members (and moderators): they preview its candidates.
    const matches = await this.matching.fundCandidates(fundId, pageSize(first), fund.status === FundStatus.DRAFT);
    return Promise.all(
      matches.map(async (m) => ({
        organization: (await ctx.loaders.organizations.organization.load(m.organizationId)) as Organization,
        project: await this.projects.visible(ctx, m.projectId),
        score: m.score,
        reasons: m.reasons,
      })),
    );
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
    const checks = await this.matching.checkEligibility(fund.id, organization.id, project?.id ?? null);
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
