import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoaderRegistry } from '@app/common';
import { MatchingModule } from '@app/matching';
import { OrganizationsModule } from '@app/organizations';
import { Consultation, ConsultationEvent, ConsultationInvitation, Contribution } from './consultation.entity.js';
import { ConsultationDeadlinesService } from './consultation-deadlines.service.js';
import { ConsultationInvitationsService } from './consultation-invitations.service.js';
import { ConsultationsService } from './consultations.service.js';
import { ContributionsService } from './contributions.service.js';
import { DialogueFacts } from './dialogue-facts.service.js';
import { DialogueLoaderFactory } from './dialogue.loaders.js';
import {
  ConsultationInvitationResolver,
  ConsultationResolver,
  ContributionResolver,
  DialogueCounterpartsResolver,
  OrganizationInvitationsResolver,
} from './dialogue.resolver.js';

/** Dialogue with governments: consultations, invitations, contributions and the counterpart finder. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Consultation, ConsultationInvitation, Contribution, ConsultationEvent]),
    OrganizationsModule,
    MatchingModule,
  ],
  providers: [
    ConsultationsService,
    ConsultationInvitationsService,
    ContributionsService,
    DialogueLoaderFactory,
    ConsultationResolver,
    ConsultationInvitationResolver,
    ContributionResolver,
    DialogueCounterpartsResolver,
    OrganizationInvitationsResolver,
    ConsultationDeadlinesService,
    DialogueFacts,
  ],
  exports: [
    ConsultationsService,
    ConsultationInvitationsService,
    ContributionsService,
    ConsultationDeadlinesService,
    DialogueFacts,
  ],
})
export class DialogueModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly loaders: DialogueLoaderFactory,
  ) {}

  onModuleInit() {
    this.registry.register('dialogue', () => this.loaders.create());
  }
}
