import { Field, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@app/organizations';
import { Fund } from './fund.entity.js';

/**
 * A candidate organization the funder's OWNER/ADMIN put on an open fund's shortlist before it applied
 * (shortlistCandidate): one row per (fund, organization); its members were invited to apply.
 * Applicants are shortlisted through their application's decision instead.
 */
@ObjectType('FundShortlistEntry')
@Entity('fund_shortlist')
export class FundShortlistEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_fund_shortlist' })
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'fund_id', foreignKeyConstraintName: 'FK_fund_shortlist_fund' })
  fund?: Fund;

  @Index('IDX_fund_shortlist_organization')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_fund_shortlist' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_fund_shortlist_organization' })
  organization?: Organization;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  shortlistedAt: Date;
}
