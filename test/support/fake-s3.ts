import { createHash, createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * A tiny in-process S3 (PUT, GET, DELETE of objects, path-style `/<bucket>/<key>`) that checks every
 * request as S3 does: an AWS Signature V4 recomputed here from the spec (canonical request, scope,
 * signing key) with the one known key pair, the payload hash against the body, the bucket. Requests
 * it refuses are answered 403 and counted in `refused`.
 */
export class FakeS3 {
  readonly objects = new Map<string, { body: Buffer; contentType: string }>();
  readonly requests: Array<{ method: string; path: string }> = [];
  readonly refused: string[] = [];
  private server!: Server;
  url = '';

  constructor(
    readonly bucket: string,
    readonly region: string,
    readonly accessKeyId: string,
    readonly secretAccessKey: string,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const path = req.url ?? '/';
        this.requests.push({ method: req.method ?? '', path });
        const problem = this.check(req, body);
        if (problem) {
          this.refused.push(problem);
          res.writeHead(403, { 'content-type': 'application/xml' }).end(`<Error><Code>${problem}</Code></Error>`);
          return;
        }
        const key = decodeURIComponent(path.slice(this.bucket.length + 2));
        if (req.method === 'PUT') {
          this.objects.set(key, { body, contentType: String(req.headers['content-type']) });
          res.writeHead(200, { etag: `"${sha256(body)}"` }).end();
        } else if (req.method === 'GET') {
          const found = this.objects.get(key);
          if (!found) res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
          else res.writeHead(200, { 'content-type': found.contentType }).end(found.body);
        } else if (req.method === 'DELETE') {
          this.objects.delete(key);
          res.writeHead(204).end();
        } else {
          res.writeHead(405).end();
        }
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Why S3 would refuse the request, or null. */
  private check(req: IncomingMessage, body: Buffer): string | null {
    const path = req.url ?? '';
    if (!path.startsWith(`/${this.bucket}/`) || path.length <= this.bucket.length + 2) return 'NotPathStyle';
    const auth =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
        String(req.headers.authorization ?? ''),
      );
    if (!auth) return 'MissingSecurityHeader';
    const [, accessKeyId, day, region, signedHeaders, signature] = auth;
    if (accessKeyId !== this.accessKeyId) return 'InvalidAccessKeyId';
    if (region !== this.region) return 'AuthorizationHeaderMalformed';
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    if (!amzDate.startsWith(day)) return 'RequestTimeTooSkewed';
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    if (payloadHash !== sha256(body)) return 'XAmzContentSHA256Mismatch';
    const names = signedHeaders.split(';');
    for (const required of ['host', 'x-amz-date', 'x-amz-content-sha256']) {
      if (!names.includes(required)) return 'SignedHeadersIncomplete';
    }
    const canonicalHeaders = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim()}\n`).join('');
    const [pathname, query = ''] = path.split('?');
    const canonical = [req.method, pathname, query, canonicalHeaders, signedHeaders, payloadHash].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${this.secretAccessKey}`, day), region), 's3'), 'aws4_request');
    if (hmac(key, toSign).toString('hex') !== signature) return 'SignatureDoesNotMatch';
    return null;
  }
}
