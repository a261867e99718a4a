import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The embedded database's worker thread (see EmbeddedDatabase): its code, and a thread started before the
 * application is loaded. This module imports nothing but Node's own modules, so that the bundled API's entry
 * (dist/api/main.js) can start the thread first (`prewarmDatabaseThread`): PGlite then loads and compiles its
 * WebAssembly while the main thread reads the application's ~10 MB of JavaScript, instead of after it has read
 * the configuration. The thread is told where the database is with its `start` request.
 */

/** Where the thread opens the database (the `start` request). */
export interface ThreadOptions {
  /** The folder PGlite keeps the database in; null: in memory (empty, or from `template`). */
  location: string | null;
  template: string | null;
  maxConnections: number;
}

/** What the database's thread is asked, and its answers (`{ ok: true, value }` or `{ ok: false, message }`). */
export type ThreadRequest = { type: 'start'; options: ThreadOptions } | { type: 'dump' } | { type: 'stop' };
export type ThreadAnswer = { ok: true; value?: unknown } | { ok: false; message: string };

/** A new database thread, preparing PGlite until it is asked to `start`. */
export function spawnDatabaseThread(): Worker {
  const require = createRequire(import.meta.url);
  return new Worker(`(${databaseThread.toString()})(require)`, {
    eval: true,
    workerData: {
      // resolved here: the thread's code has no module of its own to resolve them from
      pglite: require.resolve('@electric-sql/pglite'),
      socket: require.resolve('@electric-sql/pglite-socket'),
    },
  });
}

let prewarmed: { worker: Worker; ended: boolean } | undefined;

/**
 * Starts a database thread now, for the EmbeddedDatabase that the process opens next (`takePrewarmedThread`).
 * Unreferenced until taken: a process that ends up not opening one (a PostgreSQL server configured after all, or
 * a folder another process holds) is not kept alive by it, and `discardPrewarmedThread` ends it.
 */
export function prewarmDatabaseThread(): void {
  if (prewarmed) return;
  const thread = { worker: spawnDatabaseThread(), ended: false };
  thread.worker.unref();
  // a thread that failed before it was taken is not handed out (its error and exit would go unheard)
  thread.worker.once('error', () => (thread.ended = true));
  thread.worker.once('exit', () => (thread.ended = true));
  prewarmed = thread;
}

/** The thread `prewarmDatabaseThread` started (once) if it still runs, or undefined. */
export function takePrewarmedThread(): Worker | undefined {
  const thread = prewarmed;
  prewarmed = undefined;
  return thread && !thread.ended ? thread.worker : undefined;
}

/** Ends a prewarmed thread nobody took. */
export function discardPrewarmedThread(): void {
  const thread = prewarmed;
  prewarmed = undefined;
  void thread?.worker.terminate();
}

/**
 * The database thread's code. Its source is the worker's script (`toString`), so it uses nothing from outside
 * its body: the worker script's CommonJS `require` (a parameter, which no compiler or bundler rewrites) and the
 * thread's `workerData`. Until it is asked to `start`, it loads PGlite and compiles its WebAssembly.
 */
function databaseThread(load: NodeJS.Require): void {
  const { parentPort, workerData } = load('node:worker_threads') as typeof import('node:worker_threads');
  const { readFileSync } = load('node:fs') as typeof import('node:fs');
  const { dirname, join } = load('node:path') as typeof import('node:path');
  const { PGlite } = load(workerData.pglite) as typeof import('@electric-sql/pglite');
  const { PGLiteSocketServer } = load(workerData.socket) as typeof import('@electric-sql/pglite-socket');
  // PostgreSQL's WebAssembly, compiled now (off this thread, by V8) and its files, read now: what PGlite would
  // otherwise do itself once told where the database is
  const { WebAssembly: wasmApi } = globalThis as unknown as {
    WebAssembly: { compile(bytes: Uint8Array): Promise<unknown> };
  };
  const files = dirname(workerData.pglite);
  // undefined when it fails: PGlite compiles it itself then
  const wasm = wasmApi.compile(readFileSync(join(files, 'pglite.wasm'))).catch(() => undefined);
  // PGlite only asks its fsBundle for arrayBuffer(): a Blob's reads its bytes back in chunks (~140 ms here)
  const data = readFileSync(join(files, 'pglite.data'));
  const fsBundle = { arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) };
  let db: InstanceType<typeof PGlite> | undefined;
  let server: InstanceType<typeof PGLiteSocketServer> | undefined;
  const handlers = {
    start: async ({ location, template, maxConnections }: ThreadOptions) => {
      const prepared = {
        pgliteWasmModule: (await wasm) as import('@electric-sql/pglite').PGliteOptions['pgliteWasmModule'],
        fsBundle: fsBundle as unknown as Blob,
        // PostgreSQL zeroes its shared memory when it starts, a memset in WebAssembly (~5 ms per MB, twice that
        // while the application loads beside it): PGlite's default shared_buffers of 128 MB were most of opening
        // a folder. The embedded database serves one process and small data; its files are in the OS cache anyway.
        startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
      };
      if (location) db = new PGlite(location, prepared);
      else if (template) db = new PGlite({ ...prepared, loadDataDir: new Blob([readFileSync(template)]) });
      else db = new PGlite(prepared);
      await db.waitReady;
      server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
      await server.start();
      return { conn: server.getServerConn() };
    },
    dump: async () => {
      const dump = await db!.dumpDataDir('gzip');
      return dump.arrayBuffer();
    },
    stop: async () => {
      await server?.stop().catch(() => undefined);
      await db?.close().catch(() => undefined);
      server = undefined;
      db = undefined;
    },
  };
  // one request at a time, in order: the answers are matched to the requests by their order
  let queue: Promise<unknown> = Promise.resolve();
  parentPort!.on('message', (request: ThreadRequest) => {
    queue = queue.then(async () => {
      try {
        const value = request.type === 'start' ? await handlers.start(request.options) : await handlers[request.type]();
        parentPort!.postMessage({ ok: true, value }, value instanceof ArrayBuffer ? [value] : []);
      } catch (error) {
        parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    });
  });
}
