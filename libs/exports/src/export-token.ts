import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a download URL carries: who asked, what, with which parameters, until when (seconds). */
export interface ExportClaims {
  u: string;
  k: string;
  p: Record<string, unknown>;
  x: number;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * Stateless signed download tokens: base64url(JSON claims) "." base64url(HMAC-SHA256). The key is
 * derived from the JWT secret for this one use, so a token of one kind never verifies as another.
 */
export class ExportTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('diaspora-nexus:export-download:v1').digest();
  }

  sign(claims: ExportClaims): string {
    const body = b64(JSON.stringify(claims));
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a well-signed, unexpired token; null otherwise (the caller answers 404). */
  verify(token: string, now = Date.now()): ExportClaims | null {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ExportClaims;
      if (typeof claims.u !== 'string' || typeof claims.k !== 'string' || typeof claims.x !== 'number') return null;
      if (claims.x * 1000 <= now) return null;
      return claims;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** A calendar feed secret (shown once) and its SHA-256 (stored). */
export function newFeedSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashFeedSecret(secret) };
}

export const hashFeedSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
