import { createRequire } from 'node:module';
import { Injectable } from '@nestjs/common';

/** The native argon2 addon, loaded at the first password hashed or checked, not at every start-up. */
let argon2: typeof import('@node-rs/argon2') | undefined;
const loadArgon2 = () =>
  (argon2 ??= createRequire(import.meta.url)('@node-rs/argon2') as typeof import('@node-rs/argon2'));

/** Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;

/** argon2id with the OWASP-recommended minimum parameters (19 MiB, 2 iterations). */
@Injectable()
export class PasswordService {
  private readonly options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };
  /** A hash of a random password, verified against when the e-mail is unknown (same timing). */
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return loadArgon2().hash(password, this.options);
  }

  async verify(hashed: string | null | undefined, password: string): Promise<boolean> {
    if (!hashed) {
      this.dummy ??= this.hash('not-a-password-of-anyone');
      await loadArgon2()
        .verify(await this.dummy, password)
        .catch(() => false);
      return false;
    }
    return loadArgon2()
      .verify(hashed, password)
      .catch(() => false);
  }
}
