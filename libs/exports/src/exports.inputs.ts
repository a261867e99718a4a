import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { trim } from '@app/common';
import { OrganizationFilter, OrganizationOrder } from '@app/organizations';

export enum ExportKind {
  /** The directory search (the organizations query's search, filter and order): the import's columns. */
  DIRECTORY = 'DIRECTORY',
  /** An organization's live projects: the project import's columns. */
  PROJECTS = 'PROJECTS',
  /** A fund's ranked candidates with the reasons of their scores. */
  FUND_CANDIDATES = 'FUND_CANDIDATES',
  /** The applications to a funder's funds (one fund with fundId). */
  FUND_APPLICATIONS = 'FUND_APPLICATIONS',
  /** A consultation's invitations and the contributions the viewer may see. */
  CONSULTATION = 'CONSULTATION',
  /** A project's indicators, one row per measurement. */
  PROJECT_INDICATORS = 'PROJECT_INDICATORS',
}
registerEnumType(ExportKind, { name: 'ExportKind' });

export enum ImportKind {
  ORGANIZATIONS = 'ORGANIZATIONS',
  PROJECTS = 'PROJECTS',
}
registerEnumType(ImportKind, { name: 'ImportKind' });

@InputType()
export class ExportParams {
  @Field(() => String, { nullable: true, description: 'DIRECTORY: as the organizations query' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => OrganizationFilter, { nullable: true, description: 'DIRECTORY: as the organizations query' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilter)
  filter?: OrganizationFilter;

  @Field(() => OrganizationOrder, { nullable: true, description: 'DIRECTORY: as the organizations query' })
  @IsOptional()
  @IsEnum(OrganizationOrder)
  orderBy?: OrganizationOrder;

  @Field(() => ID, { nullable: true, description: 'PROJECTS' })
  @IsOptional()
  @IsString()
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: 'FUND_CANDIDATES; FUND_APPLICATIONS: only this fund' })
  @IsOptional()
  @IsString()
  fundId?: string;

  @Field(() => ID, { nullable: true, description: 'FUND_APPLICATIONS' })
  @IsOptional()
  @IsString()
  funderId?: string;

  @Field(() => ID, { nullable: true, description: 'CONSULTATION' })
  @IsOptional()
  @IsString()
  consultationId?: string;

  @Field(() => ID, { nullable: true, description: 'PROJECT_INDICATORS' })
  @IsOptional()
  @IsString()
  projectId?: string;
}

@ObjectType()
export class ExportUrl {
  @Field({ description: 'A path on the API (GET it, no Authorization header needed): /exports/<signed token>' })
  url: string;

  @Field()
  expiresAt: Date;

  @Field({ description: 'The file name the download carries' })
  fileName: string;
}

@ObjectType()
export class CalendarFeedUrl {
  @Field({ description: 'A path on the API: /calendar/<secret>.ics; shown once (only its hash is stored)' })
  url: string;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class CsvTemplate {
  @Field(() => [String])
  columns: string[];

  @Field({ description: 'The header row and one example row, as a CSV file (UTF-8 with BOM, CRLF)' })
  csv: string;
}

@ObjectType()
export class ImportProblem {
  @Field({ description: 'The CSV line of the record: 1 is the header row, 2 the first record' })
  row: number;

  @Field({ description: 'The column (or "csv" for the file as a whole)' })
  field: string;

  @Field()
  message: string;
}

@ObjectType()
export class ImportReport {
  @Field()
  dryRun: boolean;

  @Field({ description: 'True when the rows were written (never in a dry run, never with a problem)' })
  committed: boolean;

  @Field()
  rows: number;

  @Field(() => [ImportProblem])
  problems: ImportProblem[];

  @Field(() => [ID], { description: 'The ids created, in row order (empty unless committed)' })
  createdIds: string[];
}

/** IATI organisation identifiers: an agency prefix and an identifier, e.g. GB-CHC-1234567, XM-DAC-41114. */
export const IATI_ORG_REF = /^[A-Za-z0-9]{2,}(-[A-Za-z0-9._]+)+$/;

@InputType()
export class IatiOrgRefInput {
  @Field(() => ID)
  @IsString()
  organizationId: string;

  @Field(() => String, { nullable: true, description: 'e.g. GB-CHC-1234567; null clears it (the fallback is used)' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(100)
  @Matches(IATI_ORG_REF, {
    message: 'iatiOrgRef must be an IATI organisation identifier such as GB-CHC-1234567 (letters, digits, hyphens)',
  })
  iatiOrgRef?: string | null;
}
