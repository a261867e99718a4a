import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsNumber, IsString, Max, Min } from 'class-validator';
import { createRequire } from 'node:module';
import { BadInputError } from '../errors/domain-error.js';
import { upperCode } from '../validation/validators.js';
import { text } from '../i18n/translate.js';

const require = createRequire(import.meta.url);
const currencyCodes = require('currency-codes') as { code(code: string): unknown; codes(): string[] };

/**
 * The largest amount of one grant, budget line, cost or request: under ten billion, so it fits the
 * narrowest money column (numeric(12,2), a training's cost) and makes sense everywhere.
 */
export const MAX_AMOUNT = 9_999_999_999;
/** The largest total budget of a fund (its column is numeric(16,2)). */
export const MAX_FUND_BUDGET = 99_999_999_999_999;

/** An amount in an ISO 4217 currency. */
@ObjectType()
export class Money {
  @Field(() => Float)
  amount: number;

  @Field({ description: 'ISO 4217' })
  currency: string;
}

@InputType()
export class MoneyInput {
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'amount must not be negative' })
  @Max(MAX_AMOUNT, { message: `amount must be at most ${MAX_AMOUNT}` })
  amount: number;

  @Field({ description: 'ISO 4217 code, e.g. EUR' })
  @Transform(upperCode)
  @IsString()
  currency: string;
}

/** BAD_USER_INPUT unless `code` is an ISO 4217 currency (checked with the currency-codes package). */
export function assertCurrency(field: string, code: string | null | undefined): void {
  if (code === null || code === undefined) return;
  if (!/^[A-Z]{3}$/.test(code) || !currencyCodes.code(code)) {
    throw new BadInputError(field, text('validation.unknownCurrency', { field, code }), { code });
  }
}

/** numeric columns come back from pg as strings. */
export function money(amount: string | number | null | undefined, currency: string | null | undefined): Money | null {
  if (amount === null || amount === undefined || !currency) return null;
  return { amount: Number(amount), currency };
}
