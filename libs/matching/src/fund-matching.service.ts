import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Locale, MessageKey, NotFoundError, Params, Text, translate, translateText } from '@app/common';
import { formatAmount, formatConversion } from '@app/reference-data';
import { Organization } from '@app/organizations';
import { Project } from '@app/projects';
import { PreparedQueries } from '@app/persistence';
import {
  DIASPORA_LED_KINDS,
  eligibleSql,
  FundValues,
  ruleDetail,
  rulesOf,
  FACTORS,
  FUND_COLUMNS_SELECT,
  FUND_ROW,
  fundColumnValues,
  fundParams,
  noProjectRulesSql,
  pointColumnsSql,
  projectRulesReachableSql,
  profileProjectsSql,
  fundArrayLengths,
  scoredCandidatesSql,
  scoreSumSql,
  scoreBoundSql,
  scoreTermsSql,
  unstatedFacts,
  UnstatedFact,
} from './fund-matching.sql.js';
import { eligibilityText } from './eligibility-text.js';
import { fundMatchesStatement, reasonFactsSql } from './fund-matches.statement.js';
import { entityFromJson, JsonRow, jsonRowSql } from './hydrate.js';
import { MatchReason, scoreOf } from './match.models.js';
import { reasonsFromRow, ruleColumns, ruleResults } from './sql-kit.js';
import { CAPACITY_SCALE, KIND_THEMES, SMALL_ORGANIZATION_MEMBERS } from './weights.js';

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
  prioritizesDiasporaLed: boolean;
  prioritizesSmallOrganizations: boolean;
  prioritizesFirstTimeApplicants: boolean;
  prioritizedOriginCountries: string[];
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
  /** Passed only because the organization has not given the fact the rule reads (to be confirmed). */
  unconfirmed: boolean;
  /** The sentence in the language asked for. */
  detail: string;
  /** The same sentence in any language (for errors that quote it: `translateText`). */
  text?: Text;
}

/** A fund the organization qualifies for that none of its live projects does, with the project rules failed. */
export interface FundNeedingAProject {
  fundId: string;
  /** The fund's row as JSON (an entity with `entity(Fund, …)`: nothing to read again). */
  fundRow: JsonRow;
  failed: EligibilityCheckResult[];
}

/**
 * fundCandidates scores exactly this many organizations with the highest bounds per result asked for,
 * to find its floor (see fundCandidatesQuery). Over the benchmark's first 50 funds (npm run
 * bench:matching, 100,000 organizations) 20 took 14 % less time in all than 10 (fewer survivors past
 * a higher floor), and 6–10 % less than 15 or 30.
 */
const SEEDS_PER_RESULT = 20;

/** A fund's row read with FUND_COLUMNS_SELECT (its arrays' lengths: `fundArrayLengths`). */
export type FundColumnsRow = FundValues;

/**
 * A row of the matching statements: the points (pt_*), the score, the ids, the rows as JSON
 * (fund_row, organization_row, project_row) and the reasons' facts (awarded, rates).
 */
type StatementRow = Record<string, unknown> & {
  fund_id: string | null;
  organization_id: string;
  project_id: string | null;
};

/** A match with the rows it names, as the statement returned them (nothing to read again). */
export interface MatchWithRows extends ScoredMatch {
  /** The fund's row as JSON (fundMatches; column names as keys): an entity with `entity(Fund, …)`. */
  fundRow?: JsonRow;
  organization: Organization;
  project: Project | null;
}

/** fundMatches' answer with the rows it read (see `FundMatchingService.fundMatchesAnswer`). */
export interface FundMatchesAnswer {
  organization: Organization;
  /** The project asked about (null: none asked, or no such project). */
  project: Project | null;
  matches: MatchWithRows[];
}

/** The facts of a fund's reasons, from its row (a `to_jsonb` row or one read with FUND_COLUMNS_SELECT). */
export function fundFactsOf(row: JsonRow): FundFacts {
  const money = (value: unknown) =>
    value === null || value === undefined ? null : typeof value === 'number' ? value.toFixed(2) : String(value);
  return {
    id: row.id as string,
    currency: row.currency as string,
    minGrant: money(row.min_grant),
    maxGrant: money(row.max_grant),
    themes: row.themes as string[],
    sdgs: row.sdgs as number[],
    eligibleCountriesOfResidence: row.eligible_countries_of_residence as string[],
    eligibleCountriesOfOrigin: row.eligible_countries_of_origin as string[],
    eligibleCountriesOfImplementation: row.eligible_countries_of_implementation as string[],
    prioritizesWomenLed: row.prioritizes_women_led as boolean,
    prioritizesYouthLed: row.prioritizes_youth_led as boolean,
    prioritizesDiasporaLed: row.prioritizes_diaspora_led as boolean,
    prioritizesSmallOrganizations: row.prioritizes_small_organizations as boolean,
    prioritizesFirstTimeApplicants: row.prioritizes_first_time_applicants as boolean,
    prioritizedOriginCountries: row.prioritized_origin_countries as string[],
  };
}

/**
 * Fund matching in SQL: eligibility as WHERE, the score as a sum of weighted terms, ORDER BY score,
 * nearest deadline, id. Reasons carry the points the database computed.
 */
@Injectable()
export class FundMatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly prepared: PreparedQueries,
  ) {}

  /**
   * Funds for an organization, or for one of its projects (see `fundMatchesAnswer`, which also
   * gives the rows read). `known` is no longer needed (the statement returns the rows it matched)
   * and is accepted for callers that pass it.
   */
  async fundMatches(
    organizationId: string,
    projectId: string | null,
    first: number,
    _known: KnownRows = {},
    locale: Locale = 'en',
  ): Promise<MatchWithRows[]> {
    return (await this.fundMatchesAnswer(organizationId, projectId, first, locale))?.matches ?? [];
  }

  /**
   * fundMatches in one statement (`fundMatchesStatement`): the matches with their reasons, and the
   * rows they show (fund, best project) and that were matched (organization, project asked about),
   * so that nothing is read again. Null when there is no such organization; `project` is null when
   * a project was asked about and there is no such project. The reasons are written in `locale`.
   */
  async fundMatchesAnswer(
    organizationId: string,
    projectId: string | null,
    first: number,
    locale: Locale = 'en',
  ): Promise<FundMatchesAnswer | null> {
    const { sql, params } = fundMatchesStatement(organizationId, first, projectId);
    // one text per variant (with or without a project), planned once per connection
    const rows = await this.prepared.query<StatementRow>(
      projectId ? 'fund-matches-project' : 'fund-matches',
      sql,
      params,
    );
    if (!rows.length) return null;
    const organization = this.entity(Organization, rows[0].organization_row as JsonRow);
    const project = rows[0].project_row && projectId ? this.entity(Project, rows[0].project_row as JsonRow) : null;
    const matched = rows.filter((r) => r.fund_id !== null);
    return {
      organization,
      project,
      matches: this.explainRows(matched, locale, new Map([[organization.id, organization]]), project),
    };
  }

  /** An entity from a row the matching statements return as JSON (see `entityFromJson`). */
  entity<T extends ObjectLiteral>(target: EntityTarget<T>, row: JsonRow): T {
    return entityFromJson(this.dataSource, target, row);
  }

  static fundMatchesQuery(organizationId: string, projectId: string | null, first: number): [string, unknown[]] {
    const { sql, params } = fundMatchesStatement(organizationId, first, projectId);
    return [sql, params];
  }

  /**
   * Open funds whose organization rules the organization passes but that none of its live projects
   * qualifies for, nearest deadline first, each with the project rules its nearest project (the one
   * failing the fewest) fails; NO_LIVE_PROJECT when it has none.
   */
  async fundsNeedingAProject(
    organizationId: string,
    first: number,
    locale: Locale = 'en',
  ): Promise<FundNeedingAProject[]> {
    const projectRules = rulesOf('project');
    const failed = `array_remove(ARRAY[${projectRules
      .map((r) => `CASE WHEN (${r.sql(FUND_ROW)}) IS TRUE THEN NULL ELSE '${r.rule}' END`)
      .join(', ')}], NULL)`;
    const rows: Array<{ fund_id: string; failed: string[] | null; fund_row: JsonRow } & FundValues> =
      await this.dataSource.query(
        `SELECT f.id AS fund_id, nearest.failed, ${jsonRowSql('f')} AS fund_row, ${FUND_COLUMNS_SELECT.split(', ')
          .map((c) => `f.${c}`)
          .join(', ')}
         FROM fund f CROSS JOIN organization o
         LEFT JOIN LATERAL (
              SELECT ${failed} AS failed FROM project p
               WHERE p.organization_id = o.id AND p.archived_at IS NULL
               ORDER BY cardinality(${failed}), p.id LIMIT 1) nearest ON true
        WHERE o.id = $1 AND ${eligibleSql('organization')}
          AND NOT EXISTS (SELECT 1 FROM project p
                           WHERE p.organization_id = o.id AND p.archived_at IS NULL AND ${eligibleSql('project')})
        ORDER BY f.deadline ASC, f.id ASC LIMIT $2`,
        [organizationId, first],
      );
    return rows.map((row) => ({
      fundId: row.fund_id,
      fundRow: row.fund_row,
      failed: row.failed
        ? projectRules
            .filter((r) => row.failed?.includes(r.rule))
            .map((r) => ({
              rule: r.rule,
              passed: false,
              unconfirmed: false,
              detail: ruleDetail(r, false, row, locale),
            }))
        : [
            {
              rule: 'NO_LIVE_PROJECT',
              passed: false,
              unconfirmed: false,
              detail:
                locale === 'en'
                  ? 'The organization has no live project to apply with'
                  : translate(locale, 'eligibility.NO_LIVE_PROJECT.failed'),
            },
          ],
    }));
  }

  /** Eligible organizations for a fund, each with its best eligible project, ranked by the same score. */
  async fundCandidates(
    fundId: string,
    first: number,
    preview = false,
    columns?: FundColumnsRow,
    locale: Locale = 'en',
  ): Promise<MatchWithRows[]> {
    const fund = columns ?? (await this.fundColumns(fundId));
    if (!fund) return [];
    const facts = fundFactsOf({ ...fund, id: fundId });
    const rows: StatementRow[] = await this.dataSource.query(
      ...this.candidatesQuery(fund, fundId, first, first * SEEDS_PER_RESULT, preview, true),
    );
    return this.explainRows(rows, locale, new Map(), null, facts, fund);
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
   *     `seed` keeps the result exact; a larger one raises the floor: SEEDS_PER_RESULT);
   *  3. only organizations whose bound reaches the floor are scored exactly, each with its best
   *     eligible project (or on its own, without any live project, when the fund has no project
   *     rules); the seeds keep the scores of step 2 (not scored twice).
   */
  async fundCandidatesQuery(
    fundId: string,
    first: number,
    seed = first * SEEDS_PER_RESULT,
    preview = false,
    withRows = false,
  ): Promise<[string, unknown[]] | null> {
    const fund = await this.fundColumns(fundId);
    return fund ? this.candidatesQuery(fund, fundId, first, seed, preview, withRows) : null;
  }

  /**
   * fundCandidatesQuery for a fund's columns already read. `withRows`: each candidate also brings
   * its organization and best project as JSON and the facts of its reasons (what fundCandidates
   * answers with, nothing read again).
   */
  private candidatesQuery(
    fund: FundColumnsRow,
    fundId: string,
    first: number,
    seed: number,
    preview: boolean,
    withRows: boolean,
  ): [string, unknown[]] {
    if (preview && fund.status === 'DRAFT') {
      // A draft previewed by its funder: the rules as they will apply once it is published.
      fund.status = 'OPEN';
      if (new Date(fund.deadline as string).getTime() <= Date.now()) fund.deadline = new Date(Date.now() + 86_400_000);
    }
    const F = fundParams(4);
    const lengths = fundArrayLengths(fund);
    const orgTerms = scoreTermsSql(false, { fund: F, lengths });
    const projectTerms = scoreTermsSql(true, { fund: F, lengths });
    const bound = (withProject: boolean) => scoreBoundSql(withProject, F, lengths);
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
       seed AS MATERIALIZED (SELECT * FROM o ORDER BY bound DESC, id LIMIT $3),
       seeded AS MATERIALIZED (${best('seed')}),
       floor AS (
         SELECT coalesce((SELECT score FROM seeded ORDER BY score DESC OFFSET $2 - 1 LIMIT 1), 0) - 1e-9 AS score),
       survivors AS (
         SELECT * FROM o WHERE bound >= (SELECT score FROM floor) AND NOT EXISTS (SELECT 1 FROM seed WHERE seed.id = o.id))
       SELECT $1::uuid AS fund_id, b.*
         FROM ((SELECT * FROM seeded) UNION ALL (${best('survivors')})) b
        ORDER BY b.score DESC, b.organization_id ASC
        LIMIT $2`;
    const rowsSql = `SELECT r.*, ${jsonRowSql('o')} AS organization_row, ${jsonRowSql('p')} AS project_row,
       ${reasonFactsSql(F('currency'))}
  FROM (${sql}) r
  JOIN organization o ON o.id = r.organization_id
  LEFT JOIN project p ON p.id = r.project_id
 ORDER BY r.score DESC, r.organization_id ASC`;
    return [withRows ? rowsSql : sql, [fundId, first, seed, ...fundColumnValues(fund)]];
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

  /**
   * A fund's matching columns, to pass them as parameters (`fundParams`; `fundCandidates` takes them
   * read already); `status` and `funder_id` say who may see the fund. Undefined when no such fund.
   */
  async fundColumns(fundId: string): Promise<FundColumnsRow | undefined> {
    const [fund] = await this.dataSource.query(`SELECT ${FUND_COLUMNS_SELECT} FROM fund WHERE id = $1`, [fundId]);
    return fund;
  }

  /**
   * Every rule with passed/failed and a sentence (in `locale`; `text` in any language); the same SQL
   * as the WHERE of the matches.
   */
  async checkEligibility(
    fundId: string,
    organizationId: string,
    projectId: string | null,
    manager: EntityManager = this.dataSource.manager,
    locale: Locale = 'en',
  ): Promise<EligibilityCheckResult[]> {
    const rules = rulesOf(projectId ? 'both' : 'alone');
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${ruleColumns(rules, FUND_ROW)}, ${UNSTATED_COLUMNS}
         FROM fund f, organization o${projectId ? ', project p' : ''}
        WHERE f.id = $1 AND o.id = $2 ${projectId ? 'AND p.id = $3' : ''}`,
      projectId ? [fundId, organizationId, projectId] : [fundId, organizationId],
    );
    if (!rows.length) throw new NotFoundError('Fund, organization or project');
    const [fund] = await manager.query(`SELECT ${FUND_COLUMNS_SELECT} FROM fund WHERE id = $1`, [fundId]);
    const unstated = unstatedFacts(fund, rows[0]);
    return ruleResults(rules, rows[0]).map(({ rule: r, passed }) => {
      if (passed && r.unstated && unstated.includes(r.unstated.property)) {
        // "<what the fund accepts>: to be confirmed, the organization has not given <the fact>"
        const text: Text = {
          key: 'eligibility.unconfirmed',
          params: {
            rule: eligibilityText(r.rule, false, fund) ?? ruleDetail(r, false, fund),
            fact: factText(r.unstated.property),
          },
        };
        return { rule: r.rule, passed, unconfirmed: true, detail: translateText(locale, text), text };
      }
      return {
        rule: r.rule,
        passed,
        unconfirmed: false,
        detail: ruleDetail(r, passed, fund, locale),
        text: eligibilityText(r.rule, passed, fund) ?? undefined,
      };
    });
  }

  /**
   * The matches of rows that carry their own facts (REASON_FACTS_SQL) and rows as JSON: fund_row,
   * project_row and organization_row, or organizations and the project already read.
   */
  private explainRows(
    rows: StatementRow[],
    locale: Locale,
    organizations: Map<string, Organization> = new Map(),
    project: Project | null = null,
    fundFacts?: FundFacts,
    fundValues?: FundValues,
  ): MatchWithRows[] {
    return rows.map((row) => {
      const fundRow = (row.fund_row ?? undefined) as JsonRow | undefined;
      const fund = fundFacts ?? fundFactsOf(fundRow as JsonRow);
      const organization =
        organizations.get(row.organization_id) ?? this.entity(Organization, row.organization_row as JsonRow);
      const matchedProject = !row.project_id
        ? null
        : project?.id === row.project_id
          ? project
          : this.entity(Project, row.project_row as JsonRow);
      const rates = new Map<string, Rate>(Object.entries((row.rates ?? {}) as Record<string, Rate>));
      const reasons = reasonsFromRow(FACTORS, row, (factor) =>
        describe(
          factor,
          fund,
          organization,
          matchedProject,
          rates,
          row.awarded === true,
          row.measured_results === true,
          locale,
        ),
      );
      // rules passed only because the profile leaves a fact unsaid: a reason without points says which
      const unstated = unstatedFacts(fundValues ?? (fundRow as FundValues), organization);
      if (unstated.length)
        reasons.push({
          factor: 'UNCONFIRMED',
          points: 0,
          detail: translateText(locale, {
            key: 'fundReason.UNCONFIRMED',
            params: { facts: unstated.map((f) => translateText(locale, factText(f))) },
          }),
        });
      return {
        fundId: row.fund_id as string,
        organizationId: row.organization_id,
        projectId: row.project_id,
        score: scoreOf(reasons),
        reasons,
        fundRow,
        organization,
        project: matchedProject,
      };
    });
  }
}

const shared = <T>(a: T[], b: T[]) => a.filter((x) => b.includes(x));

/** The organization columns of the facts a rule may find unsaid, named as the entity's properties. */
const UNSTATED_COLUMNS = `o.founded_year AS "foundedYear", o.non_profit AS "nonProfit", o.annual_income AS "annualIncome",
       o.member_count AS "memberCount"`;

/** The name of an unsaid fact in a sentence ("its founding year"). */
const factText = (fact: UnstatedFact): Text => ({ key: `eligibility.fact.${fact}` });

/** The sentence of one factor (the points come from SQL). */
/** A currency's reference rate: units for one euro, and the rate's date. */
export interface Rate {
  unitsPerEur: number;
  rateDate: string;
}

/** The sentence of one factor in `locale` (the catalogues' `fundReason.*`; the points come from SQL). */
export function describe(
  factor: string,
  f: FundFacts,
  o: Organization,
  p: Project | null,
  rates: Map<string, Rate> = new Map(),
  awarded = false,
  measured = false,
  locale: Locale = 'en',
): string {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  switch (factor) {
    case 'THEMES': {
      const own = p ? p.themes : o.themes;
      const purpose = shared(own, f.themes);
      const both = shared(f.themes, [...new Set([...(p?.themes ?? []), ...o.themes])]);
      return t(p ? 'fundReason.THEMES.project' : 'fundReason.THEMES.organization', {
        covered: purpose.length,
        own: own.length,
        purpose,
        shared: both.length,
        total: f.themes.length,
        common: both,
      });
    }
    case 'KIND': {
      const served = p ? shared(f.themes, KIND_THEMES[p.kind] ?? []) : [];
      return t('fundReason.KIND', { kind: p?.kind ?? '', themes: served });
    }
    case 'SDGS': {
      const both = shared(f.sdgs, p?.sdgs ?? []);
      return t('fundReason.SDGS', {
        shared: both.length,
        total: f.sdgs.length,
        sdgs: both.map((n) => t('fundReason.SDG', { number: n })),
      });
    }
    case 'GEOGRAPHY': {
      const parts: string[] = [];
      if (p) {
        const place = shared(p.countries, f.eligibleCountriesOfImplementation);
        if (place.length)
          parts.push(
            t('fundReason.GEOGRAPHY.implementation', {
              shared: place.length,
              total: p.countries.length,
              countries: place,
            }),
          );
      }
      const residence = shared(f.eligibleCountriesOfResidence, o.countriesOfResidence);
      if (residence.length) parts.push(t('fundReason.GEOGRAPHY.residence', { countries: residence }));
      const origin = shared([...f.eligibleCountriesOfOrigin, ...f.prioritizedOriginCountries], o.countriesOfOrigin);
      if (origin.length) parts.push(t('fundReason.GEOGRAPHY.origin', { countries: [...new Set(origin)] }));
      const homeland = p ? shared(p.countries, o.countriesOfOrigin) : [];
      if (homeland.length) parts.push(t('fundReason.GEOGRAPHY.homeland', { countries: homeland }));
      return parts.join(t('common.semicolon'));
    }
    case 'BUDGET': {
      // English writes the grants as stored ("10000.00"); other languages in their notation
      const grant = (value: string) => (locale === 'en' ? value : Number(value));
      const range =
        f.maxGrant === null
          ? t('fundReason.BUDGET.from', { min: grant(f.minGrant ?? '0'), currency: f.currency })
          : t('fundReason.BUDGET.range', {
              min: grant(f.minGrant ?? '0'),
              max: grant(f.maxGrant),
              currency: f.currency,
            });
      const amount = Number(p?.fundingSoughtAmount);
      const currency = p?.fundingSoughtCurrency ?? f.currency;
      const from = rates.get(currency);
      const to = rates.get(f.currency);
      const sought =
        currency !== f.currency && from && to
          ? formatConversion(
              { amount, currency },
              f.currency,
              {
                amount: (amount / from.unitsPerEur) * to.unitsPerEur,
                rate: to.unitsPerEur / from.unitsPerEur,
                rateDate: from.rateDate < to.rateDate ? from.rateDate : to.rateDate,
              },
              locale,
            )
          : formatAmount(amount, currency, locale);
      return t('fundReason.BUDGET', { sought, range });
    }
    case 'TEXT':
      return t('fundReason.TEXT');
    case 'PRIORITY': {
      const parts = [];
      if (f.prioritizesWomenLed && o.womenLed) parts.push(t('fundReason.PRIORITY.womenLed'));
      if (f.prioritizesYouthLed && o.youthLed) parts.push(t('fundReason.PRIORITY.youthLed'));
      if (f.prioritizesDiasporaLed && DIASPORA_LED_KINDS.includes(o.kind))
        parts.push(t('fundReason.PRIORITY.diasporaLed'));
      if (f.prioritizesSmallOrganizations && o.memberCount !== null && o.memberCount < SMALL_ORGANIZATION_MEMBERS)
        parts.push(t('fundReason.PRIORITY.small', { members: SMALL_ORGANIZATION_MEMBERS }));
      if (f.prioritizesFirstTimeApplicants && !awarded) parts.push(t('fundReason.PRIORITY.firstTime'));
      const origin = shared(f.prioritizedOriginCountries, o.countriesOfOrigin);
      if (origin.length) parts.push(t('fundReason.PRIORITY.origin', { countries: origin }));
      return t('fundReason.PRIORITY', { qualities: parts.join(', ') });
    }
    case 'CAPACITY': {
      const amount = p ? p.fundingSoughtAmount : (f.maxGrant ?? f.minGrant);
      const currency = p ? p.fundingSoughtCurrency : f.currency;
      const grant =
        amount == null || !currency
          ? t('fundReason.CAPACITY.noAmount')
          : formatAmount(Number(amount), currency, locale);
      const shown: string[] = [];
      if (o.foundedYear !== null && o.foundedYear <= new Date().getFullYear() - CAPACITY_SCALE.ESTABLISHED_YEARS)
        shown.push(t('fundReason.CAPACITY.founded', { year: String(o.foundedYear) }));
      if (awarded) shown.push(t('fundReason.CAPACITY.awarded'));
      if (measured) shown.push(t('fundReason.CAPACITY.measured'));
      if (o.annualIncome !== null && o.annualIncomeCurrency)
        shown.push(
          t('fundReason.CAPACITY.income', {
            income: formatAmount(Number(o.annualIncome), o.annualIncomeCurrency, locale),
          }),
        );
      return t('fundReason.CAPACITY', {
        grant,
        shown: shown.length ? shown.join(', ') : t('fundReason.CAPACITY.nothing'),
      });
    }
    default:
      return factor;
  }
}
