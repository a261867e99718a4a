import { createRequire } from 'node:module';
import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * zxcvbn-ts' list of the most common passwords (about 49,000, lower-case), as a set. Read when a password is
 * first checked: the package unpacks all its word lists when loaded (~0.1 s of every start otherwise).
 */
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  const { dictionary } = createRequire(import.meta.url)(
    '@zxcvbn-ts/language-common',
  ) as typeof import('@zxcvbn-ts/language-common');
  return new Set(dictionary['passwords-common']);
}

/** Why a password is refused beyond its length, or null: a common password, or one character repeated. */
export function weakPasswordReason(password: string): string | null {
  if (/^(.)\1*$/su.test(password)) return 'password must not be one character repeated';
  common ??= commonPasswords();
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
