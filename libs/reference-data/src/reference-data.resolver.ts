import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@app/common';
import { CapacityAreaInfo, Country, Language, Sdg, Theme } from './reference.entities.js';
import { ReferenceDataService } from './reference-data.service.js';

@Public()
@Resolver()
export class ReferenceDataResolver {
  constructor(private readonly reference: ReferenceDataService) {}

  @Query(() => [Country], { description: 'ISO 3166-1 countries with their region' })
  countries() {
    return this.reference.countries();
  }

  @Query(() => [Language], { description: 'ISO 639-1 languages' })
  languages() {
    return this.reference.languages();
  }

  @Query(() => [Theme], { description: 'Migration & development themes' })
  themes() {
    return this.reference.themes();
  }

  @Query(() => [Sdg], { description: 'The 17 Sustainable Development Goals' })
  sdgs() {
    return this.reference.sdgs();
  }

  @Query(() => [CapacityAreaInfo])
  capacityAreas() {
    return this.reference.capacityAreas();
  }
}
