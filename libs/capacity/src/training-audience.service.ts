import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BadInputError, text, Text } from '@app/common';
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
  const sentences = failed.map((rule): string | Text => {
    switch (rule) {
      case 'KIND':
        return text('errors.training.audienceKind', {
          kinds: offer.eligibleOrganizationKinds,
          kind: organization.kind,
        });
      case 'RESIDENCE': {
        const places: Array<string | Text> = [
          ...offer.audienceRegions.map((r) =>
            text('errors.training.regionCountries', { region: r, count: AUDIENCE_REGION_COUNTRIES[r].length }),
          ),
          ...offer.audienceCountriesOfResidence,
        ];
        const residence = organization.countriesOfResidence.length
          ? organization.countriesOfResidence.join(', ')
          : text('errors.training.noCountry');
        return text('errors.training.audienceResidence', {
          places: { list: places },
          organization: organization.name,
          residence,
        });
      }
      case 'LANGUAGE':
        return text('errors.training.audienceLanguage', {
          languages: offer.languages,
          organization: organization.name,
          spoken: organization.languages.length
            ? organization.languages.join(', ')
            : text('errors.training.noLanguage'),
        });
      default:
        return rule;
    }
  });
  const message: Text = text('common.listOf', { items: { list: sentences, separator: 'common.sentenceBreak' } });
  throw new BadInputError('organizationId', message);
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
