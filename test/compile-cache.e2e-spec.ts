import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * scripts/compile-cache.cjs, the V8 code cache that dist/api/main.js loads the bundled API through: real Node
 * processes on a folder shaped like dist/api (a .cjs module that requires another), run one after the other.
 */
const CACHE_MODULE = join(process.cwd(), 'scripts/compile-cache.cjs');
/** Node 22.1+: the module uses Node's own cache, whose files this test does not look into. */
const builtIn = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache;

describe('The bundle’s compile cache', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nexus-compile-cache-'));
    writeFileSync(
      join(root, 'main.cjs'),
      `module.exports = require('./chunk.cjs').answer(__filename, require.resolve('./chunk.cjs'));`,
    );
    writeChunk('one');
    writeFileSync(
      join(root, 'run.cjs'),
      `const cache = require(${JSON.stringify(CACHE_MODULE)});
       cache.install(${JSON.stringify(root)});
       const answer = require('./main.cjs');
       console.log(JSON.stringify({ answer, stats: cache.stats }));`,
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function writeChunk(word: string) {
    const file = join(root, 'chunk.cjs');
    writeFileSync(
      file,
      `exports.answer = (main, chunk) => ({ word: '${word}', main, chunk, builtin: typeof require('node:os').cpus });`,
    );
    // a rebuild within the same millisecond and of the same length must not meet the old cache either
    utimesSync(file, new Date(), new Date(Date.now() + Math.random() * 1e6));
  }

  const run = (flags: string[] = []) =>
    JSON.parse(execFileSync(process.execPath, [...flags, join(root, 'run.cjs')], { encoding: 'utf8' }).trim()) as {
      answer: { word: string; main: string; chunk: string; builtin: string };
      stats: { cached: number; compiled: number };
    };

  (builtIn === 'function' ? it.skip : it)('compiles without a cache first, then starts from the cache it wrote', () => {
    const first = run();
    expect(first.answer).toEqual({
      word: 'one',
      main: join(root, 'main.cjs'),
      chunk: join(root, 'chunk.cjs'),
      builtin: 'function',
    });
    expect(first.stats).toEqual({ cached: 0, compiled: 2 });
    expect(readdirSync(join(root, '.compile-cache', process.version))).toHaveLength(2);

    const second = run();
    expect(second.answer).toEqual(first.answer);
    expect(second.stats).toEqual({ cached: 2, compiled: 0 });
  });

  (builtIn === 'function' ? it.skip : it)('never runs a changed file from its old cache', () => {
    run();
    writeChunk('two'); // same length as 'one'
    const changed = run();
    expect(changed.answer.word).toBe('two');
    expect(changed.stats).toEqual({ cached: 1, compiled: 1 });
  });

  (builtIn === 'function' ? it.skip : it)(
    'keeps one cache per set of Node flags, which do not reject each other’s',
    () => {
      expect(run().stats).toEqual({ cached: 0, compiled: 2 });
      // V8 rejects a cache made under other flags: these get their own
      expect(run(['--max-semi-space-size=32']).stats).toEqual({ cached: 0, compiled: 2 });
      expect(run(['--max-semi-space-size=32']).stats).toEqual({ cached: 2, compiled: 0 });
      expect(run().stats).toEqual({ cached: 2, compiled: 0 });
      expect(readdirSync(join(root, '.compile-cache', process.version))).toHaveLength(4);
    },
  );

  (builtIn === 'function' ? it.skip : it)('writes the caches once the application reports it started', () => {
    // the process is killed right after (no 'exit' event, as an API stopped by a signal), well before 10 s
    writeFileSync(
      join(root, 'started.cjs'),
      `const cache = require(${JSON.stringify(CACHE_MODULE)});
       cache.install(${JSON.stringify(root)});
       require('./main.cjs');
       process.emit(cache.STARTED);
       setTimeout(() => process.kill(process.pid, 'SIGKILL'), 200);`,
    );
    const killed = spawnSync(process.execPath, [join(root, 'started.cjs')]);
    expect(killed.signal).toBe('SIGKILL');
    expect(run().stats).toEqual({ cached: 2, compiled: 0 });
  });

  it('still runs the modules when the cache cannot be written', () => {
    writeFileSync(join(root, '.compile-cache'), 'not a folder');
    expect(run().answer.word).toBe('one');
    expect(run().answer.word).toBe('one');
    expect(existsSync(join(root, '.compile-cache', process.version))).toBe(false);
  });
});
