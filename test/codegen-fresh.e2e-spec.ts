import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { TARGETS } from '../codegen.js';

const root = new URL('..', import.meta.url).pathname;

/** Every file under `dir`, by its path relative to `dir`, with its content. */
function filesOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

describe('typed operations (GraphQL Code Generator, codegen.ts)', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'codegen-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('every committed output (test/generated, …) is what `npm run codegen` makes from schema.gql and the operations', async () => {
    // the CLI in a child process, writing every target under a temporary root (CODEGEN_OUT) instead of the tree
    const cli = join(root, 'node_modules/.bin/graphql-codegen');
    await promisify(execFile)(process.execPath, [cli, '--config', 'codegen.ts'], {
      cwd: root,
      env: { ...process.env, CODEGEN_OUT: out, CODEGEN_SCHEMA: '' },
    });
    expect(Object.keys(TARGETS)).toContain('test/generated/');
    for (const folder of Object.keys(TARGETS)) {
      const fresh = filesOf(join(out, folder));
      expect(Object.keys(fresh).sort()).toEqual(['gql.ts', 'graphql.ts', 'index.ts']);
      // a stale output fails here: run `npm run codegen` and commit the folder
      expect({ folder, files: filesOf(join(root, folder)) }).toEqual({ folder, files: fresh });
    }
  });
});
