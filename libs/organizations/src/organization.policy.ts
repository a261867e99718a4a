import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, WhereExpressionBuilder } from 'typeorm';
import {
  AuthUser,
  ForbiddenError,
  isMessageKey,
  MessageKey,
  NotFoundError,
  Params,
  Text,
  UnauthenticatedError,
} from '@app/common';
import { Membership, MemberRole } from './membership.entity.js';
import { Organization, OrganizationKind, VerificationStatus } from './organization.entity.js';

/** Kinds whose OWNER/ADMIN may create funds and decide applications. */
export const FUNDER_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.FUNDER,
  OrganizationKind.GOVERNMENT_AGENCY,
  OrganizationKind.LOCAL_AUTHORITY,
  OrganizationKind.INTERNATIONAL_ORGANIZATION,
  OrganizationKind.PRIVATE_SECTOR,
];
/** Kinds whose members (once VERIFIED) may read contact e-mails of other organizations. */
export const CONTACT_READER_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.FUNDER,
  OrganizationKind.GOVERNMENT_AGENCY,
  OrganizationKind.LOCAL_AUTHORITY,
  OrganizationKind.INTERNATIONAL_ORGANIZATION,
];
/** Kinds that may publish training offers. */
export const PROVIDER_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.TRAINING_PROVIDER,
  OrganizationKind.NGO,
  OrganizationKind.ACADEMIC,
  OrganizationKind.INTERNATIONAL_ORGANIZATION,
  OrganizationKind.GOVERNMENT_AGENCY,
  OrganizationKind.DIASPORA_NETWORK,
];
/** Kinds that may convene consultations. */
export const CONVENER_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.GOVERNMENT_AGENCY,
  OrganizationKind.LOCAL_AUTHORITY,
  OrganizationKind.INTERNATIONAL_ORGANIZATION,
];
export const MANAGER_ROLES: readonly MemberRole[] = [MemberRole.OWNER, MemberRole.ADMIN];
export const ANY_ROLE: readonly MemberRole[] = [MemberRole.OWNER, MemberRole.ADMIN, MemberRole.MEMBER];

/** What one viewer may see, computed once per request (one query). */
export interface ViewerAccess {
  user: AuthUser | null;
  moderator: boolean;
  roles: ReadonlyMap<string, MemberRole>;
  /** Member of a VERIFIED funder, government, local authority or international organization. */
  contactReader: boolean;
}

/**
 * How a domain describes one thing to the visibility rule: is it published (or live), and which
 * organizations own it. The domain decides what "published" means for its states; the policy alone
 * decides who sees what (see `OrganizationPolicy.isVisible`).
 */
export interface Visibility {
  /** Published or live: everyone sees it, signed in or not. Things that are never public say false. */
  published: boolean;
  /**
   * The organization(s) whose members see it unpublished: the owner, or both parties of something
   * shared (the two sides of a partnership, the enrolled organization and the provider).
   */
  owners: string | readonly string[];
}

export interface RoleRequirement {
  roles?: readonly MemberRole[];
  kinds?: readonly OrganizationKind[];
  /** Used in the FORBIDDEN message, e.g. "publish funds". */
  action: string;
}

/**
 * The one place for organization-level permissions (docs/domain.md, "Who may do what"). Services call
 * it before they write; field resolvers ask it what a viewer may see.
 */
@Injectable()
export class OrganizationPolicy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  isModerator(user: AuthUser | null | undefined): boolean {
    return !!user && (user.platformRole === 'MODERATOR' || user.platformRole === 'ADMIN');
  }

  requireModerator(user: AuthUser | null | undefined): void {
    if (!user) throw new UnauthenticatedError();
    if (!this.isModerator(user))
      throw new ForbiddenError('Only moderators may do this', { key: 'errors.moderatorsOnly' });
  }

  async access(user: AuthUser | null): Promise<ViewerAccess> {
    if (!user) return { user: null, moderator: false, roles: new Map(), contactReader: false };
    const rows: Array<{ organization_id: string; role: MemberRole; kind: OrganizationKind; verification: string }> =
      await this.dataSource.query(
        `SELECT m.organization_id, m.role, o.kind, o.verification
           FROM membership m JOIN organization o ON o.id = m.organization_id
          WHERE m.user_id = $1`,
        [user.id],
      );
    return {
      user,
      moderator: this.isModerator(user),
      roles: new Map(rows.map((r) => [r.organization_id, r.role])),
      contactReader: rows.some(
        (r) => r.verification === VerificationStatus.VERIFIED && CONTACT_READER_KINDS.includes(r.kind),
      ),
    };
  }

  canSeeContactEmail(access: ViewerAccess, organizationId: string): boolean {
    return this.canSeeInternals(access, organizationId) || access.contactReader;
  }

  /**
   * The visibility rule, one for every domain: moderators see unpublished things (DRAFT funds,
   * training offers and consultations, archived projects, proposed partnerships, …) read-only;
   * members of an owning organization see them (and edit them as their role allows); everyone else
   * sees only published or live things and gets NOT_FOUND otherwise (`requireVisible`).
   */
  canSeeUnpublished(
    ownerOrganizationId: string | readonly string[],
    access: Pick<ViewerAccess, 'moderator' | 'roles'>,
  ): boolean {
    return access.moderator || this.isMember(access, ownerOrganizationId);
  }

  /** Published things for everyone; unpublished ones as `canSeeUnpublished` says. */
  isVisible(visibility: Visibility, access: Pick<ViewerAccess, 'moderator' | 'roles'>): boolean {
    return visibility.published || this.canSeeUnpublished(visibility.owners, access);
  }

  /**
   * The thing, if it exists and the viewer may see it (`isVisible`); NOT_FOUND otherwise, so that
   * what a viewer may not see cannot be told apart from what does not exist.
   */
  requireVisible<T>(
    thing: T | null | undefined,
    visibility: (thing: T) => Visibility,
    access: Pick<ViewerAccess, 'moderator' | 'roles'>,
    type: string,
    id: string,
  ): T {
    if (thing === null || thing === undefined || !this.isVisible(visibility(thing), access)) {
      throw new NotFoundError(type, id);
    }
    return thing;
  }

  /**
   * `requireVisible` for a signed-in user inside a transaction (the write paths): her roles in the
   * owners are read with the caller's manager, and only when the thing is unpublished.
   */
  async requireVisibleTo<T>(
    user: AuthUser,
    thing: T | null | undefined,
    visibility: (thing: T) => Visibility,
    type: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<T> {
    if (thing === null || thing === undefined) throw new NotFoundError(type, id);
    const { published, owners } = visibility(thing);
    if (published) return thing;
    const access = await this.accessIn(user, typeof owners === 'string' ? [owners] : owners, manager);
    return this.requireVisible(thing, visibility, access, type, id);
  }

  /**
   * The same rule as a WHERE clause, for lists that show the viewer's unpublished things with the
   * published ones: `published` is the SQL of "published" over the query's alias, `ownerColumn`
   * the owning organization's column. Moderators get no restriction.
   */
  whereVisible<Q extends WhereExpressionBuilder>(
    qb: Q,
    published: string,
    ownerColumn: string,
    access: Pick<ViewerAccess, 'moderator' | 'roles'>,
  ): Q {
    if (access.moderator) return qb;
    return qb.andWhere(`(${published} OR ${ownerColumn} = ANY(:visibleOwners::uuid[]))`, {
      visibleOwners: [...access.roles.keys()],
    }) as Q;
  }

  /** whereVisible's condition as raw SQL (for statements built without a query builder); null for moderators. */
  visibleSql(
    published: string,
    ownerColumn: string,
    access: Pick<ViewerAccess, 'moderator' | 'roles'>,
    param: (value: unknown) => string,
  ): string | null {
    if (access.moderator) return null;
    return `${published} OR ${ownerColumn} = ANY(${param([...access.roles.keys()])}::uuid[])`;
  }

  /** Member (any role) of the organization, or of any of them; moderators are not members. */
  isMember(access: Pick<ViewerAccess, 'roles'>, organizationId: string | readonly string[]): boolean {
    const ids: readonly string[] = typeof organizationId === 'string' ? [organizationId] : organizationId;
    return ids.some((id) => access.roles.has(id));
  }

  /** A user's own account data (her memberships, her e-mail address): the user herself and moderators. */
  canSeeAccount(access: Pick<ViewerAccess, 'user' | 'moderator'>, userId: string): boolean {
    return access.moderator || access.user?.id === userId;
  }

  /**
   * A user's e-mail address: the user herself and moderators; when she chose ORGANIZATIONS, members
   * of an organization she belongs to (`memberships`: hers; pass none when she chose PRIVATE).
   */
  canSeeEmail(
    access: Pick<ViewerAccess, 'user' | 'moderator' | 'roles'>,
    userId: string,
    memberships: ReadonlyArray<Pick<Membership, 'organizationId'>>,
  ): boolean {
    if (this.canSeeAccount(access, userId)) return true;
    return this.isMember(
      access,
      memberships.map((m) => m.organizationId),
    );
  }

  /** Members, capacity assessment, applications and verification history of an organization. */
  canSeeInternals(access: Pick<ViewerAccess, 'moderator' | 'roles'>, organizationId: string): boolean {
    return this.canSeeUnpublished(organizationId, access);
  }

  /** The organization's OWNER/ADMIN, or a moderator (read-only). */
  isManagerOrModerator(access: Pick<ViewerAccess, 'moderator' | 'roles'>, organizationId: string): boolean {
    const role = access.roles.get(organizationId);
    return access.moderator || (!!role && MANAGER_ROLES.includes(role));
  }

  /** A funder's applications inbox: its OWNER/ADMIN (who decide them) and moderators (read-only). */
  canSeeApplicationsInbox(access: Pick<ViewerAccess, 'moderator' | 'roles'>, funderId: string): boolean {
    return this.isManagerOrModerator(access, funderId);
  }

  /** The evidence an organization submitted for its verification: its OWNER/ADMIN and moderators. */
  canSeeVerificationEvidence(access: Pick<ViewerAccess, 'moderator' | 'roles'>, organizationId: string): boolean {
    return this.isManagerOrModerator(access, organizationId);
  }

  /**
   * An application's private parts (its attachments): the applicant's members and moderators, and the
   * funder's OWNER/ADMIN once the application is visible to the funder (`visibleToFunder`: submitted).
   */
  canSeeApplicationPrivateParts(
    access: Pick<ViewerAccess, 'moderator' | 'roles'>,
    application: { organizationId: string; funderId: string },
    visibleToFunder: boolean,
  ): boolean {
    if (access.moderator || this.isMember(access, application.organizationId)) return true;
    return visibleToFunder && this.isManagerOrModerator(access, application.funderId);
  }

  /**
   * The user's roles in the given organizations, read with the caller's manager (inside its
   * transaction, unlike the per-request `access`), in one query. `contactReader` is not computed.
   */
  async accessIn(
    user: AuthUser,
    organizationIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ViewerAccess> {
    const ids = [...new Set(organizationIds.filter(Boolean))];
    const rows = ids.length
      ? await manager
          .getRepository(Membership)
          .createQueryBuilder('m')
          .where('m.user_id = :userId AND m.organization_id = ANY(:ids)', { userId: user.id, ids })
          .getMany()
      : [];
    return {
      user,
      moderator: this.isModerator(user),
      roles: new Map(rows.map((m) => [m.organizationId, m.role])),
      contactReader: false,
    };
  }

  async roleOf(userId: string, organizationId: string, manager: EntityManager = this.dataSource.manager) {
    const membership = await manager.findOne(Membership, { where: { userId, organizationId } });
    return membership?.role ?? null;
  }

  /**
   * Publishing what notifies other organizations (funds, training offers, opening a consultation and
   * inviting to an open one) needs a VERIFIED organization: otherwise anyone could register one and
   * mail every matching organization's members. Drafts need no verification.
   */
  requireVerifiedToPublish(organization: Pick<Organization, 'name' | 'verification'>, action: string): void {
    if (organization.verification !== VerificationStatus.VERIFIED) {
      throw new ForbiddenError(
        `Only a VERIFIED organization may ${action} (it notifies other organizations); ${organization.name} is ${organization.verification}`,
        actionText(action, 'errors.verifiedOnly', {
          organization: organization.name,
          status: organization.verification,
        }),
      );
    }
  }

  /**
   * Loads the organization (NOT_FOUND if it does not exist) and checks that the user holds one of
   * `roles` in it and that its kind allows the action (FORBIDDEN otherwise).
   */
  async requireRole(
    user: AuthUser | null | undefined,
    organizationId: string,
    requirement: RoleRequirement,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ organization: Organization; role: MemberRole }> {
    if (!user) throw new UnauthenticatedError();
    const organization = await manager.findOne(Organization, { where: { id: organizationId } });
    if (!organization) throw new NotFoundError('Organization', organizationId);
    const role = await this.roleOf(user.id, organizationId, manager);
    const roles = requirement.roles ?? ANY_ROLE;
    if (!role || !roles.includes(role)) {
      throw new ForbiddenError(
        `Only ${roles.length === 3 ? 'members' : roles.join(' or ')} of ${organization.name} may ${requirement.action}`,
        roles.length === 3
          ? actionText(requirement.action, 'errors.membersOnly', { organization: organization.name })
          : actionText(requirement.action, 'errors.rolesOnly', {
              organization: organization.name,
              roles: { alternatives: roles },
            }),
      );
    }
    if (requirement.kinds && !requirement.kinds.includes(organization.kind)) {
      throw new ForbiddenError(
        `An organization of kind ${organization.kind} may not ${requirement.action}`,
        actionText(requirement.action, 'errors.kindMayNot', { kind: organization.kind }),
      );
    }
    if (requirement.kinds && organization.verifiedKind && organization.verifiedKind !== organization.kind) {
      throw new ForbiddenError(
        `${organization.name} changed its kind to ${organization.kind}; it may ${requirement.action} once a moderator verifies it again`,
        actionText(requirement.action, 'errors.kindChanged', {
          organization: organization.name,
          kind: organization.kind,
        }),
      );
    }
    return { organization, role };
  }
}

/**
 * A FORBIDDEN sentence naming what may not be done, for any language: the action's catalogue entry
 * (`actions.<action>`), or undefined for an action without one (the sentence then stays English).
 */
function actionText(action: string, key: MessageKey, params: Params): Text | undefined {
  const actionKey = `actions.${action}`;
  return isMessageKey(actionKey) ? { key, params: { ...params, action: { key: actionKey } } } : undefined;
}
