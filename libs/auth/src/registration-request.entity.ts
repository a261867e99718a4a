import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/persistence';

/**
 * A pending confirmation of an e-mail address for a new account (startRegistration). Only the
 * SHA-256 of its single-use token is stored; the token travels in the e-mail. One row per
 * address: asking again replaces the token and its expiry (and updatedAt). completedAt marks it used.
 */
@Entity('registration_request')
export class RegistrationRequest extends BaseEntity {
  /** Normalised (trimmed, lower-case). */
  @Index('UQ_registration_request_email', { unique: true })
  @Column({ length: 254 })
  email: string;

  /** hex SHA-256 of the token. */
  @Index('UQ_registration_request_token', { unique: true })
  @Column({ length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  /** When the account was created with the token (or found to exist already). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;
}
