import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GraphQLResolveInfo } from 'graphql';
import { DataSource, EntityManager } from 'typeorm';
import {
  applyPatch,
  assertCurrency,
  AuthUser,
  BadInputError,
  ConflictError,
  ForbiddenError,
  NestedPageLoaders,
  NestedPrefetches,
  NotFoundError,
  Page,
  pageSelection,
  paginate,
  rankKeys,
  requireId,
  requireTransition,
  selectEntities,
  SortKey,
  StateMachine,
  text,
  UnauthenticatedError,
  whereSearch,
} from '@app/common';
import { recordEvent } from '@app/events';
import { recordTransition } from '@app/persistence';
import { ReferenceDataService } from '@app/reference-data';
import { Membership, MemberRole } from './membership.entity.js';
import { NetworkMembership, NetworkRequestStatus } from './network-membership.entity.js';
import { Organization, OrganizationKind, VerificationStatus } from './organization.entity.js';
import {
  ORGANIZATION_REQUIRED_FIELDS,
  OrganizationFilter,
  OrganizationInput,
  OrganizationOrder,
  NetworkRequestsArgs,
  OrganizationsArgs,
  REGION_CODE,
  UpdateOrganizationInput,
} from './organization.inputs.js';
import { MANAGER_ROLES, OrganizationPolicy, ViewerAccess } from './organization.policy.js';
import { slugify } from './slug.js';
import { VerificationEvent } from './verification-event.entity.js';

/**
 * docs/domain.md, "Verification": requested from UNVERIFIED or REJECTED, decided by a moderator;
 * a VERIFIED organization goes back to PENDING when a vouched field changes.
 */
const VERIFICATION_TRANSITIONS: StateMachine<VerificationStatus> = {
  [VerificationStatus.UNVERIFIED]: [VerificationStatus.PENDING],
  [VerificationStatus.PENDING]: [VerificationStatus.VERIFIED, VerificationStatus.REJECTED],
  [VerificationStatus.VERIFIED]: [VerificationStatus.PENDING],
  [VerificationStatus.REJECTED]: [VerificationStatus.PENDING],
};

/** Pending network requests: the one waiting longest first. */
const NETWORK_REQUEST_KEYS: SortKey[] = [
  { expr: 'nm.created_at', direction: 'ASC', type: 'timestamp' },
  { expr: 'nm.id', direction: 'ASC', type: 'uuid' },
];

/** docs/domain.md, "Networks": the network answers a request; a declined one may be made again. */
const NETWORK_REQUEST_TRANSITIONS: StateMachine<NetworkRequestStatus> = {
  [NetworkRequestStatus.PENDING]: [NetworkRequestStatus.ACCEPTED, NetworkRequestStatus.DECLINED],
  [NetworkRequestStatus.ACCEPTED]: [],
  [NetworkRequestStatus.DECLINED]: [NetworkRequestStatus.PENDING],
};

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly reference: ReferenceDataService,
    private readonly prefetches: NestedPrefetches,
  ) {}

  // ---------- reads ----------

  async get(
    args: { id?: string | null; slug?: string | null },
    /** The `organization` field's info and the request's nested-list loaders: its selected lists come with it. */
    selection?: { info: GraphQLResolveInfo; pages: NestedPageLoaders },
  ): Promise<Organization> {
    if ((args.id ? 1 : 0) + (args.slug ? 1 : 0) !== 1) {
      throw new BadInputError('id', text('validation.exactlyOne', { first: 'id', second: 'slug' }));
    }
    const repo = this.dataSource.getRepository(Organization);
    const prefetch = selection && this.prefetches.plan(selection.info, selection.pages, []);
    const [organization] = args.id
      ? await selectEntities(repo, 'o', 'WHERE o.id = $1::uuid', [requireId(args.id, 'Organization')], prefetch)
      : await selectEntities(repo, 'o', 'WHERE o.slug = $1', [args.slug], prefetch);
    if (!organization) throw new NotFoundError('Organization', args.id ?? args.slug ?? undefined);
    return organization;
  }

  findByIds(ids: readonly string[]): Promise<Organization[]> {
    return this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** The directory: weighted full-text search, every facet, keyset pagination. */
  async list(
    args: OrganizationsArgs,
    info?: GraphQLResolveInfo,
    /** The request's nested-list loaders: the lists selected under the nodes come with them (NestedPrefetches). */
    pages?: NestedPageLoaders,
  ): Promise<Page<Organization>> {
    await this.assertFilterCodes(args.filter);
    const repository = this.dataSource.getRepository(Organization);
    const qb = repository.createQueryBuilder('o');
    const search = whereSearch(qb, 'o', args.search);
    this.applyFilter(qb, args.filter);
    const order = args.orderBy ?? (search ? OrganizationOrder.RELEVANCE : OrganizationOrder.NAME);
    const selection = info && pageSelection(repository, info);
    const prefetch = info && pages && this.prefetches.plan(info, pages);
    return paginate(qb, this.sortKeys(order, !!search), {
      first: args.first,
      after: args.after,
      ...selection,
      prefetch,
    });
  }

  private applyFilter(qb: ReturnType<typeof this.dataSource.createQueryBuilder>, filter?: OrganizationFilter) {
    if (!filter) return;
    if (filter.kinds?.length) qb.andWhere('o.kind IN (:...kinds)', { kinds: filter.kinds });
    const overlaps: Array<[keyof OrganizationFilter, string]> = [
      ['countriesOfOrigin', 'countries_of_origin'],
      ['countriesOfResidence', 'countries_of_residence'],
      ['themes', 'themes'],
      ['languages', 'languages'],
    ];
    for (const [key, column] of overlaps) {
      const codes = filter[key] as string[] | undefined;
      if (codes?.length) qb.andWhere(`o.${column} && :${key}::text[]`, { [key]: codes });
    }
    if (filter.verifiedOnly) qb.andWhere('o.verification = :verified', { verified: VerificationStatus.VERIFIED });
    if (filter.womenLed !== undefined && filter.womenLed !== null)
      qb.andWhere('o.women_led = :womenLed', { womenLed: filter.womenLed });
    if (filter.youthLed !== undefined && filter.youthLed !== null)
      qb.andWhere('o.youth_led = :youthLed', { youthLed: filter.youthLed });
  }

  private sortKeys(order: OrganizationOrder, hasSearch: boolean): SortKey[] {
    switch (order) {
      case OrganizationOrder.RELEVANCE:
        if (hasSearch) return rankKeys('o');
        return this.sortKeys(OrganizationOrder.NAME, false);
      case OrganizationOrder.NEWEST:
        return [
          { expr: 'o.created_at', direction: 'DESC', type: 'timestamp' },
          { expr: 'o.id', direction: 'DESC', type: 'uuid' },
        ];
      case OrganizationOrder.MEMBER_COUNT:
        return [
          { expr: 'coalesce(o.member_count, -1)', direction: 'DESC', type: 'int' },
          { expr: 'o.id', direction: 'ASC', type: 'uuid' },
        ];
      default:
        return [
          { expr: 'lower(o.name)', direction: 'ASC', type: 'text' },
          { expr: 'o.id', direction: 'ASC', type: 'uuid' },
        ];
    }
  }

  private async assertFilterCodes(filter?: OrganizationFilter) {
    if (!filter) return;
    await this.reference.assertCountries('filter.countriesOfOrigin', filter.countriesOfOrigin);
    await this.reference.assertCountries('filter.countriesOfResidence', filter.countriesOfResidence);
    await this.reference.assertThemes('filter.themes', filter.themes);
    await this.reference.assertLanguages('filter.languages', filter.languages);
  }

  // ---------- profile ----------

  async create(user: AuthUser, input: OrganizationInput): Promise<Organization> {
    await this.assertInputCodes(input);
    return this.dataSource.transaction((manager) => this.createIn(manager, user, input, true));
  }

  /** The checks `create` makes of an input's codes, alone (the CSV import runs them before its transaction). */
  checkInput(input: OrganizationInput): Promise<void> {
    return this.assertInputCodes(input);
  }

  /** `create` in the caller's transaction (the CSV import creates every row in one transaction). */
  async createIn(
    manager: EntityManager,
    user: AuthUser,
    input: OrganizationInput,
    validated = false,
  ): Promise<Organization> {
    if (!validated) await this.assertInputCodes(input);
    const slug = await this.claimSlug(manager, slugify(input.name));
    const organization = await manager.save(manager.create(Organization, { ...this.profile(input), slug }));
    await manager.insert(Membership, {
      userId: user.id,
      organizationId: organization.id,
      role: MemberRole.OWNER,
    });
    return organization;
  }

  /** A partial update: the fields left out keep their values; the patched profile is checked as a whole. */
  async update(user: AuthUser, id: string, patch: UpdateOrganizationInput): Promise<Organization> {
    requireId(id, 'Organization');
    await this.assertInputCodes(patch); // the codes it gives (the stored ones were checked when they were given)
    return this.dataSource.transaction(async (manager) => {
      const { organization } = await this.policy.requireRole(
        user,
        id,
        { roles: MANAGER_ROLES, action: 'update it' },
        manager,
      );
      const input = applyPatch(this.inputOf(organization), patch, {
        path: 'input',
        required: ORGANIZATION_REQUIRED_FIELDS,
      });
      const changed = vouchedChanges(organization, this.profile(input));
      if (changed.length && organization.verification === VerificationStatus.VERIFIED) {
        organization.verifiedKind = organization.kind;
        const note = `Changed since verification: ${changed.join(', ')}`;
        await this.recordVerification(manager, organization, VerificationStatus.PENDING, user.id, note);
      }
      Object.assign(organization, this.profile(input));
      return manager.save(organization);
    });
  }

  /** The stored profile in the shape of its input: what an update patches. */
  private inputOf(o: Organization): OrganizationInput {
    return {
      name: o.name,
      kind: o.kind,
      description: o.description,
      website: o.website,
      contactEmail: o.contactEmail,
      countriesOfOrigin: o.countriesOfOrigin,
      countriesOfResidence: o.countriesOfResidence,
      regionsOfResidence: o.regionsOfResidence,
      nonProfit: o.nonProfit,
      annualIncome: o.annualIncome,
      annualIncomeCurrency: o.annualIncomeCurrency,
      city: o.city,
      themes: o.themes,
      languages: o.languages,
      foundedYear: o.foundedYear,
      memberCount: o.memberCount,
      legallyRegistered: o.legallyRegistered,
      democraticGovernance: o.democraticGovernance,
      womenLed: o.womenLed,
      youthLed: o.youthLed,
    };
  }

  private profile(input: OrganizationInput): Partial<Organization> {
    return {
      name: input.name,
      kind: input.kind,
      description: input.description ?? null,
      website: input.website ?? null,
      contactEmail: input.contactEmail ?? null,
      countriesOfOrigin: [...new Set(input.countriesOfOrigin)],
      countriesOfResidence: [...new Set(input.countriesOfResidence)],
      regionsOfResidence: [...new Set(input.regionsOfResidence ?? [])],
      nonProfit: input.nonProfit ?? null,
      ...annualIncomeOf(input),
      city: input.city ?? null,
      themes: [...new Set(input.themes)],
      languages: [...new Set(input.languages)],
      foundedYear: input.foundedYear ?? null,
      memberCount: input.memberCount ?? null,
      legallyRegistered: input.legallyRegistered ?? false,
      democraticGovernance: input.democraticGovernance ?? false,
      womenLed: input.womenLed ?? false,
      youthLed: input.youthLed ?? false,
    };
  }

  private async assertInputCodes(input: UpdateOrganizationInput) {
    await this.reference.assertCountries('input.countriesOfOrigin', input.countriesOfOrigin);
    await this.reference.assertCountries('input.countriesOfResidence', input.countriesOfResidence);
    await assertRegions(this.reference, 'input.regionsOfResidence', input.regionsOfResidence);
    if (input.annualIncomeCurrency != null) assertCurrency('input.annualIncomeCurrency', input.annualIncomeCurrency);
    await this.reference.assertThemes('input.themes', input.themes);
    await this.reference.assertLanguages('input.languages', input.languages);
  }

  /**
   * A slug no committed or concurrent organization has, by construction: the transaction holds an
   * advisory lock on the base and on the slug it takes (released at commit), so a concurrent
   * creation of the same name waits, then sees this one. A numbered slug ("x-2") may also be
   * another name's base; locking it before the final check covers that.
   */
  private async claimSlug(manager: EntityManager, base: string): Promise<string> {
    await this.lockSlug(manager, base);
    let slug = await this.freeSlug(manager, base);
    while (slug !== base) {
      await this.lockSlug(manager, slug);
      const next = await this.freeSlug(manager, base);
      if (next === slug) return slug;
      slug = next;
    }
    return slug;
  }

  private lockSlug(manager: EntityManager, slug: string) {
    return manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`organization-slug:${slug}`]);
  }

  private async freeSlug(manager: EntityManager, base: string): Promise<string> {
    const rows: Array<{ slug: string }> = await manager.query(
      `SELECT slug FROM organization WHERE slug = $1 OR slug LIKE $2`,
      [base, `${base}-%`],
    );
    const taken = new Set(rows.map((r) => r.slug));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  // ---------- members ----------

  /** Removes a member (OWNER/ADMIN) or lets a member leave. Only an OWNER removes an OWNER; the last OWNER stays. */
  async removeMember(user: AuthUser, membershipId: string): Promise<boolean> {
    requireId(membershipId, 'Membership');
    return this.dataSource.transaction(async (manager) => {
      const membership = await manager.findOneBy(Membership, { id: membershipId });
      if (!membership) throw new NotFoundError('Membership', membershipId);
      const actorRole = await this.policy.roleOf(user.id, membership.organizationId, manager);
      if (!actorRole) throw new NotFoundError('Membership', membershipId);
      const leaving = membership.userId === user.id;
      if (!leaving && !MANAGER_ROLES.includes(actorRole))
        throw new ForbiddenError(text('errors.member.managersRemove'));
      if (membership.role === MemberRole.OWNER && !leaving && actorRole !== MemberRole.OWNER) {
        throw new ForbiddenError(text('errors.member.ownerRemovesOwner'));
      }
      if (membership.role === MemberRole.OWNER) {
        // Serialise owner changes of this organization, then count the owners.
        await manager.query('SELECT id FROM organization WHERE id = $1 FOR UPDATE', [membership.organizationId]);
        const owners = await manager.countBy(Membership, {
          organizationId: membership.organizationId,
          role: MemberRole.OWNER,
        });
        if (owners <= 1) throw new ConflictError(text('errors.member.lastOwnerLeaves'));
      }
      await manager.delete(Membership, { id: membership.id });
      return true;
    });
  }

  /**
   * Changes a member's role: OWNER/ADMIN only; only an OWNER makes or unmakes an OWNER; the last
   * OWNER cannot be demoted (BAD_USER_INPUT on role: make someone else OWNER first). Memberships
   * keep no history, so neither does this (as removeMember).
   */
  async changeMemberRole(
    user: AuthUser,
    organizationId: string,
    userId: string,
    role: MemberRole,
  ): Promise<Membership> {
    requireId(organizationId, 'Organization');
    requireId(userId, 'User');
    return this.dataSource.transaction(async (manager) => {
      const { role: actorRole } = await this.policy.requireRole(
        user,
        organizationId,
        { roles: MANAGER_ROLES, action: 'change roles' },
        manager,
      );
      // Serialise role changes of this organization (owner counts), as removeMember does.
      await manager.query('SELECT id FROM organization WHERE id = $1 FOR UPDATE', [organizationId]);
      const membership = await manager.findOneBy(Membership, { organizationId, userId });
      if (!membership) throw new NotFoundError('Membership of user', userId);
      if (membership.role === role) return membership;
      if ((membership.role === MemberRole.OWNER || role === MemberRole.OWNER) && actorRole !== MemberRole.OWNER) {
        throw new ForbiddenError(text('errors.member.ownerMakesOwner'));
      }
      if (membership.role === MemberRole.OWNER) {
        const owners = await manager.countBy(Membership, { organizationId, role: MemberRole.OWNER });
        if (owners <= 1) {
          throw new BadInputError('role', text('errors.member.lastOwnerDemoted'));
        }
      }
      membership.role = role;
      return manager.save(membership);
    });
  }

  // ---------- networks ----------

  async joinNetwork(user: AuthUser, organizationId: string, networkId: string): Promise<Organization> {
    requireId(organizationId, 'Organization');
    requireId(networkId, 'Network');
    return this.dataSource.transaction(async (manager) => {
      const { organization } = await this.policy.requireRole(
        user,
        organizationId,
        { roles: MANAGER_ROLES, action: 'join a network' },
        manager,
      );
      const network = await manager.findOneBy(Organization, { id: networkId });
      if (!network) throw new NotFoundError('Network', networkId);
      if (network.kind !== OrganizationKind.DIASPORA_NETWORK) {
        throw new BadInputError('networkId', text('errors.network.notANetwork', { name: network.name }));
      }
      if (network.id === organization.id) throw new BadInputError('networkId', text('errors.network.joinItself'));
      const existing = await manager.findOneBy(NetworkMembership, { networkId, organizationId });
      if (existing)
        requireTransition(
          NETWORK_REQUEST_TRANSITIONS,
          'a network request',
          existing.status,
          NetworkRequestStatus.PENDING,
        );
      await manager.save(
        Object.assign(existing ?? manager.create(NetworkMembership, { networkId, organizationId }), {
          status: NetworkRequestStatus.PENDING,
          requestedById: user.id,
          decidedById: null,
          decidedAt: null,
        }),
      );
      return organization;
    });
  }

  async respondToNetworkRequest(user: AuthUser, networkId: string, organizationId: string, accept: boolean) {
    requireId(organizationId, 'Organization');
    requireId(networkId, 'Network');
    return this.dataSource.transaction(async (manager) => {
      await this.policy.requireRole(
        user,
        networkId,
        { roles: MANAGER_ROLES, action: 'answer membership requests' },
        manager,
      );
      const request = await manager
        .getRepository(NetworkMembership)
        .createQueryBuilder('nm')
        .setLock('pessimistic_write')
        .where('nm.network_id = :networkId AND nm.organization_id = :organizationId', { networkId, organizationId })
        .getOne();
      if (!request) throw new NotFoundError('Network membership request');
      const to = accept ? NetworkRequestStatus.ACCEPTED : NetworkRequestStatus.DECLINED;
      requireTransition(NETWORK_REQUEST_TRANSITIONS, 'a network request', request.status, to);
      request.status = to;
      request.decidedById = user.id;
      request.decidedAt = new Date();
      await manager.save(request);
      return manager.findOneByOrFail(Organization, { id: organizationId });
    });
  }

  /**
   * The requests waiting for a network's answer (PENDING), oldest first: the network's OWNER/ADMIN
   * (who answer them with respondToNetworkRequest) and moderators (read-only); NOT_FOUND for anyone else.
   */
  async pendingNetworkRequests(access: ViewerAccess, args: NetworkRequestsArgs): Promise<Page<NetworkMembership>> {
    requireId(args.networkId, 'Network');
    if (!this.policy.isManagerOrModerator(access, args.networkId)) throw new NotFoundError('Network', args.networkId);
    const qb = this.dataSource
      .getRepository(NetworkMembership)
      .createQueryBuilder('nm')
      .where('nm.network_id = :networkId AND nm.status = :status', {
        networkId: args.networkId,
        status: NetworkRequestStatus.PENDING,
      });
    return paginate(qb, NETWORK_REQUEST_KEYS, args);
  }

  // ---------- verification ----------

  async requestVerification(user: AuthUser, organizationId: string): Promise<Organization> {
    requireId(organizationId, 'Organization');
    return this.dataSource.transaction(async (manager) => {
      const { organization } = await this.policy.requireRole(
        user,
        organizationId,
        { roles: MANAGER_ROLES, action: 'request verification' },
        manager,
      );
      await this.lock(manager, organization.id);
      const current = await manager.findOneByOrFail(Organization, { id: organization.id });
      if (current.verification === VerificationStatus.VERIFIED) {
        throw new ConflictError(text('errors.verification.alreadyVerified'));
      }
      requireTransition(VERIFICATION_TRANSITIONS, 'an organization', current.verification, VerificationStatus.PENDING);
      await this.recordVerification(manager, current, VerificationStatus.PENDING, user.id, null);
      return manager.save(current);
    });
  }

  async decideVerification(user: AuthUser | null, organizationId: string, approve: boolean, note?: string | null) {
    if (!user) throw new UnauthenticatedError();
    this.policy.requireModerator(user);
    requireId(organizationId, 'Organization');
    const trimmed = note?.trim() || null;
    if (trimmed && trimmed.length > 2000)
      throw new BadInputError('note', text('validation.maxChars', { field: 'note', max: 2000 }));
    if (!approve && !trimmed) throw new BadInputError('note', text('errors.verification.rejectionNote'));
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, organizationId);
      const organization = await manager.findOneBy(Organization, { id: organizationId });
      if (!organization) throw new NotFoundError('Organization', organizationId);
      const to = approve ? VerificationStatus.VERIFIED : VerificationStatus.REJECTED;
      requireTransition(VERIFICATION_TRANSITIONS, 'an organization', organization.verification, to);
      await this.recordVerification(manager, organization, to, user.id, trimmed);
      if (approve) organization.verifiedKind = organization.kind;
      await recordEvent(manager, {
        type: 'VERIFICATION_DECIDED',
        payload: { organizationId, status: approve ? 'VERIFIED' : 'REJECTED', note: trimmed, actorId: user.id },
      });
      return manager.save(organization);
    });
  }

  verificationHistory(organizationId: string): Promise<VerificationEvent[]> {
    return this.dataSource
      .getRepository(VerificationEvent)
      .find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  private async recordVerification(
    manager: EntityManager,
    organization: Organization,
    to: VerificationStatus,
    actorId: string,
    note: string | null,
  ) {
    const from = organization.verification;
    await recordTransition(manager, VerificationEvent, { organizationId: organization.id, actorId, from, to, note });
    organization.verification = to;
    // a request (or a change sent it back to review): the moderators' queue has one more
    if (to === VerificationStatus.PENDING) {
      await recordEvent(manager, {
        type: 'VERIFICATION_REQUESTED',
        payload: { organizationId: organization.id, note, actorId },
      });
    }
  }

  private lock(manager: EntityManager, organizationId: string) {
    return manager.query('SELECT id FROM organization WHERE id = $1 FOR UPDATE', [organizationId]);
  }
}

/** What verification vouched for: a change of any of these sends a VERIFIED organization back to PENDING. */
const VOUCHED_FIELDS = ['kind', 'name', 'countriesOfOrigin', 'countriesOfResidence', 'legallyRegistered'] as const;

/** The vouched-for fields whose value differs between the organization and its new profile. */
export function vouchedChanges(organization: Organization, profile: Partial<Organization>): string[] {
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? [...a].sort().join() === [...b].sort().join() : a === b;
  return VOUCHED_FIELDS.filter((field) => !same(organization[field], profile[field]));
}

/** Region codes (ISO 3166-2): the shape, and a country the platform knows before the hyphen. */
export async function assertRegions(
  reference: { assertCountries(field: string, codes: string[] | null | undefined): Promise<void> },
  field: string,
  codes: string[] | null | undefined,
): Promise<void> {
  if (!codes?.length) return;
  const bad = codes.find((code) => !REGION_CODE.test(code));
  if (bad !== undefined) throw new BadInputError(field, text('validation.notARegion', { field, code: bad }));
  await reference.assertCountries(field, [...new Set(codes.map((code) => code.slice(0, 2)))]);
}

/**
 * An income needs its currency (an income without one cannot be compared); a currency may stay without
 * an income, so clearing the income alone changes only the income.
 */
function annualIncomeOf(input: OrganizationInput): Pick<Organization, 'annualIncome' | 'annualIncomeCurrency'> {
  const income = input.annualIncome ?? null;
  const currency = input.annualIncomeCurrency ?? null;
  if (income !== null && currency === null)
    throw new BadInputError('input.annualIncomeCurrency', text('errors.organization.incomeCurrencyRequired'));
  return { annualIncome: income, annualIncomeCurrency: currency };
}
