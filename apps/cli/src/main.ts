import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { PlatformRole, UsersService } from '@app/auth';
import { DemoSeeder } from '@app/demo';
import { describeImport, EcbRates, ExchangeRatesService, readEcbFile } from '@app/reference-data';
import { createApiApp } from '../../api/src/bootstrap.js';
import { writeSchemaFile } from '../../api/src/graphql/schema-file.js';

const USAGE = `Diaspora Nexus admin CLI

  npm run cli -- migrate                                   apply pending migrations
  npm run cli -- seed:demo                                 load the demo data set (also into DATABASE_URL)
  npm run cli -- user:promote --email <email> --role MODERATOR|ADMIN|USER
  npm run cli -- rates:import <eurofxref.csv> [more…]      import the ECB's reference rates (day or history files)
  npm run cli -- schema                                    write schema.gql from the code
  npm run cli -- migration:generate <Name> [--only t1,t2]  write a migration for entity changes (development)
`;

class UsageError extends Error {}

type Statement = { query: string; parameters?: unknown[] };
const TYPEORM_METADATA = /^(INSERT INTO|DELETE FROM) "typeorm_metadata"/;

/**
 * Fixes two habits of TypeORM's generator: an enum shared by two tables is created (and dropped)
 * twice, and generated-column metadata names the generating database instead of the current one.
 */
function tidy(statements: Statement[], keep: 'first' | 'last'): void {
  const types = statements.map((s) => /^(CREATE|DROP) TYPE ("[^"]+"\."[^"]+")/.exec(s.query)?.[2]);
  for (let i = statements.length - 1; i >= 0; i--) {
    const type = types[i];
    if (!type) continue;
    const index = keep === 'first' ? types.indexOf(type) : types.lastIndexOf(type);
    if (index !== i) {
      statements.splice(i, 1);
      types.splice(i, 1);
    }
  }
  for (const s of statements) {
    if (!TYPEORM_METADATA.test(s.query) || !s.parameters) continue;
    const [, schema, table, type, name, value] = s.parameters as string[];
    s.query = s.query.startsWith('INSERT')
      ? `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), '${schema}', '${table}', '${type}', '${name}', $1)`
      : `DELETE FROM "typeorm_metadata" WHERE "type" = '${s.parameters[0]}' AND "name" = '${s.parameters[1]}' AND "schema" = '${s.parameters[3]}' AND "table" = '${s.parameters[4]}'`;
    s.parameters = s.query.startsWith('INSERT') ? [value] : [];
  }
}

function option(args: string[], name: string): string {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? args[i + 1] : undefined;
  if (!value || value.startsWith('--')) throw new UsageError(`Missing --${name}`);
  return value;
}

async function withApp<T>(config: AppConfig, work: (app: Awaited<ReturnType<typeof createApiApp>>) => Promise<T>) {
  const app = await createApiApp(config);
  await app.init();
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function run(argv: string[]): Promise<string> {
  const [command, ...args] = argv;
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', GRAPHQL_EXPLORER: 'false' };
  switch (command) {
    case 'migrate':
      return withApp(AppConfig.load(env), async (app) => {
        const ds = app.get<DataSource>(getDataSourceToken());
        return `Migrations applied: ${(await ds.query('SELECT count(*)::int AS n FROM migrations'))[0].n}`;
      });
    case 'seed:demo':
      return withApp(AppConfig.load(env), async (app) => {
        await app.get(DemoSeeder).seed();
        return 'Demo data loaded';
      });
    case 'user:promote': {
      const email = option(args, 'email');
      const role = option(args, 'role').toUpperCase();
      if (!Object.values(PlatformRole).includes(role as PlatformRole)) {
        throw new UsageError(`--role must be one of ${Object.values(PlatformRole).join(', ')}`);
      }
      return withApp(AppConfig.load(env), async (app) => {
        const user = await app.get(UsersService).promote(email, role as PlatformRole);
        return `${user.email} is now ${user.platformRole}`;
      });
    }
    case 'rates:import': {
      if (args.length === 0 || args.some((a) => a.startsWith('--'))) {
        throw new UsageError('Give the ECB files: rates:import <eurofxref.csv> [more files]');
      }
      // every file is read and checked before the app starts; then one transaction for all
      const files: EcbRates[] = [];
      for (const file of args) files.push(await readEcbFile(file));
      return withApp(AppConfig.load(env), async (app) => {
        const results = await app.get(ExchangeRatesService).importRates(files);
        return results.map((result, i) => `${args[i]}: ${describeImport(result)}`).join('\n');
      });
    }
    case 'schema':
      return withApp(
        AppConfig.load({ ...env, DATABASE_URL: '', DATA_DIR: 'memory', NODE_ENV: 'test' }),
        async (app) => `Wrote ${await writeSchemaFile(app.get(GraphQLSchemaHost).schema)}`,
      );
    case 'migration:generate': {
      const name = args[0];
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new UsageError('Give the migration a PascalCase name');
      return withApp(
        AppConfig.load({ ...env, DATABASE_URL: '', DATA_DIR: 'memory', NODE_ENV: 'test' }),
        async (app) => {
          const ds = app.get<DataSource>(getDataSourceToken());
          const sql = await ds.driver.createSchemaBuilder().log();
          // --only a,b keeps the statements that name those tables/types (when several features change at once).
          const only = args.includes('--only') ? option(args, 'only').split(',') : null;
          const keep = (query: string) => !only || only.some((prefix) => query.includes(`"${prefix}`));
          sql.upQueries = sql.upQueries.filter((x) => keep(x.query));
          sql.downQueries = sql.downQueries.filter((x) => keep(x.query));
          if (sql.upQueries.length === 0) return 'Entities and migrations agree: nothing to generate';
          tidy(sql.upQueries, 'first');
          tidy(sql.downQueries, 'last');
          const stamp = Date.now();
          const q = (s: string) => JSON.stringify(s);
          const up = sql.upQueries.map(
            (x) =>
              `    await queryRunner.query(${q(x.query)}${x.parameters?.length ? `, ${JSON.stringify(x.parameters)}` : ''});`,
          );
          const down = sql.downQueries
            .reverse()
            .map(
              (x) =>
                `    await queryRunner.query(${q(x.query)}${x.parameters?.length ? `, ${JSON.stringify(x.parameters)}` : ''});`,
            );
          const file = join(process.cwd(), `libs/persistence/src/migrations/${stamp}-${name}.ts`);
          writeFileSync(
            file,
            `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up.join('\n')}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down.join('\n')}\n  }\n}\n`,
          );
          return `Wrote ${file}; add it to libs/persistence/src/migrations/index.ts`;
        },
      );
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}

run(process.argv.slice(2))
  .then((message) => {
    process.stdout.write(`${message}\n`);
    process.exit(0);
  })
  .catch((error) => {
    if (error instanceof UsageError) process.stderr.write(`Error: ${error.message}\n\n${USAGE}`);
    else new Logger('cli').error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  });
