import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, BadInputError, DateScalar, DomainError, requireId, text as catalogueText } from '@app/common';
import { MANAGER_ROLES, OrganizationInput, OrganizationPolicy, OrganizationsService } from '@app/organizations';
import { ProjectInput, ProjectsService } from '@app/projects';
import {
  ORGANIZATION_COLUMNS,
  ORGANIZATION_EXAMPLE,
  ORGANIZATION_REQUIRED,
  PROJECT_COLUMNS,
  PROJECT_EXAMPLE,
  PROJECT_REQUIRED,
} from './columns.js';
import { CsvSyntaxError, parseCsv, splitList, toCsv } from './csv.js';
import { CsvTemplate, ImportKind, ImportProblem, ImportReport } from './exports.inputs.js';

/** The largest CSV text accepted (the GraphQL body is limited to 1 MB of JSON). */
export const MAX_IMPORT_BYTES = 800_000;
/** The most records one import holds. */
export const MAX_IMPORT_ROWS = 1000;

type Row = Record<string, string>;
class RowProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * CSV imports of organizations and projects (docs/domain.md, "CSV import"). Every record becomes
 * the input of the GraphQL create (OrganizationInput, ProjectInput), checked by the same
 * class-validator rules, then created by the same service method (`createIn`), all in ONE
 * transaction, each record under a savepoint so that its failure is reported and the next one
 * still checked. A dry run, or any problem, rolls the whole transaction back: nothing is written.
 */
@Injectable()
export class CsvImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly organizations: OrganizationsService,
    private readonly projects: ProjectsService,
  ) {}

  template(kind: ImportKind): CsvTemplate {
    const [columns, example] =
      kind === ImportKind.ORGANIZATIONS
        ? [[...ORGANIZATION_COLUMNS], ORGANIZATION_EXAMPLE as Row]
        : [[...PROJECT_COLUMNS], PROJECT_EXAMPLE as Row];
    return { columns, csv: toCsv(columns, [columns.map((c) => example[c])]) };
  }

  async import(
    user: AuthUser,
    kind: ImportKind,
    csv: string,
    dryRun: boolean,
    organizationId?: string | null,
  ): Promise<ImportReport> {
    if (Buffer.byteLength(csv, 'utf8') > MAX_IMPORT_BYTES) {
      throw new BadInputError('csv', catalogueText('validation.maxBytes', { field: 'csv', max: MAX_IMPORT_BYTES }));
    }
    if (kind !== ImportKind.PROJECTS && organizationId != null) {
      throw new BadInputError(
        'organizationId',
        catalogueText('errors.import.organizationOnlyForProjects', { field: 'organizationId', kind }),
      );
    }
    if (kind === ImportKind.PROJECTS) {
      if (!organizationId)
        throw new BadInputError(
          'organizationId',
          catalogueText('errors.import.organizationRequired', { field: 'organizationId' }),
        );
      await this.policy.requireRole(user, requireId(organizationId, 'Organization'), {
        roles: MANAGER_ROLES,
        action: 'import projects',
      });
    }
    let table: string[][];
    try {
      table = parseCsv(csv).filter((cells) => cells.some((c) => c.trim() !== ''));
    } catch (error) {
      if (error instanceof CsvSyntaxError) refuseFile([{ row: error.row, field: 'csv', message: error.message }]);
      throw error;
    }
    const [header, ...records] = table;
    if (!header) refuseFile([{ row: 1, field: 'csv', message: 'The file has no header row' }]);
    if (records.length > MAX_IMPORT_ROWS) {
      throw new BadInputError(
        'csv',
        catalogueText('errors.import.tooManyRows', { field: 'csv', count: records.length, max: MAX_IMPORT_ROWS }),
      );
    }
    const headerProblems = checkHeader(kind, header);
    if (headerProblems.length) refuseFile(headerProblems);

    // First every record's checks, outside the transaction (they read reference data on their own
    // connection); then the creates, in one transaction, each under a savepoint.
    const problems: ImportProblem[] = [];
    const inputs: Array<[number, object]> = [];
    for (const [index, cells] of records.entries()) {
      const line = index + 2;
      if (cells.length !== header.length) {
        problems.push({
          row: line,
          field: 'csv',
          message: `Row ${line} has ${cells.length} cells; the header has ${header.length}`,
        });
        continue;
      }
      const row: Row = Object.fromEntries(header.map((h, i) => [h.trim(), cells[i]]));
      const checked = await this.check(kind, row, organizationId ?? '');
      if ('problems' in checked) problems.push(...checked.problems.map((p) => ({ row: line, ...p })));
      else inputs.push([line, checked.input]);
    }
    if (problems.length) return report(dryRun, records.length, problems);
    const created: string[] = [];
    const rollback = new Error('rollback');
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const [line, input] of inputs) {
          const rowProblems = await this.createRow(manager, user, kind, input, created);
          problems.push(...rowProblems.map((p) => ({ row: line, ...p })));
        }
        if (dryRun || problems.length) throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
      return report(dryRun, records.length, problems);
    }
    return { dryRun, committed: true, rows: records.length, problems: [], createdIds: created };
  }

  /** A record as the create's input, checked by the same rules as the GraphQL create (pipe and service). */
  private async check(
    kind: ImportKind,
    row: Row,
    organizationId: string,
  ): Promise<{ input: object } | { problems: Array<{ field: string; message: string }> }> {
    let input: OrganizationInput | ProjectInput;
    try {
      input = kind === ImportKind.ORGANIZATIONS ? organizationInput(row) : projectInput(row, organizationId);
    } catch (error) {
      if (error instanceof RowProblem) return { problems: [{ field: error.field, message: error.message }] };
      throw error;
    }
    const type = kind === ImportKind.ORGANIZATIONS ? OrganizationInput : ProjectInput;
    const instance = plainToInstance(type as new () => object, input);
    const errors = await validate(instance, { forbidUnknownValues: false });
    if (errors.length) {
      return { problems: flatten(errors, []).map(([field, message]) => ({ field: column(field), message })) };
    }
    try {
      if (kind === ImportKind.ORGANIZATIONS) await this.organizations.checkInput(instance as OrganizationInput);
      else await this.projects.checkInput(instance as ProjectInput);
    } catch (error) {
      if (error instanceof DomainError) return { problems: [problemOf(error)] };
      throw error;
    }
    return { input: instance };
  }

  /** One checked record under a savepoint: its problems (none when created). */
  private async createRow(
    manager: EntityManager,
    user: AuthUser,
    kind: ImportKind,
    input: object,
    created: string[],
  ): Promise<Array<{ field: string; message: string }>> {
    await manager.query('SAVEPOINT csv_import_row');
    try {
      const saved =
        kind === ImportKind.ORGANIZATIONS
          ? await this.organizations.createIn(manager, user, input as OrganizationInput, true)
          : await this.projects.createIn(manager, user, input as ProjectInput, true);
      await manager.query('RELEASE SAVEPOINT csv_import_row');
      created.push(saved.id);
      return [];
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT csv_import_row');
      if (error instanceof DomainError) return [problemOf(error)];
      throw error;
    }
  }
}

function problemOf(error: DomainError): { field: string; message: string } {
  const field = typeof error.extensions.field === 'string' ? column(error.extensions.field) : 'csv';
  return { field, message: error.message };
}

function report(dryRun: boolean, rows: number, problems: ImportProblem[]): ImportReport {
  return { dryRun, committed: false, rows, problems, createdIds: [] };
}

function checkHeader(kind: ImportKind, header: string[]): ImportProblem[] {
  const known: readonly string[] = kind === ImportKind.ORGANIZATIONS ? ORGANIZATION_COLUMNS : PROJECT_COLUMNS;
  const required: readonly string[] = kind === ImportKind.ORGANIZATIONS ? ORGANIZATION_REQUIRED : PROJECT_REQUIRED;
  const names = header.map((h) => h.trim());
  const problems: ImportProblem[] = [];
  names.forEach((name, i) => {
    if (!known.includes(name))
      problems.push({
        row: 1,
        field: name || `column ${i + 1}`,
        message: `Unknown column "${name}"; the columns are ${known.join(', ')}`,
      });
    else if (names.indexOf(name) !== i)
      problems.push({ row: 1, field: name, message: `Column "${name}" appears twice` });
  });
  for (const name of required) {
    if (!names.includes(name))
      problems.push({ row: 1, field: name, message: `The required column "${name}" is missing` });
  }
  return problems;
}

/** An input path of a service or validator error ("input.budget.currency") → the CSV column. */
function column(path: string): string {
  const field = path.replace(/^input\./, '');
  const money = /^(budget|fundingSought)\.(amount|currency)$/.exec(field);
  if (money) return `${money[1]}${money[2] === 'amount' ? 'Amount' : 'Currency'}`;
  return field.replace(/\[\d+\]$/, '').split('.')[0];
}

function flatten(errors: ValidationError[], path: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const error of errors) {
    const here = [...path, error.property];
    for (const message of Object.values(error.constraints ?? {})) out.push([here.join('.'), message]);
    if (error.children?.length) out.push(...flatten(error.children, here));
  }
  return out;
}

// ---------- cells → inputs ----------

const text = (row: Row, name: string) => {
  const value = row[name]?.trim();
  return value ? value : undefined;
};

function int(row: Row, name: string): number | undefined {
  const value = text(row, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new RowProblem(name, `${name} must be a whole number; got "${value}"`);
  return Number(value);
}

function decimal(row: Row, name: string): number | undefined {
  const value = text(row, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(value))
    throw new RowProblem(name, `${name} must be a number such as 1250.50; got "${value}"`);
  return Number(value);
}

function bool(row: Row, name: string): boolean | undefined {
  const value = text(row, name)?.toLowerCase();
  if (value === undefined) return undefined;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new RowProblem(name, `${name} must be true or false; got "${value}"`);
}

function date(row: Row, name: string): string | undefined {
  const value = text(row, name);
  if (value === undefined) return undefined;
  try {
    return DateScalar.parseValue(value) as string;
  } catch {
    throw new RowProblem(name, `${name} must be a date written YYYY-MM-DD; got "${value}"`);
  }
}

const list = (row: Row, name: string) => splitList(row[name] ?? '');

function money(row: Row, prefix: 'budget' | 'fundingSought') {
  const amount = decimal(row, `${prefix}Amount`);
  const currency = text(row, `${prefix}Currency`);
  if (amount === undefined && currency === undefined) return undefined;
  if (amount === undefined) throw new RowProblem(`${prefix}Amount`, `${prefix}Amount is needed with ${prefix}Currency`);
  if (currency === undefined)
    throw new RowProblem(`${prefix}Currency`, `${prefix}Currency is needed with ${prefix}Amount`);
  return { amount, currency };
}

function organizationInput(row: Row): OrganizationInput {
  return {
    name: row.name ?? '',
    kind: text(row, 'kind') as OrganizationInput['kind'],
    description: text(row, 'description'),
    website: text(row, 'website'),
    contactEmail: text(row, 'contactEmail'),
    countriesOfOrigin: list(row, 'countriesOfOrigin'),
    countriesOfResidence: list(row, 'countriesOfResidence'),
    city: text(row, 'city'),
    themes: list(row, 'themes'),
    languages: list(row, 'languages'),
    foundedYear: int(row, 'foundedYear'),
    memberCount: int(row, 'memberCount'),
    legallyRegistered: bool(row, 'legallyRegistered'),
    democraticGovernance: bool(row, 'democraticGovernance'),
    womenLed: bool(row, 'womenLed'),
    youthLed: bool(row, 'youthLed'),
  };
}

function projectInput(row: Row, organizationId: string): ProjectInput {
  const sdgs = list(row, 'sdgs').map((value) => {
    if (!/^\d+$/.test(value))
      throw new RowProblem('sdgs', `sdgs must be numbers 1..17 separated by ";"; got "${value}"`);
    return Number(value);
  });
  return {
    organizationId,
    title: row.title ?? '',
    summary: row.summary ?? '',
    kind: text(row, 'kind') as ProjectInput['kind'],
    status: text(row, 'status') as ProjectInput['status'],
    countries: list(row, 'countries'),
    locality: text(row, 'locality'),
    themes: list(row, 'themes'),
    sdgs,
    budget: money(row, 'budget'),
    fundingSought: money(row, 'fundingSought'),
    startDate: date(row, 'startDate'),
    endDate: date(row, 'endDate'),
    beneficiaries: int(row, 'beneficiaries'),
  };
}

/**
 * A file that is not the template's table (broken quoting, no header, unknown or missing columns) is
 * bad input as a whole: BAD_USER_INPUT on `csv`, its problems in `extensions.problems`. Problems of
 * single records are answered in the report instead.
 */
function refuseFile(problems: ImportProblem[]): never {
  const first = problems[0];
  // the problems themselves (the report's rows) stay in English
  const problem =
    problems.length > 1
      ? catalogueText(problems.length === 2 ? 'errors.import.moreProblems.one' : 'errors.import.moreProblems.other', {
          problem: first.message,
          count: problems.length - 1,
        })
      : first.message;
  throw new BadInputError('csv', catalogueText('errors.import.notTheTemplate', { field: 'csv', problem }), {
    problems,
  });
}
