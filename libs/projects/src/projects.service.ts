import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GraphQLResolveInfo } from 'graphql';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  applyPatch,
  assertCurrency,
  AuthUser,
  BadInputError,
  ConflictError,
  FieldSelection,
  NestedList,
  NestedPrefetch,
  nestedPages,
  NotFoundError,
  Page,
  PageArgs,
  PageSelection,
  checkedPageArgs,
  pageSelection,
  paginate,
  rankKeys,
  requireId,
  SortKey,
  text,
  today,
  whereSearch,
} from '@app/common';
import type { RequestContext } from '@app/common';
import { OrganizationPolicy, ViewerAccess, Visibility } from '@app/organizations';
import { ReferenceDataService } from '@app/reference-data';
import { Indicator, Measurement } from './indicator.entity.js';
import { Project } from './project.entity.js';
import {
  AddIndicatorArgs,
  INDICATOR_REQUIRED_FIELDS,
  MEASUREMENT_REQUIRED_FIELDS,
  PROJECT_REQUIRED_FIELDS,
  ProjectFilter,
  ProjectInput,
  ProjectsArgs,
  RecordMeasurementArgs,
  UpdateIndicatorInput,
  UpdateMeasurementInput,
  UpdateProjectInput,
} from './project.inputs.js';
import { IndicatorChange, IndicatorChangeAction, IndicatorChangeValues } from './indicator-change.entity.js';

/** Organization.projects: live projects, newest first (index project_organization_live_page). */
/** The batch of Organization.projects in the request's nested-list loaders. */
export const ORGANIZATION_PROJECTS_BATCH = 'Organization.projects';

const ORGANIZATION_PROJECTS: NestedList = {
  from: 'project p',
  parent: 'p.organization_id',
  alias: 'p',
  keys: [
    { expr: 'p.created_at', direction: 'DESC', type: 'timestamp' },
    { expr: 'p.id', direction: 'DESC', type: 'uuid' },
  ],
  where: 'p.archived_at IS NULL',
};

/** Project.indicatorHistory: newest first (index IDX_indicator_change_project_page). */
const INDICATOR_HISTORY: NestedList = {
  from: 'indicator_change c',
  parent: 'c.project_id',
  alias: 'c',
  keys: [
    { expr: 'c.created_at', direction: 'DESC', type: 'timestamp' },
    { expr: 'c.id', direction: 'DESC', type: 'uuid' },
  ],
};

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly reference: ReferenceDataService,
  ) {}

  // ---------- reads ----------

  /** A live project is published, an archived one is not (OrganizationPolicy.isVisible decides who sees it). */
  static visibility(project: Pick<Project, 'archivedAt' | 'organizationId'>): Visibility {
    return { published: !project.archivedAt, owners: project.organizationId };
  }

  /** The same, read in the caller's transaction for a user about to act on it (roles read there too). */
  async getIn(manager: EntityManager, user: AuthUser, id: string): Promise<Project> {
    const found = await manager.findOneBy(Project, { id });
    return this.policy.requireVisibleTo(user, found, ProjectsService.visibility, 'Project', id, manager);
  }

  /** A project the viewer may see: archived ones only for the organization's members and moderators. */
  async get(id: string, access: ViewerAccess): Promise<Project> {
    const project = await this.dataSource.getRepository(Project).findOneBy({ id: requireId(id, 'Project') });
    return this.policy.requireVisible(project, ProjectsService.visibility, access, 'Project', id);
  }

  /**
   * The project behind a field (Partnership.project, FundApplication.project, a match's project) if
   * the viewer may see it, else null: the same rule as the project(id) query, on every path.
   */
  async visible(ctx: RequestContext, id: string | null | undefined): Promise<Project | null> {
    if (!id) return null;
    const [project, access] = await Promise.all([
      ctx.loaders.projects.project.load(id),
      ctx.loaders.organizations.access(),
    ]);
    return project && this.policy.isVisible(ProjectsService.visibility(project), access) ? project : null;
  }

  async list(args: ProjectsArgs, info?: GraphQLResolveInfo): Promise<Page<Project>> {
    await this.assertFilterCodes(args.filter);
    const repository = this.dataSource.getRepository(Project);
    const qb = repository.createQueryBuilder('p').where('p.archived_at IS NULL');
    const search = whereSearch(qb, 'p', args.search);
    this.applyFilter(qb, args.filter);
    const keys: SortKey[] = search
      ? rankKeys('p')
      : [
          { expr: 'p.created_at', direction: 'DESC', type: 'timestamp' },
          { expr: 'p.id', direction: 'DESC', type: 'uuid' },
        ];
    return paginate(qb, keys, { ...args, ...(info && pageSelection(repository, info)) });
  }

  /** The ids of the organizations' projects, archived ones too (calendar feed: the funds they applied to). */
  async idsOfOrganizations(organizationIds: readonly string[]): Promise<string[]> {
    if (!organizationIds.length) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM project WHERE organization_id = ANY($1::uuid[]) ORDER BY created_at, id',
      [organizationIds],
    );
    return rows.map((r) => r.id);
  }

  /** Organization.projects: its live projects, newest first. */
  async listForOrganization(organizationId: string, args: PageArgs): Promise<Page<Project>> {
    return (await this.pagesOfOrganizations([organizationId], args)).get(organizationId)!;
  }

  /**
   * Organization.projects of many organizations: one statement for all their pages (with their counts when
   * `count`, reading only `columns` when given).
   */
  pagesOfOrganizations(
    organizationIds: readonly string[],
    args: PageArgs & Partial<PageSelection>,
  ): Promise<Map<string, Page<Project>>> {
    return nestedPages(this.dataSource.getRepository(Project), ORGANIZATION_PROJECTS, organizationIds, args);
  }

  /** Organization.projects, for the organizations' statements to fetch with them (registered by ProjectsModule). */
  organizationProjectsPrefetch(): NestedPrefetch {
    return {
      parentType: 'Organization',
      field: 'projects',
      repository: this.dataSource.getRepository(Project),
      list: ORGANIZATION_PROJECTS,
      batch: ORGANIZATION_PROJECTS_BATCH,
      args: (args, selection) => this.organizationProjectsArgs(args, selection),
    };
  }

  /** The arguments of Organization.projects' batch: the page asked for and what is selected of it (pageSelection). */
  organizationProjectsArgs(args: PageArgs, selection: FieldSelection): PageArgs & PageSelection {
    return { ...checkedPageArgs(args), ...pageSelection(this.dataSource.getRepository(Project), selection) };
  }

  private applyFilter(qb: SelectQueryBuilder<Project>, filter?: ProjectFilter) {
    if (!filter) return;
    if (filter.kinds?.length) qb.andWhere('p.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.statuses?.length) qb.andWhere('p.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.countries?.length) qb.andWhere('p.countries && :countries::text[]', { countries: filter.countries });
    if (filter.themes?.length) qb.andWhere('p.themes && :themes::text[]', { themes: filter.themes });
    if (filter.sdgs?.length) qb.andWhere('p.sdgs && :sdgs::smallint[]', { sdgs: filter.sdgs });
    if (filter.organizationId)
      qb.andWhere('p.organization_id = :organizationId', { organizationId: filter.organizationId });
  }

  private async assertFilterCodes(filter?: ProjectFilter) {
    if (!filter) return;
    await this.reference.assertCountries('filter.countries', filter.countries);
    await this.reference.assertThemes('filter.themes', filter.themes);
    this.reference.assertSdgs('filter.sdgs', filter.sdgs);
  }

  // ---------- writes ----------

  async create(user: AuthUser, input: ProjectInput): Promise<Project> {
    requireId(input.organizationId, 'Organization');
    await this.validate(input);
    return this.dataSource.transaction((manager) => this.createIn(manager, user, input, true));
  }

  /** The checks `create` makes of an input, alone (the CSV import runs them before its transaction). */
  checkInput(input: ProjectInput): Promise<void> {
    return this.validate(input);
  }

  /** `create` in the caller's transaction (the CSV import creates every row in one transaction). */
  async createIn(manager: EntityManager, user: AuthUser, input: ProjectInput, validated = false): Promise<Project> {
    requireId(input.organizationId, 'Organization');
    if (!validated) await this.validate(input);
    await this.policy.requireRole(user, input.organizationId, { action: 'register projects' }, manager);
    return manager.save(
      manager.create(Project, { ...this.fields(input), organizationId: input.organizationId, createdById: user.id }),
    );
  }

  /** A partial update: the fields left out keep their values; the patched project is checked as a whole. */
  async update(user: AuthUser, id: string, patch: UpdateProjectInput): Promise<Project> {
    requireId(id, 'Project');
    await this.assertCodes(patch); // the codes it gives (the stored ones were checked when they were given)
    return this.dataSource.transaction(async (manager) => {
      const project = await this.editable(manager, user, id, 'update projects');
      const input = applyPatch(this.inputOf(project), patch, { path: 'input', required: PROJECT_REQUIRED_FIELDS });
      if (input.organizationId !== project.organizationId) {
        throw new BadInputError('input.organizationId', text('errors.project.otherOrganization'));
      }
      this.assertConsistent(input);
      Object.assign(project, this.fields(input));
      return manager.save(project);
    });
  }

  async archive(user: AuthUser, id: string): Promise<Project> {
    requireId(id, 'Project');
    return this.dataSource.transaction(async (manager) => {
      const project = await this.editable(manager, user, id, 'archive projects');
      project.archivedAt = new Date();
      return manager.save(project);
    });
  }

  async addIndicator(user: AuthUser, args: AddIndicatorArgs): Promise<Indicator> {
    requireId(args.projectId, 'Project');
    return this.dataSource.transaction(async (manager) => {
      await this.editable(manager, user, args.projectId, 'add indicators');
      const { projectId, name, unit, baseline, target } = args;
      return manager.save(manager.create(Indicator, { projectId, name, unit, baseline, target }));
    });
  }

  async recordMeasurement(user: AuthUser, args: RecordMeasurementArgs): Promise<Measurement> {
    requireId(args.indicatorId, 'Indicator');
    if (args.measuredOn > today())
      throw new BadInputError('measuredOn', text('validation.future', { field: 'measuredOn' }));
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: a concurrent deleteIndicator (FOR UPDATE) finishes first, then this is NOT_FOUND
      const indicator = await manager
        .getRepository(Indicator)
        .createQueryBuilder('i')
        .setLock('pessimistic_read')
        .where('i.id = :id', { id: args.indicatorId })
        .getOne();
      if (!indicator) throw new NotFoundError('Indicator', args.indicatorId);
      await this.editable(manager, user, indicator.projectId, 'record measurements');
      return manager.save(
        manager.create(Measurement, {
          indicatorId: indicator.id,
          value: args.value,
          measuredOn: args.measuredOn,
          note: args.note ?? null,
          recordedById: user.id,
        }),
      );
    });
  }

  // ---------- corrections (with history) ----------

  /** Corrects an indicator (a partial update); the change is kept in the project's indicator history. */
  async updateIndicator(user: AuthUser, id: string, patch: UpdateIndicatorInput): Promise<Indicator> {
    requireId(id, 'Indicator');
    return this.dataSource.transaction(async (manager) => {
      const indicator = await this.editableIndicator(manager, user, id, 'correct indicators');
      const before = indicatorValues(indicator);
      const after = applyPatch(before, patch, { path: 'input', required: INDICATOR_REQUIRED_FIELDS });
      if (sameValues(before, after)) return indicator;
      Object.assign(indicator, after);
      const saved = await manager.save(indicator);
      await manager.insert(IndicatorChange, {
        projectId: indicator.projectId,
        indicatorId: indicator.id,
        measurementId: null,
        action: IndicatorChangeAction.INDICATOR_UPDATED,
        actorId: user.id,
        before,
        after,
      });
      return saved;
    });
  }

  /** Deletes an indicator and its measurements; each is kept in the project's indicator history. */
  async deleteIndicator(user: AuthUser, id: string): Promise<Project> {
    requireId(id, 'Indicator');
    return this.dataSource.transaction(async (manager) => {
      const indicator = await this.editableIndicator(manager, user, id, 'delete indicators');
      const measurements = await manager.find(Measurement, {
        where: { indicatorId: indicator.id },
        order: { measuredOn: 'ASC', createdAt: 'ASC' },
      });
      const base = { projectId: indicator.projectId, indicatorId: indicator.id, actorId: user.id, after: null };
      await manager.insert(IndicatorChange, [
        ...measurements.map((m) => ({
          ...base,
          measurementId: m.id,
          action: IndicatorChangeAction.MEASUREMENT_DELETED,
          before: measurementValues(m),
        })),
        {
          ...base,
          measurementId: null,
          action: IndicatorChangeAction.INDICATOR_DELETED,
          before: indicatorValues(indicator),
        },
      ]);
      await manager.delete(Indicator, { id: indicator.id }); // its measurements go with it (ON DELETE CASCADE)
      return manager.findOneByOrFail(Project, { id: indicator.projectId });
    });
  }

  /** Corrects a measurement (a partial update); the change is kept in the project's indicator history. */
  async updateMeasurement(user: AuthUser, id: string, patch: UpdateMeasurementInput): Promise<Measurement> {
    requireId(id, 'Measurement');
    return this.dataSource.transaction(async (manager) => {
      const { measurement, indicator } = await this.editableMeasurement(manager, user, id, 'correct measurements');
      const before = measurementValues(measurement);
      const after = applyPatch(before, patch, { path: 'input', required: MEASUREMENT_REQUIRED_FIELDS });
      if (after.measuredOn > today())
        throw new BadInputError('input.measuredOn', text('validation.future', { field: 'input.measuredOn' }));
      if (sameValues(before, after)) return measurement;
      Object.assign(measurement, after);
      const saved = await manager.save(measurement);
      await manager.insert(IndicatorChange, {
        projectId: indicator.projectId,
        indicatorId: indicator.id,
        measurementId: measurement.id,
        action: IndicatorChangeAction.MEASUREMENT_UPDATED,
        actorId: user.id,
        before,
        after,
      });
      return saved;
    });
  }

  /** Deletes a measurement (kept in the project's indicator history); answers its indicator, progress recomputed. */
  async deleteMeasurement(user: AuthUser, id: string): Promise<Indicator> {
    requireId(id, 'Measurement');
    return this.dataSource.transaction(async (manager) => {
      const { measurement, indicator } = await this.editableMeasurement(manager, user, id, 'delete measurements');
      await manager.insert(IndicatorChange, {
        projectId: indicator.projectId,
        indicatorId: indicator.id,
        measurementId: measurement.id,
        action: IndicatorChangeAction.MEASUREMENT_DELETED,
        actorId: user.id,
        before: measurementValues(measurement),
        after: null,
      });
      await manager.delete(Measurement, { id: measurement.id });
      return indicator;
    });
  }

  /** Project.indicatorHistory of many projects: newest first, one statement for all their pages. */
  historyPages(projectIds: readonly string[], args: PageArgs): Promise<Map<string, Page<IndicatorChange>>> {
    return nestedPages(this.dataSource.getRepository(IndicatorChange), INDICATOR_HISTORY, projectIds, args);
  }

  /** An indicator (locked) of a live project the user is a member of; NOT_FOUND when there is none to see. */
  private async editableIndicator(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    action: string,
  ): Promise<Indicator> {
    const indicator = await manager
      .getRepository(Indicator)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = :id', { id })
      .getOne();
    if (!indicator) throw new NotFoundError('Indicator', id);
    await this.editable(manager, user, indicator.projectId, action);
    return indicator;
  }

  private async editableMeasurement(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    action: string,
  ): Promise<{ measurement: Measurement; indicator: Indicator }> {
    const found = await manager.findOneBy(Measurement, { id });
    if (!found) throw new NotFoundError('Measurement', id);
    const indicator = await this.editableIndicator(manager, user, found.indicatorId, action);
    // read again under the indicator's lock: a concurrent correction or deletion has finished
    const measurement = await manager.findOneBy(Measurement, { id });
    if (!measurement) throw new NotFoundError('Measurement', id);
    return { measurement, indicator };
  }

  /**
   * Loads a live project and checks that the user is a member of its organization. An archived
   * project is NOT_FOUND for those who may not see it, CONFLICT for those who may.
   */
  private async editable(manager: EntityManager, user: AuthUser, id: string, action: string): Promise<Project> {
    const project = await this.getIn(manager, user, id);
    if (project.archivedAt) throw new ConflictError('The project is archived', { key: 'errors.projectArchived' });
    await this.policy.requireRole(user, project.organizationId, { action }, manager);
    return project;
  }

  private async validate(input: ProjectInput) {
    await this.assertCodes(input);
    this.assertConsistent(input);
  }

  /** The reference codes an input (or an update's patch) gives: database look-ups, outside any transaction. */
  private async assertCodes(input: UpdateProjectInput) {
    await this.reference.assertCountries('input.countries', input.countries);
    await this.reference.assertThemes('input.themes', input.themes);
    this.reference.assertSdgs('input.sdgs', input.sdgs);
    assertCurrency('input.budget.currency', input.budget?.currency);
    assertCurrency('input.fundingSought.currency', input.fundingSought?.currency);
  }

  /** The rules between fields, on the whole (patched) project. */
  private assertConsistent(input: ProjectInput) {
    if (input.startDate && input.endDate && input.endDate < input.startDate) {
      throw new BadInputError(
        'input.endDate',
        text('validation.notBefore', { field: 'input.endDate', min: 'input.startDate' }),
      );
    }
    if (input.budget && input.fundingSought) {
      if (input.budget.currency !== input.fundingSought.currency) {
        throw new BadInputError(
          'input.fundingSought.currency',
          text('errors.project.fundingCurrency', { field: 'input.fundingSought', other: 'input.budget' }),
        );
      }
      if (input.fundingSought.amount > input.budget.amount) {
        throw new BadInputError(
          'input.fundingSought.amount',
          text('validation.notAbove', { field: 'input.fundingSought', other: 'input.budget' }),
        );
      }
    }
  }

  /** The stored project in the shape of its input: what an update patches. */
  private inputOf(p: Project): ProjectInput {
    const amount = (value: string | null, currency: string | null) =>
      value === null || currency === null ? null : { amount: Number(value), currency };
    return {
      organizationId: p.organizationId,
      title: p.title,
      summary: p.summary,
      kind: p.kind,
      status: p.status,
      countries: p.countries,
      locality: p.locality,
      themes: p.themes,
      sdgs: p.sdgs,
      budget: amount(p.budgetAmount, p.budgetCurrency),
      fundingSought: amount(p.fundingSoughtAmount, p.fundingSoughtCurrency),
      startDate: p.startDate,
      endDate: p.endDate,
      beneficiaries: p.beneficiaries,
    };
  }

  private fields(input: ProjectInput): Partial<Project> {
    return {
      title: input.title,
      summary: input.summary,
      kind: input.kind,
      ...(input.status ? { status: input.status } : {}), // left out: the current status (IDEA when new) stays
      countries: [...new Set(input.countries)],
      locality: input.locality ?? null,
      themes: [...new Set(input.themes)],
      sdgs: [...new Set(input.sdgs ?? [])].sort((a, b) => a - b),
      budgetAmount: input.budget ? String(input.budget.amount) : null,
      budgetCurrency: input.budget?.currency ?? null,
      fundingSoughtAmount: input.fundingSought ? String(input.fundingSought.amount) : null,
      fundingSoughtCurrency: input.fundingSought?.currency ?? null,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      beneficiaries: input.beneficiaries ?? null,
    };
  }
}

const indicatorValues = (i: Indicator) => ({ name: i.name, unit: i.unit, baseline: i.baseline, target: i.target });
const measurementValues = (m: Measurement) => ({ value: m.value, measuredOn: m.measuredOn, note: m.note });
const sameValues = (a: IndicatorChangeValues, b: IndicatorChangeValues) => JSON.stringify(a) === JSON.stringify(b);
