import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchReason, scoreOf } from './match.models.js';
import { TRAINING_OPEN_SQL, TRAINING_SEAT_STATUSES_SQL } from './training-rules.sql.js';
import { SMALL_ORGANIZATION_MEMBERS, TRAINING_WEIGHTS as W } from './weights.js';

export interface TrainingMatchResult {
  trainingId: string;
  score: number;
  reasons: MatchReason[];
  /** The organization's needs that the offer covers. */
  addressesNeeds: string[];
}

interface Row {
  id: string;
  format: string;
  country: string | null;
  city: string | null;
  seats: number;
  covered: string[];
  need_count: number;
  shared_languages: string[];
  online: boolean;
  member_count: number | null;
  legally_registered: boolean;
  taken: number;
  waiting: number;
  avg_rating: number | null;
  ratings: number;
  pt_needs: string;
  pt_language: string;
  pt_place: string;
  pt_subsidy: string;
  pt_rating: string;
  score: string;
}

/**
 * The SQL of training matching. The organization's needs come from its latest assessment; every
 * factor is a column of points rounded to 4 decimals, and the score is their sum, so reasons add
 * up to the score exactly. Works on the tables only (the capacity lib depends on matching, not the
 * other way round).
 */
export const TRAINING_MATCHES_SQL = `
WITH o AS (
  SELECT o.id, o.kind::text AS kind, o.languages, o.countries_of_residence, o.member_count, o.legally_registered,
         coalesce((SELECT a.needs FROM capacity_assessment a WHERE a.organization_id = o.id
                    ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1), '{}') AS needs
    FROM organization o WHERE o.id = $1),
c AS (
  SELECT t.id, t.starts_at, t.seats, t.format::text AS format, t.country, t.city,
         ARRAY(SELECT x FROM unnest(t.capacity_areas) x WHERE x = ANY(o.needs) ORDER BY x) AS covered,
         cardinality(o.needs) AS need_count,
         ARRAY(SELECT x FROM unnest(t.languages) x WHERE x = ANY(o.languages) ORDER BY x) AS shared_languages,
         t.format = 'ONLINE' AS online,
         t.format <> 'ONLINE' AND t.country = ANY(o.countries_of_residence) AS in_residence,
         t.subsidy_available AND coalesce(o.member_count < $8 OR NOT o.legally_registered, false) AS subsidised,
         o.member_count, o.legally_registered,
         coalesce(s.taken, 0) AS taken, coalesce(s.waiting, 0) AS waiting, s.avg_rating, coalesce(s.ratings, 0) AS ratings
    FROM training_offer t
   CROSS JOIN o
    LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE e.status IN (${TRAINING_SEAT_STATUSES_SQL}))::int AS taken,
                count(*) FILTER (WHERE e.status = 'WAITLISTED')::int AS waiting,
                avg(e.rating)::float8 AS avg_rating,
                count(e.rating)::int AS ratings
           FROM enrolment e WHERE e.training_id = t.id) s ON true
   -- hard rules (docs/domain.md, "Training score"): open for enrolment, open to the kind of the organization
   WHERE ${TRAINING_OPEN_SQL}
     AND (cardinality(t.eligible_organization_kinds) = 0 OR o.kind = ANY(t.eligible_organization_kinds))),
p AS (
  SELECT c.*,
         round($2::numeric * cardinality(covered) / greatest(need_count, 1), 4) AS pt_needs,
         CASE WHEN cardinality(shared_languages) > 0 THEN round($3::numeric, 4) ELSE 0 END AS pt_language,
         CASE WHEN online OR coalesce(in_residence, false) THEN round($4::numeric, 4) ELSE 0 END AS pt_place,
         CASE WHEN subsidised THEN round($5::numeric, 4) ELSE 0 END AS pt_subsidy,
         CASE WHEN avg_rating IS NULL THEN 0 ELSE round($6::numeric * avg_rating::numeric / 5, 4) END AS pt_rating
    FROM c)
SELECT p.*, pt_needs + pt_language + pt_place + pt_subsidy + pt_rating AS score
  FROM p
 ORDER BY score DESC, starts_at ASC, id ASC
 LIMIT $7`;

/** Training offers for an organization, ranked in SQL, each with its reasons and the needs it addresses. */
@Injectable()
export class TrainingMatchingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async trainingMatches(organizationId: string, first: number): Promise<TrainingMatchResult[]> {
    const rows: Row[] = await this.dataSource.query(TRAINING_MATCHES_SQL, [
      organizationId,
      W.NEEDS,
      W.LANGUAGE,
      W.PLACE,
      W.SUBSIDY,
      W.RATING,
      first,
      SMALL_ORGANIZATION_MEMBERS,
    ]);
    return rows.map((row) => {
      const reasons = explain(row);
      return { trainingId: row.id, score: scoreOf(reasons), reasons, addressesNeeds: row.covered };
    });
  }
}

/** The reasons of one row: every factor that earned points, plus WAITLIST (0 points) for a full offer. */
function explain(row: Row): MatchReason[] {
  const reasons: MatchReason[] = [];
  const add = (factor: string, points: string, detail: string) => {
    if (Number(points) > 0) reasons.push({ factor, points: Number(points), detail });
  };
  add('NEEDS', row.pt_needs, `Covers ${row.covered.length} of your ${row.need_count} needs: ${row.covered.join(', ')}`);
  add('LANGUAGE', row.pt_language, `Taught in ${row.shared_languages.join(', ')}, which you use`);
  add(
    'PLACE',
    row.pt_place,
    row.online
      ? 'Online: you can take part from anywhere'
      : `${row.format === 'HYBRID' ? 'Hybrid' : 'In person'} in ${[row.city, row.country].filter(Boolean).join(', ')}, where you are based`,
  );
  add(
    'SUBSIDY',
    row.pt_subsidy,
    `Subsidised places for small organizations: ${
      !row.legally_registered ? 'you are not legally registered' : `you have ${row.member_count} members`
    }`,
  );
  add('RATING', row.pt_rating, `Rated ${Number(row.avg_rating).toFixed(1)} of 5 by ${row.ratings} participants`);
  if (row.taken >= row.seats) {
    reasons.push({
      factor: 'WAITLIST',
      points: 0,
      detail: `All ${row.seats} seats are taken: enrolling now joins the waiting list (${row.waiting} waiting)`,
    });
  }
  return reasons;
}
