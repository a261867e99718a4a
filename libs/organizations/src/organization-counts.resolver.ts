import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@app/common';
import { CountryOrganizationCount, CountryRole, OrganizationCountsService } from './organization-counts.service.js';

@Resolver(() => CountryOrganizationCount)
export class OrganizationCountsResolver {
  constructor(private readonly service: OrganizationCountsService) {}

  @Public()
  @Query(() => [CountryOrganizationCount], {
    description:
      'Directory organizations per country of residence or of origin (most first), for the home page’s world map.',
  })
  organizationCountsByCountry(@Args('by', { type: () => CountryRole }) by: CountryRole) {
    return this.service.byCountry(by);
  }
}
