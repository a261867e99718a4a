import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Locale, MessageKey, Params, translate, translatePlural } from '@app/common';
import { Organization, OrganizationKind } from '@app/organizations';
import { MatchReason, OrganizationMatch, round4, scoreOf } from './match.models.js';
import { pointColumnsSql, points, reasonsFromRow, SqlParams, withScore } from './sql-kit.js';
import { DIASPORA_KINDS } from './partner-suggestions.service.js';
import { COUNTERPART_BALANCE, COUNTERPART_SATURATION as SAT, COUNTERPART_WEIGHTS as W } from './weights.js';

/** Kinds that may speak for migrant and diaspora communities (see COUNTERPART_WEIGHTS for why). */
export const COUNTERPART_KINDS: readonly OrganizationKind[] = [
  ...DIASPORA_KINDS,
  OrganizationKind.TRADE_UNION,
  OrganizationKind.FAITH_BASED,
  OrganizationKind.NGO,
];

/** What a government asks for; empty lists mean "any". Codes are expected valid (the caller checks them). */
export interface CounterpartFilter {
  countriesOfOrigin?: readonly string[] | null;
  countriesOfResidence?: readonly string[] | null;
  /** A ranking factor; a filter only with requireThemes. */
  themes?: readonly string[] | null;
  /** true: only organizations that work on at least one of the themes (the old filter). */
  requireThemes?: boolean | null;
  languages?: readonly string[] | null;
  /** Words of the consultation's topic, matched against what organizations do (projects, contributions). */
  topic?: string | null;
  verifiedOnly?: boolean | null;
  balanced?: boolean | null;
}

export const COUNTERPART_FACTORS = Object.keys(W) as Array<keyof typeof W>;

/**
 * The project kinds that are the work of a theme: a project of one of these kinds is on the topic of a
 * query asking for the theme, whatever themes it is tagged with (docs/matching.md, "Dialogue counterparts").
 */
export const THEME_PROJECT_KINDS: Readonly<Record<string, readonly string[]>> = {
  REMITTANCES: ['REMITTANCES'],
  FINANCIAL_INCLUSION: ['REMITTANCES'],
  DIASPORA_INVESTMENT: ['SOCIAL_INVESTMENT'],
  ENTREPRENEURSHIP: ['ENTREPRENEURSHIP'],
  CAPACITY_BUILDING: ['CAPACITY_BUILDING'],
  KNOWLEDGE_TRANSFER: ['KNOWLEDGE_TRANSFER'],
  HIGHLY_SKILLED_MIGRATION: ['KNOWLEDGE_TRANSFER'],
  CIRCULAR_MIGRATION_AND_RETURN: ['RETURN_AND_REINTEGRATION'],
  POLICY_COHERENCE: ['POLICY_ADVOCACY'],
  CLIMATE_AND_DISPLACEMENT: ['HUMANITARIAN', 'EMERGENCY_RELIEF'],
};

/** One ranked candidate before the organization is attached. */
export interface ScoredCounterpart {
  id: string;
  kind: string;
  womenLed: boolean;
  residence: string[];
  /** Countries of origin: the communities it represents. */
  origin: string[];
  score: number;
  reasons: MatchReason[];
}

interface Row {
  id: string;
  kind: string;
  women_led: boolean;
  countries_of_residence: string[];
  countries_of_origin: string[];
  member_count: number | null;
  shared_origin: string[];
  shared_residence: string[];
  shared_themes: string[];
  shared_languages: string[];
  member_organizations: number;
  active_partnerships: number;
  topic_projects: number;
  topic_contributions: number;
  [column: string]: unknown;
}

const unique = (codes: readonly string[] | null | undefined) => [...new Set(codes ?? [])].sort();
const list = (xs: readonly string[]) => xs.join(', ');
const logScale = (count: string, saturation: number) =>
  `least(1, ln(1 + greatest(coalesce(${count}, 0), 0)) / ln(${1 + saturation}))`;
/** The topic's words as an OR query: any word of the topic is evidence (stop words only: no match). */
const anyWord = (topic: string) => `replace(plainto_tsquery('english', ${topic})::text, '&', '|')::tsquery`;

/**
 * The counterpart finder (docs/matching.md, "Dialogue counterparts"), built with the SQL kit: the
 * filters of the query are WHERE clauses (`&&` on the GIN-indexed arrays; themes only with
 * requireThemes), every factor a point column (one rounding rule), the score their sum, ORDER BY
 * score, id. Reasons are read from the point columns; `balanced` re-ranks the top greedily.
 */
@Injectable()
export class DialogueCounterpartsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The reasons are written in `locale`. */
  async find(query: CounterpartFilter, first: number, locale: Locale = 'en'): Promise<OrganizationMatch[]> {
    const poolSize = query.balanced
      ? Math.max(COUNTERPART_BALANCE.POOL_FACTOR * first, COUNTERPART_BALANCE.MIN_POOL)
      : first;
    const ranked = await this.rank(query, poolSize, locale);
    const chosen = query.balanced ? balanceShortlist(ranked, first, COUNTERPART_BALANCE, locale) : ranked;
    if (!chosen.length) return [];
    const organizations = await this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids)', { ids: chosen.map((c) => c.id) })
      .getMany();
    const byId = new Map(organizations.map((o) => [o.id, o]));
    return chosen.map((c) => ({
      organization: byId.get(c.id) as Organization,
      project: null,
      score: c.score,
      reasons: c.reasons,
    }));
  }

  /** The top `limit` candidates by score (desc), then id, with their reasons. */
  async rank(query: CounterpartFilter, limit: number, locale: Locale = 'en'): Promise<ScoredCounterpart[]> {
    const [sql, params] = DialogueCounterpartsService.sql(query, limit);
    const rows: Row[] = await this.dataSource.query(sql, params);
    return rows.map((row) => {
      const reasons = counterpartReasons(row, query, locale);
      return {
        id: row.id,
        kind: row.kind,
        womenLed: row.women_led,
        residence: row.countries_of_residence,
        origin: row.countries_of_origin,
        score: scoreOf(reasons),
        reasons,
      };
    });
  }

  /** The SQL and its parameters (exposed for EXPLAIN in benchmarks and for the query snapshots). */
  static sql(query: CounterpartFilter, limit: number): [string, unknown[]] {
    const params = new SqlParams();
    const origin = unique(query.countriesOfOrigin);
    const residence = unique(query.countriesOfResidence);
    const themes = unique(query.themes);
    const languages = unique(query.languages);
    const topic = query.topic?.trim() || null;

    const where = [`o.kind::text = ANY(${params.add(COUNTERPART_KINDS, 'text[]')})`];
    const shared: string[] = [];
    const placeholders: Record<string, string> = {};
    const arrays: Array<[string, string[], string, boolean]> = [
      ['origin', origin, 'countries_of_origin', true],
      ['residence', residence, 'countries_of_residence', true],
      ['themes', themes, 'themes', Boolean(query.requireThemes)],
      ['languages', languages, 'languages', true],
    ];
    for (const [name, codes, column, filter] of arrays) {
      if (codes.length) {
        const p = (placeholders[name] = params.add(codes, 'text[]'));
        if (filter) where.push(`o.${column} && ${p}`);
        shared.push(`ARRAY(SELECT x FROM unnest(${p}) x WHERE x = ANY(o.${column}) ORDER BY x) AS shared_${name}`);
      } else {
        shared.push(`'{}'::text[] AS shared_${name}`);
      }
    }
    if (query.verifiedOnly) where.push(`o.verification = 'VERIFIED'`);

    // What the organization does on the topic: its live projects and its contributions to consultations that
    // share an asked theme, name an asked country of origin or use a word of the topic; nothing asked: all.
    const q = topic ? anyWord(params.add(topic, 'text')) : null;
    const projectKinds = [...new Set(themes.flatMap((theme) => THEME_PROJECT_KINDS[theme] ?? []))].sort();
    const onTopic = (themesSql: string, originSql: string | null, textSql: string, kindSql?: string) => {
      const parts: string[] = [];
      if (themes.length) parts.push(`${themesSql} && ${placeholders.themes}`);
      if (kindSql && projectKinds.length) parts.push(`${kindSql} = ANY(${params.add(projectKinds, 'text[]')})`);
      if (origin.length && originSql) parts.push(`${originSql} && ${placeholders.origin}`);
      if (q) parts.push(`${textSql} @@ ${q}`);
      return parts.length ? `(${parts.join(' OR ')})` : 'true';
    };
    const projectOnTopic = onTopic('p.themes', 'p.countries', 'p.search_vector', 'p.kind::text');
    const consultationOnTopic = onTopic(
      'cs.themes',
      'cs.countries_of_origin',
      `to_tsvector('english', cs.title || ' ' || cs.description || ' ' || k.body)`,
    );

    const share = (name: string, asked: number) => `cardinality(shared_${name})::float8 / ${Math.max(asked, 1)}`;
    const terms: Record<keyof typeof W, string> = {
      ORIGIN: points(W.ORIGIN, share('origin', origin.length)),
      RESIDENCE: points(W.RESIDENCE, share('residence', residence.length)),
      THEMES: points(W.THEMES, share('themes', themes.length)),
      LANGUAGES: points(W.LANGUAGES, share('languages', languages.length)),
      PROJECTS: points(W.PROJECTS, logScale('topic_projects', SAT.PROJECTS)),
      CONTRIBUTIONS: points(W.CONTRIBUTIONS, logScale('topic_contributions', SAT.CONTRIBUTIONS)),
      VERIFIED: points(W.VERIFIED, `(verification = 'VERIFIED')::int`),
      DEMOCRATIC_GOVERNANCE: points(W.DEMOCRATIC_GOVERNANCE, 'democratic_governance::int'),
      MEMBERS: points(W.MEMBERS, logScale('member_count', SAT.MEMBERS)),
      MEMBER_ORGANIZATIONS: points(W.MEMBER_ORGANIZATIONS, logScale('member_organizations', SAT.MEMBER_ORGANIZATIONS)),
      PARTNERSHIPS: points(W.PARTNERSHIPS, logScale('active_partnerships', SAT.PARTNERSHIPS)),
    };
    const sql = `
      WITH c AS MATERIALIZED (
        SELECT o.id, o.kind::text AS kind, o.women_led, o.countries_of_residence, o.countries_of_origin,
               o.member_count, o.verification::text AS verification, o.democratic_governance,
               ${shared.join(',\n               ')}
          FROM organization o
         WHERE ${where.join('\n           AND ')}),
      nm AS (
        SELECT nm.network_id AS id, count(*)::int AS n FROM network_membership nm JOIN c ON c.id = nm.network_id
         WHERE nm.status = 'ACCEPTED' GROUP BY nm.network_id),
      pt AS (
        SELECT x.id, count(*)::int AS n
          FROM (SELECT initiator_id AS id FROM partnership WHERE status = 'ACTIVE'
                UNION ALL SELECT partner_id FROM partnership WHERE status = 'ACTIVE') x
          JOIN c ON c.id = x.id GROUP BY x.id),
      pj AS (
        SELECT p.organization_id AS id, count(*)::int AS n
          FROM project p JOIN c ON c.id = p.organization_id
         WHERE p.archived_at IS NULL AND p.status <> 'CANCELLED' AND ${projectOnTopic}
         GROUP BY p.organization_id),
      cb AS (
        SELECT k.organization_id AS id, count(DISTINCT k.consultation_id)::int AS n
          FROM contribution k JOIN c ON c.id = k.organization_id JOIN consultation cs ON cs.id = k.consultation_id
         WHERE ${consultationOnTopic}
         GROUP BY k.organization_id),
      s AS MATERIALIZED (
        SELECT c.*, coalesce(nm.n, 0) AS member_organizations, coalesce(pt.n, 0) AS active_partnerships,
               coalesce(pj.n, 0) AS topic_projects, coalesce(cb.n, 0) AS topic_contributions
          FROM c LEFT JOIN nm ON nm.id = c.id LEFT JOIN pt ON pt.id = c.id
                 LEFT JOIN pj ON pj.id = c.id LEFT JOIN cb ON cb.id = c.id)
      ${withScore(COUNTERPART_FACTORS, `SELECT s.*, ${pointColumnsSql(COUNTERPART_FACTORS, terms)} FROM s`)}
       ORDER BY score DESC, id ASC
       LIMIT ${params.add(limit, 'int')}`;
    return [sql, params.values];
  }
}

/** What the query asked for the topic, in words (for the PROJECTS and CONTRIBUTIONS sentences). */
function topicWords(query: CounterpartFilter, locale: Locale): string {
  const parts: string[] = [];
  if (query.themes?.length)
    parts.push(translate(locale, 'counterpartReason.topic.themes', { themes: list(unique(query.themes)) }));
  if (query.countriesOfOrigin?.length)
    parts.push(
      translate(locale, 'counterpartReason.topic.origin', { countries: list(unique(query.countriesOfOrigin)) }),
    );
  if (query.topic?.trim())
    parts.push(translate(locale, 'counterpartReason.topic.words', { words: query.topic.trim() }));
  return parts.length
    ? translate(locale, 'counterpartReason.topic', { parts: parts.join(translate(locale, 'common.semicolon')) })
    : '';
}

/** The reasons of one row, read from its point columns, in `locale` (exported for the unit specs). */
export function counterpartReasons(row: Row, query: CounterpartFilter, locale: Locale = 'en'): MatchReason[] {
  const asked = {
    origin: unique(query.countriesOfOrigin).length,
    residence: unique(query.countriesOfResidence).length,
    themes: unique(query.themes).length,
    languages: unique(query.languages).length,
  };
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  return reasonsFromRow(COUNTERPART_FACTORS, row, (factor) => {
    switch (factor) {
      case 'ORIGIN':
        return t('counterpartReason.ORIGIN', {
          countries: list(row.shared_origin),
          shared: row.shared_origin.length,
          asked: asked.origin,
        });
      case 'RESIDENCE':
        return t('counterpartReason.RESIDENCE', {
          countries: list(row.shared_residence),
          shared: row.shared_residence.length,
          asked: asked.residence,
        });
      case 'THEMES':
        return t('counterpartReason.THEMES', {
          shared: row.shared_themes.length,
          asked: asked.themes,
          themes: list(row.shared_themes),
        });
      case 'LANGUAGES':
        return t('counterpartReason.LANGUAGES', {
          languages: list(row.shared_languages),
          shared: row.shared_languages.length,
          asked: asked.languages,
        });
      case 'PROJECTS':
        return translatePlural(locale, 'counterpartReason.PROJECTS', row.topic_projects, {
          topic: topicWords(query, locale),
          saturation: SAT.PROJECTS,
        });
      case 'CONTRIBUTIONS':
        return translatePlural(locale, 'counterpartReason.CONTRIBUTIONS', row.topic_contributions, {
          topic: topicWords(query, locale),
          saturation: SAT.CONTRIBUTIONS,
        });
      case 'VERIFIED':
        return t('counterpartReason.VERIFIED');
      case 'DEMOCRATIC_GOVERNANCE':
        return t('counterpartReason.DEMOCRATIC_GOVERNANCE');
      case 'MEMBERS':
        return t('counterpartReason.MEMBERS', {
          members: row.member_count ?? String(row.member_count),
          saturation: SAT.MEMBERS,
        });
      case 'MEMBER_ORGANIZATIONS':
        return t('counterpartReason.MEMBER_ORGANIZATIONS', { count: row.member_organizations });
      case 'PARTNERSHIPS':
        return translatePlural(locale, 'counterpartReason.PARTNERSHIPS', row.active_partnerships);
      default:
        return factor;
    }
  });
}

/**
 * The greedy diversity re-rank of `balanced: true` (pure; unit-tested). `pool` is ranked by score
 * (desc, then id). Each step picks the candidate with the highest scaled score + bonus (a residence
 * country, an origin community, a kind the list lacks; a women-led organization while at most half
 * of the list is); ties keep the
 * pool order. The picked candidates' reasons are scaled by (1 − BALANCE_SHARE) and a BALANCE reason
 * says what the pick adds, so that the reasons add up to the returned score.
 */
export function balanceShortlist(
  pool: readonly ScoredCounterpart[],
  first: number,
  b: Readonly<Record<keyof typeof COUNTERPART_BALANCE, number>> = COUNTERPART_BALANCE,
  locale: Locale = 'en',
): ScoredCounterpart[] {
  const scale = 1 - b.BALANCE_SHARE;
  const remaining = pool.map((c) => {
    const reasons = c.reasons.map((r) => ({ ...r, points: round4(r.points * scale) }));
    return { candidate: c, reasons, scaled: scoreOf(reasons) };
  });
  const countries = new Set<string>();
  const origins = new Set<string>();
  const kinds = new Set<string>();
  let womenLed = 0;
  const picked: ScoredCounterpart[] = [];
  while (picked.length < first && remaining.length) {
    let best = -1;
    let bestTotal = -Infinity;
    let bestBonus: { points: number; parts: string[] } = { points: 0, parts: [] };
    for (const [i, r] of remaining.entries()) {
      const c = r.candidate;
      const parts: string[] = [];
      let bonus = 0;
      const added = [...new Set(c.residence)].filter((x) => !countries.has(x)).sort();
      if (added.length) {
        bonus += b.BALANCE_RESIDENCE;
        parts.push(
          translatePlural(locale, 'counterpartReason.BALANCE.residence', added.length, { countries: list(added) }),
        );
      }
      const community = [...new Set(c.origin)].filter((x) => !origins.has(x)).sort();
      if (community.length) {
        bonus += b.BALANCE_ORIGIN;
        parts.push(
          translatePlural(locale, 'counterpartReason.BALANCE.origin', community.length, { countries: list(community) }),
        );
      }
      if (!kinds.has(c.kind)) {
        bonus += b.BALANCE_KIND;
        parts.push(translate(locale, 'counterpartReason.BALANCE.kind', { kind: c.kind }));
      }
      if (c.womenLed && womenLed * 2 <= picked.length) {
        bonus += b.BALANCE_WOMEN_LED;
        parts.push(translate(locale, 'counterpartReason.BALANCE.womenLed'));
      }
      const total = round4(r.scaled + round4(bonus));
      if (total > bestTotal) {
        best = i;
        bestTotal = total;
        bestBonus = { points: round4(bonus), parts };
      }
    }
    const [{ candidate, reasons }] = remaining.splice(best, 1);
    const all =
      bestBonus.points > 0
        ? [
            ...reasons,
            {
              factor: 'BALANCE',
              points: bestBonus.points,
              detail: bestBonus.parts.join(translate(locale, 'common.semicolon')),
            },
          ]
        : reasons;
    picked.push({ ...candidate, score: scoreOf(all), reasons: all });
    candidate.residence.forEach((x) => countries.add(x));
    candidate.origin.forEach((x) => origins.add(x));
    kinds.add(candidate.kind);
    if (candidate.womenLed) womenLed++;
  }
  return picked;
}
