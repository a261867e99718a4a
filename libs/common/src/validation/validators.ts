import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsString,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';

/** The year must not lie in the future (checked against the current date at validation time). */
export function NotAFutureYear(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notAFutureYear',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must not be in the future`, ...options },
      validator: {
        validate: (value: unknown) =>
          value === null || value === undefined || (typeof value === 'number' && value <= new Date().getUTCFullYear()),
      },
    });
}

/** Trims strings; use with @Transform. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Trims and lower-cases e-mail addresses. */
export const normaliseEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
/** Upper-cases code lists (country codes). */
export const upperCodes = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : value;
/** Upper-cases one code (currency, country). */
export const upperCode = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
/** Lower-cases code lists (language codes). */
export const lowerCodes = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value;

/** A required text, trimmed, between `min` and `max` characters (the message names the field). */
export const TrimmedText = (min: number, max: number) =>
  applyDecorators(
    Transform(trim),
    IsString(),
    MinLength(min, { message: `$property must be at least ${min} characters` }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
  );

/**
 * Upper bounds of list inputs (filters and stored lists): every list is bounded, so none can outgrow
 * SQL's 65,535 parameters or make validation itself expensive. Duplicates are allowed, hence the slack.
 */
export const LIST_LIMITS = { countries: 300, themes: 100, languages: 200, sdgs: 17, enumValues: 50 } as const;

/** At most `max` items (BAD_USER_INPUT naming the field). */
export const MaxItems = (max: number) => ArrayMaxSize(max, { message: `$property must have at most ${max} items` });

/**
 * An optional field that cannot be cleared: it may be left out (the current or default value
 * stays) but not given as null (BAD_USER_INPUT naming it, before anything is written).
 */
export const OmittableNotNull = () =>
  applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    IsDefined({ message: '$property must not be null (leave it out to keep the current value)' }),
  );
