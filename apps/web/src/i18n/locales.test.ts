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
  it('French has every English string and no other', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('French strings keep the placeholders of the English ones', () => {
    const english = placeholders(en);
    const french = placeholders(fr);
    for (const key of Object.keys(english)) expect([key, french[key]]).toEqual([key, english[key]]);
  });

  it('Spanish (started) has only keys that English has, and no empty string', () => {
    const english = new Set(keys(en));
    expect(keys(es).filter((key) => !english.has(key))).toEqual([]);
    for (const tree of [en, fr, es] as Tree[])
      expect(keys(tree).filter((key) => !lookup(tree, key).trim())).toEqual([]);
  });
});
