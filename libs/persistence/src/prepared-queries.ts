import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppConfig } from '@app/config';

/** The pg client of a pooled connection (what a PostgreSQL query runner's connect() resolves to). */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** A number per pg client (the statement names of one connection). */
const clientNumbers = new WeakMap<object, number>();
let clients = 0;

/**
 * Statements whose text never changes, only their parameters, run as named prepared statements of
 * the connection: PostgreSQL plans them for their first executions, then keeps a generic plan when
 * it costs no more, so a large statement is not planned again on every call (fundMatches: ~15 ms of
 * planning on the benchmark machine, more than a third of its time). Logged, counted and timed like
 * `DataSource.query`, with its errors (QueryFailedError).
 *
 * Only on a PostgreSQL server: the embedded database (PGlite) is one session for every connection
 * ever made to it, where prepared statements would outlive their connection and pile up; there
 * `query` is `DataSource.query`. A name is used with one text only, and gets the connection's number
 * (a pg client prepares a name once).
 */
@Injectable()
export class PreparedQueries {
  private readonly named: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.named = !config.embedded;
  }

  async query<T>(name: string, sql: string, params: unknown[]): Promise<T[]> {
    if (!this.named) return this.dataSource.query(sql, params);
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PgClient;
      let number = clientNumbers.get(client);
      if (number === undefined) clientNumbers.set(client, (number = ++clients));
      const { logger, options } = this.dataSource;
      logger.logQuery(sql, params, runner);
      const started = Date.now();
      try {
        const { rows } = await client.query({ name: `${name}#${number}`, text: sql, values: params });
        return rows as T[];
      } catch (error) {
        logger.logQueryError(error as Error, sql, params, runner);
        throw new QueryFailedError(sql, params, error as Error);
      } finally {
        const elapsed = Date.now() - started;
        if (options.maxQueryExecutionTime && elapsed > options.maxQueryExecutionTime) {
          logger.logQuerySlow(elapsed, sql, params, runner);
        }
      }
    } finally {
      await runner.release();
    }
  }
}
