import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { CreatedEntity } from '@app/persistence';
import { User } from './user.entity.js';

/**
 * A password-reset link (requestPasswordReset). Only the SHA-256 of its single-use token is
 * stored; the token travels in the e-mail. Asking again deletes the user's earlier unused links, so
 * only the latest works; usedAt marks it used (resetPassword).
 */
@Entity('password_reset')
export class PasswordReset extends CreatedEntity {
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  user?: User;

  @Index('IDX_password_reset_user')
  @Column({ type: 'uuid' })
  userId: string;

  /** hex SHA-256 of the token. */
  @Index('UQ_password_reset_token', { unique: true })
  @Column({ length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  usedAt: Date | null;
}

/**
 * A pending change of a user's e-mail address (requestEmailChange): the new address and the SHA-256
 * of the single-use token mailed to it. The address changes only when the token is used
 * (confirmEmailChange); asking again deletes the user's earlier unused requests.
 */
@Entity('email_change_request')
export class EmailChangeRequest extends CreatedEntity {
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  user?: User;

  @Index('IDX_email_change_request_user')
  @Column({ type: 'uuid' })
  userId: string;

  /** Normalised (trimmed, lower-case). */
  @Column({ length: 254 })
  newEmail: string;

  /** hex SHA-256 of the token. */
  @Index('UQ_email_change_request_token', { unique: true })
  @Column({ length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  usedAt: Date | null;
}
