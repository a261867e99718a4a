import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '@app/common';
import type { AuthUser } from '@app/common';
import { Organization } from '@app/organizations';
import { CalendarService } from './calendar.service.js';
import { CsvImportService } from './csv-import.service.js';
import {
  CalendarFeedUrl,
  CsvTemplate,
  ExportKind,
  ExportParams,
  ExportUrl,
  IatiOrgRefInput,
  ImportKind,
  ImportReport,
} from './exports.inputs.js';
import { ExportsService } from './exports.service.js';
import { IatiService } from './iati.service.js';

@Resolver()
export class ExportsResolver {
  constructor(
    private readonly exports: ExportsService,
    private readonly calendar: CalendarService,
    private readonly imports: CsvImportService,
    private readonly iati: IatiService,
  ) {}

  @Mutation(() => ExportUrl, {
    description:
      'A CSV download URL valid 10 minutes, bound to the caller, the kind and the parameters; who may read what is checked now and again on download',
  })
  exportCsv(
    @CurrentUser() user: AuthUser,
    @Args('kind', { type: () => ExportKind }) kind: ExportKind,
    @Args('params', { type: () => ExportParams, nullable: true }) params?: ExportParams,
  ) {
    return this.exports.issue(user, kind, params ?? {});
  }

  @Mutation(() => CalendarFeedUrl, {
    description:
      'A secret iCalendar URL of your fund deadlines and training dates; replaces (revokes) the previous one',
  })
  createCalendarFeed(@CurrentUser() user: AuthUser) {
    return this.calendar.create(user);
  }

  @Mutation(() => Boolean, { description: 'Your calendar URL stops working (404); false when you had none' })
  revokeCalendarFeed(@CurrentUser() user: AuthUser) {
    return this.calendar.revoke(user);
  }

  @Query(() => String, {
    description: "An organization's live projects as an IATI 2.03 activity file (XML): its members and moderators",
  })
  organizationIatiActivities(
    @CurrentUser() user: AuthUser,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ) {
    return this.iati.activities(user, organizationId);
  }

  @Mutation(() => Organization, { description: "OWNER/ADMIN: the organization's IATI organisation identifier" })
  setOrganizationIatiRef(@CurrentUser() user: AuthUser, @Args('input') input: IatiOrgRefInput) {
    return this.iati.setOrgRef(user, input);
  }

  @Public()
  @Query(() => CsvTemplate, { description: 'The columns of an import and an example row' })
  csvImportTemplate(@Args('kind', { type: () => ImportKind }) kind: ImportKind) {
    return this.imports.template(kind);
  }

  @Mutation(() => ImportReport, {
    description:
      'Organizations (you become OWNER of each) or projects (into an organization you manage) from CSV; dryRun reports without writing; otherwise all rows or none',
  })
  importCsv(
    @CurrentUser() user: AuthUser,
    @Args('kind', { type: () => ImportKind }) kind: ImportKind,
    @Args('csv') csv: string,
    @Args('dryRun') dryRun: boolean,
    @Args('organizationId', { type: () => ID, nullable: true }) organizationId?: string,
  ) {
    return this.imports.import(user, kind, csv, dryRun, organizationId);
  }
}

@Resolver(() => Organization)
export class OrganizationIatiResolver {
  constructor(private readonly iati: IatiService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'Its IATI organisation identifier; null: activity files use DNX-<slug>',
  })
  iatiOrgRef(@Parent() o: Organization) {
    return this.iati.orgRef(o.id);
  }
}
