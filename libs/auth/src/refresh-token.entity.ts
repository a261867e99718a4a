import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { CreatedEntity } from '@app/persistence';
import { User } from './user.entity.js';

/**
 * A refresh token, stored only as its SHA-256 hash. Each rotation creates a new token in the same
 * family; presenting a used or revoked token revokes the whole family (reuse detection).
 */
@Entity('refresh_token')
export class RefreshToken extends CreatedEntity {
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  user: User;

  @Column({ type: 'uuid' })
  userId: string;

  @Index('IDX_refresh_token_family')
  @Column({ type: 'uuid' })
  familyId: string;

  @Index('UQ_refresh_token_hash', { unique: true })
  @Column({ length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  usedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  /** The User-Agent header of the request that got this token (the session's device in mySessions). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  /** The client address of the request that got this token. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ipAddress: string | null;
}
