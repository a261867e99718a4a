import type { ShortlistEntry } from './shortlist';

export interface CompositionBar {
  key: string;
  label: string;
  count: number;
}

export interface CompositionGroup {
  id: 'residence' | 'origin' | 'kind' | 'leadership';
  bars: CompositionBar[];
}

type Labels = {
  kind: (kind: string) => string;
  country: (code: string, fallback: string) => string;
  womenLed: string;
  youthLed: string;
  neither: string;
  none: string;
  locale: string;
};

/** Counts per key, most first then by label (an organization in two countries counts in both). */
function tally(items: Array<{ key: string; label: string }[]>, locale: string): CompositionBar[] {
  const bars = new Map<string, CompositionBar>();
  for (const keys of items)
    for (const { key, label } of keys) {
      const bar = bars.get(key) ?? { key, label, count: 0 };
      bar.count += 1;
      bars.set(key, bar);
    }
  const collator = new Intl.Collator(locale);
  return [...bars.values()].sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
}

/**
 * The spread of a shortlist by residence country, origin community, kind and women-/youth-led
 * leadership: pure, so the panel's numbers can be tested. Shares are of the shortlist's size.
 */
export function composition(entries: readonly ShortlistEntry[], labels: Labels): CompositionGroup[] {
  const countries = (list: { code: string; name: string }[]) =>
    list.length
      ? list.map((c) => ({ key: c.code, label: labels.country(c.code, c.name) }))
      : [{ key: '-', label: labels.none }];
  return [
    {
      id: 'residence',
      bars: tally(
        entries.map((e) => countries(e.residence)),
        labels.locale,
      ),
    },
    {
      id: 'origin',
      bars: tally(
        entries.map((e) => countries(e.origin)),
        labels.locale,
      ),
    },
    {
      id: 'kind',
      bars: tally(
        entries.map((e) => [{ key: e.kind, label: labels.kind(e.kind) }]),
        labels.locale,
      ),
    },
    {
      id: 'leadership',
      bars: [
        { key: 'womenLed', label: labels.womenLed, count: entries.filter((e) => e.womenLed).length },
        { key: 'youthLed', label: labels.youthLed, count: entries.filter((e) => e.youthLed).length },
        { key: 'neither', label: labels.neither, count: entries.filter((e) => !e.womenLed && !e.youthLed).length },
      ],
    },
  ];
}
