import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@app/organizations';
import { ProjectsModule } from '@app/projects';
import { MatchingResolver } from './matching.resolver.js';
import { FundMatchingService } from './fund-matching.service.js';
import { PartnerSuggestionsService } from './partner-suggestions.service.js';

/** All matching lives here: deterministic, computed in SQL, every result with its reasons. */
@Module({
  imports: [OrganizationsModule, ProjectsModule],
  providers: [PartnerSuggestionsService, FundMatchingService, MatchingResolver],
  exports: [PartnerSuggestionsService, FundMatchingService],
})
export class MatchingModule {}
