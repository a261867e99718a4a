import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pagePreloads } from '../apps/api/src/web/portal.js';

/** The HTML of a page people open by link preloads that page's chunk (from Vite's build manifest). */
describe('The portal preloads the chunk of the page a link opens', () => {
  let dir: string;
  const INDEX = [
    '<!doctype html>',
    '<html>',
    '  <head>',
    '    <script type="module" crossorigin src="/assets/index-A1.js"></script>',
    '  </head>',
    '</html>',
  ].join('\n');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nexus-web-preload-'));
    mkdirSync(join(dir, '.vite'));
    writeFileSync(
      join(dir, '.vite/manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index-A1.js', imports: ['_react-B2.js'] },
        '_react-B2.js': { file: 'assets/react-B2.js' },
        '_Grid-C3.js': {
          file: 'assets/Grid-C3.js',
          imports: ['_react-B2.js', '_Badge-D4.js'],
          css: ['assets/Grid-C3.css'],
        },
        '_Badge-D4.js': { file: 'assets/Badge-D4.js' },
        'src/pages/Directory.tsx': { file: 'assets/Directory-E5.js', imports: ['index.html', '_Grid-C3.js'] },
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the page chunk and what it imports beyond the main entry, for the page’s paths only', () => {
    const pages = pagePreloads(dir, INDEX);
    const html = (path: string) => pages.find(([pattern]) => pattern.test(path))?.[1] ?? INDEX;
    const directory = html('/directory');
    const preloaded = [...directory.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map(
      (m) => m[1],
    );
    expect(preloaded.sort()).toEqual(['/assets/Badge-D4.js', '/assets/Directory-E5.js', '/assets/Grid-C3.js']);
    expect(directory).toContain('<link rel="stylesheet" crossorigin href="/assets/Grid-C3.css">');
    // inside the head, the page otherwise as built
    expect(directory.indexOf('Directory-E5.js')).toBeLessThan(directory.indexOf('</head>'));
    expect(directory.replace(/\n\s*<link[^>]+>/g, '')).toBe(INDEX);
    expect(html('/directory/')).toBe(directory);
    // the main entry's own chunks are not listed twice; other pages keep the plain index.html
    expect(directory).not.toContain('modulepreload" crossorigin href="/assets/react-B2.js');
    for (const path of ['/', '/directory/x', '/funding', '/organizations/x/projects']) expect(html(path)).toBe(INDEX);
  });

  it('is plain index.html without a manifest (a build without it, or the tests’ stand-in)', () => {
    expect(pagePreloads(join(dir, 'nowhere'), INDEX)).toEqual([]);
  });
});
