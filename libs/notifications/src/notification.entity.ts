import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Text } from '@app/common';
import { CreatedEntity } from '@app/persistence';
import { User } from '@app/auth';
import { Organization } from '@app/organizations';

/** Whether a notification still has to be e-mailed (IMMEDIATE at once, DAILY_DIGEST in the digest). */
export enum NotificationEmailState {
  PENDING = 'PENDING',
  SENT = 'SENT',
  SKIPPED = 'SKIPPED',
}

export enum EmailFrequency {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
  NONE = 'NONE',
}
registerEnumType(EmailFrequency, {
  name: 'EmailFrequency',
  description: 'How a user wants notifications by e-mail: each at once, one digest a day, or none.',
});

/** The default for users who never chose (a digest rather than a stream of mails). */
export const DEFAULT_EMAIL_FREQUENCY = EmailFrequency.DAILY_DIGEST;

/**
 * Something a user should learn of. `dedupeKey` is unique per user, so a job that runs twice (a
 * retry, a redelivered event) inserts nothing twice: every insert is ON CONFLICT DO NOTHING.
 */
@ObjectType()
@Index('IDX_notification_user_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('notification')
@Index('UQ_notification_user_dedupe', ['userId', 'dedupeKey'], { unique: true })
@Index('IDX_notification_user_created', ['userId', 'createdAt'])
@Index('IDX_notification_email_pending', { synchronize: false })
@Index('IDX_notification_user_unread', { synchronize: false })
export class Notification extends CreatedEntity {
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  user?: User;

  @Column({ type: 'uuid' })
  userId: string;

  @Field({
    description:
      'FUND_MATCH, PARTNERSHIP_PROPOSED, PARTNERSHIP_ANSWERED, APPLICATION_DECIDED, APPLICATION_SUBMITTED, APPLICATION_WITHDRAWN, …',
  })
  @Column({ length: 60 })
  kind: string;

  /**
   * The title in English, as written when it was created (e-mails, exports and the personal-data
   * download read it). GraphQL's `title` answers in the reader's language from `titleText`.
   */
  @Column({ length: 300 })
  title: string;

  /** The body in English (see `title`). */
  @Column({ type: 'text' })
  body: string;

  /**
   * What the title says, as a catalogue sentence (key `notifications.<kind>.title…` and its values),
   * written in the reader's language when read; null for notifications created before it (issue 14).
   */
  @Column({ type: 'jsonb', nullable: true })
  titleText: Text | null;

  /** What the body says, as a catalogue sentence (see `titleText`). */
  @Column({ type: 'jsonb', nullable: true })
  bodyText: Text | null;

  @Field(() => String, { nullable: true, description: 'A path in the web app, e.g. /funds/<id>' })
  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Column({ length: 200 })
  dedupeKey: string;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL', nullable: true })
  organization?: Organization | null;

  /**
   * The organization the notification concerns for its recipient (the invited organization, the
   * applicant, the convener…): a user who belongs to several sees which one each is about. Exposed
   * as `Notification.organization`; null when it concerns no organization of hers.
   */
  @Index('IDX_notification_organization')
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({
    type: 'enum',
    enum: NotificationEmailState,
    enumName: 'notification_email_state',
    default: NotificationEmailState.PENDING,
  })
  emailState: NotificationEmailState;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;
}

/** A user's e-mail choice; no row = DEFAULT_EMAIL_FREQUENCY. */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  user?: User;

  @Column({ type: 'enum', enum: EmailFrequency, enumName: 'notification_email_frequency' })
  emailFrequency: EmailFrequency;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@ObjectType()
export class NotificationPreferences {
  @Field(() => EmailFrequency)
  emailFrequency: EmailFrequency;
}

/**
 * Every e-mail the platform sent or tried to send (the "outbox that logs" without SMTP_URL).
 * `dedupeKey` makes sending idempotent: a retried job never mails twice.
 */
@Entity('email_outbox')
@Index('UQ_email_outbox_dedupe', ['dedupeKey'], { unique: true })
export class EmailOutbox extends CreatedEntity {
  @Index('IDX_email_outbox_user')
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ length: 254 })
  toAddress: string;

  @Column({ length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** The HTML part (libs/mail renders every mail as plain text and HTML); null for mails queued before it. */
  @Column({ type: 'text', nullable: true })
  htmlBody: string | null;

  @Column({ length: 200 })
  dedupeKey: string;

  @Column({ length: 20 })
  transport: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
