#!/usr/bin/env node
/**
 * Bundles the compiled API (dist/apps/api/src/main.js and cluster.js, after `tsc`) into dist/api/ with rolldown:
 * the API's start then reads about 20 files instead of some 3,500 modules of its own and of node_modules, which
 * was more than half of an embedded cold start (Node's module loader: resolving, reading and linking each file;
 * docs/performance.md, "Cold start"). Part of `npm run build`.
 *
 * The bundle is the same compiled code: decorators' metadata is already emitted by tsc, class and function names
 * are kept (GraphQL type names, Nest's providers and TypeORM's entities are named after their classes), and
 * modules run in their original order (reflect-metadata before the decorators that use it). Left outside, and
 * loaded from node_modules at run time as before: native addons (argon2, sharp), PGlite (it reads its
 * WebAssembly and data files beside its own module), optional packages Nest and Apollo load only when
 * configured, and what the API itself loads on demand (ioredis, bullmq and nodemailer through `require`).
 */
import { builtinModules } from 'node:module';
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { build } from 'rolldown';

const OUT = 'dist/api';

const EXTERNAL = [
  ...builtinModules,
  /^node:/,
  /\.node$/,
  /^@node-rs\//,
  'sharp',
  /^@electric-sql\//,
  'pg-native',
  // loaded by Nest and Apollo only when an application asks for them (microservices, websockets, fastify,
  // federation); not installed here
  /^@nestjs\/(microservices|websockets|platform-socket\.io|platform-fastify)(\/|$)/,
  /^@apollo\/(subgraph|gateway)(\/|$)/,
  /^@as-integrations\/fastify$/,
];

/**
 * Packages' code changed as it is bundled, each for a cost measured at every start (docs/performance.md, "Cold
 * start"). Every line stays where it was (an import is hoisted), so the files need no source map of their own; a
 * package whose code no longer reads as expected fails the build.
 */
const PATCHES = [
  {
    // @nestjs/typeorm looks up two classes TypeORM 1 no longer has (`Connection`, `AbstractRepository`) with a
    // `require('typeorm')` of its own, which loaded a second copy of TypeORM from node_modules (some 90 files,
    // ~0.4 s) only to find them missing. It reads the bundled TypeORM instead: the same answers, one copy.
    file: /@nestjs[\\/]typeorm[\\/]dist[\\/]common[\\/]typeorm-compat\.js$/,
    find: "const typeorm = require('typeorm');",
    replace: 'const typeorm = bundledTypeorm;',
    append: "import * as bundledTypeorm from 'typeorm';",
  },
  {
    // pg asks whether it runs on Cloudflare Workers by making a fetch `Response`, which loads Node's fetch
    // implementation (undici, 45–160 ms) when pg is loaded; the API runs on Node only
    file: /[\\/]pg[\\/]lib[\\/]stream\.js$/,
    find: 'function isCloudflareRuntime() {',
    replace: 'function isCloudflareRuntime() { return false; // bundle-api.mjs: the API runs on Node only',
  },
  {
    // TypeORM loads its driver's package with a `require(name)` of a computed name, which the bundle cannot see:
    // pg and its dependencies (~30 files) were read from node_modules at every start, a second copy beside the
    // one the API imports itself (libs/persistence/src/type-parsers.ts). TypeORM gets the bundled pg.
    file: /[\\/]typeorm[\\/]platform[\\/]PlatformTools\.js$/,
    find: '            return require(name);',
    replace: '            return name === "pg" ? require("pg") : require(name); // bundle-api.mjs: the bundled pg',
  },
  {
    // @nestjs/mapped-types (PartialType and the other type helpers) loads class-validator and class-transformer
    // with a `createRequire` the bundle cannot see: it would read a second class-transformer from node_modules,
    // whose metadata is not the one the application's decorators filled. It gets the bundled copies.
    file: /@nestjs[\\/]mapped-types[\\/]dist[\\/]type-helpers\.utils\.js$/,
    find: 'const require = createRequire(import.meta.url);',
    replace:
      'const require = (name) => ({ "class-validator": bundledValidator, "class-transformer": bundledTransformer, ' +
      '"class-transformer/cjs/storage": bundledTransformerStorage })[name] ?? createRequire(import.meta.url)(name);',
    append: [
      "import * as bundledValidator from 'class-validator';",
      "import * as bundledTransformer from 'class-transformer';",
      "import * as bundledTransformerStorage from 'class-transformer/cjs/storage';",
    ].join('\n'),
  },
];

/**
 * class-validator and class-transformer keep their metadata in module state: the application's decorators,
 * Nest's ValidationPipe (`import('class-validator')`) and @nestjs/mapped-types (PATCHES) must all reach the same
 * copy. Their packages hold a CommonJS build (`main`) and ES module builds (`module`); every import of them
 * resolves to the CommonJS build, and the build fails if any other is bundled (ONE_COPY_CHECK below).
 */
const ONE_COPY = ['class-validator', 'class-transformer'];
const ONE_COPY_CHECK = /[\\/]node_modules[\\/]class-(validator|transformer)[\\/](?!cjs[\\/])/;

function oneCopy() {
  return {
    name: 'one-copy',
    resolveId(source, importer) {
      if (!ONE_COPY.includes(source)) return null;
      return this.resolve(`${source}/cjs/index.js`, importer, { skipSelf: true });
    },
  };
}

function patches() {
  return {
    name: 'patches',
    transform(code, id) {
      const patch = PATCHES.find(({ file }) => file.test(id));
      if (!patch) return null;
      if (!code.includes(patch.find)) this.error(`${id} no longer reads as bundle-api.mjs expects (${patch.find})`);
      return `${code.replace(patch.find, patch.replace)}${patch.append ? `\n${patch.append}\n` : ''}`;
    },
  };
}

await rm(OUT, { recursive: true, force: true });
const { output: chunks } = await build({
  input: {
    main: 'dist/apps/api/src/main.js',
    cluster: 'dist/apps/api/src/cluster.js',
    // the embedded database's thread, which main.js starts before it loads the rest (only Node's own modules)
    'embedded-thread': 'dist/libs/persistence/src/embedded-thread.js',
  },
  platform: 'node',
  external: EXTERNAL,
  plugins: [oneCopy(), patches()],
  logLevel: 'warn',
  onLog(level, log, handler) {
    // optional packages that are not installed stay imports (EXTERNAL); anything else is the build's problem
    if (log.code === 'UNRESOLVED_IMPORT' || log.code === 'EVAL' || log.code === 'CIRCULAR_DEPENDENCY') return;
    if (log.code === 'SOURCEMAP_BROKEN' && log.plugin === 'patches') return;
    handler(level, log);
  },
  output: {
    dir: OUT,
    // CommonJS: Node reads and compiles CommonJS files faster than ES modules (no source decoding into a module
    // record, lazier parsing); the same start took ~0.25 s less (docs/performance.md, "Cold start")
    format: 'cjs',
    // external packages imported on demand (sharp) are required: the compile cache's scripts (vm.Script) have no
    // dynamic import() on Node 20
    dynamicImportInCjs: false,
    // ASCII only (other characters escaped, JSDoc comments left out; the sources have them): V8 keeps an
    // all-Latin-1 source in one byte per character; one character beyond it made the 6 MB chunk a two-byte
    // string, read and compiled at every start
    charset: 'ascii',
    comments: { jsdoc: false, legal: true, annotation: true },
    keepNames: true,
    strictExecutionOrder: true,
    sourcemap: true,
    entryFileNames: '[name].cjs',
    chunkFileNames: 'chunks/[name]-[hash].cjs',
  },
});
const copies = chunks.flatMap((chunk) => chunk.moduleIds ?? []).filter((id) => ONE_COPY_CHECK.test(id));
if (copies.length) throw new Error(`bundle-api.mjs: a second build of class-validator/transformer: ${copies[0]}`);
// dist/api/main.js and cluster.js stay the commands to run (npm scripts, Docker, tests): they load the bundle
// with a V8 code cache (scripts/compile-cache.cjs). Without DATABASE_URL in the environment (the embedded
// database; main.ts ends the thread if the configuration says otherwise), main.js starts the database's thread
// before anything else.
await copyFile('scripts/compile-cache.cjs', `${OUT}/compile-cache.cjs`);
const PREWARM = "if (!process.env.DATABASE_URL) require('./embedded-thread.cjs').prewarmDatabaseThread();\n";
for (const entry of ['main', 'cluster']) {
  await writeFile(
    `${OUT}/${entry}.js`,
    `// The bundled API (${entry}.cjs, scripts/bundle-api.mjs)
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
const require = createRequire(import.meta.url);
require('./compile-cache.cjs').install(dirname(fileURLToPath(import.meta.url)));
${entry === 'main' ? PREWARM : ''}require('./${entry}.cjs');
`,
  );
}
console.log(`API bundled into ${OUT}/ (main.js, cluster.js: CommonJS main.cjs, cluster.cjs)`);
