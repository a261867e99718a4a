import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, groupedLoader } from '@app/common';
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

@Injectable()
export class ProjectLoaderFactory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): ProjectLoaders {
    const ds = this.dataSource;
    return {
      project: byIdLoader(ds.getRepository(Project)),
      indicatorsByProject: groupedLoader(
        (ids: readonly string[]) =>
          ds
            .getRepository(Indicator)
            .createQueryBuilder('i')
            .where('i.project_id = ANY(:ids)', { ids })
            .orderBy('i.created_at')
            .addOrderBy('i.id')
            .getMany(),
        (i) => i.projectId,
      ),
      measurementsByIndicator: groupedLoader(
        (ids: readonly string[]) =>
          ds
            .getRepository(Measurement)
            .createQueryBuilder('m')
            .where('m.indicator_id = ANY(:ids)', { ids })
            .orderBy('m.measured_on')
            .addOrderBy('m.created_at')
            .addOrderBy('m.id')
            .getMany(),
        (m) => m.indicatorId,
      ),
    };
  }
}
