import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { StateMachine } from '@app/common';
import { BaseEntity } from '@app/persistence';
import { Organization } from '@app/organizations';
import { ProjectKind } from '@app/projects';

export enum FundStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(FundStatus, {
  name: 'FundStatus',
  description: 'An OPEN fund whose deadline has passed is CLOSED everywhere, at once.',
});

/** DRAFT → OPEN (publishFund) → CLOSED (closeFund, or the deadline passes). */
export const FUND_TRANSITIONS: StateMachine<FundStatus> = {
  [FundStatus.DRAFT]: [FundStatus.OPEN],
  [FundStatus.OPEN]: [FundStatus.CLOSED],
  [FundStatus.CLOSED]: [],
};

export const FUND_SEARCH_EXPRESSION =
  "setweight(to_tsvector('english', coalesce(title, '')), 'A') || " +
  "setweight(to_tsvector('english', coalesce(description, '')), 'B')";

/**
 * A fund with its eligibility rules. `textQuery` (the fund's words OR-ed, kept by the service) lets
 * matching rank organizations' text against it. Kinds are stored as text[] to compare with ANY().
 */
@ObjectType()
@Index('IDX_fund_published_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Index('IDX_fund_funder_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('fund')
@Index('IDX_fund_open_deadline', ['status', 'deadline'])
@Index('IDX_fund_themes', { synchronize: false })
@Index('IDX_fund_search', { synchronize: false })
export class Fund extends BaseEntity {
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  funder?: Organization;

  @Index('IDX_fund_funder')
  @Column({ type: 'uuid' })
  funderId: string;

  @Field()
  @Column({ length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  /** Stored status; the API exposes the effective one (see FundsService.effectiveStatus). */
  @Column({ type: 'enum', enum: FundStatus, enumName: 'fund_status', default: FundStatus.DRAFT })
  status: FundStatus;

  @Field({ description: 'ISO 4217' })
  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  minGrant: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  maxGrant: string | null;

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true })
  totalBudget: string | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  coFundingPercent: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  opensAt: Date | null;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  deadline: Date;

  @Column('text', { array: true, default: () => "'{}'" })
  themes: string[];

  @Column('smallint', { array: true, default: () => "'{}'" })
  sdgs: number[];

  @Field()
  @Column({ default: false })
  prioritizesWomenLed: boolean;

  @Field()
  @Column({ default: false })
  prioritizesYouthLed: boolean;

  @Column('text', { array: true, default: () => "'{}'" })
  eligibleOrganizationKinds: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  eligibleCountriesOfResidence: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  eligibleCountriesOfOrigin: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  eligibleCountriesOfImplementation: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  eligibleProjectKinds: string[];

  @Column({ default: false })
  requiresLegalRegistration: boolean;

  @Column({ default: false })
  requiresVerification: boolean;

  @Column({ type: 'int', nullable: true })
  minOrganizationAgeYears: number | null;

  /** Issue 15's rules (docs/matching.md). Empty list / false / null: the rule is off. */
  @Field({
    description: 'Every implementation country of the project must be one of the applicant’s countries of origin',
  })
  @Column({ default: false })
  projectInOriginCountry: boolean;

  @Field({
    description: 'All the project’s countries must be eligible countries of implementation (default: at least one)',
  })
  @Column({ default: false })
  requireAllImplementationCountries: boolean;

  @Field(() => [String], { description: 'ISO 3166-2 regions where the applicant must be based; empty = any' })
  @Column('text', { array: true, default: () => "'{}'" })
  eligibleRegionsOfResidence: string[];

  @Field(() => [String], { description: 'Applicants based in these countries are not eligible' })
  @Column('text', { array: true, default: () => "'{}'" })
  excludedCountriesOfResidence: string[];

  @Field(() => [String], {
    description: 'The project (or, without a project, the organization) must work on at least one; empty = any',
  })
  @Column('text', { array: true, default: () => "'{}'" })
  requiredThemes: string[];

  @Field({ description: 'Only not-for-profit organizations (an organization that does not say fails)' })
  @Column({ default: false })
  requiresNonProfit: boolean;

  /** In the fund's currency. */
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true })
  minOrganizationAnnualIncome: string | null;

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true })
  maxOrganizationAnnualIncome: string | null;

  @Field(() => Int, { nullable: true, description: 'Only organizations with at most this many members' })
  @Column({ type: 'int', nullable: true })
  maxOrganizationMembers: number | null;

  @Field({ description: 'Only organizations awarded a grant by a fund of the same funder' })
  @Column({ default: false })
  reservedForPreviousGrantees: boolean;

  @Field(() => [ProjectKind], { description: 'Projects of these kinds are not eligible' })
  @Column('text', { array: true, default: () => "'{}'" })
  excludedProjectKinds: string[];

  /** Limit on the project's whole budget, in the fund's currency. */
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true })
  maxTotalProjectBudget: string | null;

  @Field({ description: 'Diaspora-led organizations score higher' })
  @Column({ default: false })
  prioritizesDiasporaLed: boolean;

  @Field({ description: 'Small organizations score higher' })
  @Column({ default: false })
  prioritizesSmallOrganizations: boolean;

  @Field({ description: 'Organizations never awarded on the platform score higher' })
  @Column({ default: false })
  prioritizesFirstTimeApplicants: boolean;

  @Field(() => [String], {
    description: 'Organizations representing these communities (ISO 3166-1 alpha-2) score higher',
  })
  @Column('text', { array: true, default: () => "'{}'" })
  prioritizedOriginCountries: string[];

  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: FUND_SEARCH_EXPRESSION,
    nullable: true,
  })
  searchVector?: string;

  @Column({ type: 'tsquery', nullable: true, select: false, insert: false, update: false })
  textQuery?: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid' })
  createdById: string;
}
