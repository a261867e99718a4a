import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoaderRegistry, NestedPrefetches } from '@app/common';
import { OrganizationsModule } from '@app/organizations';
import { IndicatorChange } from './indicator-change.entity.js';
import { Indicator, Measurement } from './indicator.entity.js';
import { Project } from './project.entity.js';
import { ProjectLoaderFactory } from './project.loaders.js';
import { IndicatorResolver, OrganizationProjectsResolver, ProjectResolver } from './project.resolver.js';
import { ProjectsService } from './projects.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Project, Indicator, Measurement, IndicatorChange]), OrganizationsModule],
  providers: [ProjectsService, ProjectLoaderFactory, ProjectResolver, IndicatorResolver, OrganizationProjectsResolver],
  exports: [ProjectsService],
})
export class ProjectsModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly loaders: ProjectLoaderFactory,
    private readonly prefetches: NestedPrefetches,
    private readonly projects: ProjectsService,
  ) {}

  onModuleInit() {
    this.registry.register('projects', () => this.loaders.create());
    this.prefetches.register(this.projects.organizationProjectsPrefetch());
  }
}
