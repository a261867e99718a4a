import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoaderRegistry } from '@app/common';
import { MatchingModule } from '@app/matching';
import { OrganizationsModule } from '@app/organizations';
import { ProjectsModule } from '@app/projects';
import { FundApplicationReminder } from './application-reminder.entity.js';
import { ApplicationEvent, FundApplication } from './application.entity.js';
import { ApplicationsService } from './applications.service.js';
import { FundDeadlinesService } from './fund-deadlines.service.js';
import { Fund } from './fund.entity.js';
import { FundFacts } from './fund-facts.service.js';
import { FundMatchesService } from './fund-matches.service.js';
import { FundShortlistEntry } from './fund-shortlist.entity.js';
import { FundShortlistEntryResolver, FundShortlistResolver } from './fund-shortlist.resolver.js';
import { FundShortlistService } from './fund-shortlist.service.js';
import { FundLoaderFactory } from './fund.loaders.js';
import {
  ApplicationResolver,
  FundMatchingResolver,
  FundResolver,
  ProjectApplicationsResolver,
} from './fund.resolver.js';
import {
  AwardedAmountResolver,
  FundBudgetResolver,
  FunderWorkflowsResolver,
  OrganizationFundsResolver,
} from './funder-workflows.resolver.js';
import { FundsService } from './funds.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Fund, FundApplication, ApplicationEvent, FundApplicationReminder, FundShortlistEntry]),
    OrganizationsModule,
    ProjectsModule,
    MatchingModule,
  ],
  providers: [
    FundsService,
    ApplicationsService,
    FundDeadlinesService,
    FundFacts,
    FundMatchesService,
    FundLoaderFactory,
    FundResolver,
    ApplicationResolver,
    ProjectApplicationsResolver,
    FundMatchingResolver,
    FunderWorkflowsResolver,
    OrganizationFundsResolver,
    FundBudgetResolver,
    AwardedAmountResolver,
    FundShortlistService,
    FundShortlistResolver,
    FundShortlistEntryResolver,
  ],
  exports: [FundsService, ApplicationsService, FundDeadlinesService, FundFacts],
})
export class FundsModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly loaders: FundLoaderFactory,
  ) {}

  onModuleInit() {
    this.registry.register('funds', () => this.loaders.create());
  }
}
