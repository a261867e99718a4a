import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  applyPatch,
  assertCurrency,
  AuthUser,
  BadInputError,
  ConflictError,
  NestedList,
  nestedPages,
  Page,
  paginate,
  rankKeys,
  requireId,
  selectEntities,
  requireTransition,
  SortKey,
  text,
  whereSearch,
} from '@app/common';
import { FUND_OPEN_SQL } from '@app/matching';
import {
  assertRegions,
  FUNDER_KINDS,
  MANAGER_ROLES,
  Organization,
  OrganizationKind,
  OrganizationPolicy,
  ViewerAccess,
  Visibility,
} from '@app/organizations';
import { ProjectKind } from '@app/projects';
import { recordEvent } from '@app/events';
import { ReferenceDataService } from '@app/reference-data';
import { Fund, FUND_TRANSITIONS, FundStatus } from './fund.entity.js';
import { FUND_REQUIRED_FIELDS, FundInput, FundsArgs, OrganizationFundsArgs, UpdateFundInput } from './fund.inputs.js';

/** The fund's words OR-ed into a tsquery (matching ranks organizations' text against it). */
export const REFRESH_TEXT_QUERY_SQL = `UPDATE fund SET text_query = (
    SELECT string_agg(quote_literal(l), ' | ')::tsquery
      FROM unnest(tsvector_to_array(to_tsvector('english', title || ' ' || description))) AS l)
  WHERE id = ANY($1)`;

/** Organization.funds: newest first. */
/** Organization.funds: newest first (index IDX_fund_funder_page). */
const ORGANIZATION_FUNDS: NestedList = {
  from: 'fund f',
  parent: 'f.funder_id',
  alias: 'f',
  keys: [
    { expr: 'f.created_at', direction: 'DESC', type: 'timestamp' },
    { expr: 'f.id', direction: 'DESC', type: 'uuid' },
  ],
};

@Injectable()
export class FundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly reference: ReferenceDataService,
  ) {}

  /** An OPEN fund past its deadline is CLOSED, at once, everywhere. */
  static effectiveStatus(fund: Pick<Fund, 'status' | 'deadline'>, now = new Date()): FundStatus {
    return fund.status === FundStatus.OPEN && fund.deadline.getTime() <= now.getTime()
      ? FundStatus.CLOSED
      : fund.status;
  }

  /** A DRAFT is unpublished; OPEN and CLOSED funds are published (OrganizationPolicy.isVisible decides who sees it). */
  static visibility(fund: Pick<Fund, 'status' | 'funderId'>): Visibility {
    return { published: fund.status !== FundStatus.DRAFT, owners: fund.funderId };
  }

  async get(id: string, access: ViewerAccess): Promise<Fund> {
    const [fund = null] = await selectEntities(this.dataSource.getRepository(Fund), 'f', 'WHERE f.id = $1::uuid', [
      requireId(id, 'Fund'),
    ]);
    return this.policy.requireVisible(fund, FundsService.visibility, access, 'Fund', id);
  }

  /** Published funds (OPEN and CLOSED); nearest deadline first, or by relevance when searching. */
  async list(args: FundsArgs): Promise<Page<Fund>> {
    await this.reference.assertThemes('themes', args.themes);
    const qb = this.dataSource.getRepository(Fund).createQueryBuilder('f').where("f.status <> 'DRAFT'");
    if (args.openOnly) qb.andWhere(FUND_OPEN_SQL);
    if (args.themes?.length) qb.andWhere('f.themes && :themes::text[]', { themes: args.themes });
    const keys: SortKey[] = whereSearch(qb, 'f', args.search)
      ? rankKeys('f')
      : [
          { expr: 'f.deadline', direction: 'ASC', type: 'timestamp' },
          { expr: 'f.id', direction: 'ASC', type: 'uuid' },
        ];
    return paginate(qb as SelectQueryBuilder<Fund>, keys, args);
  }

  /**
   * Organization.funds: a funder's funds in every status for its members and (read-only)
   * moderators, published ones (OPEN, CLOSED) for anyone else; newest first; `status` is the
   * effective status.
   */
  pagesOfOrganizations(
    organizationIds: readonly string[],
    access: ViewerAccess,
    args: OrganizationFundsArgs,
  ): Promise<Map<string, Page<Fund>>> {
    const status: Record<FundStatus, string> = {
      [FundStatus.DRAFT]: "f.status = 'DRAFT'",
      [FundStatus.OPEN]: FUND_OPEN_SQL,
      [FundStatus.CLOSED]: `(f.status = 'CLOSED' OR (f.status = 'OPEN' AND f.deadline <= now()))`,
    };
    return nestedPages(this.dataSource.getRepository(Fund), ORGANIZATION_FUNDS, organizationIds, args, (param) => [
      this.policy.visibleSql("f.status <> 'DRAFT'", 'f.funder_id', access, param),
      args.status && status[args.status],
    ]);
  }

  async create(user: AuthUser, input: FundInput): Promise<Fund> {
    requireId(input.funderId, 'Organization');
    await this.validate(input);
    return this.dataSource.transaction(async (manager) => {
      await this.requireFunder(user, input.funderId, manager, 'create funds');
      const fund = await manager.save(
        manager.create(Fund, { ...this.fields(input), funderId: input.funderId, createdById: user.id }),
      );
      await manager.query(REFRESH_TEXT_QUERY_SQL, [[fund.id]]);
      return fund;
    });
  }

  /** A partial update: the fields left out keep their values; the patched fund is checked as a whole. */
  async update(user: AuthUser, id: string, patch: UpdateFundInput): Promise<Fund> {
    requireId(id, 'Fund');
    await this.assertCodes(patch); // the codes it gives (the stored ones were checked when they were given)
    return this.dataSource.transaction(async (manager) => {
      const { fund } = await this.managed(manager, user, id, 'update funds');
      const input = applyPatch(FundsService.inputOf(fund), patch, {
        path: 'input',
        required: FUND_REQUIRED_FIELDS,
        nested: ['eligibility'],
      });
      this.assertConsistent(input);
      if (input.funderId !== fund.funderId) throw new BadInputError('input.funderId', text('errors.fund.otherFunder'));
      if (FundsService.effectiveStatus(fund) === FundStatus.CLOSED)
        throw new ConflictError('A closed fund cannot be edited', { key: 'errors.fundClosed' });
      if (fund.status === FundStatus.OPEN && input.deadline.getTime() <= Date.now()) {
        throw new BadInputError('input.deadline', text('errors.fund.openDeadline'));
      }
      await this.assertCommitmentsHold(manager, fund, input);
      Object.assign(fund, this.fields(input));
      const saved = await manager.save(fund);
      await manager.query(REFRESH_TEXT_QUERY_SQL, [[fund.id]]);
      return saved;
    });
  }

  async publish(user: AuthUser, id: string): Promise<Fund> {
    requireId(id, 'Fund');
    return this.dataSource.transaction(async (manager) => {
      const { fund, funder } = await this.managed(manager, user, id, 'publish funds');
      this.policy.requireVerifiedToPublish(funder, 'publish funds');
      requireTransition(FUND_TRANSITIONS, 'a fund', fund.status, FundStatus.OPEN);
      if (fund.deadline.getTime() <= Date.now())
        throw new BadInputError('deadline', text('errors.fund.publishDeadline'));
      fund.status = FundStatus.OPEN;
      const saved = await manager.save(fund);
      await recordEvent(manager, {
        type: 'FUND_PUBLISHED',
        payload: { fundId: fund.id, funderId: fund.funderId, actorId: user.id },
      });
      return saved;
    });
  }

  async close(user: AuthUser, id: string): Promise<Fund> {
    requireId(id, 'Fund');
    return this.dataSource.transaction(async (manager) => {
      const { fund } = await this.managed(manager, user, id, 'close funds');
      requireTransition(FUND_TRANSITIONS, 'a fund', fund.status, FundStatus.CLOSED);
      fund.status = FundStatus.CLOSED;
      fund.closedAt = new Date();
      return manager.save(fund);
    });
  }

  /** Loads a fund (locked) and checks the user is OWNER/ADMIN of its funder. Invisible drafts are NOT_FOUND. */
  async managed(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    action: string,
  ): Promise<{ fund: Fund; funder: Organization }> {
    const locked = await manager
      .getRepository(Fund)
      .createQueryBuilder('f')
      .setLock('pessimistic_write')
      .where('f.id = :id', { id })
      .getOne();
    const fund = await this.policy.requireVisibleTo(user, locked, FundsService.visibility, 'Fund', id, manager);
    const { organization } = await this.requireFunder(user, fund.funderId, manager, action);
    return { fund, funder: organization };
  }

  /**
   * What the fund already committed to stays true: the total budget covers the sum awarded, and the
   * currency of its applications stays its currency. Called with the fund row locked (FOR UPDATE),
   * the lock decideApplication takes to award and applyToFund takes (FOR SHARE) to apply, so no
   * award or application slips in between this check and the write.
   */
  private async assertCommitmentsHold(manager: EntityManager, fund: Fund, input: FundInput) {
    const [row]: Array<{ applications: number; awarded: string; covered: boolean }> = await manager.query(
      `SELECT count(*)::int AS applications,
              coalesce(sum(awarded_amount) FILTER (WHERE status = 'AWARDED'), 0)::text AS awarded,
              $2::numeric IS NULL OR $2::numeric >= coalesce(sum(awarded_amount) FILTER (WHERE status = 'AWARDED'), 0) AS covered
         FROM fund_application WHERE fund_id = $1`,
      [fund.id, input.totalBudget ?? null],
    );
    if (input.currency !== fund.currency && row.applications > 0) {
      throw new BadInputError(
        'input.currency',
        text('errors.fund.currencyLocked', {
          field: 'input.currency',
          currency: fund.currency,
          count: Number(row.applications),
        }),
      );
    }
    if (!row.covered) {
      throw new BadInputError(
        'input.totalBudget',
        text('errors.fund.budgetBelowAwarded', {
          field: 'input.totalBudget',
          awarded: String(row.awarded),
          currency: fund.currency,
        }),
      );
    }
  }

  private requireFunder(user: AuthUser, funderId: string, manager: EntityManager, action: string) {
    return this.policy.requireRole(user, funderId, { roles: MANAGER_ROLES, kinds: FUNDER_KINDS, action }, manager);
  }

  private async validate(input: FundInput) {
    await this.assertCodes(input);
    this.assertConsistent(input);
  }

  /** The codes an input (or an update's patch) gives: database look-ups, outside any transaction. */
  private async assertCodes(input: UpdateFundInput) {
    if (input.currency != null) assertCurrency('input.currency', input.currency);
    await this.reference.assertThemes('input.themes', input.themes);
    this.reference.assertSdgs('input.sdgs', input.sdgs);
    const e = input.eligibility;
    await this.reference.assertCountries('input.eligibility.countriesOfResidence', e?.countriesOfResidence);
    await this.reference.assertCountries('input.eligibility.countriesOfOrigin', e?.countriesOfOrigin);
    await this.reference.assertCountries('input.eligibility.countriesOfImplementation', e?.countriesOfImplementation);
    await assertRegions(this.reference, 'input.eligibleRegionsOfResidence', input.eligibleRegionsOfResidence);
    await this.reference.assertCountries('input.excludedCountriesOfResidence', input.excludedCountriesOfResidence);
    await this.reference.assertCountries('input.prioritizedOriginCountries', input.prioritizedOriginCountries);
    await this.reference.assertThemes('input.requiredThemes', input.requiredThemes);
  }

  /** The rules between fields, on the whole (patched) fund. */
  private assertConsistent(input: FundInput) {
    if (input.minGrant != null && input.maxGrant != null && input.minGrant > input.maxGrant) {
      throw new BadInputError(
        'input.minGrant',
        text('validation.notAbove', { field: 'input.minGrant', other: 'input.maxGrant' }),
      );
    }
    if (input.totalBudget != null && input.maxGrant != null && input.maxGrant > input.totalBudget) {
      throw new BadInputError(
        'input.maxGrant',
        text('validation.notAbove', { field: 'input.maxGrant', other: 'input.totalBudget' }),
      );
    }
    const minIncome = input.minOrganizationAnnualIncome;
    const maxIncome = input.maxOrganizationAnnualIncome;
    if (minIncome != null && maxIncome != null && minIncome > maxIncome) {
      throw new BadInputError(
        'input.minOrganizationAnnualIncome',
        text('validation.notAbove', {
          field: 'input.minOrganizationAnnualIncome',
          other: 'input.maxOrganizationAnnualIncome',
        }),
      );
    }
    if (input.maxTotalProjectBudget != null && input.minGrant != null && input.minGrant > input.maxTotalProjectBudget) {
      throw new BadInputError(
        'input.maxTotalProjectBudget',
        text('validation.notBelow', { field: 'input.maxTotalProjectBudget', other: 'input.minGrant' }),
      );
    }
    if (input.opensAt && input.opensAt.getTime() >= input.deadline.getTime()) {
      throw new BadInputError(
        'input.opensAt',
        text('validation.before', { field: 'input.opensAt', other: 'input.deadline' }),
      );
    }
  }

  /** The stored fund in the shape of its input: what an update patches. */
  static inputOf(f: Fund): FundInput {
    const num = (value: string | null) => (value === null ? null : Number(value));
    return {
      funderId: f.funderId,
      title: f.title,
      description: f.description,
      currency: f.currency,
      minGrant: num(f.minGrant),
      maxGrant: num(f.maxGrant),
      totalBudget: num(f.totalBudget),
      coFundingPercent: num(f.coFundingPercent),
      opensAt: f.opensAt,
      deadline: f.deadline,
      themes: f.themes,
      sdgs: f.sdgs,
      prioritizesWomenLed: f.prioritizesWomenLed,
      prioritizesYouthLed: f.prioritizesYouthLed,
      eligibility: {
        organizationKinds: f.eligibleOrganizationKinds as OrganizationKind[],
        countriesOfResidence: f.eligibleCountriesOfResidence,
        countriesOfOrigin: f.eligibleCountriesOfOrigin,
        countriesOfImplementation: f.eligibleCountriesOfImplementation,
        projectKinds: f.eligibleProjectKinds as ProjectKind[],
        requiresLegalRegistration: f.requiresLegalRegistration,
        requiresVerification: f.requiresVerification,
        minOrganizationAgeYears: f.minOrganizationAgeYears,
      },
      projectInOriginCountry: f.projectInOriginCountry,
      requireAllImplementationCountries: f.requireAllImplementationCountries,
      eligibleRegionsOfResidence: f.eligibleRegionsOfResidence,
      excludedCountriesOfResidence: f.excludedCountriesOfResidence,
      requiredThemes: f.requiredThemes,
      requiresNonProfit: f.requiresNonProfit,
      minOrganizationAnnualIncome: num(f.minOrganizationAnnualIncome),
      maxOrganizationAnnualIncome: num(f.maxOrganizationAnnualIncome),
      maxOrganizationMembers: f.maxOrganizationMembers,
      reservedForPreviousGrantees: f.reservedForPreviousGrantees,
      excludedProjectKinds: f.excludedProjectKinds as ProjectKind[],
      maxTotalProjectBudget: num(f.maxTotalProjectBudget),
      prioritizesDiasporaLed: f.prioritizesDiasporaLed,
      prioritizesSmallOrganizations: f.prioritizesSmallOrganizations,
      prioritizesFirstTimeApplicants: f.prioritizesFirstTimeApplicants,
      prioritizedOriginCountries: f.prioritizedOriginCountries,
    };
  }

  private fields(input: FundInput): Partial<Fund> {
    const e = input.eligibility ?? {};
    const str = (n: number | null | undefined) => (n === null || n === undefined ? null : String(n));
    return {
      title: input.title,
      description: input.description,
      currency: input.currency,
      minGrant: str(input.minGrant),
      maxGrant: str(input.maxGrant),
      totalBudget: str(input.totalBudget),
      coFundingPercent: str(input.coFundingPercent),
      opensAt: input.opensAt ?? null,
      deadline: input.deadline,
      themes: [...new Set(input.themes)],
      sdgs: [...new Set(input.sdgs ?? [])].sort((a, b) => a - b),
      prioritizesWomenLed: input.prioritizesWomenLed ?? false,
      prioritizesYouthLed: input.prioritizesYouthLed ?? false,
      eligibleOrganizationKinds: [...new Set(e.organizationKinds ?? [])],
      eligibleCountriesOfResidence: [...new Set(e.countriesOfResidence ?? [])],
      eligibleCountriesOfOrigin: [...new Set(e.countriesOfOrigin ?? [])],
      eligibleCountriesOfImplementation: [...new Set(e.countriesOfImplementation ?? [])],
      eligibleProjectKinds: [...new Set(e.projectKinds ?? [])],
      requiresLegalRegistration: e.requiresLegalRegistration ?? false,
      requiresVerification: e.requiresVerification ?? false,
      minOrganizationAgeYears: e.minOrganizationAgeYears ?? null,
      projectInOriginCountry: input.projectInOriginCountry ?? false,
      requireAllImplementationCountries: input.requireAllImplementationCountries ?? false,
      eligibleRegionsOfResidence: [...new Set(input.eligibleRegionsOfResidence ?? [])],
      excludedCountriesOfResidence: [...new Set(input.excludedCountriesOfResidence ?? [])],
      requiredThemes: [...new Set(input.requiredThemes ?? [])],
      requiresNonProfit: input.requiresNonProfit ?? false,
      minOrganizationAnnualIncome: str(input.minOrganizationAnnualIncome),
      maxOrganizationAnnualIncome: str(input.maxOrganizationAnnualIncome),
      maxOrganizationMembers: input.maxOrganizationMembers ?? null,
      reservedForPreviousGrantees: input.reservedForPreviousGrantees ?? false,
      excludedProjectKinds: [...new Set(input.excludedProjectKinds ?? [])],
      maxTotalProjectBudget: str(input.maxTotalProjectBudget),
      prioritizesDiasporaLed: input.prioritizesDiasporaLed ?? false,
      prioritizesSmallOrganizations: input.prioritizesSmallOrganizations ?? false,
      prioritizesFirstTimeApplicants: input.prioritizesFirstTimeApplicants ?? false,
      prioritizedOriginCountries: [...new Set(input.prioritizedOriginCountries ?? [])],
    };
  }
}
