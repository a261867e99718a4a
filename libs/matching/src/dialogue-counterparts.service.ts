import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Organization, OrganizationKind } from '@app/organizations';
import { MatchReason, OrganizationMatch, round4, scoreOf } from './match.models.js';
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
  themes?: readonly string[] | null;
  languages?: readonly string[] | null;
  verifiedOnly?: boolean | null;
  balanced?: boolean | null;
}

export const COUNTERPART_FACTORS = Object.keys(W) as Array<keyof typeof W>;

/** One ranked candidate before the organization is attached. */
export interface ScoredCounterpart {
  id: string;
  kind: string;
  womenLed: boolean;
  residence: string[];
  score: number;
  reasons: MatchReason[];
}

interface Row {
  id: string;
  kind: string;
  women_led: boolean;
  countries_of_residence: string[];
  member_count: number | null;
  shared_origin: string[];
  shared_residence: string[];
  shared_themes: string[];
  shared_languages: string[];
  member_organizations: number;
  active_partnerships: number;
  [points: `pt_${string}`]: number;
}

const unique = (codes: readonly string[] | null | undefined) => [...new Set(codes ?? [])].sort();
const list = (xs: readonly string[]) => xs.join(', ');
const logScale = (count: string, saturation: number) =>
  `least(1, ln(1 + greatest(coalesce(${count}, 0), 0)) / ln(${1 + saturation}))`;
/** Points in units of 1/10,000 (integers: sums are exact; reasons show them as 4-decimal numbers). */
const points = (weight: number, expr: string) => `round(${Math.round(weight * 10_000)} * (${expr})::float8)::int`;

/**
 * The counterpart finder (docs/domain.md, "Dialogue counterparts"): every filter of the query is a WHERE
 * clause (`&&` on the GIN-indexed arrays), the score a sum of weighted SQL terms, ORDER BY score,
 * id. Reasons carry the points the database computed; `balanced` re-ranks the top greedily.
 */
@Injectable()
export class DialogueCounterpartsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(query: CounterpartFilter, first: number): Promise<OrganizationMatch[]> {
    const poolSize = query.balanced
      ? Math.max(COUNTERPART_BALANCE.POOL_FACTOR * first, COUNTERPART_BALANCE.MIN_POOL)
      : first;
    const ranked = await this.rank(query, poolSize);
    const chosen = query.balanced ? balanceShortlist(ranked, first) : ranked;
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
  async rank(query: CounterpartFilter, limit: number): Promise<ScoredCounterpart[]> {
    const [sql, params] = DialogueCounterpartsService.sql(query, limit);
    const rows: Row[] = await this.dataSource.query(sql, params);
    const asked = {
      origin: unique(query.countriesOfOrigin).length,
      residence: unique(query.countriesOfResidence).length,
      themes: unique(query.themes).length,
      languages: unique(query.languages).length,
    };
    return rows.map((row) => {
      const reasons = COUNTERPART_FACTORS.map((factor) => ({
        factor,
        points: Number(row[`pt_${factor.toLowerCase()}`]) / 10_000,
        detail: describe(factor, row, asked),
      })).filter((r) => r.points > 0);
      return {
        id: row.id,
        kind: row.kind,
        womenLed: row.women_led,
        residence: row.countries_of_residence,
        score: scoreOf(reasons),
        reasons,
      };
    });
  }

  /** The SQL and its parameters (exposed for EXPLAIN in benchmarks and tests). */
  static sql(query: CounterpartFilter, limit: number): [string, unknown[]] {
    const params: unknown[] = [];
    const param = (value: unknown, type: string) => {
      params.push(value);
      return `$${params.length}::${type}`;
    };
    const origin = unique(query.countriesOfOrigin);
    const residence = unique(query.countriesOfResidence);
    const themes = unique(query.themes);
    const languages = unique(query.languages);

    const where = [`o.kind::text = ANY(${param(COUNTERPART_KINDS, 'text[]')})`];
    const shared: string[] = [];
    const arrays: Array<[string, string[], string]> = [
      ['origin', origin, 'countries_of_origin'],
      ['residence', residence, 'countries_of_residence'],
      ['themes', themes, 'themes'],
      ['languages', languages, 'languages'],
    ];
    for (const [name, codes, column] of arrays) {
      if (codes.length) {
        const p = param(codes, 'text[]');
        where.push(`o.${column} && ${p}`);
        shared.push(`ARRAY(SELECT x FROM unnest(${p}) x WHERE x = ANY(o.${column}) ORDER BY x) AS shared_${name}`);
      } else {
        shared.push(`'{}'::text[] AS shared_${name}`);
      }
    }
    if (query.verifiedOnly) where.push(`o.verification = 'VERIFIED'`);

    const share = (name: string, asked: number) => `cardinality(shared_${name})::float8 / ${Math.max(asked, 1)}`;
    const terms: Record<keyof typeof W, string> = {
      ORIGIN: points(W.ORIGIN, share('origin', origin.length)),
      RESIDENCE: points(W.RESIDENCE, share('residence', residence.length)),
      THEMES: points(W.THEMES, share('themes', themes.length)),
      LANGUAGES: points(W.LANGUAGES, share('languages', languages.length)),
      VERIFIED: points(W.VERIFIED, `(verification = 'VERIFIED')::int`),
      DEMOCRATIC_GOVERNANCE: points(W.DEMOCRATIC_GOVERNANCE, 'democratic_governance::int'),
      MEMBERS: points(W.MEMBERS, logScale('member_count', SAT.MEMBERS)),
      MEMBER_ORGANIZATIONS: points(W.MEMBER_ORGANIZATIONS, logScale('member_organizations', SAT.MEMBER_ORGANIZATIONS)),
      PARTNERSHIPS: points(W.PARTNERSHIPS, logScale('active_partnerships', SAT.PARTNERSHIPS)),
    };
    const columns = COUNTERPART_FACTORS.map((f) => `pt_${f.toLowerCase()}`);
    const sql = `
      WITH c AS MATERIALIZED (
        SELECT o.id, o.kind::text AS kind, o.women_led, o.countries_of_residence, o.member_count,
               o.verification::text AS verification, o.democratic_governance,
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
      s AS MATERIALIZED (
        SELECT c.*, coalesce(nm.n, 0) AS member_organizations, coalesce(pt.n, 0) AS active_partnerships
          FROM c LEFT JOIN nm ON nm.id = c.id LEFT JOIN pt ON pt.id = c.id),
      p AS (
        SELECT s.*, ${COUNTERPART_FACTORS.map((f, i) => `${terms[f]} AS ${columns[i]}`).join(',\n               ')}
          FROM s)
      SELECT p.*, ${columns.join(' + ')} AS score
        FROM p
       ORDER BY score DESC, id ASC
       LIMIT ${param(limit, 'int')}`;
    return [sql, params];
  }
}

/** The sentence of one factor (the points come from SQL). */
function describe(
  factor: keyof typeof W,
  row: Row,
  asked: { origin: number; residence: number; themes: number; languages: number },
): string {
  switch (factor) {
    case 'ORIGIN':
      return `Represents the community from ${list(row.shared_origin)} (${row.shared_origin.length} of ${asked.origin} countries of origin asked)`;
    case 'RESIDENCE':
      return `Based in ${list(row.shared_residence)} (${row.shared_residence.length} of ${asked.residence} countries of residence asked)`;
    case 'THEMES':
      return `Works on ${row.shared_themes.length} of the ${asked.themes} themes asked: ${list(row.shared_themes)}`;
    case 'LANGUAGES':
      return `Works in ${list(row.shared_languages)} (${row.shared_languages.length} of ${asked.languages} languages asked)`;
    case 'VERIFIED':
      return 'Verified on the platform';
    case 'DEMOCRATIC_GOVERNANCE':
      return 'Democratic governance: its leadership is elected by its members';
    case 'MEMBERS':
      return `${row.member_count} members (log scale; ${SAT.MEMBERS} or more earn all points)`;
    case 'MEMBER_ORGANIZATIONS':
      return `A network of ${row.member_organizations} member organizations`;
    case 'PARTNERSHIPS':
      return `${row.active_partnerships} active partnership${row.active_partnerships === 1 ? '' : 's'}`;
    default:
      return factor;
  }
}

/**
 * The greedy diversity re-rank of `balanced: true` (pure; unit-tested). `pool` is ranked by score
 * (desc, then id). Each step picks the candidate with the highest scaled score + bonus; ties keep the
 * pool order. The picked candidates' reasons are scaled by (1 − BALANCE_SHARE) and a BALANCE reason
 * says what the pick adds, so that the reasons add up to the returned score.
 */
export function balanceShortlist(
  pool: readonly ScoredCounterpart[],
  first: number,
  b: typeof COUNTERPART_BALANCE = COUNTERPART_BALANCE,
): ScoredCounterpart[] {
  const scale = 1 - b.BALANCE_SHARE;
  const remaining = pool.map((c) => {
    const reasons = c.reasons.map((r) => ({ ...r, points: round4(r.points * scale) }));
    return { candidate: c, reasons, scaled: scoreOf(reasons) };
  });
  const countries = new Set<string>();
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
        parts.push(`adds residence countr${added.length === 1 ? 'y' : 'ies'} ${list(added)}`);
      }
      if (!kinds.has(c.kind)) {
        bonus += b.BALANCE_KIND;
        parts.push(`adds kind ${c.kind}`);
      }
      if (c.womenLed && womenLed * 2 <= picked.length) {
        bonus += b.BALANCE_WOMEN_LED;
        parts.push('adds a women-led organization');
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
        ? [...reasons, { factor: 'BALANCE', points: bestBonus.points, detail: bestBonus.parts.join('; ') }]
        : reasons;
    picked.push({ ...candidate, score: scoreOf(all), reasons: all });
    candidate.residence.forEach((x) => countries.add(x));
    kinds.add(candidate.kind);
    if (candidate.womenLed) womenLed++;
  }
  return picked;
}
