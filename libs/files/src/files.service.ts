import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuthUser,
  BadInputError,
  ConflictError,
  DomainError,
  ErrorCode,
  NotFoundError,
  RateLimitedError,
  requireId,
  text,
} from '@app/common';
import { AppConfig } from '@app/config';
import { RateLimiterService, User } from '@app/auth';
import { ALLOWED_TYPES, inspectContent, normaliseContentType, RefusedContent, safeFileName } from './file-content.js';
import { FileOwners, MAX_FILES } from './file-owners.js';
import { FileSigner } from './file-signer.js';
import { FILE_STORAGE } from './file-storage.js';
import type { FileStorage } from './file-storage.js';
import { FilePurpose, FileUpload, StoredFile } from './file.entity.js';
import { CreateUploadArgs, UploadTicket } from './files.inputs.js';

/** A refusal of the HTTP upload or download, with its status. */
export class FileHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
};

/** The column that holds the owner of each purpose. */
function ownerColumn(purpose: FilePurpose): 'organizationId' | 'applicationId' | 'projectId' {
  if (purpose === FilePurpose.APPLICATION_ATTACHMENT) return 'applicationId';
  if (purpose === FilePurpose.PROJECT_DOCUMENT) return 'projectId';
  return 'organizationId';
}

/**
 * Uploads in two steps (docs/architecture.md, "Files"): `createUpload` checks who may attach to the
 * owner and returns a signed single-use link; `receive` takes the bytes sent to it (size limited while
 * reading, type checked on the content, images re-encoded), stores them and attaches the file to its
 * owner after checking the permission again. Downloads go through signed, short-lived links.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger(FilesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly owners: FileOwners,
    private readonly signer: FileSigner,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly limiter: RateLimiterService,
  ) {}

  /** The largest file of a purpose, in bytes. */
  limitOf(purpose: FilePurpose): number {
    return purpose === FilePurpose.LOGO ? this.config.FILE_MAX_LOGO_BYTES : this.config.FILE_MAX_DOCUMENT_BYTES;
  }

  async createUpload(user: AuthUser, args: CreateUploadArgs, origin: string): Promise<UploadTicket> {
    // every call counts (refused ones too), per user, in Redis when configured (failing open to this process)
    const rate = await this.limiter.hit(
      `upload:${user.id}`,
      this.config.FILE_UPLOAD_RATE_MAX,
      this.config.FILE_UPLOAD_RATE_WINDOW_SECONDS,
    );
    if (!rate.allowed) throw new RateLimitedError(rate.retryAfterSeconds);
    const contentType = normaliseContentType(args.contentType);
    if (!ALLOWED_TYPES[args.purpose].includes(contentType)) {
      throw new BadInputError(
        'contentType',
        text('errors.files.contentType', {
          purpose: args.purpose,
          types: ALLOWED_TYPES[args.purpose],
          got: args.contentType,
        }),
      );
    }
    const limit = this.limitOf(args.purpose);
    if (args.size > limit) {
      throw new BadInputError(
        'size',
        text('errors.files.tooLarge', { purpose: args.purpose, limit, size: args.size }),
        { limit },
      );
    }
    const upload = await this.dataSource.transaction(async (manager) => {
      await this.owners.requireChange(manager, user, args.purpose, args.ownerId, 'add');
      await this.requireRoom(manager, args.purpose, args.ownerId.toLowerCase());
      return manager.save(
        manager.create(FileUpload, {
          purpose: args.purpose,
          ownerId: args.ownerId.toLowerCase(),
          fileName: args.fileName,
          contentType,
          maxSize: args.size,
          createdById: user.id,
          expiresAt: new Date(Date.now() + this.config.FILE_UPLOAD_TTL_SECONDS * 1000),
        }),
      );
    });
    return {
      uploadUrl: `${origin}/files/upload/${this.signer.uploadToken(upload.id)}`,
      method: 'PUT',
      expiresAt: upload.expiresAt,
      maxSize: upload.maxSize,
    };
  }

  /**
   * The bytes of one upload. The token is checked (signature, then used once and unexpired) before the
   * body is read; the body is refused past the declared size while it arrives (413, nothing stored).
   */
  async receive(token: string, body: Readable, declaredLength: number | null): Promise<StoredFile> {
    const id = this.signer.uploadIdOf(token);
    if (!id) throw new FileHttpError(404, 'No such upload');
    const claimed: FileUpload[] = await this.dataSource
      .createQueryBuilder()
      .update(FileUpload)
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL AND expires_at > now()', { id })
      .returning('*')
      .execute()
      .then((result) => (result.raw as Array<Record<string, unknown>>).map((row) => this.uploadOf(row)));
    if (!claimed.length) {
      const known = await this.dataSource.getRepository(FileUpload).findOneBy({ id });
      if (!known) throw new FileHttpError(404, 'No such upload');
      throw new FileHttpError(410, known.usedAt ? 'This upload link was already used' : 'This upload link has expired');
    }
    const upload = claimed[0];
    if (declaredLength !== null && declaredLength > upload.maxSize) {
      throw new FileHttpError(
        413,
        `At most ${upload.maxSize} bytes (the declared size); Content-Length is ${declaredLength}`,
      );
    }
    const raw = await readLimited(body, upload.maxSize);
    let content: { contentType: string; bytes: Buffer };
    try {
      content = await inspectContent(raw, upload.purpose, upload.contentType);
    } catch (error) {
      if (error instanceof RefusedContent) throw new FileHttpError(415, error.message);
      throw error;
    }
    const key = `${randomBytes(1).toString('hex')}/${randomUUID()}`;
    await this.storage.put(key, content.bytes, content.contentType);
    try {
      const { file, replaced } = await this.dataSource.transaction((manager) =>
        this.attach(manager, upload, key, content),
      );
      await this.removeBytes(replaced);
      return file;
    } catch (error) {
      await this.removeBytes([key]);
      if (error instanceof DomainError) throw new FileHttpError(HTTP_STATUS[error.code] ?? 400, error.message);
      throw error;
    }
  }

  private uploadOf(row: Record<string, unknown>): FileUpload {
    return this.dataSource.getRepository(FileUpload).create({
      id: row.id as string,
      purpose: row.purpose as FilePurpose,
      ownerId: row.owner_id as string,
      fileName: row.file_name as string,
      contentType: row.content_type as string,
      maxSize: row.max_size as number,
      createdById: row.created_by_id as string,
    });
  }

  /** Checks the permission again (it may have changed since createUpload) and writes the file's row. */
  private async attach(
    manager: EntityManager,
    upload: FileUpload,
    key: string,
    content: { contentType: string; bytes: Buffer },
  ): Promise<{ file: StoredFile; replaced: string[] }> {
    const account = await manager.findOneBy(User, { id: upload.createdById });
    if (!account) throw new NotFoundError('User', upload.createdById);
    const user: AuthUser = {
      id: account.id,
      email: account.email,
      platformRole: account.platformRole as AuthUser['platformRole'],
    };
    await this.owners.requireChange(manager, user, upload.purpose, upload.ownerId, 'add');
    const replaced: string[] = [];
    if (upload.purpose === FilePurpose.LOGO) {
      await this.lockOwner(manager, upload.ownerId);
      const old = await manager.findBy(StoredFile, { purpose: FilePurpose.LOGO, organizationId: upload.ownerId });
      if (old.length)
        await manager.delete(
          StoredFile,
          old.map((f) => f.id),
        );
      replaced.push(...old.map((f) => f.storageKey));
    } else {
      await this.requireRoom(manager, upload.purpose, upload.ownerId);
    }
    const file = await manager.save(
      manager.create(StoredFile, {
        purpose: upload.purpose,
        organizationId: null,
        applicationId: null,
        projectId: null,
        [ownerColumn(upload.purpose)]: upload.ownerId,
        fileName: safeFileName(upload.fileName, content.contentType),
        contentType: content.contentType,
        size: content.bytes.length,
        sha256: createHash('sha256').update(content.bytes).digest('hex'),
        storageKey: key,
        uploadedById: user.id,
      }),
    );
    return { file, replaced };
  }

  /** Serialises the writes of one owner's files (the count below, the logo replacement). */
  private async lockOwner(manager: EntityManager, ownerId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`stored_file:${ownerId}`]);
  }

  private async requireRoom(manager: EntityManager, purpose: FilePurpose, ownerId: string): Promise<void> {
    if (purpose === FilePurpose.LOGO) return;
    await this.lockOwner(manager, ownerId);
    const count = await manager.countBy(StoredFile, { purpose, [ownerColumn(purpose)]: ownerId });
    if (count >= MAX_FILES[purpose]) {
      throw new ConflictError(text('errors.files.tooMany', { max: MAX_FILES[purpose], purpose }));
    }
  }

  /** Removes a file (row, then bytes); the same people as may add one, in the owner's state that allows it. */
  async remove(user: AuthUser, id: string): Promise<StoredFile> {
    requireId(id, 'File');
    const file = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(StoredFile, { id });
      if (!found || !(await this.owners.canRead(manager, user, found))) throw new NotFoundError('File', id);
      await this.owners.requireChange(manager, user, found.purpose, found.ownerId, 'remove');
      await manager.delete(StoredFile, { id });
      return found;
    });
    await this.removeBytes([file.storageKey]);
    return file;
  }

  /** Bytes no row names any more; a failure is logged (the object is orphaned, never served). */
  private async removeBytes(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.storage.delete(key).catch((error: Error) => {
        this.logger.warn(`Could not delete stored object ${key}: ${error.message}`);
      });
    }
  }

  /** The signed link of a file, for a viewer already allowed to read it. */
  url(file: Pick<StoredFile, 'id'>, origin: string): string {
    const { exp, sig } = this.signer.downloadQuery(file.id);
    return `${origin}/files/${file.id}?exp=${exp}&sig=${sig}`;
  }

  /**
   * A file to download: with a valid signed link, or for a signed-in `user` who may read it; 404
   * otherwise (whether it exists or not).
   */
  async download(
    id: string,
    link: { exp?: string; sig?: string },
    user: AuthUser | null,
  ): Promise<{ file: StoredFile; bytes: Buffer; signed: boolean }> {
    const missing = new FileHttpError(404, 'No such file');
    if (!/^[0-9a-f-]{36}$/.test(id)) throw missing;
    const signed = this.signer.checkDownload(id, link.exp, link.sig);
    if (!signed && !user) throw missing;
    const file = await this.dataSource.getRepository(StoredFile).findOneBy({ id });
    if (!file) throw missing;
    if (!signed && !(await this.owners.canRead(this.dataSource.manager, user, file))) throw missing;
    const bytes = await this.storage.get(file.storageKey);
    if (!bytes) throw missing;
    return { file, bytes, signed };
  }
}

/**
 * The body, refused (413) as soon as it passes `limit` bytes: reading stops there (the rest is never
 * buffered) and the caller answers with `Connection: close`.
 */
function readLimited(body: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error) => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return stop(new FileHttpError(413, `At most ${limit} bytes (the declared size)`));
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (size === 0) reject(new FileHttpError(400, 'The body is empty: send the bytes of the file'));
      else resolve(Buffer.concat(chunks, size));
    };
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', stop);
  });
}
