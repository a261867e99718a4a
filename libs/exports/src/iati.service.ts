import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, MAX_PAGE_SIZE, requireId } from '@app/common';
import { MANAGER_ROLES, Organization, OrganizationPolicy, OrganizationsService } from '@app/organizations';
import { Project, ProjectsService } from '@app/projects';
import { loadAll } from '@app/reference-data';
import { OrganizationIatiRef } from './exports.entities.js';
import { IatiOrgRefInput } from './exports.inputs.js';
import { ExportsService } from './exports.service.js';
import { iatiActivities, IatiProject } from './iati.js';

/**
 * Without a registered IATI organisation identifier, an organization's activities are reported
 * under `DNX-<slug>`: unique and stable, but no registration agency's, so the IATI Registry wants
 * the real one set first (setOrganizationIatiRef).
 */
export const fallbackOrgRef = (organization: Pick<Organization, 'slug'>) => `DNX-${organization.slug}`;

@Injectable()
export class IatiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly organizations: OrganizationsService,
    private readonly projects: ProjectsService,
    private readonly exports: ExportsService,
  ) {}

  /** The registered identifier, or null. */
  async orgRef(organizationId: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(OrganizationIatiRef).findOneBy({ organizationId });
    return row?.orgRef ?? null;
  }

  /** OWNER/ADMIN set (or, with null, clear) the organization's IATI identifier. */
  async setOrgRef(user: AuthUser, input: IatiOrgRefInput): Promise<Organization> {
    requireId(input.organizationId, 'Organization');
    return this.dataSource.transaction(async (manager) => {
      const { organization } = await this.policy.requireRole(
        user,
        input.organizationId,
        { roles: MANAGER_ROLES, action: 'set its IATI identifier' },
        manager,
      );
      if (input.iatiOrgRef) {
        await manager.upsert(OrganizationIatiRef, { organizationId: organization.id, orgRef: input.iatiOrgRef }, [
          'organizationId',
        ]);
      } else {
        await manager.delete(OrganizationIatiRef, { organizationId: organization.id });
      }
      return organization;
    });
  }

  /**
   * The organization's live projects as an IATI 2.03 activity file: its members (any role) and
   * moderators, since the file is the organization's publication; NOT_FOUND for an unknown
   * organization, FORBIDDEN for anyone else.
   */
  async activities(user: AuthUser, organizationId: string): Promise<string> {
    const ctx = this.exports.contextFor(user);
    const id = requireId(organizationId, 'Organization');
    const organization = this.policy.isModerator(user)
      ? await this.organizations.get({ id })
      : (await this.policy.requireRole(user, id, { action: 'export its IATI activity file' })).organization;
    const ref = (await this.orgRef(organization.id)) ?? fallbackOrgRef(organization);
    const projects: Project[] = [];
    let after: string | undefined;
    do {
      const page = await this.projects.listForOrganization(organization.id, { first: MAX_PAGE_SIZE, after });
      projects.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after);
    projects.reverse(); // oldest first
    const rows: IatiProject[] = [];
    for (const p of projects) {
      const [themes, indicators] = await Promise.all([
        loadAll(ctx.loaders.reference.theme, p.themes),
        ctx.loaders.projects.indicatorsByProject.load(p.id),
      ]);
      rows.push({
        ...p,
        themes: themes.map((t) => ({ code: t.code, name: t.name })),
        indicators: await Promise.all(
          indicators.map(async (i) => ({
            ...i,
            measurements: await ctx.loaders.projects.measurementsByIndicator.load(i.id),
          })),
        ),
      });
    }
    return iatiActivities(
      { ref, name: organization.name, kind: organization.kind, language: organization.languages[0] ?? null },
      rows,
    );
  }
}
