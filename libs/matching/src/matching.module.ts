import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@app/organizations';
import { ProjectsModule } from '@app/projects';
import { MatchingResolver } from './matching.resolver.js';
import { FundMatchingService } from './fund-matching.service.js';
import { PartnerSuggestionsService } from './partner-suggestions.service.js';
import { TrainingMatchingService } from './training-matching.service.js';
import { DialogueCounterpartsService } from './dialogue-counterparts.service.js';

/** All matching lives here: deterministic, computed in SQL, every result with its reasons. */
@Module({
  imports: [OrganizationsModule, ProjectsModule],
  providers: [
    PartnerSuggestionsService,
    FundMatchingService,
    MatchingResolver,
    TrainingMatchingService,
    DialogueCounterpartsService,
  ],
  exports: [PartnerSuggestionsService, FundMatchingService, TrainingMatchingService, DialogueCounterpartsService],
})
export class MatchingModule {}
