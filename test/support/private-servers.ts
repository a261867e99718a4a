import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Private PostgreSQL and Redis servers for fault tests, which stop and restart them: the machine's
 * shared servers must never be stopped (other test files and people use them at the same time).
 */

/** PG_BIN, else the newest /usr/lib/postgresql/<version>/bin (Debian and Ubuntu packages; CI installs 15+). */
export const POSTGRES_BIN = process.env.PG_BIN ?? newestPostgresBin('/usr/lib/postgresql');
export const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

/** Why private servers cannot run here, or null when they can. */
export function privateServersUnavailable(): string | null {
  if (!process.env.DATABASE_URL) return 'DATABASE_URL is not set (fault tests run in the PostgreSQL leg only)';
  for (const bin of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(join(POSTGRES_BIN, bin))) return `${join(POSTGRES_BIN, bin)} is missing`;
  }
  if (!existsSync(REDIS_SERVER)) return `${REDIS_SERVER} is missing`;
  if (process.getuid?.() === 0 && osUser('postgres') === null) return 'running as root without a postgres OS user';
  return null;
}

function newestPostgresBin(root: string): string {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return join(root, versions[0] ?? '15', 'bin');
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function osUser(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Runs a command to its end; as the postgres OS user when we are root (initdb refuses root). */
function run(file: string, args: string[], as: { uid: number; gid: number } | null, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(as ? { uid: as.uid, gid: as.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${file} ${args.join(' ')} exited ${code}: ${output}`)),
    );
  });
}

/**
 * A detached shell that cleans up after this process if it dies without afterAll (Nest's start-up
 * failure calls process.exit; a worker may be killed): when our pid is gone, it runs `cleanUp`.
 * `dispose` ends the watchdog after a normal clean-up.
 */
function watchdog(cleanUp: string): { dispose(): void } {
  const child = spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${cleanUp}`], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return {
    dispose: () => {
      if (child.pid && child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Single-quotes a string for sh. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A throw-away PostgreSQL cluster: fresh data directory in a temp dir owned by postgres, trust
 * authentication, fsync off, listening on 127.0.0.1 only at a random free port (and its Unix socket
 * inside the temp dir). `stop` and `start` keep the port, so clients can reconnect to the same URL.
 */
export class PrivatePostgres {
  private guard?: { dispose(): void };

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly as: { uid: number; gid: number } | null,
  ) {}

  /** The server URL (database `postgres`), for TestApp.start's `serverUrl`. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  static async create(): Promise<PrivatePostgres> {
    const as = process.getuid?.() === 0 ? osUser('postgres') : null;
    const dir = mkdtempSync(join(tmpdir(), 'nexus-faults-pg-'));
    if (as) chownSync(dir, as.uid, as.gid);
    const server = new PrivatePostgres(dir, await freePort(), as);
    const pgCtl = `${as ? 'runuser -u postgres -- ' : ''}${sq(join(POSTGRES_BIN, 'pg_ctl'))}`;
    server.guard = watchdog(`${pgCtl} stop -D ${sq(server.dataDir)} -m immediate -w; rm -rf ${sq(dir)}`);
    try {
      await run(
        join(POSTGRES_BIN, 'initdb'),
        ['-D', server.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
        as,
        dir,
      );
      await server.start();
    } catch (error) {
      await server.destroy();
      throw error;
    }
    return server;
  }

  /** Starts the cluster and waits until it accepts connections. */
  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=50',
    ].join(' ');
    await run(
      join(POSTGRES_BIN, 'pg_ctl'),
      ['start', '-D', this.dataDir, '-w', '-t', '60', '-l', join(this.dir, 'server.log'), '-o', options],
      this.as,
      this.dir,
    );
  }

  /** Stops the cluster; `immediate` is a crash-like stop (clients get 57P01 and dropped sockets). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await run(
      join(POSTGRES_BIN, 'pg_ctl'),
      ['stop', '-D', this.dataDir, '-w', '-t', '60', '-m', mode],
      this.as,
      this.dir,
    );
  }

  async isRunning(): Promise<boolean> {
    return run(join(POSTGRES_BIN, 'pg_ctl'), ['status', '-D', this.dataDir], this.as, this.dir).then(
      () => true,
      () => false,
    );
  }

  /** Stops the cluster if it runs and removes its directory. Never throws. */
  async destroy(): Promise<void> {
    if (existsSync(join(this.dataDir, 'postmaster.pid'))) await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
    this.guard?.dispose();
  }
}

/** A throw-away Redis (no persistence) as a child process on a random free port of 127.0.0.1. */
export class PrivateRedis {
  private child?: ChildProcess;
  private guard?: { dispose(): void };

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child;
  }

  static async create(): Promise<PrivateRedis> {
    const server = new PrivateRedis(await freePort(), mkdtempSync(join(tmpdir(), 'nexus-faults-redis-')));
    try {
      await server.start();
    } catch (error) {
      await server.destroy();
      throw error;
    }
    return server;
  }

  /** Starts redis-server on the same port and waits until it answers PING. */
  async start(): Promise<void> {
    if (this.child) throw new Error('Redis is already running');
    const child = spawn(
      REDIS_SERVER,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
      { stdio: 'ignore' },
    );
    this.child = child;
    this.guard?.dispose();
    this.guard = watchdog(`kill -9 ${child.pid} 2>/dev/null; rm -rf ${sq(this.dir)}`);
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    const deadline = Date.now() + 10_000;
    while (!(await ping(this.port))) {
      if (!this.child) throw new Error('redis-server exited at start');
      if (Date.now() > deadline) throw new Error('redis-server did not answer PING within 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Kills the server (SIGKILL: an outage, not a shutdown) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.guard?.dispose();
    this.guard = watchdog(`rm -rf ${sq(this.dir)}`);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
    this.guard?.dispose();
  }
}

/**
 * A server that accepts TCP connections on 127.0.0.1:port and never answers: what a frozen database
 * host or a black-holed network looks like to a client. `close` drops every connection.
 */
export async function blackHole(port: number): Promise<{ connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    connections: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** True when something on 127.0.0.1:port answers a Redis PING. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}
