import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoaderRegistry } from '@app/common';
import { MatchingModule } from '@app/matching';
import { OrganizationsModule } from '@app/organizations';
import { AssessmentsService } from './assessments.service.js';
import { CapacityAssessment } from './capacity-assessment.entity.js';
import { CapacityLoaderFactory } from './capacity.loaders.js';
import {
  CapacityAssessmentResolver,
  EnrolmentResolver,
  OrganizationCapacityResolver,
  ProviderTrainingEvaluationResolver,
  TrainingEvaluationResolver,
  TrainingMatchingResolver,
  TrainingOfferResolver,
} from './capacity.resolver.js';
import { Enrolment, EnrolmentEvent } from './enrolment.entity.js';
import { EnrolmentsService } from './enrolments.service.js';
import { EvaluationService } from './evaluation.service.js';
import { TrainingAudienceService } from './training-audience.service.js';
import { TrainingMatchesService } from './training-matches.service.js';
import { TrainingOffer } from './training-offer.entity.js';
import { TrainingOffersService } from './training-offers.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CapacityAssessment, TrainingOffer, Enrolment, EnrolmentEvent]),
    OrganizationsModule,
    MatchingModule,
  ],
  providers: [
    AssessmentsService,
    TrainingOffersService,
    TrainingAudienceService,
    EnrolmentsService,
    EvaluationService,
    TrainingMatchesService,
    CapacityLoaderFactory,
    CapacityAssessmentResolver,
    TrainingOfferResolver,
    EnrolmentResolver,
    OrganizationCapacityResolver,
    TrainingMatchingResolver,
    TrainingEvaluationResolver,
    ProviderTrainingEvaluationResolver,
  ],
  exports: [AssessmentsService, TrainingOffersService, TrainingAudienceService, EnrolmentsService, EvaluationService],
})
export class CapacityModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly loaders: CapacityLoaderFactory,
  ) {}

  onModuleInit() {
    this.registry.register('capacity', () => this.loaders.create());
  }
}
