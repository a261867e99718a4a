import { TestApp } from './support/test-app.js';
import {
  evaluate,
  loadIntoApi,
  loadJudgedSet,
  report,
  summarize,
  summarizeWithNeeding,
  type QueryResult,
} from './support/matching-judgements.js';

/**
 * Matching quality against a grant officer (issue 15): the judged set of real calls for proposals and
 * real diaspora organizations in test/fixtures/matching-judgements is loaded into a fresh database
 * through the API; fundCandidates (funder → organizations) and fundMatches (organization → funds) are
 * scored with nDCG@5 and nDCG@10 against the grades (gain 2^grade − 1; a result graded 0 or not judged
 * gains nothing; queries without any relevant item are left out of the means). The floors are the
 * figures reached; a change that ranks worse than them fails here. The table and the worst queries
 * are printed (README of the fixtures: method, sources, measurements); MATCHING_QUALITY_WORST=50 prints
 * every query.
 */
const FLOORS = {
  // reached with the KIND and CAPACITY factors, the MINIMUM_GRANT rule and unconfirmed blank facts
  // (0.9194/0.9345 and 0.8166/0.8166); after issue 15's first rules and the text tuning 0.9076/0.9129 and
  // 0.7738/0.7738; before them 0.850/0.863 and 0.821/0.821. fundMatches alone cannot reach 0.9 on this set
  // (organizations without a project qualify for nothing there): see the README.
  'funder→organizations': { ndcg5: 0.919, ndcg10: 0.934 },
  'organization→funds': { ndcg5: 0.816, ndcg10: 0.816 },
};

/** fundMatches followed by fundsNeedingAProject (issue 15's separate list): what an organization sees */
const WITH_NEEDING_FLOOR = { ndcg5: 0.94, ndcg10: 0.94 };

describe('Matching quality against a grant officer’s judgements', () => {
  let t: TestApp;
  let results: QueryResult[];
  const errors: string[] = [];
  beforeAll(async () => {
    t = await TestApp.start();
    const set = loadJudgedSet();
    const loaded = await loadIntoApi(t, set);
    results = await evaluate(t, set, loaded, errors);
    console.log(
      `Matching quality (judged set: ${set.calls.length} calls × ${set.organizations.length} organizations)\n${report(results, loaded.warnings, Number(process.env.MATCHING_QUALITY_WORST ?? 6))}${errors.length ? `\n\nErrors:\n${errors.join('\n')}` : ''}`,
    );
  }, 600_000);
  afterAll(() => t?.close());

  it('every call and every organization was queried, without an error', () => {
    expect(errors).toEqual([]);
    expect(results.filter((r) => r.direction === 'funder→organizations')).toHaveLength(11);
    expect(results.filter((r) => r.direction === 'organization→funds')).toHaveLength(36);
  });

  it.each(Object.entries(FLOORS))('%s: nDCG@5 and nDCG@10 are not below the floors', (direction, floor) => {
    const s = summarize(results).find((x) => x.direction === direction)!;
    expect(s.ndcg5).toBeGreaterThanOrEqual(floor.ndcg5);
    expect(s.ndcg10).toBeGreaterThanOrEqual(floor.ndcg10);
  });

  it('organization→funds with fundsNeedingAProject appended is not below its floor', () => {
    const s = summarizeWithNeeding(results);
    expect(s).not.toBeNull();
    expect(s!.ndcg5).toBeGreaterThanOrEqual(WITH_NEEDING_FLOOR.ndcg5);
    expect(s!.ndcg10).toBeGreaterThanOrEqual(WITH_NEEDING_FLOOR.ndcg10);
  });
});
