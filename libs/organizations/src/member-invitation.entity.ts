import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/persistence';
import { User } from '@app/auth';
import { MemberRole } from './membership.entity.js';
import { Organization } from './organization.entity.js';

export enum MemberInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  REVOKED = 'REVOKED',
}
registerEnumType(MemberInvitationStatus, { name: 'MemberInvitationStatus' });

/**
 * An invitation to become a member of an organization, sent by e-mail. Only the SHA-256 of its
 * single-use token is stored; the token itself travels in the e-mail. At most one PENDING
 * invitation per organization and address (re-inviting refreshes it).
 */
@ObjectType({ description: "Visible to the organization's OWNER/ADMIN only" })
@Index('IDX_member_invitation_organization_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('member_invitation')
@Index('UQ_member_invitation_pending', { synchronize: false })
export class MemberInvitation extends BaseEntity {
  @ManyToOne(() => Organization, { onDelete: 'CASCADE', nullable: false })
  organization?: Organization;

  @Index('IDX_member_invitation_organization')
  @Column({ type: 'uuid' })
  organizationId: string;

  /** Normalised (trimmed, lower-case). */
  @Field()
  @Column({ length: 254 })
  email: string;

  @Field(() => MemberRole)
  @Column({ type: 'enum', enum: MemberRole, enumName: 'member_role' })
  role: MemberRole;

  @Field(() => MemberInvitationStatus)
  @Column({
    type: 'enum',
    enum: MemberInvitationStatus,
    enumName: 'member_invitation_status',
    default: MemberInvitationStatus.PENDING,
  })
  status: MemberInvitationStatus;

  /** hex SHA-256 of the token. */
  @Index('UQ_member_invitation_token', { unique: true })
  @Column({ length: 64 })
  tokenHash: string;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  invitedBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was accepted, declined or revoked' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Field({ description: 'Also when the invitation was last sent again' })
  declare updatedAt: Date;
}
