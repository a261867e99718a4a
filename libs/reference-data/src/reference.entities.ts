import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** ISO 3166-1 alpha-2 countries, inserted by a migration from i18n-iso-countries / countries-list. */
@ObjectType()
@Entity('country')
export class Country {
  @Field({ description: 'ISO 3166-1 alpha-2' })
  @PrimaryColumn({ length: 2 })
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => String, { nullable: true, description: 'Continent (Africa, Europe, …)' })
  @Column({ type: 'varchar', nullable: true })
  region: string | null;
}

/** ISO 639-1 languages, inserted by a migration from iso-639-1. */
@ObjectType()
@Entity('language')
export class Language {
  @Field({ description: 'ISO 639-1' })
  @PrimaryColumn({ length: 2 })
  code: string;

  @Field()
  @Column()
  name: string;
}

/** Migration & development themes (docs/domain.md, "Reference data"); rows so that moderators can add more. */
@ObjectType()
@Entity('theme')
export class Theme {
  @Field()
  @PrimaryColumn({ length: 64 })
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}

/** The 17 Sustainable Development Goals. */
@ObjectType()
@Entity('sdg')
export class Sdg {
  @Field(() => Int)
  @PrimaryColumn({ type: 'smallint' })
  number: number;

  @Field()
  @Column()
  title: string;
}

export enum CapacityArea {
  STRATEGIC_PLANNING = 'STRATEGIC_PLANNING',
  GOVERNANCE_AND_MEMBERSHIP = 'GOVERNANCE_AND_MEMBERSHIP',
  MONITORING_AND_EVALUATION = 'MONITORING_AND_EVALUATION',
  PROJECT_MANAGEMENT = 'PROJECT_MANAGEMENT',
  FUNDRAISING = 'FUNDRAISING',
  FINANCIAL_MANAGEMENT = 'FINANCIAL_MANAGEMENT',
  FINANCIAL_LITERACY = 'FINANCIAL_LITERACY',
  ECONOMIC_AND_BUSINESS_SKILLS = 'ECONOMIC_AND_BUSINESS_SKILLS',
  POLICY_PROCESSES = 'POLICY_PROCESSES',
  POLICY_ADVOCACY = 'POLICY_ADVOCACY',
  ALLIANCE_BUILDING = 'ALLIANCE_BUILDING',
  DIGITAL_SKILLS = 'DIGITAL_SKILLS',
  RETURN_AND_REINTEGRATION = 'RETURN_AND_REINTEGRATION',
  SOCIAL_COSTS_OF_MIGRATION = 'SOCIAL_COSTS_OF_MIGRATION',
}
registerEnumType(CapacityArea, {
  name: 'CapacityArea',
  description: 'Capacity-building areas named by the GFMD reports',
});

@ObjectType('CapacityAreaInfo')
@Entity('capacity_area')
export class CapacityAreaInfo {
  @Field(() => CapacityArea)
  @PrimaryColumn({ length: 64 })
  code: CapacityArea;

  @Field()
  @Column()
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}

export const REFERENCE_ENTITIES = [Country, Language, Theme, Sdg, CapacityAreaInfo];
