import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RowEntity } from '@app/persistence';
import { User } from '@app/auth';
import { Organization } from '@app/organizations';

/**
 * A user's secret calendar feed (`/calendar/<secret>.ics`). Only the SHA-256 of the secret is kept;
 * a revoked feed (revokedAt set) answers 404. One live feed per user: creating another revokes it.
 */
@Entity('calendar_feed')
export class CalendarFeed extends RowEntity {
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  user?: User;

  @Index('IDX_calendar_feed_user')
  @Column({ type: 'uuid' })
  userId: string;

  @Index('UQ_calendar_feed_secret_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;
}

/**
 * The IATI organisation identifier an organization publishes under (e.g. GB-CHC-1234567), set by
 * its OWNER/ADMIN. Kept beside the organization (libs/exports owns it); without one the activity
 * file uses the documented fallback.
 */
@Entity('organization_iati_ref')
export class OrganizationIatiRef {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 100 })
  orgRef: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
