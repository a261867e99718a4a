import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, StrategyOptionsWithoutRequest } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import type { AuthUser } from '@app/common';
import { User } from './user.entity.js';

/** Access tokens are signed with HS256 only (an `alg` of `none` or RS256 is refused). */
const ALGORITHM = 'HS256';

/**
 * The one rule for access tokens, used by the HTTP JWT strategy and by graphql-ws connections: an
 * HS256 signature made with JWT_SECRET, not expired, a string `sub` naming a user that still
 * exists; the request user is that user's id, e-mail and current platform role.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly config: AppConfig,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** passport-jwt's options: the Bearer token of the Authorization header, checked by the rule above. */
  strategyOptions(): StrategyOptionsWithoutRequest {
    return {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: this.config.jwtSecret,
      algorithms: [ALGORITHM],
      ignoreExpiration: false,
    };
  }

  /** Checks a raw token (signature, expiry) and resolves its user; null when the token is refused. */
  async authenticate(token: string): Promise<AuthUser | null> {
    if (!token) return null;
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(token, { secret: this.config.jwtSecret, algorithms: [ALGORITHM] });
    } catch {
      return null;
    }
    return this.userOf(payload);
  }

  /** The request user of a verified payload, or null when its user no longer exists. */
  async userOf(payload: unknown): Promise<AuthUser | null> {
    const sub = (payload as { sub?: unknown } | null)?.sub;
    if (typeof sub !== 'string') return null;
    const user = await this.dataSource.getRepository(User).findOne({
      where: { id: sub },
      select: { id: true, email: true, platformRole: true },
    });
    return user ? { id: user.id, email: user.email, platformRole: user.platformRole } : null;
  }
}
