import { Injectable } from '@nestjs/common';
import { NotFoundError, optionalId, pageSize, requireId } from '@app/common';
import type { RequestContext } from '@app/common';
import { FundMatchingService, OrganizationMatch } from '@app/matching';
import { Organization } from '@app/organizations';
import { Project, ProjectsService } from '@app/projects';
import { Fund } from './fund.entity.js';
import { EligibilityReport, FundMatch } from './fund.models.js';
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
    return Promise.all(
      matches.map(async (m) => ({
        fund: (await ctx.loaders.funds.fund.load(m.fundId)) as Fund,
        project: await this.projects.visible(ctx, m.projectId),
        score: m.score,
        reasons: m.reasons,
      })),
    );
  }

  /** Eligible organizations for a fund the viewer may see, each with its best project, ranked. */
  async fundCandidates(
    ctx: RequestContext,
    fundId: string,
    first: number | null | undefined,
  ): Promise<OrganizationMatch[]> {
    await this.funds.get(fundId, await ctx.access());
    const matches = await this.matching.fundCandidates(fundId, pageSize(first));
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
