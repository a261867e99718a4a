import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, visit } from 'graphql';
import type { Plugin } from 'vite';

const GENERATED = fileURLToPath(new URL('../src/gql/graphql.ts', import.meta.url));
const SOURCES = fileURLToPath(new URL('../src/', import.meta.url));
const CALL = /\bgraphql\(\s*`([\s\S]*?)`\s*\)/g;
const DEFINITION = /^\s*(query|mutation|subscription|fragment)\s+(\w+)/;
const VIRTUAL = '\0nexus-gql:';

/** The document as the generated file has it (no locations), or null when it spreads a fragment defined elsewhere. */
function selfContained(source: string): string | null {
  const document = parse(source, { noLocation: true });
  const defined = new Set(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])),
  );
  let missing = false;
  visit(document, {
    FragmentSpread(node) {
      if (!defined.has(node.name.value)) missing = true;
    },
  });
  return missing ? null : JSON.stringify(document);
}

/**
 * Production builds: every `graphql(`…`)` call becomes a reference to its own generated document
 * (`XDocument` / `XFragmentDoc` exported by `src/gql/graphql.ts`), as the client preset's Babel
 * optimizer does. Without it, `gql.ts`'s map of every operation of the portal (about 200 KB of
 * document ASTs) lands in the first page's chunk; with it, each route chunk carries only the
 * operations it sends (one small virtual module per document; a document that spreads a fragment from
 * another call takes the generated export, which the bundler keeps in a shared chunk). A call whose document the generated file lacks (stale codegen) fails the build.
 */
export function graphqlDocuments(): Plugin {
  let exported: Set<string> | null = null;
  const documents = new Map<string, string>();
  return {
    name: 'nexus-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      exported = null;
      documents.clear();
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? id : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      return `export default ${documents.get(id.slice(VIRTUAL.length))};`;
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (!file.startsWith(SOURCES) || file.includes('/src/gql/') || !/\.tsx?$/.test(file)) return null;
      if (!code.includes('graphql(`')) return null;
      exported ??= new Set(
        [...readFileSync(GENERATED, 'utf8').matchAll(/^export const (\w+)\s*=/gm)].map((match) => match[1]),
      );
      const imports = new Map<string, string>();
      const fallback = new Map<string, string>();
      const out = code.replace(CALL, (_call, source: string) => {
        const definition = DEFINITION.exec(source);
        if (!definition) this.error(`${file}: a graphql() document without a named operation or fragment`);
        const [, kind, name] = definition;
        const generated = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        if (!exported!.has(generated)) {
          this.error(`${file}: ${generated} is not in src/gql/graphql.ts (run npm run codegen)`);
        }
        const local = `__gql_${generated}`;
        const ast = selfContained(source);
        if (ast) {
          documents.set(generated, ast);
          imports.set(generated, local);
        } else fallback.set(generated, local);
        return local;
      });
      const lines = [...imports].map(([name, local]) => `import ${local} from ${JSON.stringify(VIRTUAL + name)};`);
      if (fallback.size) {
        const list = [...fallback].map(([name, local]) => `${name} as ${local}`).join(', ');
        lines.push(`import { ${list} } from ${JSON.stringify(GENERATED)};`);
      }
      return { code: `${lines.join('\n')}\n${out}`, map: null };
    },
  };
}
