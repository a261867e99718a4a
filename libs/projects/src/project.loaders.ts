import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Indicator, Measurement } from './indicator.entity.js';
import { Project } from './project.entity.js';

export interface ProjectLoaders {
  project: DataLoader<string, Project | null>;
  indicatorsByProject: DataLoader<string, Indicator[]>;
  /** Measurements of an indicator, ordered by date. */
  measurementsByIndicator: DataLoader<string, Measurement[]>;
}

declare module '@app/common' {
  interface RequestLoaders {
    projects: ProjectLoaders;
  }
}

function grouped<T>(ids: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return ids.map((id) => map.get(id) ?? []);
}

@Injectable()
export class ProjectLoaderFactory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): ProjectLoaders {
    const ds = this.dataSource;
    return {
      project: new DataLoader(async (ids) => {
        const rows = await ds
          .getRepository(Project)
          .createQueryBuilder('p')
          .where('p.id = ANY(:ids)', { ids })
          .getMany();
        const map = new Map(rows.map((p) => [p.id, p]));
        return ids.map((id) => map.get(id) ?? null);
      }),
      indicatorsByProject: new DataLoader(async (ids) => {
        const rows = await ds
          .getRepository(Indicator)
          .createQueryBuilder('i')
          .where('i.project_id = ANY(:ids)', { ids })
          .orderBy('i.created_at')
          .addOrderBy('i.id')
          .getMany();
        return grouped(ids, rows, (i) => i.projectId);
      }),
      measurementsByIndicator: new DataLoader(async (ids) => {
        const rows = await ds
          .getRepository(Measurement)
          .createQueryBuilder('m')
          .where('m.indicator_id = ANY(:ids)', { ids })
          .orderBy('m.measured_on')
          .addOrderBy('m.created_at')
          .addOrderBy('m.id')
          .getMany();
        return grouped(ids, rows, (m) => m.indicatorId);
      }),
    };
  }
}
