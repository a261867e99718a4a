import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatDecimal, Locale, MessageKey, Params, translate } from '@app/common';
import { MatchReason, scoreOf } from './match.models.js';
import { pointColumnsSql, points, reasonsFromRow, SqlParams, withScore } from './sql-kit.js';
import { TRAINING_OPEN_SQL, TRAINING_SEAT_STATUSES_SQL, trainingRulesWhere } from './training-rules.sql.js';
import { SMALL_ORGANIZATION_MEMBERS, TRAINING_WEIGHTS as W } from './weights.js';

export interface TrainingMatchResult {
  trainingId: string;
  score: number;
  reasons: MatchReason[];
  /** The organization's needs that the offer covers. */
  addressesNeeds: string[];
}

export const TRAINING_FACTORS = Object.keys(W) as Array<keyof typeof W>;

interface Row {
  id: string;
  format: string;
  country: string | null;
  city: string | null;
  seats: number;
  covered: string[];
  need_count: number;
  shared_languages: string[];
  language_required: boolean;
  online: boolean;
  member_count: number | null;
  legally_registered: boolean;
  org_kind: string;
  residence: string[];
  eligible_kinds: string[];
  audience_countries: string[];
  audience_regions: string[];
  taken: number;
  waiting: number;
  avg_rating: number | null;
  ratings: number;
  [column: string]: unknown;
}

/**
 * The SQL of training matching (docs/matching.md, "Trainings"), built with the SQL kit. The
 * organization's needs come from its latest assessment; the eligibility rules (TRAINING_RULES: kind,
 * residence audience, required language) are the same SQL enrol checks; every factor is a point column
 * (one rounding rule) and the score is their sum, so the reasons read from the columns add up to it.
 * Works on the tables only (the capacity lib depends on matching, not the other way round).
 */
export function trainingMatchesSql(organizationId: string, first: number): [string, unknown[]] {
  const params = new SqlParams();
  const organization = params.add(organizationId, 'uuid');
  const small = params.add(SMALL_ORGANIZATION_MEMBERS, 'int');
  const rules = trainingRulesWhere(params);
  const terms: Record<keyof typeof W, string> = {
    NEEDS: points(W.NEEDS, `cardinality(covered)::float8 / greatest(need_count, 1)`),
    LANGUAGE: points(W.LANGUAGE, `(cardinality(shared_languages) > 0)::int`),
    PLACE: points(W.PLACE, `(online OR coalesce(in_residence, false))::int`),
    SUBSIDY: points(W.SUBSIDY, `subsidised::int`),
    RATING: points(W.RATING, `coalesce(avg_rating, 0) / 5`),
  };
  const sql = `
WITH o AS (
  SELECT o.id, o.kind::text AS kind, o.languages, o.countries_of_residence, o.member_count, o.legally_registered,
         coalesce((SELECT a.needs FROM capacity_assessment a WHERE a.organization_id = o.id
                    ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1), '{}') AS needs
    FROM organization o WHERE o.id = ${organization}),
c AS (
  SELECT t.id, t.starts_at, t.seats, t.format::text AS format, t.country, t.city,
         ARRAY(SELECT x FROM unnest(t.capacity_areas) x WHERE x = ANY(o.needs) ORDER BY x) AS covered,
         cardinality(o.needs) AS need_count,
         ARRAY(SELECT x FROM unnest(t.languages) x WHERE x = ANY(o.languages) ORDER BY x) AS shared_languages,
         t.language_required,
         t.format = 'ONLINE' AS online,
         t.format <> 'ONLINE' AND t.country = ANY(o.countries_of_residence) AS in_residence,
         t.subsidy_available AND coalesce(o.member_count < ${small} OR NOT o.legally_registered, false) AS subsidised,
         o.member_count, o.legally_registered, o.kind AS org_kind, o.countries_of_residence AS residence,
         t.eligible_organization_kinds AS eligible_kinds, t.audience_countries_of_residence AS audience_countries,
         t.audience_regions,
         coalesce(s.taken, 0) AS taken, coalesce(s.waiting, 0) AS waiting, s.avg_rating, coalesce(s.ratings, 0) AS ratings
    FROM training_offer t
   CROSS JOIN o
    LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE e.status IN (${TRAINING_SEAT_STATUSES_SQL}))::int AS taken,
                count(*) FILTER (WHERE e.status = 'WAITLISTED')::int AS waiting,
                avg(e.rating)::float8 AS avg_rating,
                count(e.rating)::int AS ratings
           FROM enrolment e WHERE e.training_id = t.id) s ON true
   -- open for enrolment, and the eligibility rules (TRAINING_RULES) that enrol applies too
   WHERE ${TRAINING_OPEN_SQL}
     AND ${rules})
${withScore(TRAINING_FACTORS, `SELECT c.*, ${pointColumnsSql(TRAINING_FACTORS, terms)} FROM c`)}
 ORDER BY score DESC, starts_at ASC, id ASC
 LIMIT ${params.add(first, 'int')}`;
  return [sql, params.values];
}

/** Training offers for an organization, ranked in SQL, each with its reasons and the needs it addresses. */
@Injectable()
export class TrainingMatchingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The reasons are written in `locale`. */
  async trainingMatches(organizationId: string, first: number, locale: Locale = 'en'): Promise<TrainingMatchResult[]> {
    const [sql, params] = trainingMatchesSql(organizationId, first);
    const rows: Row[] = await this.dataSource.query(sql, params);
    return rows.map((row) => {
      const reasons = explainTrainingMatch(row, locale);
      return { trainingId: row.id, score: scoreOf(reasons), reasons, addressesNeeds: row.covered };
    });
  }
}

/**
 * The reasons of one row: every factor that earned points (read from its point column), then the
 * eligibility rules the offer sets and the organization meets (AUDIENCE, 0 points), and WAITLIST
 * (0 points) for a full offer. Exported for the unit specs.
 */
export function explainTrainingMatch(row: Row, locale: Locale = 'en'): MatchReason[] {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const reasons: MatchReason[] = reasonsFromRow(TRAINING_FACTORS, row, (factor) => {
    switch (factor) {
      case 'NEEDS':
        return t('trainingReason.NEEDS', {
          covered: row.covered.length,
          needs: row.need_count,
          areas: row.covered.join(', '),
        });
      case 'LANGUAGE':
        return t(row.language_required ? 'trainingReason.LANGUAGE.required' : 'trainingReason.LANGUAGE', {
          languages: row.shared_languages.join(', '),
        });
      case 'PLACE':
        return row.online
          ? t('trainingReason.PLACE.online')
          : t(row.format === 'HYBRID' ? 'trainingReason.PLACE.hybrid' : 'trainingReason.PLACE.inPerson', {
              place: [row.city, row.country].filter(Boolean).join(', '),
            });
      case 'SUBSIDY':
        return t('trainingReason.SUBSIDY', {
          why: !row.legally_registered
            ? t('trainingReason.SUBSIDY.unregistered')
            : t('trainingReason.SUBSIDY.members', { members: row.member_count ?? String(row.member_count) }),
        });
      case 'RATING':
        return t('trainingReason.RATING', {
          rating: formatDecimal(locale, Number(row.avg_rating), 1),
          ratings: row.ratings,
        });
      default:
        return factor;
    }
  });
  const audience: string[] = [];
  if (row.eligible_kinds.length)
    audience.push(t('trainingReason.AUDIENCE.kinds', { kinds: row.eligible_kinds.join(', '), kind: row.org_kind }));
  if (row.audience_countries.length || row.audience_regions.length) {
    const places = [...row.audience_regions, ...row.audience_countries].join(', ');
    audience.push(t('trainingReason.AUDIENCE.places', { places, residence: row.residence.join(', ') }));
  }
  if (audience.length)
    reasons.push({
      factor: 'AUDIENCE',
      points: 0,
      detail: t('trainingReason.AUDIENCE', { conditions: audience.join(t('common.semicolon')) }),
    });
  if (row.taken >= row.seats) {
    reasons.push({
      factor: 'WAITLIST',
      points: 0,
      detail: t('trainingReason.WAITLIST', { seats: row.seats, waiting: row.waiting }),
    });
  }
  return reasons;
}
