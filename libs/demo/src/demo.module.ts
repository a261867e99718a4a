import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CapacityModule } from '@app/capacity';
import { DialogueModule } from '@app/dialogue';
import { FundsModule } from '@app/funds';
import { OrganizationsModule } from '@app/organizations';
import { PartnershipsModule } from '@app/partnerships';
import { ProjectsModule } from '@app/projects';
import { DemoSeeder } from './demo.seeder.js';

@Module({
  imports: [
    AuthModule,
    OrganizationsModule,
    ProjectsModule,
    PartnershipsModule,
    FundsModule,
    DialogueModule,
    CapacityModule,
  ],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
