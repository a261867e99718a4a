import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, entityColumns, entityRows, groupedLoader, selectEntities } from '@app/common';
import { Indicator, Measurement } from './indicator.entity.js';
import { Project } from './project.entity.js';

export interface ProjectLoaders {
  project: DataLoader<string, Project | null>;
  indicatorsByProject: DataLoader<string, Indicator[]>;
  /**
   * The same indicators, read in one statement with their measurements, which it puts in
   * measurementsByIndicator: for a client that selects both (a project page), one round trip instead of two.
   */
  indicatorsWithMeasurementsByProject: DataLoader<string, Indicator[]>;
  /** Measurements of an indicator, ordered by date. */
  measurementsByIndicator: DataLoader<string, Measurement[]>;
}

const MEASUREMENTS = 'measurements__';
/** The orders of a project's indicators and of an indicator's measurements, whichever loader reads them. */
const INDICATOR_ORDER = 'i.created_at, i.id';
const MEASUREMENT_ORDER = 'm.measured_on, m.created_at, m.id';

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
    const loaders: ProjectLoaders = {
      project: byIdLoader(ds.getRepository(Project)),
      indicatorsByProject: groupedLoader(
        (ids: readonly string[]) =>
          selectEntities(
            ds.getRepository(Indicator),
            'i',
            `WHERE i.project_id = ANY($1::uuid[]) ORDER BY ${INDICATOR_ORDER}`,
            [ids],
          ),
        (i) => i.projectId,
      ),
      measurementsByIndicator: groupedLoader(
        (ids: readonly string[]) =>
          selectEntities(
            ds.getRepository(Measurement),
            'm',
            `WHERE m.indicator_id = ANY($1::uuid[]) ORDER BY ${MEASUREMENT_ORDER}`,
            [ids],
          ),
        (m) => m.indicatorId,
      ),
      indicatorsWithMeasurementsByProject: groupedLoader(
        async (ids: readonly string[]) => {
          const indicators = ds.getRepository(Indicator);
          const measurement = entityRows(ds.getRepository(Measurement));
          const rows: Array<Record<string, unknown>> = await ds.query(
            `SELECT ${entityColumns(indicators, 'i')},
                  (SELECT json_agg(m ORDER BY ${MEASUREMENT_ORDER}) FROM measurement m
                    WHERE m.indicator_id = i.id) AS ${MEASUREMENTS}
             FROM indicator i WHERE i.project_id = ANY($1::uuid[]) ORDER BY ${INDICATOR_ORDER}`,
            [ids],
          );
          const indicator = entityRows(indicators);
          return rows.map((row) => {
            const made = indicator(row);
            // json_agg's objects carry the measurement's columns by name, as its own rows would
            const measurements = ((row[MEASUREMENTS] as Array<Record<string, unknown>> | null) ?? []).map(measurement);
            loaders.measurementsByIndicator.prime(made.id, measurements);
            return made;
          });
        },
        (i) => i.projectId,
      ),
    };
    return loaders;
  }
}
