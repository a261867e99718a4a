/**
 * GraphQL Code Generator: typed operations from the committed `schema.gql` (`npm run codegen`).
 *
 * Each client that sends GraphQL operations is one entry of `generates`, keyed by its output folder,
 * with its own `documents` (where its `graphql(...)` calls live) and the shared `clientPreset` options.
 * The output is committed; `test/codegen-fresh.e2e-spec.ts` fails when it is stale relative to
 * `schema.gql` and the documents. To add a client (e.g. the web portal), add one entry:
 *
 *   'apps/web/src/gql/': { documents: ['apps/web/src/**\/*.{ts,tsx}', '!apps/web/src/gql/**'], ...clientPreset },
 *
 * and a line to `TARGETS` below so the freshness test checks it too.
 *
 * `CODEGEN_SCHEMA` overrides the schema file (e.g. `git show HEAD:schema.gql > /tmp/s.gql`);
 * `CODEGEN_OUT` writes every target under another root folder (the freshness test compares from there).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';

const schema = process.env.CODEGEN_SCHEMA || 'schema.gql';
const outRoot = process.env.CODEGEN_OUT ? `${process.env.CODEGEN_OUT.replace(/\/$/, '')}/` : '';

const clientPreset: Types.ConfiguredOutput = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    // string unions instead of TS enums: plain 'FUNDER' literals type-check where an enum is expected
    enumsAsTypes: true,
    useTypeImports: true,
    // NodeNext resolution: relative imports carry their .js extension
    importExtension: '.js',
    scalars: { DateTime: 'string', Date: 'string' },
    strictScalars: true,
    avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
  },
};

/** Output folder → the documents its operations come from (relative to the repository root). */
export const TARGETS: Record<string, string[]> = {
  'test/generated/': ['test/**/*.ts', '!test/generated/**'],
  'apps/web/src/gql/': ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
};

const config: CodegenConfig = {
  schema,
  overwrite: true,
  ignoreNoDocuments: false,
  generates: Object.fromEntries(
    Object.entries(TARGETS).map(([folder, documents]) => [`${outRoot}${folder}`, { documents, ...clientPreset }]),
  ),
};

export default config;
