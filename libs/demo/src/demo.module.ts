import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { OrganizationsModule } from '@app/organizations';
import { FundsModule } from '@app/funds';
import { DemoSeeder } from './demo.seeder.js';

@Module({ imports: [AuthModule, OrganizationsModule, FundsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
