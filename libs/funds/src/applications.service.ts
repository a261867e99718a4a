import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, BadInputError, ConflictError, NotFoundError, requireId } from '@app/common';
import { FundMatchingService } from '@app/matching';
import { FUNDER_KINDS, MANAGER_ROLES, OrganizationPolicy, Visibility } from '@app/organizations';
import { recordEvent } from '@app/events';
import { isUniqueViolation, recordTransition } from '@app/persistence';
import { ProjectsService } from '@app/projects';
import {
  ApplicationEvent,
  ApplicationStatus,
  FundApplication,
  LIVE_APPLICATION_STATUSES,
} from './application.entity.js';
import { Fund, FundStatus } from './fund.entity.js';
import { ApplyArgs, DecideApplicationArgs } from './fund.inputs.js';
import { FundsService } from './funds.service.js';

/** What a funder may decide from each status (docs/domain.md, "Application"). */
const DECISIONS: Partial<Record<ApplicationStatus, ApplicationStatus[]>> = {
  [ApplicationStatus.SUBMITTED]: [
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.SHORTLISTED,
    ApplicationStatus.REJECTED,
  ],
  [ApplicationStatus.UNDER_REVIEW]: [
    ApplicationStatus.SHORTLISTED,
    ApplicationStatus.AWARDED,
    ApplicationStatus.REJECTED,
  ],
  [ApplicationStatus.SHORTLISTED]: [ApplicationStatus.AWARDED, ApplicationStatus.REJECTED],
};
const WITHDRAWABLE = [
  ApplicationStatus.DRAFT,
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.UNDER_REVIEW,
  ApplicationStatus.SHORTLISTED,
];
const DUPLICATE = 'This project already has a live application to this fund';

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly matching: FundMatchingService,
    private readonly projects: ProjectsService,
  ) {}

  /**
   * Never public: the applicant owns it, and the funder shares it once it is no longer a DRAFT
   * (OrganizationPolicy.isVisible: their members and moderators see it).
   */
  static visibility(application: Pick<FundApplication, 'status' | 'organizationId'>, funderId: string): Visibility {
    return {
      published: false,
      owners:
        application.status === ApplicationStatus.DRAFT
          ? application.organizationId
          : [application.organizationId, funderId],
    };
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
          throw new ConflictError('The fund is not open for applications');
        this.checkAmount(fund, args);
        const checks = await this.matching.checkEligibility(fund.id, project.organizationId, project.id, manager);
        const failed = checks.filter((c) => !c.passed);
        if (failed.length) {
          throw new BadInputError('projectId', `Not eligible: ${failed.map((c) => c.detail).join('; ')}`, {
            failedRules: failed.map((c) => c.rule),
          });
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
        return application;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_fund_application_live')) throw new ConflictError(DUPLICATE);
      throw error;
    }
  }

  submit(user: AuthUser, id: string): Promise<FundApplication> {
    return this.asApplicant(user, id, async (manager, application) => {
      if (application.status !== ApplicationStatus.DRAFT)
        throw new ConflictError(`Only a DRAFT can be submitted; this one is ${application.status}`);
      const fund = await manager.findOneByOrFail(Fund, { id: application.fundId });
      if (FundsService.effectiveStatus(fund) !== FundStatus.OPEN)
        throw new ConflictError('The fund is not open for applications');
      application.submittedAt = new Date();
      return ApplicationStatus.SUBMITTED;
    });
  }

  withdraw(user: AuthUser, id: string): Promise<FundApplication> {
    return this.asApplicant(user, id, async (_manager, application) => {
      if (!WITHDRAWABLE.includes(application.status)) {
        throw new ConflictError(`An application that is ${application.status} can no longer be withdrawn`);
      }
      return ApplicationStatus.WITHDRAWN;
    });
  }

  /** The funder decides. An award never takes the awarded sum past the fund's totalBudget (fund row locked). */
  async decide(user: AuthUser, args: DecideApplicationArgs): Promise<FundApplication> {
    requireId(args.id, 'Application');
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
      const allowed = DECISIONS[application.status] ?? [];
      if (!allowed.includes(args.status)) {
        throw new ConflictError(`An application that is ${application.status} cannot become ${args.status}`);
      }
      if (args.status === ApplicationStatus.AWARDED && fund.totalBudget !== null) {
        const [{ awarded }] = await manager.query(
          `SELECT coalesce(sum(requested_amount), 0)::numeric AS awarded FROM fund_application WHERE fund_id = $1 AND status = 'AWARDED'`,
          [fund.id],
        );
        if (Number(awarded) + Number(application.requestedAmount) > Number(fund.totalBudget)) {
          throw new ConflictError(
            `Awarding ${application.requestedAmount} ${fund.currency} would exceed the fund's budget (${awarded} of ${fund.totalBudget} already awarded)`,
          );
        }
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

  private checkAmount(fund: Fund, args: ApplyArgs) {
    const { amount, currency } = args.requestedAmount;
    if (currency !== fund.currency) {
      throw new BadInputError(
        'requestedAmount.currency',
        `requestedAmount must be in the fund's currency, ${fund.currency}`,
      );
    }
    if (
      (fund.minGrant !== null && amount < Number(fund.minGrant)) ||
      (fund.maxGrant !== null && amount > Number(fund.maxGrant))
    ) {
      throw new BadInputError(
        'requestedAmount.amount',
        `requestedAmount must be within the grant range ${fund.minGrant ?? 0}–${fund.maxGrant ?? 'any'} ${fund.currency}`,
      );
    }
  }

  private async asApplicant(
    user: AuthUser,
    id: string,
    decide: (manager: EntityManager, application: FundApplication) => Promise<ApplicationStatus>,
  ): Promise<FundApplication> {
    requireId(id, 'Application');
    return this.dataSource.transaction(async (manager) => {
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
      const from = application.status;
      application.status = await decide(manager, application);
      const saved = await manager.save(application);
      await recordTransition(manager, ApplicationEvent, {
        applicationId: saved.id,
        actorId: user.id,
        from,
        to: saved.status,
      });
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
