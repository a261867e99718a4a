import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, NextFunction, Request, Response } from 'express';

/** Paths the API answers itself: never the portal's index.html. */
const API_PREFIXES = ['/graphql', '/graphiql', '/health', '/files', '/exports', '/calendar', '/auth'];

/**
 * The portal's Content Security Policy: its own scripts only (no inline script), Mantine's inline
 * styles, GraphQL over fetch and WebSocket to this origin, and no framing.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The built portal (apps/web/dist), found from this file in the sources and in dist/. */
export function portalDir(): string | null {
  if (process.env.WEB_DIST_DIR)
    return existsSync(join(process.env.WEB_DIST_DIR, 'index.html')) ? resolve(process.env.WEB_DIST_DIR) : null;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    const candidate = join(dir, 'apps/web/dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/**
 * Client routes whose page chunk the HTML preloads (`<link rel="modulepreload">`): the pages people
 * open from links, searches and e-mails. Without it the browser learns of the page's chunk only once
 * the main chunk has run; with it both download together.
 */
const PRELOADED_PAGES: [RegExp, string][] = [
  [/^\/directory\/?$/, 'src/pages/Directory.tsx'],
  [/^\/organizations\/[^/]+\/?$/, 'src/pages/OrganizationPage.tsx'],
  [/^\/projects\/[^/]+\/?$/, 'src/pages/projects/ProjectPage.tsx'],
  [/^\/funds\/[^/]+\/?$/, 'src/pages/funding/FundPage.tsx'],
  [/^\/sign-in\/?$/, 'src/pages/SignIn.tsx'],
];

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

/**
 * index.html for each preloaded page: the page's chunk and the chunks it imports that the main entry
 * does not already load, from Vite's build manifest (`.vite/manifest.json`). Empty without a manifest.
 */
export function pagePreloads(root: string, index: string): [RegExp, string][] {
  const file = join(root, '.vite/manifest.json');
  if (!existsSync(file)) return [];
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key) || !manifest[key]) return into;
    into.add(key);
    for (const imported of manifest[key].imports ?? []) closure(imported, into);
    return into;
  };
  const entry = closure('index.html');
  const pages: [RegExp, string][] = [];
  for (const [pattern, source] of PRELOADED_PAGES) {
    if (!manifest[source]) continue;
    const chunks = [...closure(source)].filter((key) => !entry.has(key)).map((key) => manifest[key]);
    const links = [
      ...chunks.map((chunk) => `<link rel="modulepreload" crossorigin href="/${chunk.file}">`),
      ...chunks.flatMap((chunk) => chunk.css ?? []).map((css) => `<link rel="stylesheet" crossorigin href="/${css}">`),
    ];
    pages.push([
      pattern,
      index.replace(/\n(\s*)<\/head>/, (head, indent: string) => `\n${indent}  ${links.join(`\n${indent}  `)}${head}`),
    ]);
  }
  return pages;
}

const isApiPath = (path: string) => API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));

/**
 * Serves the portal at `/`: hashed files under /assets are cached for a year (immutable), index.html
 * is revalidated on every load (no-cache), and every other GET for an HTML page that is not an API path
 * answers index.html so client routes (/organizations/…, /funds/…) work on reload and from e-mail links.
 * Returns false when the portal is not built (the API then works without it).
 */
export function mountPortal(app: NestExpressApplication): boolean {
  const root = portalDir();
  if (!root) return false;
  const index = readFileSync(join(root, 'index.html'), 'utf8');
  const pages = pagePreloads(root, index);
  const http = app.getHttpAdapter().getInstance() as Express;
  const sendIndex = (res: Response, path = '/') => {
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-security-policy', PORTAL_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    res.type('html').send(pages.find(([pattern]) => pattern.test(path))?.[1] ?? index);
  };
  // file names carry a content hash: a changed file is a new URL
  app.useStaticAssets(join(root, 'assets'), {
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
    setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
  });
  http.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    if (req.path === '/' || req.path === '/index.html') return sendIndex(res);
    // files at the root of dist (e.g. robots.txt), revalidated like index.html
    if (/^\/[\w.-]+\.(txt|ico|png|svg|webmanifest|json)$/.test(req.path) && existsSync(join(root, req.path))) {
      res.setHeader('cache-control', 'no-cache');
      return res.sendFile(join(root, req.path));
    }
    if (req.accepts(['html', 'json']) === 'html' && !/\.\w{1,8}$/.test(req.path)) return sendIndex(res, req.path);
    next();
  });
  return true;
}
