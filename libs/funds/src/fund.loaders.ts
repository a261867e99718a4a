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
  /** The sum awarded by each fund (AWARDED applications' awarded amounts; 0 for none). */
  awardedByFund: DataLoader<string, number>;
  /**
   * `Fund.applications` pages, one loader per distinct (status, first, after) asked in the request,
   * keyed by fund id: listing many funds with their applications costs one statement per argument set.
   */
  applicationPages: Map<string, DataLoader<string, FundApplication[]>>;
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
      applicationPages: new Map(),
      awardedByFund: new DataLoader<string, number>(async (ids) => {
        const rows: Array<{ fund_id: string; awarded: string }> = await this.dataSource.query(
          `SELECT fund_id, sum(awarded_amount)::text AS awarded FROM fund_application
            WHERE fund_id = ANY($1::uuid[]) AND status = 'AWARDED' GROUP BY fund_id`,
          [ids],
        );
        const byFund = new Map(rows.map((r) => [r.fund_id, Number(r.awarded)]));
        return ids.map((id) => byFund.get(id) ?? 0);
      }),
    };
  }
}
