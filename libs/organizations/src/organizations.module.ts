import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoaderRegistry } from '@app/common';
import { AuthModule } from '@app/auth';
import { MemberInvitation } from './member-invitation.entity.js';
import { MemberInvitationResolver } from './member-invitation.resolver.js';
import { MemberInvitationsService } from './member-invitations.service.js';
import { MembersDirectory } from './members-directory.service.js';
import { Membership } from './membership.entity.js';
import { MembershipResolver, UserMembershipsResolver } from './membership.resolver.js';
import { NetworkMembership } from './network-membership.entity.js';
import { NetworkRequestResolver } from './network-request.resolver.js';
import { Organization } from './organization.entity.js';
import { OrganizationCountsResolver } from './organization-counts.resolver.js';
import { OrganizationCountsService } from './organization-counts.service.js';
import { OrganizationLoaderFactory } from './organization.loaders.js';
import { OrganizationPolicy } from './organization.policy.js';
import { OrganizationResolver } from './organization.resolver.js';
import { OrganizationsService } from './organizations.service.js';
import { AuthPayloadUserResolver, UserPrivacyResolver } from './user-privacy.resolver.js';
import { VerificationEvent } from './verification-event.entity.js';
import { VerificationRequestResolver } from './verification-queue.resolver.js';
import { VerificationQueueService } from './verification-queue.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Organization, Membership, NetworkMembership, VerificationEvent, MemberInvitation]),
    AuthModule,
  ],
  providers: [
    OrganizationsService,
    MemberInvitationsService,
    MembersDirectory,
    OrganizationPolicy,
    OrganizationLoaderFactory,
    OrganizationResolver,
    NetworkRequestResolver,
    MembershipResolver,
    UserMembershipsResolver,
    MemberInvitationResolver,
    UserPrivacyResolver,
    AuthPayloadUserResolver,
    VerificationQueueService,
    VerificationRequestResolver,
    OrganizationCountsService,
    OrganizationCountsResolver,
  ],
  exports: [OrganizationsService, OrganizationPolicy, MembersDirectory, MemberInvitationsService],
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
