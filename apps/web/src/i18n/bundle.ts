export type Tree = { [key: string]: string | Tree };

function merge(into: Tree, from: Tree, path: string): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (typeof value === 'string' || existing === undefined) {
      if (existing !== undefined) throw new Error(`Translation key ${path}${key} is defined twice`);
      into[key] = value;
    } else if (typeof existing === 'string') {
      throw new Error(`Translation key ${path}${key} is both a string and a group`);
    } else merge(existing, value, `${path}${key}.`);
  }
  return into;
}

/**
 * The interface strings of one language: `locales/<lang>.json` (shared and diaspora pages) merged with
 * every workspace's own `locales/<area>/<lang>.json` (funder, government, provider, moderation…), so
 * each area keeps its strings beside the others without editing one large file.
 */
export function bundle(base: Tree, areas: Record<string, { default: Tree }>): Tree {
  const tree = structuredClone(base);
  for (const module of Object.values(areas)) merge(tree, module.default, '');
  return tree;
}
