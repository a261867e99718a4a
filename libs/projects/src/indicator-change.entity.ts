import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { DateScalar } from '@app/common';
import { CreatedEntity } from '@app/persistence';
import { Project } from './project.entity.js';

export enum IndicatorChangeAction {
  INDICATOR_UPDATED = 'INDICATOR_UPDATED',
  INDICATOR_DELETED = 'INDICATOR_DELETED',
  MEASUREMENT_UPDATED = 'MEASUREMENT_UPDATED',
  MEASUREMENT_DELETED = 'MEASUREMENT_DELETED',
}
registerEnumType(IndicatorChangeAction, {
  name: 'IndicatorChangeAction',
  description:
    'A correction or deletion of an indicator or a measurement (deleting an indicator deletes its measurements)',
});

/**
 * The values of an indicator (name, unit, baseline, target) or of a measurement (value, measuredOn,
 * note) before or after a change; the fields of the other kind are null.
 */
@ObjectType()
export class IndicatorChangeValues {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  unit?: string;

  @Field(() => Float, { nullable: true })
  baseline?: number;

  @Field(() => Float, { nullable: true })
  target?: number;

  @Field(() => Float, { nullable: true })
  value?: number;

  @Field(() => DateScalar, { nullable: true })
  measuredOn?: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/**
 * One correction or deletion of a project's indicator or measurement: who, when, what, the values
 * before and after (after is null for a deletion). Written once, in the transaction of the change;
 * kept when the indicator or measurement is gone (their ids are not foreign keys), never deleted.
 */
@ObjectType()
@Index('IDX_indicator_change_project_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('indicator_change')
export class IndicatorChange extends CreatedEntity {
  @ManyToOne(() => Project, { onDelete: 'RESTRICT', nullable: false })
  project?: Project;

  @Index('IDX_indicator_change_project')
  @Column({ type: 'uuid' })
  projectId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  indicatorId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  measurementId: string | null;

  @Field(() => IndicatorChangeAction)
  @Column({ type: 'enum', enum: IndicatorChangeAction, enumName: 'indicator_change_action' })
  action: IndicatorChangeAction;

  @Field(() => ID, { description: 'The member who made the change' })
  @Column({ type: 'uuid' })
  actorId: string;

  @Field(() => IndicatorChangeValues)
  @Column({ type: 'jsonb' })
  before: IndicatorChangeValues;

  @Field(() => IndicatorChangeValues, { nullable: true, description: 'Null for a deletion' })
  @Column({ type: 'jsonb', nullable: true })
  after: IndicatorChangeValues | null;
}
