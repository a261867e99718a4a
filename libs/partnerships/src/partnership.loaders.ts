import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupedLoader } from '@app/common';
import { Partnership, PartnershipStatus } from './partnership.entity.js';

export interface PartnershipLoaders {
  /** Every partnership an organization takes part in, newest first. */
  byOrganization: DataLoader<string, Partnership[]>;
  /** ACTIVE partnerships attached to a project. */
  activeByProject: DataLoader<string, Partnership[]>;
}

declare module '@app/common' {
  interface RequestLoaders {
    partnerships: PartnershipLoaders;
  }
}

@Injectable()
export class PartnershipLoaderFactory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): PartnershipLoaders {
    const repo = this.dataSource.getRepository(Partnership);
    return {
      byOrganization: groupedLoader(
        (ids: readonly string[]) =>
          repo
            .createQueryBuilder('p')
            .where('p.initiator_id = ANY(:ids) OR p.partner_id = ANY(:ids)', { ids })
            .orderBy('p.created_at', 'DESC')
            .addOrderBy('p.id')
            .getMany(),
        (p) => [p.initiatorId, p.partnerId],
      ),
      activeByProject: groupedLoader(
        (ids: readonly string[]) =>
          repo
            .createQueryBuilder('p')
            .where('p.project_id = ANY(:ids) AND p.status = :active', { ids, active: PartnershipStatus.ACTIVE })
            .orderBy('p.created_at')
            .getMany(),
        (p) => p.projectId as string,
      ),
    };
  }
}
