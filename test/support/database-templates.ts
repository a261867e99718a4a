import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { AppConfig } from '@app/config';
import { applyMigrations, EmbeddedDatabase } from '@app/persistence';

/**
 * Migrated databases that test apps start from. Creating an empty database and applying every migration took
 * most of a test app's start (PGlite's initdb alone 4–5 s, then the migrations), once per test file and app.
 * A template is made once per set of migrations (a hash of their files names it) and kept for later files and
 * runs: for the embedded database a dump of PGlite's folder (EMBEDDED_TEMPLATE), on the DATABASE_URL server a
 * template database (`CREATE DATABASE … TEMPLATE`). Two workers needing one at once both make it, and the
 * last one's rename wins: both are the same.
 */
const MIGRATIONS = join(process.cwd(), 'libs', 'persistence', 'src', 'migrations');

/** What a template depends on: the migrations' files and, for PGlite's folder, PGlite's version. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS).sort()) hash.update(name).update(readFileSync(join(MIGRATIONS, name)));
  hash.update(
    JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version,
  );
  return hash.digest('hex').slice(0, 16);
}

let hash: string | undefined;
const templateHash = () => (hash ??= migrationsHash());

const config = () => AppConfig.load({ ...process.env, NODE_ENV: 'test', DATA_DIR: 'memory', LOG_LEVEL: 'error' });

/** The path of a dump of an embedded database with every migration applied (made if missing). */
export async function embeddedTemplate(): Promise<string> {
  const folder = join(process.cwd(), 'node_modules', '.cache', 'diaspora-nexus');
  const file = join(folder, `pglite-migrated-${templateHash()}.tar.gz`);
  if (existsSync(file)) return file;
  const database = new EmbeddedDatabase();
  try {
    await applyMigrations(config(), await database.start(undefined, 2));
    const dump = await database.dump();
    mkdirSync(folder, { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
  } finally {
    await database.stop();
  }
  return file;
}

/** The name of a database with every migration applied on the server at `serverUrl` (made if missing). */
async function serverTemplate(serverUrl: string): Promise<string> {
  const name = `nexus_template_${templateHash()}`;
  if (await adminQuery(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])) return name;
  const making = `${name}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${making}"`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${making}`;
    await applyMigrations(config(), url.toString());
    await adminQuery(serverUrl, `ALTER DATABASE "${making}" RENAME TO "${name}"`);
  } catch (error) {
    // another worker made it meanwhile (the rename found the name taken), or the migrations failed
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${making}" WITH (FORCE)`);
    if (!(await adminQuery(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]))) throw error;
  }
  return name;
}

/**
 * Creates the database `name` on the server at `serverUrl` from the migrated template; answers its URL. The
 * migrations' records of generated columns (typeorm_metadata) name the database they ran in: they are moved to
 * the new one, or TypeORM would find the generated columns unrecorded (a pending schema change).
 */
export async function createMigratedDatabase(serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${await serverTemplate(serverUrl)}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await adminQuery(
    url.toString(),
    `UPDATE typeorm_metadata SET "database" = current_database() WHERE "database" IS NOT NULL`,
  );
  return url.toString();
}

/** Runs one statement on the server's maintenance connection; whether it returned a row. */
export async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return ((await client.query(sql, params)).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}
