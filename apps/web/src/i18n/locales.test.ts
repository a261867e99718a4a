import { describe, expect, it } from 'vitest';
import { translations, type Tree } from './resources';

const { en, fr, es } = translations;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function lookup(tree: Tree, key: string): string {
  return key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part], tree) as string;
}

function placeholders(tree: Tree): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (node: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') out[`${prefix}${key}`] = (value.match(/\{\{\w+\}\}/g) ?? []).sort();
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(tree, '');
  return out;
}

describe('interface translations', () => {
  for (const [name, tree] of [
    ['French', fr],
    ['Spanish', es],
  ] as const) {
    it(`${name} has every English string and no other`, () => {
      expect(keys(tree).sort()).toEqual(keys(en).sort());
    });

    it(`${name} strings keep the placeholders of the English ones`, () => {
      const english = placeholders(en);
      const translated = placeholders(tree);
      for (const key of Object.keys(english)) expect([key, translated[key]]).toEqual([key, english[key]]);
    });
  }

  it('no language has an empty string', () => {
    for (const tree of [en, fr, es] as Tree[])
      expect(keys(tree).filter((key) => !lookup(tree, key).trim())).toEqual([]);
  });
});
