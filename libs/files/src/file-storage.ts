import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import aws4 from 'aws4';

/**
 * Where the bytes of files live. Keys are chosen by FilesService (random, `ab/<uuid>` shaped), never
 * from a user's file name. Two implementations: the local disk (DATA_DIR/files) and any
 * S3-compatible store (S3_ENDPOINT, path-style requests signed with AWS Signature V4).
 */
export interface FileStorage {
  readonly kind: 'disk' | 's3';
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when no object has this key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

const KEY = /^[a-z0-9]{2}\/[a-z0-9-]{8,80}$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
  return key;
}

/** Files under one folder, `root/<key>`; written to a temporary name and renamed, so a reader never sees half a file. */
export class DiskFileStorage implements FileStorage {
  readonly kind = 'disk' as const;
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    const path = resolve(this.root, checkKey(key));
    if (!path.startsWith(this.root + sep)) throw new Error('Storage key outside the storage folder');
    return path;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.partial`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Longest wait for one request. */
  timeoutMs?: number;
}

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, Garage, …) over its REST API: path-style URLs
 * (`<endpoint>/<bucket>/<key>`), each request signed with AWS Signature V4 (the `aws4` package) and
 * its payload hash, so the store refuses altered bodies.
 */
export class S3FileStorage implements FileStorage {
  readonly kind = 's3' as const;
  private readonly base: URL;

  constructor(private readonly settings: S3Settings) {
    this.base = new URL(settings.endpoint.endsWith('/') ? settings.endpoint : `${settings.endpoint}/`);
  }

  private async send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string) {
    const url = new URL(`${this.settings.bucket}/${checkKey(key)}`, this.base);
    const headers: Record<string, string> = {
      'x-amz-content-sha256': createHash('sha256')
        .update(body ?? Buffer.alloc(0))
        .digest('hex'),
    };
    if (body) {
      headers['content-type'] = contentType ?? 'application/octet-stream';
      headers['content-length'] = String(body.length);
    }
    const signed = aws4.sign(
      {
        host: url.host,
        path: url.pathname,
        method,
        service: 's3',
        region: this.settings.region,
        headers,
        body,
      },
      { accessKeyId: this.settings.accessKeyId, secretAccessKey: this.settings.secretAccessKey },
    );
    // fetch sets Host and Content-Length itself, to the values that were signed
    const sent = Object.entries(signed.headers as Record<string, string>).filter(
      ([name]) => !['host', 'content-length'].includes(name.toLowerCase()),
    );
    return fetch(url, {
      method,
      headers: Object.fromEntries(sent),
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(this.settings.timeoutMs ?? 30_000),
    });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const res = await this.send('PUT', key, bytes, contentType);
    if (!res.ok) throw new Error(`S3 PUT ${key} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.send('GET', key);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`S3 GET ${key} answered ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key} answered ${res.status}`);
  }
}

/** The storage the configuration names: S3 when S3_ENDPOINT is set, else the disk under `diskRoot`. */
export function storageFor(
  config: {
    S3_ENDPOINT?: string;
    S3_BUCKET?: string;
    S3_REGION: string;
    S3_ACCESS_KEY_ID?: string;
    S3_SECRET_ACCESS_KEY?: string;
  },
  diskRoot: string,
): FileStorage {
  if (!config.S3_ENDPOINT) return new DiskFileStorage(diskRoot);
  const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((name) => !config[name]);
  if (missing.length) throw new Error(`S3_ENDPOINT is set: ${missing.join(', ')} must be set too`);
  return new S3FileStorage({
    endpoint: config.S3_ENDPOINT,
    bucket: config.S3_BUCKET as string,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID as string,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY as string,
  });
}
