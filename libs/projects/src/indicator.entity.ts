import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { RowEntity } from '@app/persistence';
import { DateScalar } from '@app/common';
import { Project } from './project.entity.js';

/** A result indicator with a baseline and a target ("benchmarks to measure progress"). */
@ObjectType()
@Entity('indicator')
export class Indicator extends RowEntity {
  @ManyToOne(() => Project, { onDelete: 'CASCADE', nullable: false })
  project?: Project;

  @Index('IDX_indicator_project')
  @Column({ type: 'uuid' })
  projectId: string;

  @Field()
  @Column({ length: 200 })
  name: string;

  @Field()
  @Column({ length: 60 })
  unit: string;

  @Field(() => Float)
  @Column({ type: 'float8' })
  baseline: number;

  @Field(() => Float)
  @Column({ type: 'float8' })
  target: number;
}

@ObjectType()
@Entity('measurement')
export class Measurement extends RowEntity {
  @ManyToOne(() => Indicator, { onDelete: 'CASCADE', nullable: false })
  indicator?: Indicator;

  @Index('IDX_measurement_indicator')
  @Column({ type: 'uuid' })
  indicatorId: string;

  @Field(() => Float)
  @Column({ type: 'float8' })
  value: number;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  measuredOn: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  recordedById: string;
}

/** (latest − baseline) / (target − baseline), clamped to 0..1; null when target = baseline or nothing measured. */
export function progressOf(
  indicator: Pick<Indicator, 'baseline' | 'target'>,
  latest: number | null | undefined,
): number | null {
  if (latest === null || latest === undefined || indicator.target === indicator.baseline) return null;
  const ratio = (latest - indicator.baseline) / (indicator.target - indicator.baseline);
  return Math.min(1, Math.max(0, ratio));
}
