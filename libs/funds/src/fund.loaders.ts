import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
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
      new DataLoader<string, FundApplication[]>(async (ids) => {
        const rows = await this.dataSource
          .getRepository(FundApplication)
          .createQueryBuilder('a')
          .where(`a.${column} = ANY(:ids)`, { ids })
          .orderBy('a.created_at')
          .addOrderBy('a.id')
          .getMany();
        return ids.map((id) => rows.filter((a) => a[key] === id));
      });
    return {
      fund: new DataLoader(async (ids) => {
        const rows = await this.dataSource
          .getRepository(Fund)
          .createQueryBuilder('f')
          .where('f.id = ANY(:ids)', { ids })
          .getMany();
        const map = new Map(rows.map((f) => [f.id, f]));
        return ids.map((id) => map.get(id) ?? null);
      }),
      applicationsByFund: applications('fund_id', 'fundId'),
      applicationsByProject: applications('project_id', 'projectId'),
    };
  }
}
