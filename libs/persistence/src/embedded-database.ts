import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL in-process: PGlite served on a loopback port so that the ordinary `pg` driver, the
 * same SQL and the same migrations work as against a real server.
 */
export class EmbeddedDatabase {
  private readonly logger = new Logger(EmbeddedDatabase.name);
  private db?: PGlite;
  private server?: PGLiteSocketServer;
  url = '';

  /** `dataDir` undefined = in memory. */
  async start(dataDir: string | undefined, maxConnections: number): Promise<string> {
    let location = 'memory';
    if (dataDir) {
      location = resolve(join(dataDir, 'pgdata'));
      mkdirSync(location, { recursive: true });
    }
    const started = Date.now();
    this.db = location === 'memory' ? new PGlite() : new PGlite(location);
    await this.db.waitReady;
    this.server = new PGLiteSocketServer({ db: this.db, host: '127.0.0.1', port: 0, maxConnections });
    await this.server.start();
    this.url = `postgres://postgres@${this.server.getServerConn()}/postgres`;
    this.logger.log(
      `Embedded PostgreSQL (PGlite, ${location}) ready on ${this.server.getServerConn()} in ${Date.now() - started} ms`,
    );
    return this.url;
  }

  async stop(): Promise<void> {
    await this.server?.stop().catch(() => undefined);
    await this.db?.close().catch(() => undefined);
    this.server = undefined;
    this.db = undefined;
  }
}
