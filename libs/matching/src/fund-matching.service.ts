import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '@app/common';
import { Organization } from '@app/organizations';
import { Project } from '@app/projects';
import {
  ELIGIBILITY_RULES,
  eligibleSql,
  FACTORS,
  FUND_COLUMNS_SELECT,
  FUND_ROW,
  fundColumnValues,
  fundParams,
  noProjectRulesSql,
  pointColumnsSql,
  projectRulesReachableSql,
  profileProjectsSql,
  ROUNDING_MARGIN,
  scoredCandidatesSql,
  scoreSumSql,
  scoreTermsSql,
  withScore,
} from './fund-matching.sql.js';
import { MatchReason, scoreOf } from './match.models.js';
import { reasonsFromRow, ruleColumns, ruleResults } from './sql-kit.js';
import { FUND_WEIGHTS } from './weights.js';

/** What the explanations need to know about a fund (the Fund entity has these fields). */
export interface FundFacts {
  id: string;
  currency: string;
  minGrant: string | null;
  maxGrant: string | null;
  themes: string[];
  sdgs: number[];
  eligibleCountriesOfResidence: string[];
  eligibleCountriesOfOrigin: string[];
  eligibleCountriesOfImplementation: string[];
  prioritizesWomenLed: boolean;
  prioritizesYouthLed: boolean;
}

export interface ScoredMatch {
  fundId: string;
  organizationId: string;
  projectId: string | null;
  score: number;
  reasons: MatchReason[];
}

/** Rows a caller of fundMatches has already read (the matched organization, the project named). */
export interface KnownRows {
  organization?: Organization;
  project?: Project | null;
}

export interface EligibilityCheckResult {
  rule: string;
  passed: boolean;
  detail: string;
}

/** A fund's row read with FUND_COLUMNS_SELECT (the arrays whose lengths the SQL unrolls, typed). */
type FundColumnsRow = Record<string, unknown> & { themes: string[]; sdgs: number[] };

type PointsRow = Record<string, string> & { fund_id: string; organization_id: string; project_id: string | null };

/**
 * Fund matching in SQL: eligibility as WHERE, the score as a sum of weighted terms, ORDER BY score,
 * nearest deadline, id. Reasons carry the points the database computed.
 */
@Injectable()
export class FundMatchingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Funds for an organization, or for one of its projects. The explanations need the organization
   * and the project; `known` passes those the caller has already read, so they are not read again.
   */
  async fundMatches(
    organizationId: string,
    projectId: string | null,
    first: number,
    known: KnownRows = {},
  ): Promise<ScoredMatch[]> {
    const [sql, params] = FundMatchingService.fundMatchesQuery(organizationId, projectId, first);
    return this.explain(await this.dataSource.query(sql, params), known);
  }

  /** The SQL of fundMatches (the benchmark EXPLAINs exactly this). */
  static fundMatchesQuery(organizationId: string, projectId: string | null, first: number): [string, unknown[]] {
    const withProject = !!projectId;
    const inner = `SELECT f.id AS fund_id, f.deadline, o.id AS organization_id,
              ${withProject ? 'p.id' : 'NULL::uuid'} AS project_id, ${pointColumnsSql(scoreTermsSql(withProject))}
         FROM fund f, organization o${withProject ? ', project p' : ''}
        WHERE o.id = $1 ${withProject ? 'AND p.id = $3' : ''}
          AND ${eligibleSql(withProject ? 'both' : 'organization')}`;
    const sql = `${withScore(inner)} ORDER BY score DESC, deadline ASC, fund_id ASC LIMIT $2`;
    return [sql, withProject ? [organizationId, first, projectId] : [organizationId, first]];
  }

  /** Eligible organizations for a fund, each with its best eligible project, ranked by the same score. */
  async fundCandidates(fundId: string, first: number): Promise<ScoredMatch[]> {
    const query = await this.fundCandidatesQuery(fundId, first);
    return query ? this.explain(await this.dataSource.query(...query)) : [];
  }

  /**
   * The SQL of fundCandidates (the benchmark EXPLAINs exactly this). The fund is fixed, so its
   * columns become parameters ($4…): the same rules and terms, with the fund's values known to the
   * planner. Reading every eligible organization's projects is the costly part, so the query ranks
   * in three exact steps:
   *  1. every eligible organization gets an upper bound of its score from its matching profile
   *     (organization_matching_profile: its own columns and its live projects taken together), with
   *     TEXT counted at full weight;
   *  2. the `seed` organizations with the highest bounds are scored exactly: the `first`-th best of
   *     these scores is a floor that the `first`-th best of all candidates cannot be below (any
   *     `seed` keeps the result exact; a larger one raises the floor);
   *  3. only organizations whose bound reaches the floor are scored exactly, each with its best
   *     eligible project (or on its own, without projects, when the fund has no project rules).
   */
  async fundCandidatesQuery(fundId: string, first: number, seed = first * 10): Promise<[string, unknown[]] | null> {
    const fund = await this.fundColumns(fundId);
    if (!fund) return null;
    const F = fundParams(4);
    const lengths = { themes: fund.themes.length, sdgs: fund.sdgs.length };
    const orgTerms = scoreTermsSql(false, { fund: F, lengths });
    const projectTerms = scoreTermsSql(true, { fund: F, lengths });
    /** An upper bound of the score: points not rounded, TEXT at full weight. */
    const bound = (withProject: boolean) => {
      const terms = scoreTermsSql(withProject, { fund: F, lengths, rounded: false });
      return FACTORS.map((factor) => (factor === 'TEXT' ? `${FUND_WEIGHTS.TEXT}::float8` : terms[factor]))
        .concat(`${ROUNDING_MARGIN}::float8`)
        .join(' + ');
    };
    /**
     * Each organization of `set` with its best eligible project, scored fully. The lateral subqueries
     * (OFFSET 0: not flattened) look each organization and its projects up by index, whatever number
     * of rows the planner expects `set` to hold.
     */
    const best = (set: string) => `SELECT DISTINCT ON (s.organization_id) s.*, ${scoreSumSql('s')} AS score
         FROM ${set} c CROSS JOIN LATERAL (
              SELECT o.id AS organization_id, p.id AS project_id, ${pointColumnsSql(projectTerms)}
                FROM organization o JOIN project p ON p.organization_id = o.id
               WHERE c.with_projects AND o.id = c.id AND ${eligibleSql('project', F)}
               UNION ALL
              SELECT o.id, NULL::uuid, ${pointColumnsSql(orgTerms)}
                FROM organization o
               WHERE NOT c.with_projects AND o.id = c.id
              OFFSET 0) s
        ORDER BY s.organization_id, score DESC, s.project_id`;
    const sql = `WITH o AS MATERIALIZED (
         SELECT o.id, o.live_projects > 0 AS with_projects,
                CASE WHEN o.live_projects > 0 THEN ${bound(true)} ELSE ${bound(false)} END AS bound
           FROM organization_matching_profile o CROSS JOIN LATERAL ${profileProjectsSql(F)}
          WHERE ${eligibleSql('organization', F)}
            AND CASE WHEN o.live_projects > 0 THEN ${projectRulesReachableSql(F)} ELSE ${noProjectRulesSql(F)} END),
       seed AS (SELECT * FROM o ORDER BY bound DESC, id LIMIT $3),
       floor AS (
         SELECT coalesce((SELECT score FROM (${best('seed')}) b ORDER BY score DESC OFFSET $2 - 1 LIMIT 1), 0)
                - 1e-9 AS score),
       survivors AS (SELECT * FROM o WHERE bound >= (SELECT score FROM floor))
       SELECT $1::uuid AS fund_id, b.*
         FROM (${best('survivors')}) b
        ORDER BY b.score DESC, b.organization_id ASC
        LIMIT $2`;
    return [sql, [fundId, first, seed, ...fundColumnValues(fund)]];
  }

  /**
   * Every candidate of a fund scored fully, with no pruning, ranked as fundCandidates ranks them
   * (`organization_id`, `score`; the first `limit`, null for all): the reference the pruned
   * fundCandidates must agree with (the property tests and the benchmark compare them).
   */
  async allCandidatesQuery(fundId: string, limit: number | null = null): Promise<[string, unknown[]] | null> {
    const fund = await this.fundColumns(fundId);
    if (!fund) return null;
    const sql = `WITH ${scoredCandidatesSql(fundParams(2), 'true')}
       SELECT id AS organization_id, score FROM candidates ORDER BY score DESC, id LIMIT $1::int`;
    return [sql, [limit, ...fundColumnValues(fund)]];
  }

  /** A fund's matching columns, to pass them as parameters (`fundParams`); undefined when no such fund. */
  private async fundColumns(fundId: string): Promise<FundColumnsRow | undefined> {
    const [fund] = await this.dataSource.query(`SELECT ${FUND_COLUMNS_SELECT} FROM fund WHERE id = $1`, [fundId]);
    return fund;
  }

  /** Every rule with passed/failed and a sentence; the same SQL as the WHERE of the matches. */
  async checkEligibility(
    fundId: string,
    organizationId: string,
    projectId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EligibilityCheckResult[]> {
    const rules = ELIGIBILITY_RULES.filter((r) => projectId || !r.project);
    const rows: Array<Record<string, boolean>> = await manager.query(
      `SELECT ${ruleColumns(rules, FUND_ROW)}
         FROM fund f, organization o${projectId ? ', project p' : ''}
        WHERE f.id = $1 AND o.id = $2 ${projectId ? 'AND p.id = $3' : ''}`,
      projectId ? [fundId, organizationId, projectId] : [fundId, organizationId],
    );
    if (!rows.length) throw new NotFoundError('Fund, organization or project');
    return ruleResults(rules, rows[0]).map(({ rule: r, passed }) => ({
      rule: r.rule,
      passed,
      detail: passed ? r.passed : r.failed,
    }));
  }

  private async explain(rows: PointsRow[], known: KnownRows = {}): Promise<ScoredMatch[]> {
    if (!rows.length) return [];
    const ids = (key: keyof PointsRow) => [...new Set(rows.map((r) => r[key]).filter((x): x is string => !!x))];
    const [funds, orgs, projects] = await Promise.all([
      this.fundFacts(ids('fund_id')),
      this.rows(Organization, ids('organization_id'), known.organization),
      this.rows(Project, ids('project_id'), known.project),
    ]);
    const fundById = new Map(funds.map((f) => [f.id, f]));
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    const projectById = new Map(projects.map((p) => [p.id, p]));
    return rows.map((row) => {
      const fund = fundById.get(row.fund_id) as FundFacts;
      const organization = orgById.get(row.organization_id) as Organization;
      const project = row.project_id ? (projectById.get(row.project_id) ?? null) : null;
      const reasons = reasonsFromRow(FACTORS, row, (factor) => describe(factor, fund, organization, project));
      return {
        fundId: row.fund_id,
        organizationId: row.organization_id,
        projectId: row.project_id,
        score: scoreOf(reasons),
        reasons,
      };
    });
  }

  /** The rows of `ids`: those already known, the others read in one statement (none when all are known). */
  private async rows<T extends Organization | Project>(
    entity: new () => T,
    ids: string[],
    known: T | null | undefined,
  ): Promise<T[]> {
    const missing = ids.filter((id) => id !== known?.id);
    const read = missing.length
      ? await this.dataSource
          .getRepository(entity)
          .createQueryBuilder('row')
          .where('row.id = ANY(:ids)', { ids: missing })
          .getMany()
      : [];
    return known && ids.includes(known.id) ? [known, ...read] : read;
  }

  private async fundFacts(ids: string[]): Promise<FundFacts[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, currency, min_grant, max_grant, themes, sdgs, eligible_countries_of_residence,
              eligible_countries_of_origin, eligible_countries_of_implementation, prioritizes_women_led, prioritizes_youth_led
         FROM fund WHERE id = ANY($1)`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id as string,
      currency: r.currency as string,
      minGrant: r.min_grant as string | null,
      maxGrant: r.max_grant as string | null,
      themes: r.themes as string[],
      sdgs: r.sdgs as number[],
      eligibleCountriesOfResidence: r.eligible_countries_of_residence as string[],
      eligibleCountriesOfOrigin: r.eligible_countries_of_origin as string[],
      eligibleCountriesOfImplementation: r.eligible_countries_of_implementation as string[],
      prioritizesWomenLed: r.prioritizes_women_led as boolean,
      prioritizesYouthLed: r.prioritizes_youth_led as boolean,
    }));
  }
}

const shared = <T>(a: T[], b: T[]) => a.filter((x) => b.includes(x));
const list = <T>(xs: T[]) => (xs.length ? xs.join(', ') : 'none');

/** The sentence of one factor (the points come from SQL). */
export function describe(factor: string, f: FundFacts, o: Organization, p: Project | null): string {
  switch (factor) {
    case 'THEMES': {
      const both = shared(f.themes, [...new Set([...(p?.themes ?? []), ...o.themes])]);
      return `Works on ${both.length} of the fund's ${f.themes.length} themes: ${list(both)}`;
    }
    case 'SDGS': {
      const both = shared(f.sdgs, p?.sdgs ?? []);
      return `The project names ${both.length} of the fund's ${f.sdgs.length} SDGs: ${list(both.map((n) => `SDG ${n}`))}`;
    }
    case 'GEOGRAPHY': {
      const parts: string[] = [];
      const residence = shared(f.eligibleCountriesOfResidence, o.countriesOfResidence);
      if (residence.length) parts.push(`based in ${list(residence)}, named by the fund`);
      const place = p
        ? shared(f.eligibleCountriesOfImplementation, p.countries)
        : shared(f.eligibleCountriesOfOrigin, o.countriesOfOrigin);
      if (place.length)
        parts.push(
          p
            ? `the project runs in ${list(place)}, named by the fund`
            : `community from ${list(place)}, named by the fund`,
        );
      return parts.join('; ');
    }
    case 'BUDGET': {
      const range = `${f.minGrant ?? '0'}–${f.maxGrant ?? 'any'} ${f.currency}`;
      return `Seeks ${p?.fundingSoughtAmount} ${p?.fundingSoughtCurrency}; the fund grants ${range}`;
    }
    case 'TEXT':
      return 'Its description uses the words of the fund';
    case 'PRIORITY': {
      const parts = [];
      if (f.prioritizesWomenLed && o.womenLed) parts.push('women-led');
      if (f.prioritizesYouthLed && o.youthLed) parts.push('youth-led');
      return `The fund prioritises ${parts.join(' and ')} organizations`;
    }
    default:
      return factor;
  }
}
