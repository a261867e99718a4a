import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, groupedLoader } from '@app/common';
import { FundApplication } from './application.entity.js';
import { Fund } from './fund.entity.js';

export interface FundLoaders {
  fund: DataLoader<string, Fund | null>;
  applicationsByFund: DataLoader<string, FundApplication[]>;
  applicationsByProject: DataLoader<string, FundApplication[]>;
}

declare module '@app/common' {
  interface RequestLoaders {
    funds: FundLoaders;
  }
}

@Injectable()
export class FundLoaderFactory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): FundLoaders {
    const applications = (column: 'fund_id' | 'project_id', key: 'fundId' | 'projectId') =>
      groupedLoader(
        (ids: readonly string[]) =>
          this.dataSource
            .getRepository(FundApplication)
            .createQueryBuilder('a')
            .where(`a.${column} = ANY(:ids)`, { ids })
            .orderBy('a.created_at')
            .addOrderBy('a.id')
            .getMany(),
        (a) => a[key],
      );
    return {
      fund: byIdLoader(this.dataSource.getRepository(Fund)),
      applicationsByFund: applications('fund_id', 'fundId'),
      applicationsByProject: applications('project_id', 'projectId'),
    };
  }
}
