import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OfferStats, ProviderTrainingEvaluation, TrainingEvaluation } from './capacity.models.js';
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
