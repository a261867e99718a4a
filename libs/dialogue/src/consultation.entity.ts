import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity, CreatedEntity, StatusHistoryEntity } from '@app/persistence';
import { User } from '@app/auth';
import { Organization } from '@app/organizations';

export enum ConsultationLevel {
  LOCAL = 'LOCAL',
  NATIONAL = 'NATIONAL',
  REGIONAL = 'REGIONAL',
  INTERNATIONAL = 'INTERNATIONAL',
}
registerEnumType(ConsultationLevel, { name: 'ConsultationLevel' });

export enum ConsultationStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(ConsultationStatus, {
  name: 'ConsultationStatus',
  description: 'DRAFT → OPEN → CLOSED. An OPEN consultation whose closesAt has passed is CLOSED everywhere, at once.',
});

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

/**
 * A consultation convened by a government agency, local authority or international organization
 * (docs/domain.md, "Dialogue"). `status` is the stored one; the API exposes the effective status
 * (ConsultationsService.effectiveStatus). Country and theme codes are arrays like the organization's.
 */
@ObjectType()
@Index('IDX_consultation_closes_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Index('IDX_consultation_newest_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('consultation')
@Index('IDX_consultation_status_closes_at', ['status', 'closesAt'])
export class Consultation extends BaseEntity {
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  convener?: Organization;

  @Index('IDX_consultation_convener')
  @Column({ type: 'uuid' })
  convenerId: string;

  @Field()
  @Column({ length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => ConsultationLevel)
  @Column({ type: 'enum', enum: ConsultationLevel, enumName: 'consultation_level' })
  level: ConsultationLevel;

  /** Stored status; the API exposes the effective one. */
  @Column({
    type: 'enum',
    enum: ConsultationStatus,
    enumName: 'consultation_status',
    default: ConsultationStatus.DRAFT,
  })
  status: ConsultationStatus;

  @Column('text', { array: true, default: () => "'{}'" })
  themes: string[];

  /** Diaspora communities whose voice is sought. */
  @Column('text', { array: true, default: () => "'{}'" })
  countriesOfOrigin: string[];

  /** Where it is held (ISO 3166-1 alpha-2). */
  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Field(() => Date, { nullable: true, description: 'Contributions are accepted from opensAt (or from opening) …' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  opensAt: Date | null;

  @Field({ description: '… until closesAt; past it the consultation is CLOSED' })
  @Column({ type: 'timestamptz', precision: 3 })
  closesAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  openedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid' })
  createdById: string;

  /** What came of it: published by the convener on closing or once CLOSED (publishConsultationOutcome). */
  @Field(() => String, {
    nullable: true,
    description: 'What came of the consultation, published by the convener on closing or once CLOSED',
  })
  @Column({ type: 'text', nullable: true })
  outcomeSummary: string | null;

  @Field(() => Date, { nullable: true, description: 'When the outcome summary was last published' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  outcomePublishedAt: Date | null;

  /**
   * When participants were told it closed (CONSULTATION_CLOSED): by closeConsultation, or by the
   * scheduled dialogue job once closesAt passed; set once, so they are told once.
   */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closingAnnouncedAt: Date | null;
}

/**
 * An organization invited to a consultation. One per (consultation, organization): the unique index
 * makes re-inviting return the existing invitation, also under concurrency.
 */
@ObjectType()
@Index('IDX_consultation_invitation_organization_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('consultation_invitation')
@Index('UQ_consultation_invitation', ['consultationId', 'organizationId'], { unique: true })
export class ConsultationInvitation extends BaseEntity {
  @ManyToOne(() => Consultation, { onDelete: 'RESTRICT', nullable: false })
  consultation?: Consultation;

  @Column({ type: 'uuid' })
  consultationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  organization?: Organization;

  @Index('IDX_consultation_invitation_organization')
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => InvitationStatus)
  @Column({
    type: 'enum',
    enum: InvitationStatus,
    enumName: 'invitation_status',
    default: InvitationStatus.PENDING,
  })
  status: InvitationStatus;

  @Column({ type: 'uuid' })
  invitedById: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  respondedAt: Date | null;

  /** Why the convener invited it (e.g. the counterpart finder's reasons), given with the invitation. */
  @Field(() => String, {
    nullable: true,
    description: "Why the convener invited it (e.g. the counterpart finder's reasons), as given with the invitation",
  })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** When the scheduled dialogue job reminded a PENDING invitee (once, INVITATION_REMINDER_DAYS before closesAt). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  remindedAt: Date | null;
}

/** A contribution of an organization to a consultation. Never deleted (no operation removes one). */
@ObjectType()
@Entity('contribution')
export class Contribution extends CreatedEntity {
  @ManyToOne(() => Consultation, { onDelete: 'RESTRICT', nullable: false })
  consultation?: Consultation;

  @Index('IDX_contribution_consultation')
  @Column({ type: 'uuid' })
  consultationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  organization?: Organization;

  @Index('IDX_contribution_organization')
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: false })
  author?: User;

  @Column({ type: 'uuid' })
  authorId: string;

  @Field()
  @Column({ type: 'text' })
  body: string;
}

/**
 * Every state change of a consultation (invitationId null: DRAFT → OPEN → CLOSED) and of its
 * invitations (invitationId set: null → PENDING → ACCEPTED | DECLINED): who, when, from, to.
 */
@ObjectType()
@Entity('consultation_event')
export class ConsultationEvent extends StatusHistoryEntity {
  @ManyToOne(() => Consultation, { onDelete: 'RESTRICT', nullable: false })
  consultation?: Consultation;

  @Index('IDX_consultation_event_consultation')
  @Column({ type: 'uuid' })
  consultationId: string;

  @ManyToOne(() => ConsultationInvitation, { onDelete: 'RESTRICT', nullable: true })
  invitation?: ConsultationInvitation | null;

  @Field(() => ID, { nullable: true, description: 'Set for a change of an invitation' })
  @Index('IDX_consultation_event_invitation')
  @Column({ type: 'uuid', nullable: true })
  invitationId: string | null;

  @Field(() => ID)
  declare actorId: string;

  @Field(() => String, { nullable: true, description: 'A ConsultationStatus, or an InvitationStatus' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: string | null;

  @Field()
  @Column({ type: 'varchar', length: 20 })
  toStatus: string;
}
