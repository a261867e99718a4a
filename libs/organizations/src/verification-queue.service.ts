import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, Page, PageArgs, paginate, SortKey } from '@app/common';
import { VerificationStatus } from './organization.entity.js';
import { OrganizationPolicy } from './organization.policy.js';
import { VerificationEvent } from './verification-event.entity.js';

/** Oldest request first; the request is the transition to PENDING (created_at, id). */
const QUEUE_KEYS: SortKey[] = [
  { expr: 'e.created_at', direction: 'ASC', type: 'timestamp' },
  { expr: 'e.id', direction: 'ASC', type: 'uuid' },
];

/**
 * The moderators' verification queue (docs/domain.md, "Verification"): every organization whose
 * verification is PENDING, through the transition that made it PENDING (its latest verification
 * event), oldest request first. Moderators and admins only (FORBIDDEN for everyone else).
 */
@Injectable()
export class VerificationQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
  ) {}

  queue(user: AuthUser, args: PageArgs): Promise<Page<VerificationEvent>> {
    this.policy.requireModerator(user);
    const qb = this.dataSource
      .getRepository(VerificationEvent)
      .createQueryBuilder('e')
      .innerJoin('organization', 'o', 'o.id = e.organization_id AND o.verification = :pending', {
        pending: VerificationStatus.PENDING,
      })
      .where('e.to_status = :pending')
      // the latest transition of the organization: the request that is pending now
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM verification_event later
                      WHERE later.organization_id = e.organization_id
                        AND (later.created_at, later.id) > (e.created_at, e.id))`,
      );
    return paginate(qb, QUEUE_KEYS, args);
  }
}
