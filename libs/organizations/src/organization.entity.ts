import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@app/persistence';

export enum OrganizationKind {
  DIASPORA_ORGANIZATION = 'DIASPORA_ORGANIZATION',
  MIGRANT_ASSOCIATION = 'MIGRANT_ASSOCIATION',
  DIASPORA_NETWORK = 'DIASPORA_NETWORK',
  NGO = 'NGO',
  FUNDER = 'FUNDER',
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  TRAINING_PROVIDER = 'TRAINING_PROVIDER',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
  ACADEMIC = 'ACADEMIC',
  TRADE_UNION = 'TRADE_UNION',
  FAITH_BASED = 'FAITH_BASED',
  INTERNATIONAL_ORGANIZATION = 'INTERNATIONAL_ORGANIZATION',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });

/** Weighted text: name (A) above description (B) and city (C). */
export const ORGANIZATION_SEARCH_EXPRESSION =
  "setweight(to_tsvector('english', coalesce(name, '')), 'A') || " +
  "setweight(to_tsvector('english', coalesce(description, '')), 'B') || " +
  "setweight(to_tsvector('english', coalesce(city, '')), 'C')";

/** numeric columns read as numbers (null stays null). */
const NUMERIC_OR_NULL = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * An organization's profile. Country, language and theme codes are arrays (GIN-indexed, matched
 * with `&&`); the GraphQL fields that expose them as objects are resolved through loaders.
 */
@ObjectType()
@Index('IDX_organization_name_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Index('IDX_organization_newest_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Index('IDX_organization_members_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('organization')
@Index('IDX_organization_countries_of_origin', { synchronize: false })
@Index('IDX_organization_countries_of_residence', { synchronize: false })
@Index('IDX_organization_themes', { synchronize: false })
@Index('IDX_organization_languages', { synchronize: false })
@Index('IDX_organization_search', { synchronize: false })
export class Organization extends BaseEntity {
  @Field()
  @Index('UQ_organization_slug', { unique: true })
  @Column({ length: 220 })
  slug: string;

  @Field()
  @Column({ length: 200 })
  name: string;

  @Field(() => OrganizationKind)
  @Index('IDX_organization_kind')
  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  /** Exposed through a policy-checked field resolver. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  countriesOfOrigin: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  countriesOfResidence: string[];

  @Field(() => [String], { description: 'ISO 3166-2 codes of the regions where it is based (e.g. FR-IDF, DE-BE)' })
  @Column('text', { array: true, default: () => "'{}'" })
  regionsOfResidence: string[];

  @Field(() => Boolean, { nullable: true, description: 'A not-for-profit organization (null: not said)' })
  @Column({ type: 'boolean', nullable: true })
  nonProfit: boolean | null;

  @Field(() => Float, { nullable: true, description: 'Annual income (latest year), in annualIncomeCurrency' })
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: NUMERIC_OR_NULL })
  annualIncome: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217' })
  @Column({ type: 'char', length: 3, nullable: true })
  annualIncomeCurrency: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 120, nullable: true })
  city: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  themes: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  foundedYear: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  memberCount: number | null;

  @Field()
  @Column({ default: false })
  legallyRegistered: boolean;

  @Field()
  @Column({ default: false })
  democraticGovernance: boolean;

  @Field()
  @Column({ default: false })
  womenLed: boolean;

  @Field()
  @Column({ default: false })
  youthLed: boolean;

  @Field(() => VerificationStatus)
  @Column({
    type: 'enum',
    enum: VerificationStatus,
    enumName: 'verification_status',
    default: VerificationStatus.UNVERIFIED,
  })
  verification: VerificationStatus;

  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: ORGANIZATION_SEARCH_EXPRESSION,
    nullable: true,
  })
  searchVector?: string;

  /**
   * The kind the last verification vouched for, kept when a change sends the organization back to
   * PENDING. While `kind` differs from it, the privileges of the kind (funds, consultations,
   * trainings) wait for a moderator; null when never verified or verified before it was tracked.
   */
  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind', nullable: true })
  verifiedKind: OrganizationKind | null;

  @Field()
  declare updatedAt: Date;
}
