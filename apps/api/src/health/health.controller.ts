import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '@app/common';

@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 when the database answers, 503 with Retry-After otherwise (as GraphQL's SERVICE_UNAVAILABLE). */
  @Public()
  @Get('health')
  @HttpCode(200)
  async health(@Res({ passthrough: true }) res: Response) {
    const started = Date.now();
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up', latencyMs: Date.now() - started };
    } catch {
      res.status(503).setHeader('Retry-After', '5');
      return { status: 'error', database: 'down' };
    }
  }
}
