import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { CapacityModule } from '@app/capacity';
import { DialogueModule } from '@app/dialogue';
import { FundsModule } from '@app/funds';
import { MatchingModule } from '@app/matching';
import { OrganizationsModule } from '@app/organizations';
import { ProjectsModule } from '@app/projects';
import { CalendarService } from './calendar.service.js';
import { CsvImportService } from './csv-import.service.js';
import { ExportsController } from './exports.controller.js';
import { CalendarFeed, OrganizationIatiRef } from './exports.entities.js';
import { ExportsResolver, OrganizationIatiResolver } from './exports.resolver.js';
import { ExportsService } from './exports.service.js';
import { IatiService } from './iati.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CalendarFeed, OrganizationIatiRef]),
    AuthModule,
    OrganizationsModule,
    ProjectsModule,
    MatchingModule,
    FundsModule,
    DialogueModule,
    CapacityModule,
  ],
  controllers: [ExportsController],
  providers: [
    ExportsService,
    CalendarService,
    IatiService,
    CsvImportService,
    ExportsResolver,
    OrganizationIatiResolver,
  ],
  exports: [ExportsService],
})
export class ExportsModule {}
