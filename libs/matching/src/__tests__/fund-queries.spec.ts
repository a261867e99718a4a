import { DataSource } from 'typeorm';
import { FundMatchingService } from '../fund-matching.service.js';
import { AppConfig } from '@app/config';
import { PreparedQueries } from '@app/persistence';
import { FUND_SEEDS_PER_MATCH, fundMatchesStatement } from '../fund-matches.statement.js';
import { allRules, points, reasonsFromRow, roundPoints, SqlParams, sumOfReasons, withScore } from '../sql-kit.js';

/**
 * Snapshots of each generated fund query (a change to the SQL shows up in review), and the kit's
 * invariants: the one rounding rule, reasons read from point columns adding up to the score.
 */
const FUND_ROW = {
  status: 'OPEN',
  deadline: new Date('2030-01-01T00:00:00Z'),
  currency: 'EUR',
  min_grant: '5000',
  max_grant: '50000',
  themes: ['HEALTH', 'EDUCATION'],
  sdgs: [3, 4],
  prioritizes_women_led: true,
  prioritizes_youth_led: false,
  eligible_organization_kinds: [],
  eligible_countries_of_residence: ['BE', 'NL'],
  eligible_countries_of_origin: [],
  eligible_countries_of_implementation: ['SN'],
  eligible_project_kinds: [],
  requires_legal_registration: false,
  requires_verification: false,
  min_organization_age_years: null,
  text_query: "'health'",
};

const service = () => {
  const dataSource = { query: async () => [FUND_ROW] } as unknown as DataSource;
  return new FundMatchingService(dataSource, new PreparedQueries(dataSource, { embedded: true } as AppConfig));
};

const ORG = '00000000-0000-4000-8000-00000000000a';
const PROJECT = '00000000-0000-4000-8000-00000000000b';
const FUND = '00000000-0000-4000-8000-00000000000c';

describe('generated fund queries (snapshots)', () => {
  it('fundMatches for an organization', () => {
    expect(FundMatchingService.fundMatchesQuery(ORG, null, 20)).toMatchSnapshot();
  });

  it('fundMatches for a project', () => {
    expect(FundMatchingService.fundMatchesQuery(ORG, PROJECT, 20)).toMatchSnapshot();
  });

  it('fundCandidates for a fixed fund', async () => {
    const [sql, params] = (await service().fundCandidatesQuery(FUND, 20)) as [string, unknown[]];
    expect({ sql, params: params.map((p) => (p instanceof Date ? p.toISOString() : p)) }).toMatchSnapshot();
  });

  it('fundCandidates with its rows (what the API runs)', async () => {
    const [sql] = (await service().fundCandidatesQuery(FUND, 20, 200, false, true)) as [string, unknown[]];
    expect(sql).toMatchSnapshot();
  });

  it('fundMatchesStatement is what fundMatches runs', () => {
    const { sql, params } = fundMatchesStatement(ORG, 20);
    expect([sql, params]).toEqual(FundMatchingService.fundMatchesQuery(ORG, null, 20));
    expect(params).toEqual([ORG, 20, 20 * FUND_SEEDS_PER_MATCH]);
    expect(fundMatchesStatement(ORG, 20, PROJECT).params).toEqual([ORG, 20, PROJECT]);
  });

  it('allCandidates (the unpruned reference)', async () => {
    const [sql] = (await service().allCandidatesQuery(FUND, 20)) as [string, unknown[]];
    expect(sql).toMatchSnapshot();
  });
});

describe('sql kit', () => {
  it('numbers parameters with their types', () => {
    const params = new SqlParams(['first']);
    expect(params.add(['BE'], 'text[]')).toBe('$2::text[]');
    expect(params.add(3)).toBe('$3');
    expect(params.values).toEqual(['first', ['BE'], 3]);
  });

  it('rounds points once, to 4 decimals, the same in SQL and in TypeScript', () => {
    expect(points(0.35, '1.0 / 3')).toBe('(round((0.35::float8 * (1.0 / 3))::float8 * 10000) / 10000)');
    expect(roundPoints(0.35 / 3)).toBe(0.1167);
  });

  it('reads reasons from point columns: non-zero ones only, adding up to the score', () => {
    const row = { pt_themes: '0.1167', pt_budget: 0, pt_text: '0.0333', pt_priority: '0.1' };
    const reasons = reasonsFromRow(['THEMES', 'BUDGET', 'TEXT', 'PRIORITY'], row, (f) => `about ${f}`);
    expect(reasons.map((r) => r.factor)).toEqual(['THEMES', 'TEXT', 'PRIORITY']);
    expect(sumOfReasons(reasons)).toBe(0.25);
    expect(withScore(['THEMES', 'TEXT'], 'SELECT 1')).toBe(
      'SELECT s.*, s.pt_themes + s.pt_text AS score FROM (SELECT 1 OFFSET 0) s',
    );
  });

  it('ANDs named rules, true when there are none', () => {
    expect(allRules([], null)).toBe('true');
    expect(
      allRules(
        [
          { rule: 'A', sql: () => 'x' },
          { rule: 'B', sql: () => 'y' },
        ],
        null,
      ),
    ).toBe('x\n AND y');
  });
});
