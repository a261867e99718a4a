import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import type { Plugin } from 'vite';

const GENERATED = fileURLToPath(new URL('../src/gql/graphql.ts', import.meta.url));
const SOURCES = fileURLToPath(new URL('../src/', import.meta.url));
const CALL = /\bgraphql\(\s*`([\s\S]*?)`\s*\)/g;
const DEFINITION = /^\s*(query|mutation|subscription|fragment)\s+(\w+)/;
const VIRTUAL = '\0nexus-gql:';

/** Every fragment a `graphql()` call of the portal defines, by name (documents spread them across files). */
function portalFragments(): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const entry of readdirSync(SOURCES, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(entry) || entry.startsWith('gql/')) continue;
    const code = readFileSync(join(SOURCES, entry), 'utf8');
    for (const [, source] of code.matchAll(CALL)) {
      if (!/^\s*fragment\s/.test(source)) continue;
      try {
        for (const d of parse(source, { noLocation: true }).definitions)
          if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      } catch {
        // a document being written: its own transform reports it
      }
    }
  }
  return fragments;
}

/**
 * The document as the generated file has it (no locations), with the definitions of the fragments it
 * spreads from other calls appended as codegen does; null when one of them is nowhere to be found.
 */
function selfContained(source: string, fragments: Map<string, FragmentDefinitionNode>): string | null {
  const document = parse(source, { noLocation: true });
  const definitions: DefinitionNode[] = [...document.definitions];
  const defined = new Set(definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
  for (let i = 0; i < definitions.length; i += 1) {
    let missing = false;
    visit(definitions[i], {
      FragmentSpread(node) {
        const name = node.name.value;
        if (defined.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) missing = true;
        else {
          defined.add(name);
          definitions.push(fragment);
        }
      },
    });
    if (missing) return null;
  }
  return JSON.stringify({ ...document, definitions });
}

/**
 * Production builds: every `graphql(`…`)` call becomes a reference to its own generated document
 * (`XDocument` / `XFragmentDoc` exported by `src/gql/graphql.ts`), as the client preset's Babel
 * optimizer does. Without it, `gql.ts`'s map of every operation of the portal (about 200 KB of
 * document ASTs) lands in the first page's chunk; with it, each route chunk carries only the
 * operations it sends (one small virtual module per document, with the fragments it spreads from other calls). A call whose document the generated file lacks (stale codegen) is left as it is, with a warning.
 */
export function graphqlDocuments(): Plugin {
  let exported: Set<string> | null = null;
  let fragments: Map<string, FragmentDefinitionNode> | null = null;
  const documents = new Map<string, string>();
  return {
    name: 'nexus-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      exported = null;
      fragments = null;
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
      const out = code.replace(CALL, (call: string, source: string) => {
        const definition = DEFINITION.exec(source);
        if (!definition) this.error(`${file}: a graphql() document without a named operation or fragment`);
        const [, kind, name] = definition;
        const generated = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        if (!exported!.has(generated)) {
          // stale codegen (a document being written): left to gql.ts's graphql(), as without this plugin
          this.warn(`${file}: ${generated} is not in src/gql/graphql.ts yet (run npm run codegen)`);
          return call;
        }
        const local = `__gql_${generated}`;
        fragments ??= portalFragments();
        const ast = selfContained(source, fragments);
        if (ast) {
          documents.set(generated, ast);
          imports.set(generated, local);
        } else fallback.set(generated, local);
        return local;
      });
      if (imports.size === 0 && fallback.size === 0) return null;
      const lines = [...imports].map(([name, local]) => `import ${local} from ${JSON.stringify(VIRTUAL + name)};`);
      if (fallback.size) {
        const list = [...fallback].map(([name, local]) => `${name} as ${local}`).join(', ');
        lines.push(`import { ${list} } from ${JSON.stringify(GENERATED)};`);
      }
      return { code: `${lines.join('\n')}\n${out}`, map: null };
    },
  };
}
