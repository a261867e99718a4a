import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig } from '@app/config';
import { BadInputError, ConflictError, RateLimitedError, UnauthenticatedError } from '@app/common';
import { isUniqueViolation } from '@app/persistence';
import { AuthPayload, RegisterInput } from './auth.inputs.js';
import { PasswordService } from './password.service.js';
import { RateLimiterService } from './rate-limiter.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { PlatformRole, User } from './user.entity.js';

export interface AccessTokenPayload {
  sub: string;
  role: PlatformRole;
  /** The session: the family of the refresh token issued with it. Revoking the family stops the access token. */
  sid: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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

  async register(input: RegisterInput, ip: string): Promise<AuthPayload> {
    await this.limitRegistration(ip, input.email);
    const users = this.dataSource.getRepository(User);
    if (await users.exists({ where: { email: input.email } })) {
      throw new ConflictError('An account with this e-mail address already exists');
    }
    const passwordHash = await this.passwords.hash(input.password);
    try {
      const user = await users.save(users.create({ email: input.email, name: input.name, passwordHash }));
      return this.issueTokens(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('An account with this e-mail address already exists');
      throw error;
    }
  }

  async login(rawEmail: string, password: string, ip: string): Promise<AuthPayload> {
    const email = rawEmail.trim().toLowerCase();
    if (!isEmail(email)) throw new BadInputError('email', 'email must be a valid e-mail address');
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
      throw new UnauthenticatedError('Wrong e-mail address or password');
    }
    return this.issueTokens(user);
  }

  /** Rotates a refresh token. A token used twice revokes its whole family. */
  async refresh(token: string): Promise<AuthPayload> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: sha256(token) })
        .getOne();
      if (!stored) return { error: 'The refresh token is invalid' };
      if (stored.usedAt || stored.revokedAt) {
        await manager.update(
          RefreshToken,
          { familyId: stored.familyId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
        return { error: 'The refresh token was already used; every session of this sign-in has been revoked' };
      }
      if (stored.expiresAt.getTime() <= Date.now()) return { error: 'The refresh token has expired' };
      await manager.update(RefreshToken, { id: stored.id }, { usedAt: new Date() });
      const user = await manager.findOneByOrFail(User, { id: stored.userId });
      return { payload: await this.issueTokens(user, stored.familyId, manager.getRepository(RefreshToken)) };
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
    });
    return { accessToken, refreshToken, user };
  }

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
