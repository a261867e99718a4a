import { JwtService } from '@nestjs/jwt';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import type { AuthUser } from '@app/common';

/** graphql-ws' context argument (the parts used here). */
export interface WsConnectionContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: { user?: AuthUser };
}

/**
 * Authenticates a graphql-ws connection with the access token of its connection parameters
 * (`{ authorization: 'Bearer …' }`, or `{ accessToken: '…' }`): the same checks as the HTTP JWT
 * strategy (HS256 signature, expiry, the user still exists).
 */
export class SubscriptionAuthenticator {
  private readonly jwt = new JwtService({});

  constructor(
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The `Bearer …` header the connection parameters carry ('' when none). */
  static header(params: Readonly<Record<string, unknown>> | undefined): string {
    const header = params?.authorization ?? params?.Authorization;
    if (typeof header === 'string' && /^Bearer\s+\S+/i.test(header)) return header;
    return typeof params?.accessToken === 'string' && params.accessToken ? `Bearer ${params.accessToken}` : '';
  }

  async authenticate(params: Readonly<Record<string, unknown>> | undefined): Promise<AuthUser | null> {
    const token = SubscriptionAuthenticator.header(params).replace(/^Bearer\s+/i, '');
    if (!token) return null;
    let payload: { sub?: unknown };
    try {
      payload = await this.jwt.verifyAsync(token, { secret: this.config.jwtSecret, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (typeof payload?.sub !== 'string') return null;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    const [user] = await dataSource.query(`SELECT id, email, platform_role FROM app_user WHERE id = $1`, [payload.sub]);
    return user ? { id: user.id, email: user.email, platformRole: user.platform_role } : null;
  }
}
