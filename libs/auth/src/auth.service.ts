import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  BadInputError,
  ConflictError,
  DomainError,
  ErrorCode,
  RateLimitedError,
  text,
  Text,
  UnauthenticatedError,
} from '@app/common';
import { queueEmail } from '@app/events';
import { DEFAULT_LANGUAGE, Language } from '@app/mail';
import { isUniqueViolation } from '@app/persistence';
import { AuthPayload, CompleteRegistrationArgs, RegisterInput } from './auth.inputs.js';
import { PasswordService } from './password.service.js';
import { RateLimiterService } from './rate-limiter.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { registrationLinkMail, registrationNoticeMail } from './registration-mail.js';
import { RegistrationRequest } from './registration-request.entity.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { PlatformRole, User } from './user.entity.js';

export interface AccessTokenPayload {
  sub: string;
  role: PlatformRole;
  /** The session: the family of the refresh token issued with it. Revoking the family stops the access token. */
  sid: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Who a session was started from: shown by mySessions (never the token). */
export interface SessionClient {
  ip?: string | null;
  userAgent?: string | null;
}

/** How long the link of a registration e-mail works. */
export const REGISTRATION_TTL_HOURS = 24;

/** Why a registration token cannot be used (BAD_USER_INPUT naming `token`). */
export const REGISTRATION_TOKEN_ERRORS = {
  unknown: text('errors.auth.registrationUnknown'),
  used: text('errors.auth.registrationUsed'),
  expired: text('errors.auth.registrationExpired'),
  taken: text('errors.auth.registrationTaken'),
} as const;

/** The extensions.reason of the FORBIDDEN answer of register when REGISTRATION_EMAIL_CONFIRMATION is on. */
export const EMAIL_CONFIRMATION_REQUIRED = 'EMAIL_CONFIRMATION_REQUIRED';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly rateLimiter: RateLimiterService,
    private readonly throttle: SignInThrottle,
    private readonly config: AppConfig,
  ) {}

  /** REGISTRATION_EMAIL_CONFIRMATION, on in production unless set. */
  get registrationNeedsConfirmation(): boolean {
    return this.config.REGISTRATION_EMAIL_CONFIRMATION ?? this.config.isProduction;
  }

  /**
   * Creates and signs in an account at once. Its CONFLICT for a known address tells anyone which
   * addresses have accounts, so with REGISTRATION_EMAIL_CONFIRMATION on it is refused before it
   * looks at anything (FORBIDDEN, reason EMAIL_CONFIRMATION_REQUIRED).
   */
  async register(input: RegisterInput, ip: string, userAgent?: string | null): Promise<AuthPayload> {
    if (this.registrationNeedsConfirmation) {
      throw new DomainError(ErrorCode.FORBIDDEN, text('errors.auth.confirmEmailFirst'), {
        reason: EMAIL_CONFIRMATION_REQUIRED,
      });
    }
    await this.limitRegistration(ip, input.email);
    const users = this.dataSource.getRepository(User);
    if (await users.exists({ where: { email: input.email } })) {
      throw new ConflictError('An account with this e-mail address already exists', { key: 'errors.emailTaken' });
    }
    const passwordHash = await this.passwords.hash(input.password);
    try {
      const user = await users.save(users.create({ email: input.email, name: input.name, passwordHash }));
      return this.issueTokens(user, undefined, undefined, { ip, userAgent });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('An account with this e-mail address already exists', { key: 'errors.emailTaken' });
      throw error;
    }
  }

  /**
   * Mails a single-use link (PUBLIC_WEB_URL/register/<token>, REGISTRATION_TTL_HOURS) to a new
   * address, replacing its pending one; mails the owner of an address that has an account a notice
   * instead. Always true: the answer, and the work done before it (one lookup, one delete or
   * upsert, one mail and its event in one transaction; the mail is sent after commit), are the same.
   */
  async startRegistration(email: string, ip: string, language: Language = DEFAULT_LANGUAGE): Promise<boolean> {
    await this.limitRegistration(ip, email);
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { email },
        select: { id: true, email: true, preferredLanguage: true },
      });
      if (user) {
        // a pending link of an address that has an account can only fail: drop it
        await manager.delete(RegistrationRequest, { email, completedAt: IsNull() });
        await queueEmail(manager, this.config, registrationNoticeMail(this.config, user, randomUUID()));
        return;
      }
      const token = randomBytes(32).toString('base64url');
      const tokenHash = sha256(token);
      // one statement, so two requests for one address at once end as one row with the last token
      await manager.query(
        `INSERT INTO registration_request (email, token_hash, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO UPDATE
           SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at, completed_at = NULL, updated_at = now()`,
        [email, tokenHash, new Date(Date.now() + REGISTRATION_TTL_HOURS * 3_600_000)],
      );
      await queueEmail(
        manager,
        this.config,
        registrationLinkMail(this.config, email, token, tokenHash, REGISTRATION_TTL_HOURS, language),
      );
    });
    return true;
  }

  /**
   * Creates the account of the address a registration token confirmed, uses the token up and
   * signs in. An unknown, used or expired token, or an address that got an account meanwhile,
   * answers BAD_USER_INPUT naming `token` (not UNAUTHENTICATED: no session is involved, and
   * clients treat UNAUTHENTICATED as "sign the user out").
   */
  async completeRegistration(args: CompleteRegistrationArgs, client: SessionClient = {}): Promise<AuthPayload> {
    const tokenHash = sha256(args.token);
    // checked first without a lock, so that no password is hashed (argon2id, 19 MiB) for a bad token
    const found = await this.dataSource.getRepository(RegistrationRequest).findOneBy({ tokenHash });
    const problem = registrationTokenProblem(found);
    if (problem) throw new BadInputError('token', problem);
    const passwordHash = await this.passwords.hash(args.password);
    let outcome: { error: Text } | { payload: AuthPayload };
    try {
      outcome = await this.dataSource.transaction(async (manager) => {
        const request = await manager
          .getRepository(RegistrationRequest)
          .createQueryBuilder('r')
          .setLock('pessimistic_write')
          .where('r.token_hash = :tokenHash', { tokenHash })
          .getOne();
        const error = registrationTokenProblem(request);
        if (error || !request) return { error: error ?? REGISTRATION_TOKEN_ERRORS.unknown };
        await manager.update(RegistrationRequest, { id: request.id }, { completedAt: new Date() });
        if (await manager.existsBy(User, { email: request.email })) return { error: REGISTRATION_TOKEN_ERRORS.taken };
        const { id } = await manager.save(
          manager.create(User, { email: request.email, name: args.name, passwordHash }),
        );
        const user = await manager.findOneByOrFail(User, { id });
        return { payload: await this.issueTokens(user, undefined, manager.getRepository(RefreshToken), client) };
      });
    } catch (error) {
      // an account of this address was created by another request between the check and the insert
      if (isUniqueViolation(error)) throw new BadInputError('token', REGISTRATION_TOKEN_ERRORS.taken);
      throw error;
    }
    if ('error' in outcome) throw new BadInputError('token', outcome.error);
    return outcome.payload;
  }

  async login(rawEmail: string, password: string, ip: string, userAgent?: string | null): Promise<AuthPayload> {
    const email = rawEmail.trim().toLowerCase();
    if (!isEmail(email)) throw new BadInputError('email', text('validation.email', { field: 'email' }));
    await this.throttle.beforeAttempt(email, ip);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok) {
      await this.throttle.failed(email, ip);
      throw new UnauthenticatedError(text('errors.auth.wrongCredentials'));
    }
    return this.issueTokens(user, undefined, undefined, { ip, userAgent });
  }

  /**
   * Rotates a refresh token. A token used twice revokes its whole family. `client` (the request's
   * address and User-Agent) is what mySessions shows of the session; the cookie flow passes it too.
   */
  async refresh(token: string, client: SessionClient = {}): Promise<AuthPayload> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: sha256(token) })
        .getOne();
      if (!stored) return { error: text('errors.auth.refreshInvalid') };
      if (stored.usedAt || stored.revokedAt) {
        await manager.update(
          RefreshToken,
          { familyId: stored.familyId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
        return { error: text('errors.auth.refreshReused') };
      }
      if (stored.expiresAt.getTime() <= Date.now()) return { error: text('errors.auth.refreshExpired') };
      await manager.update(RefreshToken, { id: stored.id }, { usedAt: new Date() });
      const user = await manager.findOneByOrFail(User, { id: stored.userId });
      return { payload: await this.issueTokens(user, stored.familyId, manager.getRepository(RefreshToken), client) };
    });
    if (!outcome.payload) throw new UnauthenticatedError(outcome.error);
    return outcome.payload;
  }

  /** Revokes the family of the given refresh token; unknown tokens are ignored. */
  async logout(token: string): Promise<boolean> {
    const repo = this.dataSource.getRepository(RefreshToken);
    const stored = await repo.findOneBy({ tokenHash: sha256(token) });
    if (stored) await repo.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return true;
  }

  /**
   * Starts a session (or continues `familyId` on rotation) for a user whose identity is already
   * established: a signed access token naming the session, and a new refresh token.
   */
  async issueTokens(
    user: User,
    familyId: string = randomUUID(),
    repo = this.dataSource.getRepository(RefreshToken),
    client: SessionClient = {},
  ): Promise<AuthPayload> {
    const payload: AccessTokenPayload = { sub: user.id, role: user.platformRole, sid: familyId };
    const accessToken = await this.jwt.signAsync(payload, {
      secret: this.config.jwtSecret,
      expiresIn: this.config.JWT_ACCESS_TTL_SECONDS,
      algorithm: 'HS256',
    });
    const refreshToken = randomBytes(32).toString('base64url');
    await repo.insert({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      userAgent: client.userAgent ? client.userAgent.slice(0, 300) : null,
      ipAddress: client.ip ? client.ip.slice(0, 64) : null,
    });
    return { accessToken, refreshToken, user };
  }

  /** Registrations (register, startRegistration) per client address and per e-mail address. */
  private async limitRegistration(ip: string, email: string): Promise<void> {
    const { AUTH_RATE_LIMIT_MAX: max, AUTH_RATE_LIMIT_WINDOW_SECONDS: window } = this.config;
    const results = await Promise.all([
      this.rateLimiter.hit(`register:ip:${ip}`, max, window),
      this.rateLimiter.hit(`register:email:${email}`, max, window),
    ]);
    const blocked = results.find((r) => !r.allowed);
    if (blocked) throw new RateLimitedError(blocked.retryAfterSeconds);
  }
}

function registrationTokenProblem(request: RegistrationRequest | null): Text | null {
  if (!request) return REGISTRATION_TOKEN_ERRORS.unknown;
  if (request.completedAt) return REGISTRATION_TOKEN_ERRORS.used;
  if (request.expiresAt.getTime() <= Date.now()) return REGISTRATION_TOKEN_ERRORS.expired;
  return null;
}
