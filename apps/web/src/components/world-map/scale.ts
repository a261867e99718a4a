/** Five classes of a choropleth, from light to dark (Mantine's blue shades, readable on white). */
export const COLORS = ['#d0ebff', '#a5d8ff', '#74c0fc', '#339af0', '#1864ab'] as const;
export const EMPTY = '#e9ecef';

export interface Bucket {
  from: number;
  to: number;
  color: string;
}

/**
 * Class limits for counts from 1 to `max`: equal steps on a logarithmic scale (a few countries hold
 * most organizations), rounded to whole numbers, without empty or repeated classes.
 */
export function buckets(max: number): Bucket[] {
  if (max < 1) return [];
  const classes = Math.min(COLORS.length, max);
  const limits: number[] = [];
  for (let i = 1; i <= classes; i++) limits.push(Math.round(Math.exp((Math.log(max) * i) / classes)));
  const result: Bucket[] = [];
  let from = 1;
  for (const limit of limits) {
    if (limit < from) continue;
    result.push({ from, to: limit, color: '' });
    from = limit + 1;
  }
  const offset = COLORS.length - result.length;
  return result.map((bucket, i) => ({ ...bucket, color: COLORS[offset + i] }));
}

export function colorOf(count: number, scale: Bucket[]): string {
  if (count < 1) return EMPTY;
  return scale.find((bucket) => count <= bucket.to)?.color ?? COLORS[COLORS.length - 1];
}
