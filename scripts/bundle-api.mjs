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
 * WebAssembly and data files beside its own module), class-validator and class-transformer (Nest loads them
 * itself: there must be one copy of each), optional packages Nest and Apollo load only when
 * configured, and what the API itself loads on demand (ioredis, bullmq and nodemailer through `require`).
 */
import { builtinModules } from 'node:module';
import { rm } from 'node:fs/promises';
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
  // Nest's ValidationPipe loads these with `require` at run time: bundled, the decorators would fill one copy's
  // metadata and the pipe would read another's (class-transformer keeps its metadata per copy)
  /^class-validator(\/|$)/,
  /^class-transformer(\/|$)/,
];

await rm(OUT, { recursive: true, force: true });
await build({
  input: { main: 'dist/apps/api/src/main.js', cluster: 'dist/apps/api/src/cluster.js' },
  platform: 'node',
  external: EXTERNAL,
  logLevel: 'warn',
  onLog(level, log, handler) {
    // optional packages that are not installed stay imports (EXTERNAL); anything else is the build's problem
    if (log.code === 'UNRESOLVED_IMPORT' || log.code === 'EVAL' || log.code === 'CIRCULAR_DEPENDENCY') return;
    handler(level, log);
  },
  output: {
    dir: OUT,
    format: 'esm',
    keepNames: true,
    strictExecutionOrder: true,
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
});
console.log(`API bundled into ${OUT}/ (main.js, cluster.js)`);
