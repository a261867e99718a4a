import { describe, expect, it } from 'vitest';
import { buckets, COLORS, colorOf, EMPTY } from './scale';

describe('world map classes', () => {
  it('splits 1..max into at most five contiguous classes ending at max, darkest last', () => {
    for (const max of [1, 2, 3, 6, 17, 250, 10_000]) {
      const scale = buckets(max);
      expect(scale.length).toBe(Math.min(5, max));
      expect(scale[0].from).toBe(1);
      expect(scale.at(-1)!.to).toBe(max);
      for (let i = 1; i < scale.length; i++) expect(scale[i].from).toBe(scale[i - 1].to + 1);
      for (const bucket of scale) expect(bucket.to).toBeGreaterThanOrEqual(bucket.from);
      expect(scale.at(-1)!.color).toBe(COLORS.at(-1));
    }
  });

  it('colours a count by its class, and no organization in grey', () => {
    const scale = buckets(6);
    expect(colorOf(0, scale)).toBe(EMPTY);
    expect(colorOf(1, scale)).toBe(scale[0].color);
    expect(colorOf(6, scale)).toBe(scale.at(-1)!.color);
    const five = scale.find((b) => b.from <= 5 && 5 <= b.to)!;
    expect(colorOf(5, scale)).toBe(five.color);
  });

  it('has no classes when no country has an organization', () => {
    expect(buckets(0)).toEqual([]);
  });
});
