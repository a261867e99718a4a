import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { OrganizationsModule } from '@app/organizations';
import { DemoSeeder } from './demo.seeder.js';

@Module({ imports: [AuthModule, OrganizationsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
