import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity, StatusHistoryEntity } from '@app/persistence';
import { Organization } from '@app/organizations';
import { Project } from '@app/projects';

export enum PartnershipKind {
  CO_IMPLEMENTATION = 'CO_IMPLEMENTATION',
  FUNDING = 'FUNDING',
  KNOWLEDGE_EXCHANGE = 'KNOWLEDGE_EXCHANGE',
  ALLIANCE = 'ALLIANCE',
  TWINNING = 'TWINNING',
  MENTORING = 'MENTORING',
}
registerEnumType(PartnershipKind, { name: 'PartnershipKind' });

export enum PartnershipStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  DECLINED = 'DECLINED',
  ENDED = 'ENDED',
}
registerEnumType(PartnershipStatus, { name: 'PartnershipStatus' });

export const LIVE_PARTNERSHIP_STATUSES = [PartnershipStatus.PROPOSED, PartnershipStatus.ACTIVE];

/**
 * A partnership between two organizations. The unique index UQ_partnership_live_pair (created in the
 * migration: least/greatest of the pair, kind, WHERE status IN PROPOSED/ACTIVE) forbids two live
 * partnerships of the same kind between the same pair in either direction, also under concurrency.
 */
@ObjectType()
@Entity('partnership')
@Index('UQ_partnership_live_pair', { synchronize: false })
export class Partnership extends BaseEntity {
  @Field(() => PartnershipKind)
  @Column({ type: 'enum', enum: PartnershipKind, enumName: 'partnership_kind' })
  kind: PartnershipKind;

  @Field(() => PartnershipStatus)
  @Column({
    type: 'enum',
    enum: PartnershipStatus,
    enumName: 'partnership_status',
    default: PartnershipStatus.PROPOSED,
  })
  status: PartnershipStatus;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  initiator?: Organization;

  @Index('IDX_partnership_initiator')
  @Column({ type: 'uuid' })
  initiatorId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  partner?: Organization;

  @Index('IDX_partnership_partner')
  @Column({ type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT', nullable: true })
  project?: Project | null;

  @Index('IDX_partnership_project')
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'uuid' })
  proposedById: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  respondedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endedAt: Date | null;
}

/** Every transition of a partnership: when, from, to. */
@ObjectType()
@Entity('partnership_event')
export class PartnershipEvent extends StatusHistoryEntity {
  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT', nullable: false })
  partnership?: Partnership;

  @Index('IDX_partnership_event_partnership')
  @Column({ type: 'uuid' })
  partnershipId: string;

  // actorId (from StatusHistoryEntity) is kept for audit, never shown: this history is public and user ids are personal data

  @Field(() => PartnershipStatus, { nullable: true })
  @Column({ type: 'enum', enum: PartnershipStatus, enumName: 'partnership_status', nullable: true })
  fromStatus: PartnershipStatus | null;

  @Field(() => PartnershipStatus)
  @Column({ type: 'enum', enum: PartnershipStatus, enumName: 'partnership_status' })
  toStatus: PartnershipStatus;
}
