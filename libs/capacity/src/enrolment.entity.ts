import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity, StatusHistoryEntity } from '@app/persistence';
import { User } from '@app/auth';
import { TRAINING_SEAT_STATUSES, TRAINING_SEAT_STATUSES_SQL } from '@app/matching';
import { Organization } from '@app/organizations';
import { TrainingOffer } from './training-offer.entity.js';

/**
 * ACCEPTED while seats are left, else WAITLISTED; COMPLETED by the provider; CANCELLED by the
 * enrolled organization. APPLIED and DECLINED are part of the contract for providers that select
 * participants; the current flows do not produce them.
 */
export enum EnrolmentStatus {
  APPLIED = 'APPLIED',
  ACCEPTED = 'ACCEPTED',
  WAITLISTED = 'WAITLISTED',
  DECLINED = 'DECLINED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EnrolmentStatus, { name: 'EnrolmentStatus' });

/** Statuses of a live enrolment: one per (offer, organization). */
export const LIVE_ENROLMENT_STATUSES = [
  EnrolmentStatus.APPLIED,
  EnrolmentStatus.ACCEPTED,
  EnrolmentStatus.WAITLISTED,
  EnrolmentStatus.COMPLETED,
];
/** Statuses that hold a seat: matching's TRAINING_SEAT_STATUSES (one list for both libs). */
export const SEAT_STATUSES: EnrolmentStatus[] = TRAINING_SEAT_STATUSES.map((s) => EnrolmentStatus[s]);
/** The same, as an SQL list for `status IN (…)` (constants of the enum, never input). */
export const SEAT_STATUSES_SQL = TRAINING_SEAT_STATUSES_SQL;

/**
 * An organization's enrolment in a training offer, made by one of its members (the participant).
 * UQ_enrolment_live (created in the migration: training, organization WHERE status is live) keeps
 * one live enrolment per pair under concurrency. Never deleted: cancelled with a timestamp.
 */
@ObjectType()
@Entity('enrolment')
@Index('UQ_enrolment_live', { synchronize: false })
@Index('IDX_enrolment_training_status', ['trainingId', 'status', 'createdAt'])
export class Enrolment extends BaseEntity {
  @ManyToOne(() => TrainingOffer, { onDelete: 'RESTRICT', nullable: false })
  training?: TrainingOffer;

  @Column({ type: 'uuid' })
  trainingId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  organization?: Organization;

  @Index('IDX_enrolment_organization')
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: false })
  participant?: User;

  @Index('IDX_enrolment_participant')
  @Column({ type: 'uuid' })
  participantId: string;

  @Field(() => EnrolmentStatus)
  @Column({ type: 'enum', enum: EnrolmentStatus, enumName: 'enrolment_status' })
  status: EnrolmentStatus;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  ratedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;
}

/** Every transition of an enrolment: who, when, from, to (creation has no `from`). */
@ObjectType()
@Entity('enrolment_event')
export class EnrolmentEvent extends StatusHistoryEntity {
  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT', nullable: false })
  enrolment?: Enrolment;

  @Index('IDX_enrolment_event_enrolment')
  @Column({ type: 'uuid' })
  enrolmentId: string;

  @Field(() => ID)
  declare actorId: string;

  @Field(() => EnrolmentStatus, { nullable: true })
  @Column({ type: 'enum', enum: EnrolmentStatus, enumName: 'enrolment_status', nullable: true })
  fromStatus: EnrolmentStatus | null;

  @Field(() => EnrolmentStatus)
  @Column({ type: 'enum', enum: EnrolmentStatus, enumName: 'enrolment_status' })
  toStatus: EnrolmentStatus;
}
