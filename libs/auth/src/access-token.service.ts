import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, StrategyOptionsWithoutRequest } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { ServiceUnavailableError } from '@app/common';
import type { AuthUser } from '@app/common';
import { ThrottledWarning } from './throttled-warning.js';

/** Access tokens are signed with HS256 only (an `alg` of `none` or RS256 is refused). */
const ALGORITHM = 'HS256';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user of a token whose session (refresh-token family) has not been revoked, in one query. */
const SESSION_USER_SQL = `
  SELECT u.id, u.email, u.platform_role AS "platformRole", u.preferred_language AS "preferredLanguage"
    FROM app_user u
   WHERE u.id = $1
     AND EXISTS (SELECT 1 FROM refresh_token t
                  WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL)`;

/** A verified access token: its user and when it expires. */
export interface Authenticated {
  user: AuthUser;
  expiresAt: Date;
}

/** The claims the lookup needs, or null when the token was not issued by AuthService. */
function sessionClaims(payload: unknown): { sub: string; sid: string; exp: number } | null {
  const { sub, sid, exp } = (payload ?? {}) as { sub?: unknown; sid?: unknown; exp?: unknown };
  if (typeof sub !== 'string' || !UUID.test(sub) || typeof sid !== 'string' || !UUID.test(sid)) return null;
  return typeof exp === 'number' && Number.isFinite(exp) ? { sub, sid, exp } : null;
}

/**
 * The one rule for access tokens, used by the HTTP JWT strategy and by graphql-ws connections: an
 * HS256 signature made with JWT_SECRET, an `exp` not passed, a string `sub` naming a user that
 * still exists and a `sid` naming a session of hers that was not signed out or revoked; the
 * request user is that user's id, e-mail and current platform role. When the lookup itself fails
 * (database unreachable) the answer is ServiceUnavailableError, never "invalid token".
 */
@Injectable()
export class AccessTokenService {
  private readonly warning = new ThrottledWarning(new Logger(AccessTokenService.name), 10_000);

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

  /** The verified payload of a raw token (signature and expiry only, no lookup), or null. */
  verify(token: string): Record<string, unknown> | null {
    if (!token) return null;
    try {
      return this.jwt.verify<Record<string, unknown>>(token, {
        secret: this.config.jwtSecret,
        algorithms: [ALGORITHM],
      });
    } catch {
      return null;
    }
  }

  /**
   * Who a token claims to be, when its signature and expiry hold (no session lookup): for keying
   * budgets before the guard runs. Null for a refused token.
   */
  subjectOf(token: string): string | null {
    const sub = this.verify(token)?.sub;
    return typeof sub === 'string' ? sub : null;
  }

  /** Checks a raw token (signature, expiry, session) and resolves its user; null when the token is refused. */
  async authenticate(token: string): Promise<Authenticated | null> {
    const payload = this.verify(token);
    if (!payload) return null;
    const user = await this.userOf(payload);
    return user ? { user, expiresAt: new Date((payload as { exp: number }).exp * 1000) } : null;
  }

  /** The request user of a verified payload, or null when the token is refused. */
  async userOf(payload: unknown): Promise<AuthUser | null> {
    const claims = sessionClaims(payload);
    if (!claims) return null;
    let rows: AuthUser[];
    try {
      rows = await this.dataSource.query(SESSION_USER_SQL, [claims.sub, claims.sid]);
    } catch (error) {
      this.warning.warn(`The access-token lookup failed: ${(error as Error).message}`);
      throw new ServiceUnavailableError();
    }
    return rows[0]
      ? {
          id: rows[0].id,
          email: rows[0].email,
          platformRole: rows[0].platformRole,
          sessionId: claims.sid,
          preferredLanguage: rows[0].preferredLanguage,
        }
      : null;
  }
}
