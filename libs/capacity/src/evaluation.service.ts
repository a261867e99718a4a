import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  OfferStats,
  ProviderTrainingEvaluation,
  SelfAssessmentMovement,
  TrainingEvaluation,
} from './capacity.models.js';
import { SEAT_STATUSES_SQL } from './enrolment.entity.js';
import { TrainingOffer, TrainingStatus } from './training-offer.entity.js';

/** Per-offer figures, one grouped query for any number of offers. */
export const OFFER_STATS_SQL = `
SELECT t.id AS training_id,
       count(e.id)::int AS enrolments,
       count(e.id) FILTER (WHERE e.status IN (${SEAT_STATUSES_SQL}))::int AS seats_taken,
       count(e.id) FILTER (WHERE e.status = 'WAITLISTED')::int AS waitlisted,
       count(e.id) FILTER (WHERE EXISTS (SELECT 1 FROM enrolment_event ev
                                          WHERE ev.enrolment_id = e.id AND ev.to_status = 'ACCEPTED'))::int AS admitted,
       count(e.id) FILTER (WHERE e.status = 'COMPLETED')::int AS completions,
       count(e.rating)::int AS ratings_count,
       coalesce(sum(e.rating), 0)::int AS ratings_sum
  FROM training_offer t LEFT JOIN enrolment e ON e.training_id = t.id
 WHERE t.id = ANY($1)
 GROUP BY t.id`;

/**
 * How participants' self-assessments moved, per offer and per provider, in one grouped statement:
 * for every COMPLETED enrolment and every capacity area of its offer, the organization's level in
 * its latest assessment scoring that area before the offer started, against its latest one after
 * the completion; pairs with both levels only. Offers: those of the providers in $1 (drafts have
 * no completions). Rows: one per (provider, offer) and one per provider (is_total).
 */
export const ASSESSMENT_MOVEMENT_SQL = `
WITH pairs AS (
  SELECT t.provider_id, t.id AS training_id, e.id AS enrolment_id, b.level AS before_level, a.level AS after_level
    FROM training_offer t
    JOIN enrolment e ON e.training_id = t.id AND e.status = 'COMPLETED' AND e.completed_at IS NOT NULL
   CROSS JOIN LATERAL unnest(t.capacity_areas) AS area(code)
   CROSS JOIN LATERAL (
         SELECT (s.value->>'level')::int AS level
           FROM capacity_assessment ca CROSS JOIN LATERAL jsonb_array_elements(ca.scores) s
          WHERE ca.organization_id = e.organization_id AND ca.assessed_at < t.starts_at
            AND s.value->>'area' = area.code
          ORDER BY ca.assessed_at DESC LIMIT 1) b
   CROSS JOIN LATERAL (
         SELECT (s.value->>'level')::int AS level
           FROM capacity_assessment ca CROSS JOIN LATERAL jsonb_array_elements(ca.scores) s
          WHERE ca.organization_id = e.organization_id AND ca.assessed_at > e.completed_at
            AND s.value->>'area' = area.code
          ORDER BY ca.assessed_at DESC LIMIT 1) a
   WHERE t.provider_id = ANY($1::uuid[]))
SELECT provider_id, training_id, GROUPING(training_id) = 1 AS is_total,
       count(DISTINCT enrolment_id)::int AS participants,
       count(*)::int AS comparisons,
       round(avg(before_level), 2)::float8 AS average_before,
       round(avg(after_level), 2)::float8 AS average_after,
       round(avg(after_level - before_level), 2)::float8 AS average_change,
       count(*) FILTER (WHERE after_level > before_level)::int AS improved,
       count(*) FILTER (WHERE after_level = before_level)::int AS unchanged,
       count(*) FILTER (WHERE after_level < before_level)::int AS declined
  FROM pairs
 GROUP BY GROUPING SETS ((provider_id, training_id), (provider_id))`;

export const noMovement = (): SelfAssessmentMovement => ({
  participants: 0,
  comparisons: 0,
  averageBefore: null,
  averageAfter: null,
  averageChange: null,
  improved: 0,
  unchanged: 0,
  declined: 0,
});

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
export const averageRating = (s: Pick<OfferStats, 'ratingsCount' | 'ratingsSum'>) =>
  s.ratingsCount ? round(s.ratingsSum / s.ratingsCount, 2) : null;
export const completionRate = (s: Pick<OfferStats, 'admitted' | 'completions'>) =>
  s.admitted ? round(s.completions / s.admitted, 4) : null;

export const emptyStats = (trainingId: string): OfferStats => ({
  trainingId,
  enrolments: 0,
  seatsTaken: 0,
  waitlisted: 0,
  admitted: 0,
  completions: 0,
  ratingsCount: 0,
  ratingsSum: 0,
});

@Injectable()
export class EvaluationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(trainingIds: readonly string[]): Promise<Map<string, OfferStats>> {
    const rows: Array<Record<string, number | string>> = trainingIds.length
      ? await this.dataSource.query(OFFER_STATS_SQL, [trainingIds])
      : [];
    return new Map(
      rows.map((r) => [
        r.training_id as string,
        {
          trainingId: r.training_id as string,
          enrolments: Number(r.enrolments),
          seatsTaken: Number(r.seats_taken),
          waitlisted: Number(r.waitlisted),
          admitted: Number(r.admitted),
          completions: Number(r.completions),
          ratingsCount: Number(r.ratings_count),
          ratingsSum: Number(r.ratings_sum),
        },
      ]),
    );
  }

  /**
   * ASSESSMENT_MOVEMENT_SQL for the offers of `providerIds`: the movement of each provider
   * (byProvider) and of each of their offers (byTraining); absent = no pairs.
   */
  async movements(
    providerIds: readonly string[],
  ): Promise<{ byProvider: Map<string, SelfAssessmentMovement>; byTraining: Map<string, SelfAssessmentMovement> }> {
    const byProvider = new Map<string, SelfAssessmentMovement>();
    const byTraining = new Map<string, SelfAssessmentMovement>();
    if (!providerIds.length) return { byProvider, byTraining };
    const rows: Array<Record<string, string | number | boolean | null>> = await this.dataSource.query(
      ASSESSMENT_MOVEMENT_SQL,
      [providerIds],
    );
    for (const r of rows) {
      const movement: SelfAssessmentMovement = {
        participants: Number(r.participants),
        comparisons: Number(r.comparisons),
        averageBefore: r.average_before === null ? null : Number(r.average_before),
        averageAfter: r.average_after === null ? null : Number(r.average_after),
        averageChange: r.average_change === null ? null : Number(r.average_change),
        improved: Number(r.improved),
        unchanged: Number(r.unchanged),
        declined: Number(r.declined),
      };
      if (r.is_total) byProvider.set(r.provider_id as string, movement);
      else byTraining.set(r.training_id as string, movement);
    }
    return { byProvider, byTraining };
  }

  static offerEvaluation(training: TrainingOffer, s: OfferStats): TrainingEvaluation {
    return {
      training,
      enrolments: s.enrolments,
      admitted: s.admitted,
      completions: s.completions,
      completionRate: completionRate(s),
      averageRating: averageRating(s),
      ratingsCount: s.ratingsCount,
    };
  }

  /**
   * Providers' evaluations over their non-draft offers, totals and per offer, in the order of
   * `providerIds`; two queries for any number of providers (their offers, then the offers' stats).
   */
  async providerEvaluations(providerIds: readonly string[]): Promise<ProviderTrainingEvaluation[]> {
    const offers = providerIds.length
      ? await this.dataSource
          .getRepository(TrainingOffer)
          .createQueryBuilder('t')
          .where('t.provider_id = ANY(:providerIds) AND t.status <> :draft', {
            providerIds,
            draft: TrainingStatus.DRAFT,
          })
          .orderBy('t.starts_at', 'ASC')
          .addOrderBy('t.id', 'ASC')
          .getMany()
      : [];
    const stats = await this.stats(offers.map((o) => o.id));
    const byProvider = new Map<string, TrainingOffer[]>();
    for (const o of offers) {
      const list = byProvider.get(o.providerId);
      if (list) list.push(o);
      else byProvider.set(o.providerId, [o]);
    }
    return providerIds.map((providerId) => {
      const own = byProvider.get(providerId) ?? [];
      const ownStats = own.map((o) => stats.get(o.id) ?? emptyStats(o.id));
      const total = ownStats.reduce(
        (sum, s) => ({
          enrolments: sum.enrolments + s.enrolments,
          admitted: sum.admitted + s.admitted,
          completions: sum.completions + s.completions,
          ratingsCount: sum.ratingsCount + s.ratingsCount,
          ratingsSum: sum.ratingsSum + s.ratingsSum,
        }),
        { enrolments: 0, admitted: 0, completions: 0, ratingsCount: 0, ratingsSum: 0 },
      );
      return {
        providerId,
        offers: own.length,
        enrolments: total.enrolments,
        admitted: total.admitted,
        completions: total.completions,
        completionRate: completionRate(total),
        averageRating: averageRating(total),
        ratingsCount: total.ratingsCount,
        perOffer: own.map((o, i) => EvaluationService.offerEvaluation(o, ownStats[i])),
      };
    });
  }
}
