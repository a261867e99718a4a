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
import type { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import {
  discardPrewarmedThread,
  spawnDatabaseThread,
  takePrewarmedThread,
  ThreadAnswer,
  ThreadOptions,
  ThreadRequest,
} from './embedded-thread.js';

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
 * PGlite runs in a worker thread of its own (embedded-thread.ts): opening it (compiling PostgreSQL's WebAssembly
 * and starting it on the folder) happens while the main thread loads the application's modules (the bundle's
 * entry starts the thread first, main.ts opens the database as soon as it has read the configuration:
 * `openEarly`), and its queries run on another core than the API's JavaScript.
 *
 * Single writer: PGlite is not safe with two instances on one folder (the second one's writes were
 * silently lost). The process that opens a folder's database holds DATA_DIR/embedded-database.lock
 * (its pid and port); any other process (the CLI while the API runs, a second API) finds the live
 * lock and connects to the holder's socket instead of opening the folder. A lock whose process is
 * gone (a crash, kill -9) is taken over.
 */
export class EmbeddedDatabase {
  private readonly logger = new Logger(EmbeddedDatabase.name);
  private thread?: DatabaseThread;
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
      if (holder) {
        discardPrewarmedThread();
        return this.attach(folder, holder);
      }
      location = join(folder, 'pgdata');
      mkdirSync(location, { recursive: true });
    }
    let conn: string;
    try {
      this.thread = new DatabaseThread();
      const options: ThreadOptions = {
        location: location === 'memory' ? null : location,
        template: location === 'memory' ? (template ?? null) : null,
        maxConnections,
      };
      conn = ((await this.thread.request({ type: 'start', options })) as { conn: string }).conn;
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.url = `postgres://postgres@${conn}/postgres`;
    if (this.lockPath) this.writeLock(Number(conn.split(':').pop()));
    this.logger.log(
      `Embedded PostgreSQL (PGlite, ${location}${template && location === 'memory' ? ` from ${template}` : ''}) ready on ${conn} in ${Date.now() - started} ms`,
    );
    return this.url;
  }

  /** The database's folder as a .tar.gz (PGlite's dumpDataDir), for EMBEDDED_TEMPLATE. */
  async dump(): Promise<Buffer> {
    if (!this.thread) throw new Error('The embedded database is not open in this process');
    return Buffer.from((await this.thread.request({ type: 'dump' })) as ArrayBuffer);
  }

  async stop(): Promise<void> {
    await this.thread?.stop();
    this.thread = undefined;
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

/** The embedded database's folder (undefined: in memory), connections and template, by the configuration. */
export function embeddedDatabaseArgs(config: AppConfig): [string | undefined, number, string | undefined] {
  return [
    config.inMemory ? undefined : config.DATA_DIR,
    config.DB_POOL_SIZE + 4,
    config.inMemory ? config.EMBEDDED_TEMPLATE : undefined,
  ];
}

/** The database main.ts began opening before the application's modules were loaded. */
let early: { key: string; database: EmbeddedDatabase; url: Promise<string> } | undefined;

/**
 * Begins opening the embedded database now (main.ts, before it loads the application's modules, so that both
 * go on at once); `DatabaseLifecycle` takes it over with `takeEarly` when it asks for the same database.
 */
export function openEarly(dataDir: string | undefined, maxConnections: number, template?: string): void {
  const database = new EmbeddedDatabase();
  const url = database.start(dataDir, maxConnections, template);
  url.catch(() => undefined); // the error is the taker's, when it awaits it
  early = { key: JSON.stringify([dataDir, maxConnections, template]), database, url };
}

/** The database `openEarly` began opening with these arguments (once), or undefined. */
export function takeEarly(
  dataDir: string | undefined,
  maxConnections: number,
  template?: string,
): { database: EmbeddedDatabase; url: Promise<string> } | undefined {
  const taken = early;
  if (taken?.key !== JSON.stringify([dataDir, maxConnections, template])) return undefined;
  early = undefined;
  return taken;
}

/** The worker thread that runs PGlite and its socket server; requests are answered in turn. */
class DatabaseThread {
  private readonly logger = new Logger(EmbeddedDatabase.name);
  private readonly worker: Worker;
  private readonly waiting: Array<{ resolve: (value: unknown) => void; reject: (error: Error) => void }> = [];
  private failure?: Error;
  private stopping = false;

  constructor() {
    this.worker = takePrewarmedThread() ?? spawnDatabaseThread();
    this.worker.ref();
    this.worker.on('message', (answer: ThreadAnswer) => {
      const next = this.waiting.shift();
      if (answer.ok) next?.resolve(answer.value);
      else next?.reject(new Error(answer.message));
    });
    const fail = (error: Error) => {
      // the database is gone: its connections fail from now on (and /health answers 503)
      if (!this.stopping && !this.failure) this.logger.error(`The embedded database stopped: ${error.message}`);
      this.failure ??= error;
      for (const next of this.waiting.splice(0)) next.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`The embedded database's thread exited (code ${code})`)));
  }

  request(request: ThreadRequest): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(request);
    });
  }

  /** Closes the socket server and PGlite (its files are written), then ends the thread. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.request({ type: 'stop' }).catch(() => undefined);
    await this.worker.terminate();
  }
}
