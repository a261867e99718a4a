import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { isUuid } from '@app/common';

/**
 * HMAC-SHA256 signatures of upload tokens and download links, with a key derived from JWT_SECRET
 * for this use only (so a file signature can never pass as anything else, nor the reverse).
 */
@Injectable()
export class FileSigner {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('diaspora-nexus/files/v1').digest();
  }

  private sign(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }

  private same(given: string, expected: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** `<upload id>.<signature>`: the upload link's last segment. */
  uploadToken(uploadId: string): string {
    return `${uploadId}.${this.sign(`upload:${uploadId}`)}`;
  }

  /** The upload id of a well-signed token, else null (checked before any database read). */
  uploadIdOf(token: string): string | null {
    const [id, signature, ...rest] = token.split('.');
    if (rest.length || !isUuid(id) || !signature) return null;
    return this.same(signature, this.sign(`upload:${id}`)) ? id : null;
  }

  /**
   * The query of a download link valid at least FILE_URL_TTL_SECONDS: the expiry is rounded up to a
   * step of a third of it, so one viewer gets the same link (and browser cache hits) for a while.
   */
  downloadQuery(fileId: string, now = Date.now()): { exp: number; sig: string } {
    const ttl = this.config.FILE_URL_TTL_SECONDS;
    const step = Math.max(1, Math.floor(ttl / 3));
    const exp = Math.ceil((Math.floor(now / 1000) + ttl) / step) * step;
    return { exp, sig: this.sign(`download:${fileId}:${exp}`) };
  }

  /** A download link's signature is right and it has not expired. */
  checkDownload(fileId: string, exp: string | undefined, sig: string | undefined, now = Date.now()): boolean {
    if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
    if (Number(exp) * 1000 < now) return false;
    return this.same(sig, this.sign(`download:${fileId}:${exp}`));
  }
}
