import { Field, HideField, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/persistence';

export enum PlatformRole {
  USER = 'USER',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}
registerEnumType(PlatformRole, { name: 'PlatformRole' });

/** Who besides the user herself and moderators sees her e-mail address. */
export enum EmailVisibility {
  /** Nobody else. */
  PRIVATE = 'PRIVATE',
  /** Members of the organizations she belongs to. */
  ORGANIZATIONS = 'ORGANIZATIONS',
}
registerEnumType(EmailVisibility, { name: 'EmailVisibility' });

@ObjectType()
@Entity('app_user')
export class User extends BaseEntity {
  /** Stored normalised (trimmed, lower-case); unique. Exposed through a field resolver that applies emailVisibility. */
  @Field(() => String, {
    nullable: true,
    description:
      'Null unless the viewer is this user, a moderator, or (emailVisibility ORGANIZATIONS) a member of one of her organizations',
  })
  @Index('UQ_app_user_email', { unique: true })
  @Column({ length: 254 })
  email: string;

  @Field()
  @Column({ length: 120 })
  name: string;

  @HideField()
  @Column({ select: false })
  passwordHash: string;

  @Field(() => EmailVisibility)
  @Column({
    type: 'enum',
    enum: EmailVisibility,
    enumName: 'email_visibility',
    default: EmailVisibility.PRIVATE,
  })
  emailVisibility: EmailVisibility;

  @Field(() => PlatformRole)
  @Column({ type: 'enum', enum: PlatformRole, enumName: 'platform_role', default: PlatformRole.USER })
  platformRole: PlatformRole;

  /**
   * The language of her e-mails (an ISO 639-1 code of LANGUAGES in libs/mail: en, fr). Shown in
   * GraphQL to herself only (UserAccountResolver).
   */
  @HideField()
  @Column({ length: 8, default: 'en' })
  preferredLanguage: string;

  /** Set when she deleted her account: the row stays (histories refer to it) with her personal data erased. */
  @HideField()
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deletedAt: Date | null;
}
