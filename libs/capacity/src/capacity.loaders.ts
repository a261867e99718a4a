import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, groupedLoader } from '@app/common';
import { CapacityAssessment } from './capacity-assessment.entity.js';
import { OfferStats, ProviderTrainingEvaluation } from './capacity.models.js';
import { Enrolment } from './enrolment.entity.js';
import { waitlistPositions } from './enrolment-seats.js';
import { emptyStats, EvaluationService } from './evaluation.service.js';
import { TrainingOffer } from './training-offer.entity.js';

export interface CapacityLoaders {
  trainingOffer: DataLoader<string, TrainingOffer | null>;
  /** Seats taken, completions, ratings of an offer. */
  offerStats: DataLoader<string, OfferStats>;
  /** The latest assessment of an organization. */
  latestAssessment: DataLoader<string, CapacityAssessment | null>;
  enrolmentsByTraining: DataLoader<string, Enrolment[]>;
  /** A provider's training offers (every status), soonest first. */
  offersByProvider: DataLoader<string, TrainingOffer[]>;
  enrolmentsByOrganization: DataLoader<string, Enrolment[]>;
  /** A WAITLISTED enrolment's place in its offer's waiting list (1 = next; null when not waitlisted). */
  waitlistPosition: DataLoader<string, number | null>;
  /** An organization's evaluation as a training provider. */
  providerEvaluation: DataLoader<string, ProviderTrainingEvaluation>;
}

declare module '@app/common' {
  interface RequestLoaders {
    capacity: CapacityLoaders;
  }
}

@Injectable()
export class CapacityLoaderFactory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluation: EvaluationService,
  ) {}

  create(): CapacityLoaders {
    const enrolments = (column: 'training_id' | 'organization_id', key: 'trainingId' | 'organizationId') =>
      groupedLoader(
        (ids: readonly string[]) =>
          this.dataSource
            .getRepository(Enrolment)
            .createQueryBuilder('e')
            .where(`e.${column} = ANY(:ids)`, { ids })
            .orderBy('e.created_at')
            .addOrderBy('e.id')
            .getMany(),
        (e) => e[key],
      );
    return {
      trainingOffer: byIdLoader(this.dataSource.getRepository(TrainingOffer)),
      offerStats: new DataLoader(async (ids) => {
        const stats = await this.evaluation.stats(ids);
        return ids.map((id) => stats.get(id) ?? emptyStats(id));
      }),
      latestAssessment: byIdLoader(
        (ids: readonly string[]) =>
          this.dataSource
            .getRepository(CapacityAssessment)
            .createQueryBuilder('a')
            .distinctOn(['a.organization_id'])
            .where('a.organization_id = ANY(:ids)', { ids })
            .orderBy('a.organization_id')
            .addOrderBy('a.assessed_at', 'DESC')
            .addOrderBy('a.id', 'DESC')
            .getMany(),
        (a) => a.organizationId,
      ),
      enrolmentsByTraining: enrolments('training_id', 'trainingId'),
      offersByProvider: groupedLoader(
        (ids: readonly string[]) =>
          this.dataSource
            .getRepository(TrainingOffer)
            .createQueryBuilder('t')
            .where('t.provider_id = ANY(:ids)', { ids })
            .orderBy('t.starts_at')
            .addOrderBy('t.id')
            .getMany(),
        (t) => t.providerId,
      ),
      enrolmentsByOrganization: enrolments('organization_id', 'organizationId'),
      providerEvaluation: new DataLoader((ids) => this.evaluation.providerEvaluations(ids)),
      waitlistPosition: new DataLoader(async (ids) => {
        const positions = await waitlistPositions(this.dataSource.manager, ids);
        return ids.map((id) => positions.get(id) ?? null);
      }),
    };
  }
}
