import { Field, HideField, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum PlatformRole {
  USER = 'USER',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}
registerEnumType(PlatformRole, { name: 'PlatformRole' });

@ObjectType()
@Entity('app_user')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored normalised (trimmed, lower-case); unique. */
  @Field()
  @Index('UQ_app_user_email', { unique: true })
  @Column({ length: 254 })
  email: string;

  @Field()
  @Column({ length: 120 })
  name: string;

  @HideField()
  @Column({ select: false })
  passwordHash: string;

  @Field(() => PlatformRole)
  @Column({ type: 'enum', enum: PlatformRole, enumName: 'platform_role', default: PlatformRole.USER })
  platformRole: PlatformRole;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
