import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { StateMachine } from '@app/common';
import { BaseEntity, StatusHistoryEntity } from '@app/persistence';
import { Organization } from '@app/organizations';
import { Project } from '@app/projects';
import { Fund } from './fund.entity.js';

export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  SHORTLISTED = 'SHORTLISTED',
  AWARDED = 'AWARDED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });

/** Statuses of a live application: one per (fund, project). */
export const LIVE_APPLICATION_STATUSES = [
  ApplicationStatus.DRAFT,
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.UNDER_REVIEW,
  ApplicationStatus.SHORTLISTED,
  ApplicationStatus.AWARDED,
];

/**
 * Every move of an application (docs/domain.md, "Application"): the applicant submits a DRAFT and
 * withdraws until a final decision; the funder decides (DECISION_STATUSES). AWARDED, REJECTED and
 * WITHDRAWN are final.
 */
export const APPLICATION_TRANSITIONS: StateMachine<ApplicationStatus> = {
  [ApplicationStatus.DRAFT]: [ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN],
  [ApplicationStatus.SUBMITTED]: [
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.SHORTLISTED,
    ApplicationStatus.REJECTED,
    ApplicationStatus.WITHDRAWN,
  ],
  [ApplicationStatus.UNDER_REVIEW]: [
    ApplicationStatus.SHORTLISTED,
    ApplicationStatus.AWARDED,
    ApplicationStatus.REJECTED,
    ApplicationStatus.WITHDRAWN,
  ],
  [ApplicationStatus.SHORTLISTED]: [ApplicationStatus.AWARDED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN],
  [ApplicationStatus.AWARDED]: [],
  [ApplicationStatus.REJECTED]: [],
  [ApplicationStatus.WITHDRAWN]: [],
};

/** The statuses a funder's decision sets (the applicant submits and withdraws). */
export const DECISION_STATUSES = [
  ApplicationStatus.UNDER_REVIEW,
  ApplicationStatus.SHORTLISTED,
  ApplicationStatus.AWARDED,
  ApplicationStatus.REJECTED,
];

/**
 * An application of an organization's project to a fund. UQ_fund_application_live (created in the
 * migration: fund, project WHERE status is live) keeps one live application per pair under concurrency.
 */
@ObjectType('FundApplication')
@Index('IDX_fund_application_inbox_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('fund_application')
@Index('UQ_fund_application_live', { synchronize: false })
export class FundApplication extends BaseEntity {
  @ManyToOne(() => Fund, { onDelete: 'RESTRICT', nullable: false })
  fund?: Fund;

  @Index('IDX_fund_application_fund')
  @Column({ type: 'uuid' })
  fundId: string;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT', nullable: false })
  project?: Project;

  @Index('IDX_fund_application_project')
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  organization?: Organization;

  @Index('IDX_fund_application_organization')
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => ApplicationStatus)
  @Column({ type: 'enum', enum: ApplicationStatus, enumName: 'application_status' })
  status: ApplicationStatus;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  requestedAmount: string;

  @Column({ type: 'char', length: 3 })
  requestedCurrency: string;

  /** Set by the award (in requestedCurrency, within the fund's grant range); null unless AWARDED. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  awardedAmount: string | null;

  @Field()
  @Column({ type: 'text' })
  statement: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ type: 'uuid' })
  createdById: string;
}

/** Every transition of an application: who, when, from, to, note. */
@ObjectType()
@Entity('application_event')
export class ApplicationEvent extends StatusHistoryEntity {
  @ManyToOne(() => FundApplication, { onDelete: 'RESTRICT', nullable: false })
  application?: FundApplication;

  @Index('IDX_application_event_application')
  @Column({ type: 'uuid' })
  applicationId: string;

  @Field(() => ID)
  declare actorId: string;

  @Field(() => ApplicationStatus, { nullable: true })
  @Column({ type: 'enum', enum: ApplicationStatus, enumName: 'application_status', nullable: true })
  fromStatus: ApplicationStatus | null;

  @Field(() => ApplicationStatus)
  @Column({ type: 'enum', enum: ApplicationStatus, enumName: 'application_status' })
  toStatus: ApplicationStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
