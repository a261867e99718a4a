import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { cssVariablesResolver, theme, variantColorResolver } from './theme';

const full = mergeMantineTheme(DEFAULT_THEME, theme);

/** sRGB channels of `#rrggbb` or `rgba(r, g, b, a)`. */
function rgb(color: string): [number, number, number] {
  if (color.startsWith('#'))
    return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
  const [r, g, b] = color.match(/[\d.]+/g)!.map(Number);
  return [r, g, b];
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = rgb(color).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('the theme', () => {
  it.each(['teal', 'red', 'blue'])('keeps white text on a hovered filled %s button above 4.5:1', (color) => {
    const colors = variantColorResolver({ color, theme: full, variant: 'filled' });
    expect(colors.color).toBe('var(--mantine-color-white)');
    expect(contrast('#ffffff', colors.hover!)).toBeGreaterThanOrEqual(4.5);
    // and the hover is darker than the resting colour, not lighter (Mantine's default for shade 9)
    expect(contrast('#ffffff', colors.hover!)).toBeGreaterThan(contrast('#ffffff', full.colors[color][9]));
  });

  it('gives the primary colour the same dark hover in CSS', () => {
    const variables = cssVariablesResolver(full).light;
    const hover = variables['--mantine-primary-color-filled-hover'];
    expect(contrast('#ffffff', hover)).toBeGreaterThanOrEqual(4.5);
    expect(variables['--mantine-color-teal-filled-hover']).toBe(hover);
  });

  it.each(['teal', 'red', 'blue', 'gray'])('keeps light %s buttons dark on pale, hovered or not', (color) => {
    const colors = variantColorResolver({ color, theme: full, variant: 'light' });
    expect(colors.color).toBe(`var(--mantine-color-${color}-9)`);
    expect(contrast(full.colors[color][9], full.colors[color][0])).toBeGreaterThanOrEqual(4.5);
    expect(colors.hover).toBe(`var(--mantine-color-${color}-1)`);
    expect(contrast(colors.hoverColor!, full.colors[color][1])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['green', 'lime', 'orange', 'yellow'])(
    'darkens the text of light %s buttons, badges and alerts (an eligibility alert) to 4.5:1 on pale',
    (color) => {
      expect(contrast(full.colors[color][9], full.colors[color][0])).toBeLessThan(4.5);
      const colors = variantColorResolver({ color, theme: full, variant: 'light' });
      expect(colors.background).toBe(`var(--mantine-color-${color}-0)`);
      expect(contrast(colors.color, full.colors[color][0])).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colors.hoverColor!, full.colors[color][1])).toBeGreaterThanOrEqual(4.5);
    },
  );
});
