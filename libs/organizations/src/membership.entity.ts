import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { RowEntity } from '@app/persistence';
import { User } from '@app/auth';
import { Organization } from './organization.entity.js';

export enum MemberRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}
registerEnumType(MemberRole, { name: 'MemberRole' });

/** A user's role in an organization. */
@ObjectType()
@Entity('membership')
@Index('UQ_membership_user_organization', ['userId', 'organizationId'], { unique: true })
export class Membership extends RowEntity {
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  user?: User;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE', nullable: false })
  organization?: Organization;

  @Index('IDX_membership_organization')
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => MemberRole)
  @Column({ type: 'enum', enum: MemberRole, enumName: 'member_role' })
  role: MemberRole;
}
