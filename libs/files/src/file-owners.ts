import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser, ConflictError, NotFoundError, requireId, text } from '@app/common';
import { ApplicationsService, ApplicationStatus, Fund, FundApplication } from '@app/funds';
import { MANAGER_ROLES, OrganizationPolicy, VerificationStatus, ViewerAccess } from '@app/organizations';
import { Project, ProjectsService } from '@app/projects';
import { FilePurpose } from './file.entity.js';

/** Applications whose attachments the applicant may still add or remove: before the funder's review starts. */
export const ATTACHABLE_APPLICATION_STATUSES = [ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED];
/** Evidence may be added while verification is not VERIFIED, and removed while no request is PENDING. */
const EVIDENCE_ADD = [VerificationStatus.UNVERIFIED, VerificationStatus.PENDING, VerificationStatus.REJECTED];
const EVIDENCE_REMOVE = [VerificationStatus.UNVERIFIED, VerificationStatus.REJECTED];

/** The most files one owner may hold per purpose (a new logo replaces the old one). */
export const MAX_FILES: Record<FilePurpose, number> = {
  [FilePurpose.LOGO]: 1,
  [FilePurpose.VERIFICATION_EVIDENCE]: 10,
  [FilePurpose.APPLICATION_ATTACHMENT]: 20,
  [FilePurpose.PROJECT_DOCUMENT]: 50,
};

/** What a download rule needs to know of an application. */
export type ApplicationFacts = Pick<FundApplication, 'status' | 'organizationId' | 'submittedAt'> & {
  funderId: string;
};

/**
 * Who may attach, remove and read the files of each purpose. The rules are made of OrganizationPolicy's
 * (roles, visibility); the owners are read through the owning libs' exports (ProjectsService.getIn,
 * ApplicationsService.visibility, the entities), never written.
 *
 * - LOGO: the organization's OWNER/ADMIN attach and remove; everyone reads (organizations are public).
 * - VERIFICATION_EVIDENCE: the organization's OWNER/ADMIN attach and remove; they and moderators read.
 * - APPLICATION_ATTACHMENT: the applicant's members attach and remove while DRAFT or SUBMITTED; they,
 *   the funder's OWNER/ADMIN (once it is no DRAFT) and moderators read.
 * - PROJECT_DOCUMENT: the owning organization's members attach and remove while the project is not
 *   archived; whoever may see the project reads.
 */
@Injectable()
export class FileOwners {
  constructor(
    private readonly policy: OrganizationPolicy,
    private readonly projects: ProjectsService,
  ) {}

  /**
   * Checks that `user` may add (`change: 'add'`) or remove a file of `purpose` on the owner `ownerId`,
   * in the caller's transaction: NOT_FOUND for an owner she may not see, FORBIDDEN for one she sees but
   * may not change, CONFLICT when the owner's state does not allow it.
   */
  async requireChange(
    manager: EntityManager,
    user: AuthUser,
    purpose: FilePurpose,
    ownerId: string,
    change: 'add' | 'remove',
  ): Promise<void> {
    switch (purpose) {
      case FilePurpose.LOGO:
        await this.policy.requireRole(
          user,
          requireId(ownerId, 'Organization'),
          { roles: MANAGER_ROLES, action: 'change its logo' },
          manager,
        );
        return;
      case FilePurpose.VERIFICATION_EVIDENCE: {
        const { organization } = await this.policy.requireRole(
          user,
          requireId(ownerId, 'Organization'),
          { roles: MANAGER_ROLES, action: 'submit or remove verification evidence' },
          manager,
        );
        const allowed = change === 'add' ? EVIDENCE_ADD : EVIDENCE_REMOVE;
        if (!allowed.includes(organization.verification)) {
          throw new ConflictError(
            text(change === 'add' ? 'errors.files.evidenceAdded' : 'errors.files.evidenceRemoved', {
              allowed: { alternatives: allowed },
              organization: organization.name,
              status: organization.verification,
            }),
          );
        }
        return;
      }
      case FilePurpose.APPLICATION_ATTACHMENT: {
        const id = requireId(ownerId, 'Application');
        const application = await manager.findOneBy(FundApplication, { id });
        const fund = application ? await manager.findOneBy(Fund, { id: application.fundId }) : null;
        if (!application || !fund) throw new NotFoundError('Application', id);
        await this.policy.requireVisibleTo(
          user,
          application,
          (a) => ApplicationsService.visibility(a, fund.funderId),
          'Application',
          id,
          manager,
        );
        await this.policy.requireRole(
          user,
          application.organizationId,
          { action: 'change the attachments of its applications' },
          manager,
        );
        if (!ATTACHABLE_APPLICATION_STATUSES.includes(application.status)) {
          throw new ConflictError(
            text('errors.files.attachments', {
              allowed: { alternatives: ATTACHABLE_APPLICATION_STATUSES },
              status: application.status,
            }),
          );
        }
        return;
      }
      case FilePurpose.PROJECT_DOCUMENT: {
        const project = await this.projects.getIn(manager, user, requireId(ownerId, 'Project'));
        if (project.archivedAt) throw new ConflictError('The project is archived', { key: 'errors.projectArchived' });
        await this.policy.requireRole(user, project.organizationId, { action: 'change its projects' }, manager);
        return;
      }
    }
  }

  // ---------- reading ----------

  canReadLogo(): boolean {
    return true;
  }

  canReadEvidence(access: Pick<ViewerAccess, 'moderator' | 'roles'>, organizationId: string): boolean {
    return this.policy.canSeeVerificationEvidence(access, organizationId);
  }

  canReadAttachments(access: Pick<ViewerAccess, 'moderator' | 'roles'>, application: ApplicationFacts): boolean {
    const visible = this.policy.isVisible(ApplicationsService.visibility(application, application.funderId), access);
    return this.policy.canSeeApplicationPrivateParts(access, application, visible);
  }

  canReadDocuments(
    access: Pick<ViewerAccess, 'moderator' | 'roles'>,
    project: Pick<Project, 'archivedAt' | 'organizationId'>,
  ): boolean {
    return this.policy.isVisible(ProjectsService.visibility(project), access);
  }

  /**
   * Whether `user` (null: anonymous) may read the file, its owner read in `manager`: the same rules as
   * the GraphQL fields that list files (the download with a Bearer token instead of a signed link).
   */
  async canRead(
    manager: EntityManager,
    user: AuthUser | null,
    file: { purpose: FilePurpose; ownerId: string },
  ): Promise<boolean> {
    if (file.purpose === FilePurpose.LOGO) return this.canReadLogo();
    const access = async (ids: string[]) =>
      user ? this.policy.accessIn(user, ids, manager) : { moderator: false, roles: new Map() };
    switch (file.purpose) {
      case FilePurpose.VERIFICATION_EVIDENCE:
        return this.canReadEvidence(await access([file.ownerId]), file.ownerId);
      case FilePurpose.APPLICATION_ATTACHMENT: {
        const application = await manager.findOneBy(FundApplication, { id: file.ownerId });
        const fund = application ? await manager.findOneBy(Fund, { id: application.fundId }) : null;
        if (!application || !fund) return false;
        const facts = { ...application, funderId: fund.funderId };
        return this.canReadAttachments(await access([facts.organizationId, facts.funderId]), facts);
      }
      case FilePurpose.PROJECT_DOCUMENT: {
        const project = await manager.findOneBy(Project, { id: file.ownerId });
        return !!project && this.canReadDocuments(await access([project.organizationId]), project);
      }
    }
  }
}
