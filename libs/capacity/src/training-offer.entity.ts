import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/persistence';
import { Organization, OrganizationKind } from '@app/organizations';
import { CapacityArea } from '@app/reference-data';
import { AudienceRegion } from '@app/matching';

export enum TrainingFormat {
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
  HYBRID = 'HYBRID',
}
registerEnumType(TrainingFormat, { name: 'TrainingFormat' });

export enum TrainingStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TrainingStatus, { name: 'TrainingStatus' });

export const TRAINING_SEARCH_EXPRESSION =
  "setweight(to_tsvector('english', coalesce(title, '')), 'A') || " +
  "setweight(to_tsvector('english', coalesce(description, '')), 'B') || " +
  "setweight(to_tsvector('english', coalesce(city, '')), 'C')";

/**
 * A training offer of a provider. Enrolment closes at `applicationDeadline`, or at `startsAt` when
 * there is none. Seats are guarded by a row lock on this row (see EnrolmentsService).
 */
@ObjectType()
@Index('IDX_training_offer_published_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('training_offer')
@Index('IDX_training_offer_status_starts', ['status', 'startsAt'])
@Index('IDX_training_offer_capacity_areas', { synchronize: false })
@Index('IDX_training_offer_search', { synchronize: false })
export class TrainingOffer extends BaseEntity {
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  provider?: Organization;

  @Index('IDX_training_offer_provider')
  @Column({ type: 'uuid' })
  providerId: string;

  @Field()
  @Column({ length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => [CapacityArea])
  @Column('text', { array: true, default: () => "'{}'" })
  capacityAreas: CapacityArea[];

  @Field(() => TrainingFormat)
  @Column({ type: 'enum', enum: TrainingFormat, enumName: 'training_format' })
  format: TrainingFormat;

  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 120, nullable: true })
  city: string | null;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endsAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  applicationDeadline: Date | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  seats: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  costAmount: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  costCurrency: string | null;

  @Field()
  @Column({ default: false })
  subsidyAvailable: boolean;

  @Field(() => [OrganizationKind], { description: 'Empty = any kind' })
  @Column('text', { array: true, default: () => "'{}'" })
  eligibleOrganizationKinds: OrganizationKind[];

  /** Audience: where participating organizations must be based; with audienceRegions, empty = everywhere. */
  @Field(() => [String], {
    description:
      'Audience: ISO 3166-1 countries where an organization must be based (one of its countries of residence) ' +
      'to enrol; together with audienceRegions, empty = organizations based anywhere',
  })
  @Column('text', { array: true, default: () => "'{}'" })
  audienceCountriesOfResidence: string[];

  @Field(() => [AudienceRegion], {
    description:
      'Audience: regions where an organization must be based (any of its countries of residence) to enrol; ' +
      'a country listed in audienceCountriesOfResidence also qualifies',
  })
  @Column('text', { array: true, default: () => "'{}'" })
  audienceRegions: AudienceRegion[];

  @Field({
    description:
      'true: only organizations working in one of the offer’s languages may enrol; false: a shared language only adds points',
  })
  @Column({ default: false })
  languageRequired: boolean;

  @Field(() => TrainingStatus)
  @Column({ type: 'enum', enum: TrainingStatus, enumName: 'training_status', default: TrainingStatus.DRAFT })
  status: TrainingStatus;

  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: TRAINING_SEARCH_EXPRESSION,
    nullable: true,
  })
  searchVector?: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid' })
  createdById: string;
}
