import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganizationsService } from '@app/organizations';
import { TrainingOffer, TrainingStatus } from './training-offer.entity.js';

/** The "open to this kind" rule of training offers, in one place: no kinds listed = open to every kind. */
export function isOpenToKind(offer: Pick<TrainingOffer, 'eligibleOrganizationKinds'>, kind: string): boolean {
  const kinds: readonly string[] = offer.eligibleOrganizationKinds;
  return kinds.length === 0 || kinds.includes(kind);
}

/**
 * Whom a published training offer is for, for work done on nobody's behalf (notifications): the
 * organizations whose needs it addresses (an area of their latest capacity assessment at level ≤ 2
 * that the offer covers), other than its provider, whose kind it is open to.
 */
@Injectable()
export class TrainingAudienceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  async organizationIds(trainingOfferId: string): Promise<string[]> {
    const offer = await this.dataSource.getRepository(TrainingOffer).findOneBy({ id: trainingOfferId });
    if (!offer || offer.status !== TrainingStatus.PUBLISHED || !offer.capacityAreas.length) return [];
    const rows: Array<{ organization_id: string }> = await this.dataSource.query(
      `SELECT organization_id FROM (
         SELECT DISTINCT ON (organization_id) organization_id, needs
           FROM capacity_assessment ORDER BY organization_id, assessed_at DESC, id DESC) latest
        WHERE needs && $1::text[] AND organization_id <> $2`,
      [offer.capacityAreas, offer.providerId],
    );
    if (!rows.length) return [];
    const organizations = await this.organizations.findByIds(rows.map((r) => r.organization_id));
    return organizations.filter((o) => isOpenToKind(offer, o.kind)).map((o) => o.id);
  }
}
