import { ModuleRef } from '@nestjs/core';
import { AccessTokenService } from '@app/auth';
import type { AuthUser } from '@app/common';

/** graphql-ws' context argument (the parts used here). */
export interface WsConnectionContext {
  connectionParams?: Readonly<Record<string, unknown>>;
}

/**
 * Authenticates a graphql-ws connection with the access token of its connection parameters
 * (`{ authorization: 'Bearer …' }`, or `{ accessToken: '…' }`), by the rule HTTP requests are
 * checked with (AccessTokenService: HS256 signature, expiry, the user still exists).
 */
export class SubscriptionAuthenticator {
  constructor(private readonly moduleRef: ModuleRef) {}

  /** The `Bearer …` header the connection parameters carry ('' when none). */
  static header(params: Readonly<Record<string, unknown>> | undefined): string {
    const header = params?.authorization ?? params?.Authorization;
    if (typeof header === 'string' && /^Bearer\s+\S+/i.test(header)) return header;
    return typeof params?.accessToken === 'string' && params.accessToken ? `Bearer ${params.accessToken}` : '';
  }

  async authenticate(params: Readonly<Record<string, unknown>> | undefined): Promise<AuthUser | null> {
    const token = SubscriptionAuthenticator.header(params).replace(/^Bearer\s+/i, '');
    return this.moduleRef.get(AccessTokenService, { strict: false }).authenticate(token);
  }
}
