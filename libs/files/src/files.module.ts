import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoaderRegistry } from '@app/common';
import { AuthModule } from '@app/auth';
import { AppConfig } from '@app/config';
import { OrganizationsModule } from '@app/organizations';
import { ProjectsModule } from '@app/projects';
import { FileOwners } from './file-owners.js';
import { FileSigner } from './file-signer.js';
import { FILE_STORAGE, FileStorage, storageFor } from './file-storage.js';
import { FileUpload, StoredFile } from './file.entity.js';
import { FilesController } from './files.controller.js';
import { FileLoaderFactory } from './files.loaders.js';
import {
  ApplicationFilesResolver,
  FilesResolver,
  OrganizationFilesResolver,
  ProjectFilesResolver,
  VerificationRequestFilesResolver,
} from './files.resolver.js';
import { FilesService } from './files.service.js';

/** DATA_DIR=memory keeps files in a temporary folder removed when the app stops. */
const TEMPORARY_ROOT = Symbol('TEMPORARY_FILES_ROOT');

@Module({
  imports: [TypeOrmModule.forFeature([StoredFile, FileUpload]), AuthModule, OrganizationsModule, ProjectsModule],
  controllers: [FilesController],
  providers: [
    {
      provide: TEMPORARY_ROOT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.inMemory && !config.S3_ENDPOINT ? mkdtempSync(join(tmpdir(), 'nexus-files-')) : null,
    },
    {
      provide: FILE_STORAGE,
      inject: [AppConfig, TEMPORARY_ROOT],
      useFactory: (config: AppConfig, temporary: string | null): FileStorage =>
        storageFor(config, temporary ?? join(resolve(config.DATA_DIR), 'files')),
    },
    FileSigner,
    FileOwners,
    FilesService,
    FileLoaderFactory,
    FilesResolver,
    OrganizationFilesResolver,
    ApplicationFilesResolver,
    ProjectFilesResolver,
    VerificationRequestFilesResolver,
  ],
  exports: [FilesService, FILE_STORAGE],
})
export class FilesModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly loaders: FileLoaderFactory,
    @Inject(TEMPORARY_ROOT) private readonly temporaryRoot: string | null,
  ) {}

  onModuleInit() {
    this.registry.register('files', () => this.loaders.create());
  }

  onModuleDestroy() {
    if (this.temporaryRoot) rmSync(this.temporaryRoot, { recursive: true, force: true });
  }
}
