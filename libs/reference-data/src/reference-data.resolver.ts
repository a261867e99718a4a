import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@app/common';
import { CapacityAreaInfo, Country, Language, Sdg, Theme } from './reference.entities.js';
import { ReferenceDataService } from './reference-data.service.js';
import { countryName, languageName, localized, referenceLanguage, themeName } from './localized-names.js';

const LANGUAGE_ARG = {
  type: () => String,
  nullable: true,
  description:
    'The names in this language (a tag such as fr or es-MX) where the data exists (en, fr, es); English otherwise',
} as const;

@Public()
@Resolver()
export class ReferenceDataResolver {
  constructor(private readonly reference: ReferenceDataService) {}

  @Query(() => [Country], { description: 'ISO 3166-1 countries with their region' })
  async countries(@Args('language', LANGUAGE_ARG) language?: string | null) {
    const lang = referenceLanguage(language);
    return localized(await this.reference.countries(), lang, countryName);
  }

  @Query(() => [Language], { description: 'ISO 639-1 languages' })
  async languages(@Args('language', LANGUAGE_ARG) language?: string | null) {
    const lang = referenceLanguage(language);
    return localized(await this.reference.languages(), lang, languageName);
  }

  @Query(() => [Theme], { description: 'Migration & development themes' })
  async themes(@Args('language', LANGUAGE_ARG) language?: string | null) {
    const lang = referenceLanguage(language);
    return localized(await this.reference.themes(), lang, themeName);
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
