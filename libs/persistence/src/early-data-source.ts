import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, DataSourceOptions } from 'typeorm';

/** Set while an EarlyDataSource opens: its own queries (connecting, migrations) do not wait for it. */
const opening = new AsyncLocalStorage<true>();

type ConnectionSource = Record<'obtainMasterConnection' | 'obtainSlaveConnection', () => Promise<unknown>>;

/**
 * A DataSource the application can be given before it is connected. `openInBackground` builds its entity
 * metadata (repositories can then be made from it), and connects and runs the migrations in the background,
 * while Nest goes on making the rest of the application: on an embedded cold start, the round trips to PGlite
 * that the main thread used to wait for overlap with making the GraphQL schema and the providers
 * (docs/performance.md, "Cold start"). A query made in the meantime (a repository's, a transaction's, `query`)
 * waits until the data source is open, and fails with the opening's error if it failed. `whenOpen` tells how the
 * opening went; the API's start waits for it before it listens (DatabaseLifecycle).
 */
export class EarlyDataSource extends DataSource {
  private metadata?: Promise<void>;
  private opened?: Promise<this>;

  constructor(options: DataSourceOptions) {
    super(options);
    // every connection a query runner takes comes from one of these (TypeORM's PostgresDriver)
    const driver = this.driver as unknown as ConnectionSource;
    for (const method of ['obtainMasterConnection', 'obtainSlaveConnection'] as const) {
      const obtain = driver[method].bind(driver);
      driver[method] = async () => {
        if (this.opened && !opening.getStore()) await this.opened;
        return obtain();
      };
    }
  }

  /** Built once: `initialize()` builds them again otherwise. */
  protected override buildMetadatas(): Promise<void> {
    return (this.metadata ??= super.buildMetadatas());
  }

  /**
   * `url`: where to connect, when the database is up (the embedded one is still starting). With `migrationsRun`,
   * TypeORM's migrations run only when one is pending (`migrationsPending`).
   */
  async openInBackground(url?: Promise<string>): Promise<this> {
    await this.buildMetadatas();
    const migrate = this.options.migrationsRun;
    this.setOptions({ migrationsRun: false });
    this.opened = opening.run(true, async () => {
      // the database's name too (the driver read it from the options it was made with): one query fewer
      if (url) this.setOptions({ url: await url, database: new URL(await url).pathname.slice(1) || undefined });
      await this.initialize();
      if (migrate && (await this.migrationsPending())) {
        await this.runMigrations({ transaction: this.options.migrationsTransactionMode });
      }
      return this;
    });
    this.opened.catch(() => undefined); // reported by whenOpen() and by every query that waits for it
    return this;
  }

  /**
   * Whether a migration has not run yet, in two light queries: TypeORM asks information_schema (twice) before it
   * reads the migrations table, slow round trips at every start of the embedded database.
   */
  private async migrationsPending(): Promise<boolean> {
    const table = `"${this.options.migrationsTableName ?? 'migrations'}"`;
    const [{ present }] = (await this.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table])) as {
      present: boolean;
    }[];
    if (!present) return true;
    const done = new Set(((await this.query(`SELECT name FROM ${table}`)) as { name: string }[]).map((r) => r.name));
    return this.migrations.some((migration) => !done.has(migration.name ?? migration.constructor.name));
  }

  whenOpen(): Promise<this> {
    return this.opened ?? this.initialize();
  }
}
