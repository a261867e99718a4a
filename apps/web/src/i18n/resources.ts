import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';

export type Tree = { [key: string]: string | Tree };

/**
 * The interface strings of each language: `locales/<lang>.json` (shared and diaspora pages) merged
 * with every workspace's own `locales/<area>/<lang>.json` (funder, government, provider, moderation…),
 * so each area keeps its strings beside the others without editing one large file.
 */
const areas = import.meta.glob<{ default: Tree }>('./locales/*/*.json', { eager: true });

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

function bundle(language: string, base: Tree): Tree {
  const tree = structuredClone(base);
  for (const [file, module] of Object.entries(areas))
    if (file.endsWith(`/${language}.json`)) merge(tree, module.default, '');
  return tree;
}

export const translations = { en: bundle('en', en), fr: bundle('fr', fr), es: bundle('es', es) };
