import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A reference rate: how many units of `currency` one euro bought on `rate_date` (the ECB's euro
 * foreign exchange reference rates; EUR itself is 1 on every date loaded). Created with the view
 * current_exchange_rate (the latest date of each currency) by the ExchangeRates migration.
 */
@Entity('exchange_rate')
@Check('CHK_exchange_rate_currency', `"currency" ~ '^[A-Z]{3}$'`)
@Check('CHK_exchange_rate_positive', `"units_per_eur" > 0`)
export class ExchangeRateRow {
  @PrimaryColumn({ type: 'text' })
  currency: string;

  @PrimaryColumn({ name: 'rate_date', type: 'date' })
  rateDate: string;

  /** numeric: comes back from pg as a string */
  @Column({ name: 'units_per_eur', type: 'numeric' })
  unitsPerEur: string;
}

@ObjectType({ description: 'The reference rate of one currency against the euro' })
export class ExchangeRate {
  @Field({ description: 'ISO 4217' })
  currency: string;

  @Field(() => Float, { description: 'Units of the currency that one euro buys' })
  unitsPerEur: number;

  @Field({ description: 'The date of the rate (YYYY-MM-DD)' })
  rateDate: string;
}

@ObjectType({ description: 'The latest euro foreign exchange reference rates of the European Central Bank' })
export class ExchangeRates {
  @Field(() => String, {
    nullable: true,
    description: 'The latest date of a rate (YYYY-MM-DD); null when none is loaded',
  })
  date: string | null;

  @Field()
  source: string;

  @Field(() => [ExchangeRate], { description: 'Each currency at its latest rate, EUR included (1), by code' })
  rates: ExchangeRate[];
}
