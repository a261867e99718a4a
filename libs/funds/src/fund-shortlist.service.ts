import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, BadInputError, isUuid, NotFoundError, requireId, text } from '@app/common';
import { recordEvent } from '@app/events';
import { eligibilityFailure, eligibleSql, FundMatchingService, rulesOf } from '@app/matching';
import { FUNDER_KINDS, MANAGER_ROLES, OrganizationPolicy } from '@app/organizations';
import { Fund, FundStatus } from './fund.entity.js';
import { FundShortlistEntry } from './fund-shortlist.entity.js';
import { FundsService } from './funds.service.js';

/**
 * The candidates a funder shortlists straight from a fund's candidates list before they apply
 * (an applicant is shortlisted by deciding its application instead). Who may act: the funder's
 * OWNER/ADMIN; its other members and moderators are FORBIDDEN; anyone else gets NOT_FOUND (the
 * shortlist is the funder's own business).
 */
@Injectable()
export class FundShortlistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly matching: FundMatchingService,
  ) {}

  /**
   * Puts an eligible organization that has not applied on an OPEN fund's shortlist and invites its
   * members to apply (CANDIDATE_SHORTLISTED, once: shortlisting it again changes nothing).
   */
  async add(user: AuthUser, fundId: string, organizationId: string): Promise<Fund> {
    requireId(fundId, 'Fund');
    return this.dataSource.transaction(async (manager) => {
      const fund = await this.managedFund(manager, user, fundId.toLowerCase());
      if (FundsService.effectiveStatus(fund) !== FundStatus.OPEN) {
        throw new BadInputError(
          'fundId',
          text('errors.shortlist.fundNotOpen', { status: FundsService.effectiveStatus(fund) }),
        );
      }
      await this.requireEligible(manager, fund, organizationId);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO fund_shortlist (fund_id, organization_id) VALUES ($1, $2)
         ON CONFLICT (fund_id, organization_id) DO NOTHING RETURNING organization_id`,
        [fund.id, organizationId.toLowerCase()],
      );
      if (inserted.length) {
        await recordEvent(manager, {
          type: 'CANDIDATE_SHORTLISTED',
          payload: {
            fundId: fund.id,
            funderId: fund.funderId,
            organizationId: organizationId.toLowerCase(),
            title: fund.title,
            actorId: user.id,
          },
        });
      }
      return fund;
    });
  }

  /** Takes an organization off the fund's shortlist (nothing happens if it was not on it). */
  async remove(user: AuthUser, fundId: string, organizationId: string): Promise<Fund> {
    requireId(fundId, 'Fund');
    requireOrganizationId(organizationId);
    return this.dataSource.transaction(async (manager) => {
      const fund = await this.managedFund(manager, user, fundId);
      await manager.query(`DELETE FROM fund_shortlist WHERE fund_id = $1 AND organization_id = $2`, [
        fund.id,
        organizationId.toLowerCase(),
      ]);
      return fund;
    });
  }

  /** The shortlists of funds, oldest entry first (Fund.shortlist batches them). */
  ofFunds(fundIds: readonly string[]): Promise<FundShortlistEntry[]> {
    return this.dataSource
      .getRepository(FundShortlistEntry)
      .createQueryBuilder('s')
      .where('s.fund_id = ANY(:fundIds::uuid[])', { fundIds })
      .orderBy('s.shortlisted_at', 'ASC')
      .addOrderBy('s.organization_id', 'ASC')
      .getMany();
  }

  /** The fund, locked; NOT_FOUND unless the user is a member of its funder or a moderator; FORBIDDEN unless OWNER/ADMIN. */
  private async managedFund(manager: EntityManager, user: AuthUser, fundId: string): Promise<Fund> {
    const fund = await manager
      .getRepository(Fund)
      .createQueryBuilder('f')
      .setLock('pessimistic_write')
      .where('f.id = :id', { id: fundId })
      .getOne();
    if (!fund) throw new NotFoundError('Fund', fundId);
    const access = await this.policy.accessIn(user, [fund.funderId], manager);
    if (!this.policy.canSeeInternals(access, fund.funderId)) throw new NotFoundError('Fund', fundId);
    await this.policy.requireRole(
      user,
      fund.funderId,
      { roles: MANAGER_ROLES, kinds: FUNDER_KINDS, action: 'shortlist candidates' },
      manager,
    );
    return fund;
  }

  /** BAD_USER_INPUT (organizationId) for an unknown organization, one the fund's rules exclude, or one that applied. */
  private async requireEligible(manager: EntityManager, fund: Fund, organizationId: string) {
    requireOrganizationId(organizationId);
    const [row]: Array<{ eligible: boolean; applied: boolean }> = await manager.query(
      `SELECT ${eligibleSql('organization')} AS eligible,
              EXISTS (SELECT 1 FROM fund_application a
                       WHERE a.fund_id = f.id AND a.organization_id = o.id
                         AND a.submitted_at IS NOT NULL AND a.status <> 'WITHDRAWN') AS applied
         FROM fund f, organization o
        WHERE f.id = $1 AND o.id = $2`,
      [fund.id, organizationId.toLowerCase()],
    );
    if (!row)
      throw new BadInputError(
        'organizationId',
        text('validation.notAnOrganization', { field: 'organizationId', id: organizationId }),
      );
    if (row.applied) {
      throw new BadInputError('organizationId', text('errors.shortlist.alreadyApplied'));
    }
    if (!row.eligible) {
      const rules = new Set(rulesOf('organization').map((r) => r.rule));
      const failed = (
        await this.matching.checkEligibility(fund.id, organizationId.toLowerCase(), null, manager)
      ).filter((c) => !c.passed && rules.has(c.rule));
      throw new BadInputError(
        'organizationId',
        `This organization is not eligible for the fund${failed.length ? `: ${failed.map((c) => c.detail).join('; ')}` : ''}`,
        {},
        failed.length
          ? eligibilityFailure('errors.organizationNotEligibleBecause', failed)
          : { key: 'errors.organizationNotEligible' },
      );
    }
  }
}

function requireOrganizationId(id: string) {
  if (!isUuid(id)) {
    throw new BadInputError('organizationId', text('validation.notAnOrganization', { field: 'organizationId', id }));
  }
}
