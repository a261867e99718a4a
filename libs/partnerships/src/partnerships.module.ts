import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoaderRegistry } from '@app/common';
import { OrganizationsModule } from '@app/organizations';
import { ProjectsModule } from '@app/projects';
import { Partnership, PartnershipEvent } from './partnership.entity.js';
import { PartnershipFacts } from './partnership-facts.service.js';
import { PartnershipLoaderFactory } from './partnership.loaders.js';
import {
  OrganizationPartnershipsResolver,
  PartnershipResolver,
  ProjectPartnersResolver,
} from './partnership.resolver.js';
import { PartnershipsService } from './partnerships.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Partnership, PartnershipEvent]), OrganizationsModule, ProjectsModule],
  providers: [
    PartnershipsService,
    PartnershipFacts,
    PartnershipLoaderFactory,
    PartnershipResolver,
    OrganizationPartnershipsResolver,
    ProjectPartnersResolver,
  ],
  exports: [PartnershipsService, PartnershipFacts],
})
export class PartnershipsModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly loaders: PartnershipLoaderFactory,
  ) {}

  onModuleInit() {
    this.registry.register('partnerships', () => this.loaders.create());
  }
}
