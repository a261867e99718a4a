import { Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';

/** TypeORM logger that counts statements (tests assert query counts) and logs them on demand. */
export class QueryCounterLogger implements Logger {
  static count = 0;
  /** When set (tests), every statement with its parameters is appended to it. */
  static recording: Array<{ query: string; parameters: unknown[] }> | null = null;
  private readonly logger = new NestLogger('SQL');
  constructor(private readonly logQueries = false) {}

  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner) {
    QueryCounterLogger.count++;
    QueryCounterLogger.recording?.push({ query, parameters: parameters ?? [] });
    if (this.logQueries) this.logger.debug(`${query}${parameters?.length ? ` -- ${JSON.stringify(parameters)}` : ''}`);
  }
  logQueryError(error: string | Error, query: string) {
    QueryCounterLogger.count++;
    if (this.logQueries) this.logger.warn(`${String(error)} in ${query}`);
  }
  logQuerySlow(time: number, query: string) {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 500)}`);
  }
  logSchemaBuild() {}
  logMigration(message: string) {
    this.logger.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
