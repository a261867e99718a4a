import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, groupedLoader, selectEntities } from '@app/common';
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
          selectEntities(
            ds.getRepository(Indicator),
            'i',
            'WHERE i.project_id = ANY($1::uuid[]) ORDER BY i.created_at, i.id',
            [ids],
          ),
        (i) => i.projectId,
      ),
      measurementsByIndicator: groupedLoader(
        (ids: readonly string[]) =>
          selectEntities(
            ds.getRepository(Measurement),
            'm',
            'WHERE m.indicator_id = ANY($1::uuid[]) ORDER BY m.measured_on, m.created_at, m.id',
            [ids],
          ),
        (m) => m.indicatorId,
      ),
    };
  }
}
