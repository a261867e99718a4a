import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoaderRegistry } from '@app/common';
import { AuthModule } from '@app/auth';
import { Membership } from './membership.entity.js';
import { MembershipResolver, UserMembershipsResolver } from './membership.resolver.js';
import { NetworkMembership } from './network-membership.entity.js';
import { Organization } from './organization.entity.js';
import { OrganizationLoaderFactory } from './organization.loaders.js';
import { OrganizationPolicy } from './organization.policy.js';
import { OrganizationResolver } from './organization.resolver.js';
import { OrganizationsService } from './organizations.service.js';
import { VerificationEvent } from './verification-event.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, Membership, NetworkMembership, VerificationEvent]), AuthModule],
  providers: [
    OrganizationsService,
    OrganizationPolicy,
    OrganizationLoaderFactory,
    OrganizationResolver,
    MembershipResolver,
    UserMembershipsResolver,
  ],
  exports: [OrganizationsService, OrganizationPolicy],
})
export class OrganizationsModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly loaders: OrganizationLoaderFactory,
  ) {}

  onModuleInit() {
    this.registry.register('organizations', (req) => this.loaders.create(req));
  }
}
