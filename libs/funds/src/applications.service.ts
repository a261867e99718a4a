import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  AuthUser,
  BadInputError,
  ConflictError,
  DEFAULT_PAGE_SIZE,
  isUuid,
  NotFoundError,
  Page,
  paginate,
  requireId,
  requireTransition,
  SortKey,
  text,
} from '@app/common';
import { eligibilityFailure, FundMatchingService } from '@app/matching';
import { FUNDER_KINDS, MANAGER_ROLES, OrganizationPolicy, ViewerAccess, Visibility } from '@app/organizations';
import { recordEvent } from '@app/events';
import { isUniqueViolation, recordTransition } from '@app/persistence';
import { ProjectsService } from '@app/projects';
import {
  APPLICATION_TRANSITIONS,
  ApplicationEvent,
  ApplicationStatus,
  DECISION_STATUSES,
  FundApplication,
  LIVE_APPLICATION_STATUSES,
} from './application.entity.js';
import { Fund, FundStatus } from './fund.entity.js';
import {
  ApplicationsInboxArgs,
  ApplyArgs,
  DecideApplicationArgs,
  FundApplicationsArgs,
  UpdateApplicationInput,
} from './fund.inputs.js';
import { FundsService } from './funds.service.js';

/** A page of a funder's inbox, with the count per status of the same filter without its statuses. */
export interface ApplicationsInboxPage extends Page<FundApplication> {
  countsByStatus: Array<{ status: ApplicationStatus; count: number }>;
}

/** Newest submission first. */
const INBOX_KEYS: SortKey[] = [
  { expr: 'a.submitted_at', direction: 'DESC', type: 'timestamp' },
  { expr: 'a.id', direction: 'DESC', type: 'uuid' },
];
const SUBJECT = 'an application';
const DEFAULT_FUND_APPLICATIONS = DEFAULT_PAGE_SIZE;
const DUPLICATE = text('errors.application.duplicate');

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly matching: FundMatchingService,
    private readonly projects: ProjectsService,
  ) {}

  /**
   * Never public: the applicant owns it, and the funder shares it once it was submitted (never a
   * DRAFT, nor a DRAFT withdrawn unsubmitted) (OrganizationPolicy.isVisible: their members and
   * moderators see it).
   */
  static visibility(
    application: Pick<FundApplication, 'status' | 'organizationId'> & { submittedAt?: Date | null },
    funderId: string,
  ): Visibility {
    const submitted = application.status !== ApplicationStatus.DRAFT && application.submittedAt !== null;
    return {
      published: false,
      owners: submitted ? [application.organizationId, funderId] : application.organizationId,
    };
  }

  /**
   * One application by id: the applicant organization's members (whatever its status), the funder's
   * OWNER/ADMIN once it was submitted, and moderators (read-only), as
   * `OrganizationPolicy.canSeeApplicationPrivateParts` says; NOT_FOUND for anyone else.
   */
  async get(id: string, access: ViewerAccess): Promise<FundApplication> {
    requireId(id, 'Application');
    const application = await this.dataSource.getRepository(FundApplication).findOneBy({ id });
    const fund = application && (await this.dataSource.getRepository(Fund).findOneBy({ id: application.fundId }));
    if (!application || !fund) throw new NotFoundError('Application', id);
    const visible = this.policy.isVisible(ApplicationsService.visibility(application, fund.funderId), access);
    if (
      !this.policy.canSeeApplicationPrivateParts(
        access,
        { organizationId: application.organizationId, funderId: fund.funderId },
        visible,
      )
    ) {
      throw new NotFoundError('Application', id);
    }
    return application;
  }

  async apply(user: AuthUser, args: ApplyArgs): Promise<FundApplication> {
    requireId(args.fundId, 'Fund');
    requireId(args.projectId, 'Project');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const project = await this.projects.getIn(manager, user, args.projectId);
        await this.policy.requireRole(
          user,
          project.organizationId,
          { action: 'apply to funds with its projects' },
          manager,
        );
        // FOR SHARE: updateFund (FOR UPDATE) cannot change the currency or budget under this application
        const locked = await manager
          .getRepository(Fund)
          .createQueryBuilder('f')
          .setLock('pessimistic_read')
          .where('f.id = :id', { id: args.fundId })
          .getOne();
        const fund = await this.policy.requireVisibleTo(
          user,
          locked,
          FundsService.visibility,
          'Fund',
          args.fundId,
          manager,
        );
        if (FundsService.effectiveStatus(fund) !== FundStatus.OPEN)
          throw new ConflictError('The fund is not open for applications', { key: 'errors.fundNotOpen' });
        this.checkAmount(fund, args.requestedAmount);
        const checks = await this.matching.checkEligibility(fund.id, project.organizationId, project.id, manager);
        const failed = checks.filter((c) => !c.passed);
        if (failed.length) {
          throw new BadInputError(
            'projectId',
            `Not eligible: ${failed.map((c) => c.detail).join('; ')}`,
            { failedRules: failed.map((c) => c.rule) },
            eligibilityFailure('errors.notEligible', failed),
          );
        }
        const live = await manager
          .getRepository(FundApplication)
          .createQueryBuilder('a')
          .where('a.fund_id = :fundId AND a.project_id = :projectId AND a.status IN (:...live)', {
            fundId: fund.id,
            projectId: project.id,
            live: LIVE_APPLICATION_STATUSES,
          })
          .getExists();
        if (live) throw new ConflictError(DUPLICATE);
        const status = args.draft ? ApplicationStatus.DRAFT : ApplicationStatus.SUBMITTED;
        const application = await manager.save(
          manager.create(FundApplication, {
            fundId: fund.id,
            projectId: project.id,
            organizationId: project.organizationId,
            status,
            requestedAmount: String(args.requestedAmount.amount),
            requestedCurrency: args.requestedAmount.currency,
            statement: args.statement,
            submittedAt: status === ApplicationStatus.SUBMITTED ? new Date() : null,
            createdById: user.id,
          }),
        );
        await recordTransition(manager, ApplicationEvent, {
          applicationId: application.id,
          actorId: user.id,
          from: null,
          to: application.status,
        });
        if (status === ApplicationStatus.SUBMITTED) await this.recordSubmitted(manager, application, fund, user);
        return application;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_fund_application_live')) throw new ConflictError(DUPLICATE);
      throw error;
    }
  }

  /** DRAFT → SUBMITTED while the fund is open; the funder's managers are told (APPLICATION_SUBMITTED). */
  submit(user: AuthUser, id: string): Promise<FundApplication> {
    return this.asApplicant(user, id, ApplicationStatus.SUBMITTED, async (manager, application, fund) => {
      if (FundsService.effectiveStatus(fund) !== FundStatus.OPEN)
        throw new ConflictError('The fund is not open for applications', { key: 'errors.fundNotOpen' });
      application.submittedAt = new Date();
      return () => this.recordSubmitted(manager, application, fund, user);
    });
  }

  /** Until a final decision; the funder's managers are told when it had been submitted (APPLICATION_WITHDRAWN). */
  withdraw(user: AuthUser, id: string): Promise<FundApplication> {
    return this.asApplicant(user, id, ApplicationStatus.WITHDRAWN, async (manager, application, fund, from) => {
      if (application.submittedAt === null) return undefined; // the funder never saw it
      return async () => {
        await recordEvent(manager, {
          type: 'APPLICATION_WITHDRAWN',
          payload: {
            applicationId: application.id,
            fundId: fund.id,
            funderId: fund.funderId,
            organizationId: application.organizationId,
            fromStatus: from,
            actorId: user.id,
          },
        });
      };
    });
  }

  /**
   * The applicant edits a DRAFT (members of the applicant organization): an omitted field is
   * unchanged; the amount is checked against the fund as when applying. CONFLICT once submitted.
   */
  async update(user: AuthUser, id: string, input: UpdateApplicationInput): Promise<FundApplication> {
    requireId(id, 'Application');
    return this.dataSource.transaction(async (manager) => {
      const { application, fund } = await this.applicantsOwn(manager, user, id);
      if (application.status !== ApplicationStatus.DRAFT) {
        throw new ConflictError(text('errors.application.notEditable', { status: application.status }));
      }
      if (input.requestedAmount === null)
        throw new BadInputError(
          'input.requestedAmount',
          text('validation.cannotBeCleared', { field: 'input.requestedAmount' }),
        );
      if (input.statement === null)
        throw new BadInputError('input.statement', text('validation.cannotBeCleared', { field: 'input.statement' }));
      if (input.requestedAmount) {
        this.checkAmount(fund, input.requestedAmount, 'input.requestedAmount');
        application.requestedAmount = String(input.requestedAmount.amount);
        application.requestedCurrency = input.requestedAmount.currency;
      }
      if (input.statement !== undefined) application.statement = input.statement;
      return manager.save(application);
    });
  }

  /**
   * The funder decides (DECISION_STATUSES, along APPLICATION_TRANSITIONS). A rejection needs a note;
   * an award sets the awarded amount (default: the amount requested; within the grant range) and
   * never takes the sum awarded past the fund's totalBudget (fund row locked).
   */
  async decide(user: AuthUser, args: DecideApplicationArgs): Promise<FundApplication> {
    requireId(args.id, 'Application');
    if (!DECISION_STATUSES.includes(args.status)) {
      throw new BadInputError(
        'status',
        text('errors.application.decisionStatus', { field: 'status', statuses: { anyOf: DECISION_STATUSES } }),
      );
    }
    if (args.status === ApplicationStatus.REJECTED && !args.note)
      throw new BadInputError('note', text('errors.application.rejectionNote'));
    if (args.awardedAmount != null && args.status !== ApplicationStatus.AWARDED)
      throw new BadInputError('awardedAmount', text('errors.application.awardOnly'));
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(FundApplication, { id: args.id });
      if (!found) throw new NotFoundError('Application', args.id);
      const fund = await manager
        .getRepository(Fund)
        .createQueryBuilder('f')
        .setLock('pessimistic_write')
        .where('f.id = :id', { id: found.fundId })
        .getOne();
      if (!fund) throw new NotFoundError('Application', args.id);
      await this.policy.requireVisibleTo(
        user,
        found,
        (a) => ApplicationsService.visibility(a, fund.funderId),
        'Application',
        args.id,
        manager,
      );
      await this.policy.requireRole(
        user,
        fund.funderId,
        { roles: MANAGER_ROLES, kinds: FUNDER_KINDS, action: 'decide applications' },
        manager,
      );
      const application = await this.locked(manager, args.id);
      requireTransition(APPLICATION_TRANSITIONS, SUBJECT, application.status, args.status);
      if (args.status === ApplicationStatus.AWARDED) {
        const amount = args.awardedAmount ?? Number(application.requestedAmount);
        this.checkRange(fund, amount, 'awardedAmount');
        await this.checkBudget(manager, fund, amount);
        application.awardedAmount = String(amount);
      }
      const from = application.status;
      application.status = args.status;
      application.decisionNote = args.note ?? application.decisionNote;
      if (args.status === ApplicationStatus.AWARDED || args.status === ApplicationStatus.REJECTED)
        application.decidedAt = new Date();
      const saved = await manager.save(application);
      await recordTransition(manager, ApplicationEvent, {
        applicationId: saved.id,
        actorId: user.id,
        from,
        to: saved.status,
        note: args.note ?? null,
      });
      await recordEvent(manager, {
        type: 'APPLICATION_DECIDED',
        payload: {
          applicationId: saved.id,
          fundId: saved.fundId,
          organizationId: saved.organizationId,
          status: saved.status,
          actorId: user.id,
        },
      });
      return saved;
    });
  }

  history(applicationId: string): Promise<ApplicationEvent[]> {
    return this.dataSource
      .getRepository(ApplicationEvent)
      .find({ where: { applicationId }, order: { createdAt: 'ASC' } });
  }

  /**
   * A funder's inbox: the applications to its funds that were submitted (never a DRAFT), newest
   * submission first, filtered by fund, status and submission date, with the counts per status of
   * the same filter without its statuses. Its OWNER/ADMIN and moderators; NOT_FOUND for anyone else.
   */
  async inbox(access: ViewerAccess, args: ApplicationsInboxArgs): Promise<ApplicationsInboxPage> {
    requireId(args.funderId, 'Organization');
    const filter = args.filter ?? {};
    if (filter.fundId) requireId(filter.fundId, 'Fund');
    if (!this.policy.canSeeApplicationsInbox(access, args.funderId))
      throw new NotFoundError('Applications inbox of organization', args.funderId);
    const qb = this.dataSource
      .getRepository(FundApplication)
      .createQueryBuilder('a')
      .innerJoin(Fund, 'f', 'f.id = a.fund_id')
      .where('f.funder_id = :funderId AND a.submitted_at IS NOT NULL', { funderId: args.funderId });
    if (filter.fundId) qb.andWhere('a.fund_id = :fundId', { fundId: filter.fundId });
    if (filter.submittedFrom) qb.andWhere('a.submitted_at >= :from', { from: filter.submittedFrom });
    if (filter.submittedTo) qb.andWhere('a.submitted_at < :to', { to: filter.submittedTo });
    const counts: Array<{ status: ApplicationStatus; count: number }> = await qb
      .clone()
      .select('a.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy('a.status')
      .orderBy('a.status')
      .getRawMany();
    if (filter.status?.length) qb.andWhere('a.status IN (:...statuses)', { statuses: filter.status });
    const page = await paginate(qb as SelectQueryBuilder<FundApplication>, INBOX_KEYS, args);
    return { ...page, countsByStatus: counts };
  }

  /**
   * Fund.applications: the funder's members see the submitted ones (and their own organization's
   * drafts), moderators all, read-only; anyone else none. Oldest first; `after` is the id of the
   * last application of the previous page.
   */
  /**
   * `Fund.applications` of several funds in one statement (the per-request loader's batch): each
   * fund's page is numbered by a window function over (created_at, id), so `first` applies per fund.
   * The caller passes only funds whose internals the viewer may see (`canSeeInternals`).
   */
  async ofFunds(
    fundIds: readonly string[],
    access: ViewerAccess,
    args: FundApplicationsArgs,
  ): Promise<FundApplication[]> {
    if (args.after && !isUuid(args.after)) {
      throw new BadInputError('after', text('validation.lastOfPage', { field: 'after', what: 'application' }));
    }
    const repository = this.dataSource.getRepository(FundApplication);
    const numbered = repository
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .addSelect('row_number() OVER (PARTITION BY a.fund_id ORDER BY a.created_at, a.id)', 'rn')
      .where('a.fund_id = ANY(:fundIds::uuid[])', { fundIds });
    this.policy.whereVisible(numbered, 'a.submitted_at IS NOT NULL', 'a.organization_id', access);
    if (args.status?.length) numbered.andWhere('a.status IN (:...statuses)', { statuses: args.status });
    if (args.after) {
      // a cursor of another fund matches no row of this one (the subquery is NULL)
      numbered.andWhere(
        '(a.created_at, a.id) > (SELECT c.created_at, c.id FROM fund_application c WHERE c.id = :after AND c.fund_id = a.fund_id)',
        { after: args.after.toLowerCase() },
      );
    }
    return repository
      .createQueryBuilder('a')
      .where(`a.id IN (SELECT p.id FROM (${numbered.getQuery()}) p WHERE p.rn <= :first)`)
      .setParameters({ ...numbered.getParameters(), first: args.first ?? DEFAULT_FUND_APPLICATIONS })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }

  private async recordSubmitted(manager: EntityManager, application: FundApplication, fund: Fund, user: AuthUser) {
    await recordEvent(manager, {
      type: 'APPLICATION_SUBMITTED',
      payload: {
        applicationId: application.id,
        fundId: fund.id,
        funderId: fund.funderId,
        organizationId: application.organizationId,
        actorId: user.id,
      },
    });
  }

  private async checkBudget(manager: EntityManager, fund: Fund, amount: number) {
    if (fund.totalBudget === null) return;
    const [{ awarded }] = await manager.query(
      `SELECT coalesce(sum(awarded_amount), 0)::numeric AS awarded FROM fund_application WHERE fund_id = $1 AND status = 'AWARDED'`,
      [fund.id],
    );
    if (Number(awarded) + amount > Number(fund.totalBudget)) {
      throw new ConflictError(
        text('errors.application.overBudget', {
          amount,
          currency: fund.currency,
          awarded: String(awarded),
          total: String(fund.totalBudget),
        }),
      );
    }
  }

  private checkAmount(fund: Fund, requested: { amount: number; currency: string }, field = 'requestedAmount') {
    if (requested.currency !== fund.currency) {
      throw new BadInputError(
        `${field}.currency`,
        text('errors.application.currency', { field, currency: fund.currency }),
      );
    }
    this.checkRange(fund, requested.amount, `${field}.amount`, field);
  }

  /** BAD_USER_INPUT naming `field` unless `amount` is within the fund's grant range. */
  private checkRange(fund: Fund, amount: number, field: string, name = field) {
    if (
      (fund.minGrant !== null && amount < Number(fund.minGrant)) ||
      (fund.maxGrant !== null && amount > Number(fund.maxGrant))
    ) {
      throw new BadInputError(
        field,
        text('errors.application.grantRange', {
          field: name,
          min: String(fund.minGrant ?? 0),
          max: fund.maxGrant ?? text('common.any'),
          currency: fund.currency,
        }),
      );
    }
  }

  /** The application (locked) and its fund, for a member of the applicant organization. */
  private async applicantsOwn(manager: EntityManager, user: AuthUser, id: string) {
    const application = await this.locked(manager, id);
    const fund = await manager.findOneByOrFail(Fund, { id: application.fundId });
    await this.policy.requireVisibleTo(
      user,
      application,
      (a) => ApplicationsService.visibility(a, fund.funderId),
      'Application',
      id,
      manager,
    );
    await this.policy.requireRole(user, application.organizationId, { action: 'change its applications' }, manager);
    return { application, fund };
  }

  /**
   * An applicant's move to `to` (along APPLICATION_TRANSITIONS): `prepare` checks what else the move
   * needs and may return what to do once the status and its history are written (its event).
   */
  private async asApplicant(
    user: AuthUser,
    id: string,
    to: ApplicationStatus,
    prepare: (
      manager: EntityManager,
      application: FundApplication,
      fund: Fund,
      from: ApplicationStatus,
    ) => Promise<(() => Promise<void>) | undefined>,
  ): Promise<FundApplication> {
    requireId(id, 'Application');
    return this.dataSource.transaction(async (manager) => {
      const { application, fund } = await this.applicantsOwn(manager, user, id);
      const from = application.status;
      requireTransition(APPLICATION_TRANSITIONS, SUBJECT, from, to);
      const after = await prepare(manager, application, fund, from);
      application.status = to;
      const saved = await manager.save(application);
      await recordTransition(manager, ApplicationEvent, {
        applicationId: saved.id,
        actorId: user.id,
        from,
        to: saved.status,
      });
      await after?.();
      return saved;
    });
  }

  private async locked(manager: EntityManager, id: string): Promise<FundApplication> {
    const application = await manager
      .getRepository(FundApplication)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
    if (!application) throw new NotFoundError('Application', id);
    return application;
  }
}
