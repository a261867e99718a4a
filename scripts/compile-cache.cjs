'use strict';
/**
 * A V8 code cache for the bundled API (copied into dist/api/ by scripts/bundle-api.mjs; main.js and cluster.js
 * install it before they load the bundle). Parsing and compiling the bundle's ~10 MB of JavaScript was about a
 * third of an embedded cold start; with the cache, V8 deserialises the compiled functions instead.
 *
 * - Node 22.1 and later have this built in (`module.enableCompileCache`), which is then used.
 * - On Node 20, the bundle's own files are compiled with `vm.Script` and the cached data of an earlier run; a file
 *   compiled without a cache (the first start after a build, or a cache V8 rejected) has its cache written once
 *   the process has run a while, with the functions compiled so far.
 * - A cache belongs to one version of a file (its name, size and modification time name it; `npm run build` also
 *   deletes dist/api with its caches) and one Node version: V8 checks only the length of the source, so a file
 *   that changed must never meet its old cache. It also belongs to one set of Node's flags (V8 rejects a cache
 *   made under other flags): `npm start` (with `--max-semi-space-size`) and a plain `node dist/api/main.js` each
 *   keep their own instead of rejecting and rewriting each other's.
 * - The caches a start lacked are written as soon as the API reports that it has started (the `STARTED` event
 *   on `process`, main.ts), and otherwise 10 s into the process or when it exits: a start stopped by a signal
 *   right after it answered (as a cold-start measurement does) leaves them written too.
 * - The cache is only ever an optimisation: unreadable, unwritable (a read-only image) or rejected, the file is
 *   compiled as usual.
 */
const Module = require('node:module');
const vm = require('node:vm');
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { basename, dirname, join, sep } = require('node:path');

/** What this process compiled: files whose cache V8 took, and files compiled without one (Node 20 only). */
exports.stats = { cached: 0, compiled: 0 };

/** Installs the cache for the `.cjs` files under `root` (the bundle's folder). */
exports.install = function install(root) {
  const folder = join(root, '.compile-cache');
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache(folder);
    return;
  }
  const cacheFolder = join(folder, process.version);
  const flags = hash(process.execArgv.join(' '));
  const unsaved = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(root + sep) || !filename.endsWith('.cjs')) return compile.call(this, content, filename);
    const { size, mtimeMs } = statSync(filename);
    const file = join(cacheFolder, `${basename(filename)}-${size}-${Math.trunc(mtimeMs)}-${flags}.bin`);
    let cachedData;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    // no dynamic import() in these scripts: Node 20 loses a cached script's import callback (the bundle requires
    // its external packages instead, bundle-api.mjs `dynamicImportInCjs`)
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    const compiled = !cachedData || script.cachedDataRejected;
    if (compiled) unsaved.push({ script, file });
    exports.stats[compiled ? 'compiled' : 'cached']++;
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };
  const save = () => {
    const scripts = unsaved.splice(0);
    try {
      if (scripts.length) mkdirSync(cacheFolder, { recursive: true });
      for (const { script, file } of scripts) {
        writeFileSync(`${file}.${process.pid}`, script.createCachedData());
        renameSync(`${file}.${process.pid}`, file);
      }
    } catch {
      // a read-only folder: starts compile as before
    }
  };
  // once the application has started (its start compiled most of what a start needs), or when a shorter-lived
  // process exits; an API stopped by a signal never reaches 'exit'
  setTimeout(save, SAVE_AFTER_MS).unref();
  process.once(exports.STARTED, () => setImmediate(save));
  process.once('exit', save);
};

/** What the API emits on `process` once it listens (apps/api/src/main.ts). */
exports.STARTED = 'diaspora-nexus:started';

/** A short name for a string (FNV-1a, 32 bits, in base 36). */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** How long after the process starts the caches it lacked are written. */
const SAVE_AFTER_MS = 10_000;

/** The `require` a CommonJS module gets (what Node's own loader passes its wrapper). */
function requireFor(module) {
  const require = (id) => module.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, module);
  require.cache = Module._cache;
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  return require;
}
