import { balanceShortlist, ScoredCounterpart } from '../dialogue-counterparts.service.js';
import { round4 } from '../match.models.js';
import { COUNTERPART_BALANCE } from '../weights.js';

/** A candidate whose base score is one THEMES reason. */
const candidate = (
  id: string,
  score: number,
  residence: string[],
  kind = 'MIGRANT_ASSOCIATION',
  womenLed = false,
  origin: string[] = [],
) =>
  ({
    id,
    kind,
    womenLed,
    residence,
    origin,
    score,
    reasons: [{ factor: 'THEMES', points: score, detail: 'themes' }],
  }) satisfies ScoredCounterpart;

const sum = (c: ScoredCounterpart) => round4(c.reasons.reduce((s, r) => s + r.points, 0));
const countries = (list: ScoredCounterpart[]) => new Set(list.flatMap((c) => c.residence)).size;

describe('balanceShortlist (greedy diversity re-rank of dialogue counterparts)', () => {
  const pool = [
    candidate('a', 0.9, ['IT']),
    candidate('b', 0.85, ['IT']),
    candidate('c', 0.8, ['IT']),
    candidate('d', 0.75, ['ES']),
    candidate('e', 0.7, ['DE'], 'TRADE_UNION'),
  ];

  it('spreads residence countries: a lower-scored candidate from a new country overtakes same-country ones', () => {
    const top3 = pool.slice(0, 3);
    const balanced = balanceShortlist(pool, 3);
    expect(balanced.map((c) => c.id)).toEqual(['a', 'e', 'd']);
    expect(countries(balanced)).toBe(3);
    expect(countries(top3)).toBe(1);
  });

  it('says what each pick adds, in a BALANCE reason, and the reasons add up to the score (in 0..1)', () => {
    const balanced = balanceShortlist(pool, 4);
    for (const c of balanced) {
      expect(c.score).toBe(sum(c));
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    const [first, second] = balanced;
    expect(first.reasons.find((r) => r.factor === 'BALANCE')).toEqual({
      factor: 'BALANCE',
      points: round4(COUNTERPART_BALANCE.BALANCE_RESIDENCE + COUNTERPART_BALANCE.BALANCE_KIND),
      detail: 'adds residence country IT; adds kind MIGRANT_ASSOCIATION',
    });
    expect(second.reasons.find((r) => r.factor === 'BALANCE')?.detail).toBe(
      'adds residence country DE; adds kind TRADE_UNION',
    );
    // The base reasons are scaled so that the diversity share fits in the score.
    expect(first.reasons.find((r) => r.factor === 'THEMES')?.points).toBe(
      round4(0.9 * (1 - COUNTERPART_BALANCE.BALANCE_SHARE)),
    );
  });

  it('adds a women-led organization while at most half of the list so far is women-led', () => {
    const women = [
      candidate('m1', 0.9, ['IT']),
      candidate('m2', 0.79, ['IT']),
      candidate('w1', 0.76, ['IT'], 'MIGRANT_ASSOCIATION', true),
      candidate('w2', 0.69, ['IT'], 'MIGRANT_ASSOCIATION', true),
    ];
    const balanced = balanceShortlist(women, 4);
    // m1 (first pick: new country and kind), then w1 (women-led bonus), then m2 (w2's bonus does not make up
    // the gap), then w2 (one in three is women-led: bonus).
    expect(balanced.map((c) => c.id)).toEqual(['m1', 'w1', 'm2', 'w2']);
    expect(balanced[1].reasons.find((r) => r.factor === 'BALANCE')?.detail).toBe('adds a women-led organization');
    expect(balanced[2].reasons.some((r) => r.factor === 'BALANCE')).toBe(false);
    expect(balanced[3].reasons.find((r) => r.factor === 'BALANCE')?.detail).toBe('adds a women-led organization');
  });

  it('spreads origin communities: a candidate representing a community the list lacks overtakes one that does not', () => {
    const diaspora = [
      candidate('s1', 0.9, ['FR'], 'DIASPORA_ORGANIZATION', false, ['SN']),
      candidate('s2', 0.85, ['FR'], 'DIASPORA_ORGANIZATION', false, ['SN']),
      candidate('m1', 0.8, ['FR'], 'DIASPORA_ORGANIZATION', false, ['ML']),
    ];
    const balanced = balanceShortlist(diaspora, 2);
    expect(balanced.map((c) => c.id)).toEqual(['s1', 'm1']);
    expect(balanced[1].reasons.find((r) => r.factor === 'BALANCE')).toEqual({
      factor: 'BALANCE',
      points: COUNTERPART_BALANCE.BALANCE_ORIGIN,
      detail: 'adds origin community ML',
    });
    for (const c of balanced) expect(c.score).toBe(sum(c));
    // Without the origin bonus the ranking would keep s2 (same residence and kind as both).
    expect(balanceShortlist(diaspora, 2, { ...COUNTERPART_BALANCE, BALANCE_ORIGIN: 0 }).map((c) => c.id)).toEqual([
      's1',
      's2',
    ]);
  });

  it('is deterministic: equal candidates keep the pool order (score desc, id), no duplicates, at most `first`', () => {
    const same = [candidate('x1', 0.5, ['FR']), candidate('x2', 0.5, ['FR']), candidate('x3', 0.5, ['FR'])];
    expect(balanceShortlist(same, 2).map((c) => c.id)).toEqual(['x1', 'x2']);
    expect(balanceShortlist(same, 10).map((c) => c.id)).toEqual(['x1', 'x2', 'x3']);
    expect(balanceShortlist([], 5)).toEqual([]);
  });

  it('never invents candidates: the result is a subset of the pool', () => {
    const ids = new Set(pool.map((c) => c.id));
    const balanced = balanceShortlist(pool, 5);
    expect(new Set(balanced.map((c) => c.id)).size).toBe(5);
    expect(balanced.every((c) => ids.has(c.id))).toBe(true);
  });
});
