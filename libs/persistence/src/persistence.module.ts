import {
  DynamicModule,
  Global,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { DataSource, DataSourceOptions } from 'typeorm';
import { EarlyDataSource } from './early-data-source.js';
import { EmbeddedDatabase, embeddedDatabaseArgs, takeEarly } from './embedded-database.js';
import { MIGRATIONS } from './migrations/index.js';
import { RedisService } from './redis.service.js';
import { typeParsers } from './type-parsers.js';
import { PreparedQueries } from './prepared-queries.js';
import { QueryCounterLogger } from './query-counter.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** Starts the embedded database when DATABASE_URL is unset, and stops it after TypeORM closes. */
@Injectable()
export class DatabaseLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  embedded = new EmbeddedDatabase();

  constructor(
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async url(): Promise<string> {
    if (this.config.DATABASE_URL) return this.config.DATABASE_URL;
    if (!this.embedded.url) {
      const [dataDir, maxConnections, template] = embeddedDatabaseArgs(this.config);
      const early = takeEarly(dataDir, maxConnections, template);
      if (early) {
        this.embedded = early.database;
        await early.url;
      } else {
        await this.embedded.start(dataDir, maxConnections, template);
      }
    }
    return this.embedded.url;
  }

  /** The embedded database's data source opens in the background (EarlyDataSource): the start waits for it here. */
  async onApplicationBootstrap(): Promise<void> {
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource instanceof EarlyDataSource) await dataSource.whenOpen();
  }

  async onApplicationShutdown(): Promise<void> {
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource instanceof EarlyDataSource) await dataSource.whenOpen().catch(() => undefined);
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await this.embedded.stop();
  }
}

/**
 * Applies the pending migrations to the database at `url` on a connection of its own (without the sessions'
 * statement timeout: a migration over a large table may take longer).
 */
export async function applyMigrations(config: AppConfig, url: string): Promise<void> {
  const migrator = await new DataSource({ ...dataSourceOptions(config, url), extra: { max: 1 } }).initialize();
  try {
    // TypeORM creates typeorm_metadata (where migrations record generated columns) only for a data source
    // whose entities have generated columns; this one has no entities, so a fresh database failed its first
    // migration ("relation typeorm_metadata does not exist").
    await migrator.query(
      'CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)',
    );
    // Several API processes (node:cluster, compose --scale) may start at once: one migrates, the others wait
    // here, then find nothing pending.
    await migrator.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrator.runMigrations({ transaction: 'each' });
  } finally {
    await migrator.destroy();
  }
}

/** The TypeORM options every entry point (API, worker, CLI, tests) shares. */
export function dataSourceOptions(
  config: AppConfig,
  url: string | undefined,
  session: { statementTimeoutMs?: number; serial?: boolean } = {},
): DataSourceOptions {
  const settings = ['-c jit=off'];
  if (session.statementTimeoutMs) settings.push(`-c statement_timeout=${session.statementTimeoutMs}`);
  // No parallel workers (API sessions): the API answers many requests at once on few cores, where a
  // worker only takes a core from another request. Alone, too, they cost more than they saved:
  // fundCandidates with its bounds gathered from two workers took 163 ms (p50) against 138 ms without
  // (the bench_matching data set, 2 cores).
  if (session.serial) settings.push('-c max_parallel_workers_per_gather=0');
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto', // gen_random_uuid(), built into PostgreSQL 13+
    installExtensions: false,
    logger: new QueryCounterLogger(config.DB_LOG_QUERIES),
    maxQueryExecutionTime: 1000,
    // PGlite is one backend session: connections interleaving extended-protocol messages (Parse/Bind
    // of different clients) would clobber each other's unnamed statements, so the embedded database
    // gets a single connection. Nothing is lost: PGlite runs one statement at a time anyway.
    extra: {
      max: config.embedded ? 1 : config.DB_POOL_SIZE,
      // text arrays and timestamps parsed on a direct path when they have the common form (type-parsers.ts)
      types: typeParsers,
      // Longest wait for a connection (a free pooled one, or a new one to the server). On a server
      // that does not answer (frozen, unreachable network) requests hung this long; 5 s fails them
      // soon (SERVICE_UNAVAILABLE) and leaves room for pool queues under load. A refused connection
      // fails at once anyway. PGlite's single connection is a queue, not a network: it keeps 30 s.
      connectionTimeoutMillis: config.embedded ? 30_000 : 5_000,
      // No JIT compilation on the API's sessions: its queries are short, and compiling costs more than
      // it saves (fundCandidates for a broad fund: 1.6 s with JIT, of which 1.5 s compiling; 0.1 s without).
      // A statement timeout (API sessions only) turns a runaway query into a clean error (57014).
      ...(config.embedded ? {} : { options: settings.join(' ') }),
    },
  };
}

@Global()
@Module({ providers: [DatabaseLifecycle, RedisService], exports: [DatabaseLifecycle, RedisService] })
class DatabaseLifecycleModule {}

/** Where the embedded database will be, passed from the options' factory to the data source's. */
const EMBEDDED_URL = Symbol('embedded database url');

/** The advisory lock that start-up migrations hold (released when their connection closes). */
const MIGRATION_LOCK = 4_105_017_777;

@Module({})
export class PersistenceModule {
  /**
   * `runMigrations`: apply pending migrations at start-up (the API and the CLI do; the worker waits for them).
   * `statementTimeout`: sessions get DB_STATEMENT_TIMEOUT_MS and no parallel workers (the API); migrations
   * then run first on a connection of their own without it, since a migration over a large table may take longer.
   */
  static forRoot(options: { runMigrations?: boolean; statementTimeout?: boolean } = {}): DynamicModule {
    const logger = new Logger('Persistence');
    return {
      module: PersistenceModule,
      global: true,
      providers: [PreparedQueries],
      exports: [PreparedQueries],
      imports: [
        DatabaseLifecycleModule,
        TypeOrmModule.forRootAsync({
          inject: [AppConfig, DatabaseLifecycle],
          useFactory: async (config: AppConfig, lifecycle: DatabaseLifecycle) => {
            const statementTimeoutMs = options.statementTimeout ? config.DB_STATEMENT_TIMEOUT_MS : 0;
            const session = { statementTimeoutMs, serial: options.statementTimeout };
            const runMigrations = options.runMigrations ?? true;
            const common = { autoLoadEntities: true, migrationsRun: runMigrations };
            if (config.embedded) {
              // the data source is made and given to the application while the embedded database still starts,
              // and opens in the background once it is up (EarlyDataSource), instead of being opened by Nest
              const url = lifecycle.url();
              url.catch(() => undefined); // reported by the opening
              const early = { ...dataSourceOptions(config, undefined, session), ...common, [EMBEDDED_URL]: url };
              // Nest leaves the opening to the data source's factory
              return { ...early, manualInitialization: true } as TypeOrmModuleOptions;
            }
            const url = await lifecycle.url();
            if (runMigrations && statementTimeoutMs) await applyMigrations(config, url);
            return { ...dataSourceOptions(config, url, session), ...common };
          },
          dataSourceFactory: async (opts) => {
            const ready = (dataSource: DataSource) => {
              const url = String(dataSource.options.type === 'postgres' ? dataSource.options.url : '');
              logger.log(`Database ready (${url.replace(/\/\/[^@]*@/, '//')})`);
              return dataSource;
            };
            const { [EMBEDDED_URL]: url, ...rest } = opts as DataSourceOptions & { [EMBEDDED_URL]?: Promise<string> };
            if (!url) return ready(await new DataSource(rest).initialize());
            const dataSource = await new EarlyDataSource(rest).openInBackground(url);
            dataSource.whenOpen().then(ready, () => undefined);
            return dataSource;
          },
        }),
      ],
    };
  }
}
