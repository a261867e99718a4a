import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
// the module itself, not @app/persistence: that one loads TypeORM and the rest before the database is opened
import { embeddedDatabaseArgs, openEarly } from '../../../libs/persistence/src/embedded-database.js';
import { discardPrewarmedThread } from '../../../libs/persistence/src/embedded-thread.js';

async function main() {
  const config = AppConfig.load();
  const started = Date.now();
  // the embedded database opens in its thread while the application's modules load (about half of a start)
  if (config.embedded) openEarly(...embeddedDatabaseArgs(config));
  else discardPrewarmedThread(); // the bundle's entry guessed wrong (DATABASE_URL not in the environment)
  const [{ createApiApp }, { DemoSeeder }] = await Promise.all([import('./bootstrap.js'), import('@app/demo')]);
  const app = await createApiApp(config);
  await app.init();
  if (config.embedded && config.DEMO_DATA) await app.get(DemoSeeder).seedOnFirstStart();
  await app.listen(config.PORT, '0.0.0.0');
  const logger = new Logger('Main');
  logger.log(`Diaspora Nexus API ready in ${Date.now() - started} ms on http://localhost:${config.PORT}/graphql`);
  if (config.explorer) logger.log(`Explorer: http://localhost:${config.PORT}/graphiql`);
  if (config.NODE_ENV === 'development') {
    // the committed schema.gql, kept current by development runs (checked by a test)
    const { writeSchemaFile } = await import('./graphql/schema-file.js');
    const { GraphQLSchemaHost } = await import('@nestjs/graphql');
    writeSchemaFile(app.get(GraphQLSchemaHost).schema).catch((error: Error) =>
      logger.warn(`schema.gql not written: ${error.message}`),
    );
  }
  // the bundle's code cache (scripts/compile-cache.cjs) writes what this start lacked
  process.emit('diaspora-nexus:started' as never);
}

main().catch((error) => {
  new Logger('Main').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
