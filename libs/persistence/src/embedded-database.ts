import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** DATA_DIR/<this>: who holds the embedded database of the folder, and where it serves it. */
export const EMBEDDED_LOCK_FILE = 'embedded-database.lock';

/** The lock file's content. `port` is 0 while the holder is still opening the database. */
export interface EmbeddedLock {
  pid: number;
  host: string;
  port: number;
  startedAt: string;
}

/** How long a process waits for the holder of a live lock to start serving (PGlite opens in a few seconds). */
const SERVING_WAIT_MS = 60_000;

/** The embedded database of a data folder is held by a live process that does not answer on its socket. */
export class EmbeddedDatabaseBusyError extends Error {}

/**
 * PostgreSQL in-process: PGlite served on a loopback port so that the ordinary `pg` driver, the
 * same SQL and the same migrations work as against a real server.
 *
 * Single writer: PGlite is not safe with two instances on one folder (the second one's writes were
 * silently lost). The process that opens a folder's database holds DATA_DIR/embedded-database.lock
 * (its pid and port); any other process (the CLI while the API runs, a second API) finds the live
 * lock and connects to the holder's socket instead of opening the folder. A lock whose process is
 * gone (a crash, kill -9) is taken over.
 */
export class EmbeddedDatabase {
  private readonly logger = new Logger(EmbeddedDatabase.name);
  private db?: PGlite;
  private server?: PGLiteSocketServer;
  private lockPath?: string;
  url = '';
  /** Connected to the database another process holds (see the class comment). */
  attached = false;

  /** `dataDir` undefined = in memory, empty or from `template` (a dump of a database's folder, dumpDataDir's .tar.gz). */
  async start(dataDir: string | undefined, maxConnections: number, template?: string): Promise<string> {
    const started = Date.now();
    let location = 'memory';
    if (dataDir) {
      const folder = resolve(dataDir);
      mkdirSync(folder, { recursive: true });
      const holder = await this.acquire(join(folder, EMBEDDED_LOCK_FILE));
      if (holder) return this.attach(folder, holder);
      location = join(folder, 'pgdata');
      mkdirSync(location, { recursive: true });
    }
    try {
      if (location !== 'memory') this.db = new PGlite(location);
      else if (template) this.db = new PGlite({ loadDataDir: new Blob([readFileSync(template)]) });
      else this.db = new PGlite();
      await this.db.waitReady;
      this.server = new PGLiteSocketServer({ db: this.db, host: '127.0.0.1', port: 0, maxConnections });
      await this.server.start();
    } catch (error) {
      await this.stop();
      throw error;
    }
    const conn = this.server.getServerConn();
    this.url = `postgres://postgres@${conn}/postgres`;
    if (this.lockPath) this.writeLock(Number(conn.split(':').pop()));
    this.logger.log(
      `Embedded PostgreSQL (PGlite, ${location}${template && location === 'memory' ? ` from ${template}` : ''}) ready on ${conn} in ${Date.now() - started} ms`,
    );
    return this.url;
  }

  /** The database's folder as a .tar.gz (PGlite's dumpDataDir), for EMBEDDED_TEMPLATE. */
  async dump(): Promise<Buffer> {
    if (!this.db) throw new Error('The embedded database is not open in this process');
    return Buffer.from(await (await this.db.dumpDataDir('gzip')).arrayBuffer());
  }

  async stop(): Promise<void> {
    await this.server?.stop().catch(() => undefined);
    await this.db?.close().catch(() => undefined);
    this.server = undefined;
    this.db = undefined;
    if (this.lockPath) {
      if (readLock(this.lockPath)?.pid === process.pid) rmLock(this.lockPath);
      this.lockPath = undefined;
    }
  }

  /**
   * Takes the folder's lock (then answers null: this process opens the database) or answers the
   * live holder's lock once it serves. A stale lock (its process is gone) is removed and taken.
   */
  private async acquire(lockPath: string): Promise<EmbeddedLock | null> {
    const deadline = Date.now() + SERVING_WAIT_MS;
    for (;;) {
      try {
        const fd = openSync(lockPath, 'wx');
        try {
          writeSync(fd, JSON.stringify(this.lockContent(0)));
        } finally {
          closeSync(fd);
        }
        this.lockPath = lockPath;
        return null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readLock(lockPath);
      if (holder && holder.pid !== process.pid && !isAlive(holder.pid)) {
        this.logger.warn(`Taking over the embedded database lock of process ${holder.pid}, which is gone`);
        rmLock(lockPath);
        continue;
      }
      if (!holder && ageMs(lockPath) > 10_000) {
        rmLock(lockPath); // unreadable and old: a holder that died while writing it
        continue;
      }
      if (holder && holder.port > 0) return holder;
      if (Date.now() > deadline) {
        throw new EmbeddedDatabaseBusyError(
          `The embedded database in ${resolve(lockPath, '..')} is being opened by process ${holder?.pid ?? '?'}, which has not served it within ${SERVING_WAIT_MS / 1000} s; stop it, or remove ${lockPath} if no such process runs`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Connects to the database the holder of the lock serves, after checking that it answers. */
  private async attach(folder: string, holder: EmbeddedLock): Promise<string> {
    if (!(await answers(holder.host, holder.port))) {
      throw new EmbeddedDatabaseBusyError(
        `The API (process ${holder.pid}) is running on the data folder ${folder} but its database (${holder.host}:${holder.port}) does not answer; stop it, or use DATABASE_URL for a PostgreSQL server`,
      );
    }
    this.attached = true;
    this.url = `postgres://postgres@${holder.host}:${holder.port}/postgres`;
    this.logger.log(
      `The embedded database of ${folder} is held by process ${holder.pid} (the running API): using it through ${holder.host}:${holder.port}`,
    );
    return this.url;
  }

  private lockContent(port: number): EmbeddedLock {
    return { pid: process.pid, host: '127.0.0.1', port, startedAt: new Date().toISOString() };
  }

  private writeLock(port: number) {
    writeFileSync(`${this.lockPath}.${process.pid}`, JSON.stringify(this.lockContent(port)));
    // rename is atomic: a reader sees the old content or the new one, never half of it
    renameSync(`${this.lockPath}.${process.pid}`, this.lockPath as string);
  }
}

export function readLock(lockPath: string): EmbeddedLock | null {
  try {
    const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as EmbeddedLock;
    return Number.isInteger(lock.pid) && Number.isInteger(lock.port) ? lock : null;
  } catch {
    return null;
  }
}

function rmLock(lockPath: string) {
  try {
    unlinkSync(lockPath);
  } catch {
    // already gone
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether a process with this pid exists (EPERM: it exists, under another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolveAnswer(ok);
    };
    socket.setTimeout(3000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
