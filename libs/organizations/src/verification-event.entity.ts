import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { StatusHistoryEntity } from '@app/persistence';
import { Organization, VerificationStatus } from './organization.entity.js';

/** One transition of an organization's verification: who, when, from, to, note. */
@ObjectType()
@Index('IDX_verification_event_queue_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('verification_event')
export class VerificationEvent extends StatusHistoryEntity {
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  organization?: Organization;

  @Index('IDX_verification_event_organization')
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => ID)
  declare actorId: string;

  @Field(() => VerificationStatus)
  @Column({ type: 'enum', enum: VerificationStatus, enumName: 'verification_status' })
  fromStatus: VerificationStatus;

  @Field(() => VerificationStatus)
  @Column({ type: 'enum', enum: VerificationStatus, enumName: 'verification_status' })
  toStatus: VerificationStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
