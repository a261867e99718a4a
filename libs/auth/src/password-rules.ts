import { dictionary } from '@zxcvbn-ts/language-common';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** zxcvbn-ts' list of the most common passwords (about 49,000, lower-case), as a set. */
let common: Set<string> | undefined;

/** Why a password is refused beyond its length, or null: a common password, or one character repeated. */
export function weakPasswordReason(password: string): string | null {
  if (/^(.)\1*$/su.test(password)) return 'password must not be one character repeated';
  common ??= new Set(dictionary['passwords-common']);
  if (common.has(password.toLowerCase())) return 'password is one of the most common passwords; choose another';
  return null;
}

/** Refuses common passwords and passwords made of one repeated character (message from weakPasswordReason). */
export function IsNotWeakPassword(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotWeakPassword',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || weakPasswordReason(value) === null,
        defaultMessage: (args) => weakPasswordReason(String(args?.value)) ?? 'password is too weak',
      },
    });
}
