import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BadInputError } from '@app/common';
import {
  AUDIENCE_REGION_COUNTRIES,
  failedTrainingRules,
  trainingAudienceSql,
  trainingEligibilitySql,
} from '@app/matching';
import { Organization } from '@app/organizations';
import { TrainingOffer, TrainingStatus } from './training-offer.entity.js';

/**
 * Refuses an organization that an offer's audience rules (TRAINING_RULES of libs/matching: kind,
 * residence, required language — the SQL trainingMatches filters with) exclude: BAD_USER_INPUT on
 * organizationId, a sentence per failed rule naming the values the offer accepts.
 */
export async function assertTrainingAudience(
  manager: EntityManager,
  offer: TrainingOffer,
  organization: Organization,
): Promise<void> {
  const [sql, params] = trainingEligibilitySql(offer.id, organization.id);
  const [row] = (await manager.query(sql, params)) as Array<Record<string, unknown>>;
  const failed = row ? failedTrainingRules(row) : [];
  if (!failed.length) return;
  const sentences = failed.map((rule) => {
    switch (rule) {
      case 'KIND':
        return `The training is open to ${offer.eligibleOrganizationKinds.join(', ')} only, not to ${organization.kind}`;
      case 'RESIDENCE': {
        const places = [
          ...offer.audienceRegions.map((r) => `${r} (${AUDIENCE_REGION_COUNTRIES[r].length} countries)`),
          ...offer.audienceCountriesOfResidence,
        ];
        const residence = organization.countriesOfResidence.length
          ? organization.countriesOfResidence.join(', ')
          : 'no country';
        return `The training is for organizations based in ${places.join(', ')}; ${organization.name} is based in ${residence}`;
      }
      case 'LANGUAGE':
        return (
          `The training requires one of its languages (${offer.languages.join(', ')}); ` +
          `${organization.name} works in ${organization.languages.join(', ') || 'no language given'}`
        );
      default:
        return rule;
    }
  });
  throw new BadInputError('organizationId', sentences.join('. '));
}

/**
 * Whom a published training offer is for, for work done on nobody's behalf (notifications): the
 * organizations whose needs it addresses (an area of their latest capacity assessment at level ≤ 2
 * that the offer covers), other than its provider, that its audience rules (TRAINING_RULES) admit.
 */
@Injectable()
export class TrainingAudienceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async organizationIds(trainingOfferId: string): Promise<string[]> {
    const offer = await this.dataSource.getRepository(TrainingOffer).findOneBy({ id: trainingOfferId });
    if (!offer || offer.status !== TrainingStatus.PUBLISHED || !offer.capacityAreas.length) return [];
    const [sql, params] = trainingAudienceSql(offer.id);
    const rows: Array<{ organization_id: string }> = await this.dataSource.query(sql, params);
    return rows.map((r) => r.organization_id);
  }
}
