import { ModuleRef } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import { AccessTokenService } from '@app/auth';
import { ErrorCode, ServiceUnavailableError } from '@app/common';

/** graphql-ws' context argument (the parts used here). */
export interface WsConnectionContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  subscriptions?: Readonly<Record<string, unknown>>;
  extra?: { socket?: { close(code: number, reason: string): void } };
}

/**
 * Close codes of graphql-ws connections besides the protocol's own: 4403 (Forbidden) refuses a
 * missing or bad token; 4401 closes a connection when its access token expires (reconnect with a
 * fresh one); 4503 refuses a connection while the token cannot be checked (database unavailable;
 * retry later).
 */
export const WsCloseCode = { TokenExpired: 4401, ServiceUnavailable: 4503 } as const;

/** Longest timer Node accepts (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Authenticates a graphql-ws connection with the access token of its connection parameters
 * (`{ authorization: 'Bearer …' }`, or `{ accessToken: '…' }`), by the rule HTTP requests are
 * checked with (AccessTokenService: HS256 signature, expiry, the user and her session still
 * exist); closes the connection when that token expires, and caps the operations it runs at once.
 */
export class SubscriptionAuthenticator {
  private readonly expiryTimers = new WeakMap<object, NodeJS.Timeout>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly maxOperations: number,
  ) {}

  /** The `Bearer …` header the connection parameters carry ('' when none). */
  static header(params: Readonly<Record<string, unknown>> | undefined): string {
    const header = params?.authorization ?? params?.Authorization;
    if (typeof header === 'string' && /^Bearer\s+\S+/i.test(header)) return header;
    return typeof params?.accessToken === 'string' && params.accessToken ? `Bearer ${params.accessToken}` : '';
  }

  /** graphql-ws onConnect: accepts a valid token and schedules the close at its expiry. */
  async onConnect(ctx: WsConnectionContext): Promise<boolean> {
    try {
      const authenticated = await this.check(ctx.connectionParams);
      if (!authenticated) return false;
      const delay = Math.min(Math.max(authenticated.expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS);
      const timer = setTimeout(() => ctx.extra?.socket?.close(WsCloseCode.TokenExpired, 'Token expired'), delay);
      this.expiryTimers.set(ctx, timer.unref());
      return true;
    } catch (error) {
      if (!(error instanceof ServiceUnavailableError)) return false;
      ctx.extra?.socket?.close(WsCloseCode.ServiceUnavailable, 'Service unavailable'); // sent before graphql-ws' 4403
      return false;
    }
  }

  /** graphql-ws onSubscribe: refuses an operation beyond the cap; the connection stays open. */
  onSubscribe(ctx: WsConnectionContext): GraphQLError[] | undefined {
    if (Object.keys(ctx.subscriptions ?? {}).length <= this.maxOperations) return undefined;
    const message = `A connection may run at most ${this.maxOperations} operations at once; complete one first`;
    return [new GraphQLError(message, { extensions: { code: ErrorCode.RATE_LIMITED } })];
  }

  /** graphql-ws onClose: drops the expiry timer. */
  onClose(ctx: WsConnectionContext): void {
    clearTimeout(this.expiryTimers.get(ctx));
    this.expiryTimers.delete(ctx);
  }

  private check(params: Readonly<Record<string, unknown>> | undefined) {
    const token = SubscriptionAuthenticator.header(params).replace(/^Bearer\s+/i, '');
    return this.moduleRef.get(AccessTokenService, { strict: false }).authenticate(token);
  }
}
