import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupedLoader } from '@app/common';
import { StoredFile } from './file.entity.js';

export interface FileLoaders {
  /** The files of owners (organizations, applications, projects), oldest first. */
  byOwner: DataLoader<string, StoredFile[]>;
}

declare module '@app/common' {
  interface RequestLoaders {
    files: FileLoaders;
  }
}

@Injectable()
export class FileLoaderFactory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(): FileLoaders {
    return {
      byOwner: groupedLoader(
        (ids: readonly string[]) =>
          this.dataSource
            .getRepository(StoredFile)
            .createQueryBuilder('f')
            .where('(f.organization_id = ANY(:ids) OR f.application_id = ANY(:ids) OR f.project_id = ANY(:ids))', {
              ids,
            })
            .orderBy('f.created_at')
            .addOrderBy('f.id')
            .getMany(),
        (f) => f.ownerId,
      ),
    };
  }
}
