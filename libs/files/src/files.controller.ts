import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  Logger,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthUser, DomainError, ErrorCode, Public } from '@app/common';
import { contentDisposition } from './file-content.js';
import { FileHttpError, FilesService } from './files.service.js';

/** Answers refusals of the file routes as plain HTTP statuses with a JSON message (never a 500). */
@Catch()
export class FileRoutesFilter implements ExceptionFilter {
  private readonly logger = new Logger('FilesController');

  catch(error: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const status =
      error instanceof FileHttpError
        ? error.status
        : error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED
          ? 401
          : 500;
    const message = status === 500 ? 'The file could not be handled' : (error as Error).message;
    if (status === 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (res.headersSent) return res.end();
    if (status === 413) res.setHeader('Connection', 'close');
    res.status(status).json({ error: message });
  }
}

/**
 * The bytes of files, outside GraphQL: `PUT|POST /files/upload/<token>` (the link of `createUpload`,
 * no Authorization needed: the token is the permission) and `GET /files/<id>?exp&sig` (the signed link
 * of `File.url`, which works in `<img src>`; or with a Bearer token of someone who may read the file).
 */
@Controller('files')
@UseFilters(FileRoutesFilter)
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Public()
  @Put('upload/:token')
  uploadPut(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    return this.upload(token, req, res);
  }

  @Public()
  @Post('upload/:token')
  uploadPost(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    return this.upload(token, req, res);
  }

  private async upload(token: string, req: Request & { _body?: boolean }, res: Response) {
    // a JSON or form body was already consumed by the body parsers: it was not a file
    if (req._body || req.readableEnded) {
      throw new FileHttpError(415, "Send the file's bytes as the body, with the file's Content-Type");
    }
    const length = req.headers['content-length'];
    const file = await this.files.receive(token, req, length === undefined ? null : Number(length));
    res.status(201).json({
      file: {
        id: file.id,
        purpose: file.purpose,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.size,
        createdAt: file.createdAt,
      },
    });
  }

  @Public()
  @Get(':id')
  async download(
    @Param('id') id: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Req() req: Request & { user?: AuthUser | null },
    @Res() res: Response,
  ) {
    const { file, bytes, signed } = await this.files.download(
      id,
      { exp: typeof exp === 'string' ? exp : undefined, sig: typeof sig === 'string' ? sig : undefined },
      req.user ?? null,
    );
    const image = file.contentType.startsWith('image/');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', contentDisposition(image ? 'inline' : 'attachment', file.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', signed ? 'private, max-age=300' : 'private, no-store');
    res.setHeader('ETag', `"${file.sha256}"`);
    res.status(200).end(bytes);
  }
}
