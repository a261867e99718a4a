import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '@app/organizations';
import { CapacityArea } from '@app/reference-data';

/** Levels at or below this are needs (docs/domain.md, "Trainings and enrolment", "Training score"). */
export const NEED_LEVEL = 2;

/** The needs of an assessment: the areas scored at or below NEED_LEVEL, in the order given. */
export function needsOf(scores: ReadonlyArray<{ area: CapacityArea; level: number }>): CapacityArea[] {
  return scores.filter((s) => s.level <= NEED_LEVEL).map((s) => s.area);
}

@ObjectType()
export class CapacityScore {
  @Field(() => CapacityArea)
  area: CapacityArea;

  @Field(() => Int, { description: '1 (none) .. 5 (strong)' })
  level: number;
}

/**
 * One self-assessment of an organization. Assessments are never overwritten: every submission is
 * a new row and the latest one counts. `needs` (areas at level ≤ 2) is derived from `scores` when
 * the row is written, so that training matching can compare it with `&&` in SQL.
 */
@ObjectType()
@Entity('capacity_assessment')
@Index('IDX_capacity_assessment_latest', ['organizationId', 'assessedAt'])
export class CapacityAssessment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: false })
  organization?: Organization;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => [CapacityScore], { description: 'One score per assessed area, in the order submitted' })
  @Column({ type: 'jsonb' })
  scores: CapacityScore[];

  @Field(() => [CapacityArea], { description: 'Areas assessed at level 2 or below' })
  @Column('text', { array: true, default: () => "'{}'" })
  needs: CapacityArea[];

  @Column({ type: 'uuid' })
  submittedById: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  assessedAt: Date;
}
