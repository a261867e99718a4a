import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '@app/persistence';
import { DateScalar } from '@app/common';
import { Organization } from '@app/organizations';

export enum ProjectKind {
  ENTREPRENEURSHIP = 'ENTREPRENEURSHIP',
  SOCIAL_INVESTMENT = 'SOCIAL_INVESTMENT',
  POLICY_ADVOCACY = 'POLICY_ADVOCACY',
  KNOWLEDGE_TRANSFER = 'KNOWLEDGE_TRANSFER',
  RETURN_AND_REINTEGRATION = 'RETURN_AND_REINTEGRATION',
  REMITTANCES = 'REMITTANCES',
  CAPACITY_BUILDING = 'CAPACITY_BUILDING',
  HUMANITARIAN = 'HUMANITARIAN',
  EMERGENCY_RELIEF = 'EMERGENCY_RELIEF',
  IN_KIND_DONATION = 'IN_KIND_DONATION',
  CONSTRUCTION = 'CONSTRUCTION',
}
registerEnumType(ProjectKind, { name: 'ProjectKind' });

export enum ProjectStatus {
  IDEA = 'IDEA',
  PLANNING = 'PLANNING',
  SEEKING_FUNDING = 'SEEKING_FUNDING',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });

export const PROJECT_SEARCH_EXPRESSION =
  "setweight(to_tsvector('english', coalesce(title, '')), 'A') || " +
  "setweight(to_tsvector('english', coalesce(summary, '')), 'B') || " +
  "setweight(to_tsvector('english', coalesce(locality, '')), 'C')";

/** A development project of an organization. Archived projects leave listings and matching but keep their history. */
@ObjectType()
@Index('IDX_project_live_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Index('IDX_project_organization_live_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('project')
@Index('IDX_project_countries', { synchronize: false })
@Index('IDX_project_themes', { synchronize: false })
@Index('IDX_project_sdgs', { synchronize: false })
@Index('IDX_project_search', { synchronize: false })
@Index('IDX_project_matching', { synchronize: false })
export class Project extends BaseEntity {
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  organization?: Organization;

  @Index('IDX_project_organization')
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field()
  @Column({ length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  summary: string;

  @Field(() => ProjectKind)
  @Column({ type: 'enum', enum: ProjectKind, enumName: 'project_kind' })
  kind: ProjectKind;

  @Field(() => ProjectStatus)
  @Column({ type: 'enum', enum: ProjectStatus, enumName: 'project_status', default: ProjectStatus.IDEA })
  status: ProjectStatus;

  @Column('text', { array: true, default: () => "'{}'" })
  countries: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  locality: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  themes: string[];

  @Column('smallint', { array: true, default: () => "'{}'" })
  sdgs: number[];

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  budgetAmount: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  budgetCurrency: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fundingSoughtAmount: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  fundingSoughtCurrency: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  beneficiaries: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Set when archived; archived projects leave listings and matching',
  })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: PROJECT_SEARCH_EXPRESSION,
    nullable: true,
  })
  searchVector?: string;

  @Field()
  declare updatedAt: Date;
}
