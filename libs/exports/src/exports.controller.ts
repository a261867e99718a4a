import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode, Public } from '@app/common';
import { CalendarService } from './calendar.service.js';
import { ExportsService } from './exports.service.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * The downloads behind the signed URLs. Public routes: the token (or the feed's secret) is the
 * credential, checked here; a wrong, expired or revoked one is a plain 404.
 */
@Controller()
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly calendar: CalendarService,
  ) {}

  @Public()
  @Get('exports/:token')
  async csv(@Param('token') token: string, @Res() res: Response) {
    await answer(res, async () => {
      const file = await this.exports.download(token);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
      return file.body;
    });
  }

  @Public()
  @Get('calendar/:file')
  async ics(@Param('file') file: string, @Res() res: Response) {
    await answer(res, async () => {
      const secret = /^(.+)\.ics$/.exec(file)?.[1] ?? '';
      const body = await this.calendar.ics(secret);
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', 'inline; filename="diaspora-nexus.ics"');
      return body;
    });
  }
}

async function answer(res: Response, body: () => Promise<string>) {
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  try {
    const text = await body();
    res.status(200).send(text);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    res.removeHeader('Content-Disposition');
    res
      .status(STATUS[error.code] ?? 400)
      .type('text/plain; charset=utf-8')
      .send(error.code === ErrorCode.NOT_FOUND ? 'Not found' : error.message);
  }
}
