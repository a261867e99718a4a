import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { User } from '@app/auth';
import { Organization } from '@app/organizations';
import { Project } from '@app/projects';
import { FundApplication } from '@app/funds';
import { CreatedEntity, RowEntity } from '@app/persistence';

/** What a file is for; the purpose decides its owner, who may attach it, who may read it, its types and size. */
export enum FilePurpose {
  /** The organization's logo (one; a new one replaces it): PNG, JPEG or WebP, re-encoded. */
  LOGO = 'LOGO',
  /** A registration certificate or other proof for the organization's verification: PDF or image. */
  VERIFICATION_EVIDENCE = 'VERIFICATION_EVIDENCE',
  /** A document attached to a fund application: PDF or image. */
  APPLICATION_ATTACHMENT = 'APPLICATION_ATTACHMENT',
  /** A document of a project (report, budget, photo): PDF or image. */
  PROJECT_DOCUMENT = 'PROJECT_DOCUMENT',
}
registerEnumType(FilePurpose, { name: 'FilePurpose' });

/**
 * A stored file and what it is attached to: exactly one owner column is set, the one its purpose
 * names (organization for LOGO and VERIFICATION_EVIDENCE, application, project). The bytes live in
 * the FileStorage under `storageKey` (random, never the user's file name).
 */
@ObjectType('File', { description: 'An uploaded file; `url` is a short-lived signed download link' })
@Entity('stored_file')
@Check(
  'CHK_stored_file_owner',
  `(purpose IN ('LOGO', 'VERIFICATION_EVIDENCE') AND organization_id IS NOT NULL AND application_id IS NULL AND project_id IS NULL)
   OR (purpose = 'APPLICATION_ATTACHMENT' AND application_id IS NOT NULL AND organization_id IS NULL AND project_id IS NULL)
   OR (purpose = 'PROJECT_DOCUMENT' AND project_id IS NOT NULL AND organization_id IS NULL AND application_id IS NULL)`,
)
export class StoredFile extends CreatedEntity {
  @Field(() => FilePurpose)
  @Column({ type: 'enum', enum: FilePurpose, enumName: 'file_purpose' })
  purpose: FilePurpose;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE', nullable: true })
  organization?: Organization;

  @Index('IDX_stored_file_organization')
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => FundApplication, { onDelete: 'CASCADE', nullable: true })
  application?: FundApplication;

  @Index('IDX_stored_file_application')
  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE', nullable: true })
  project?: Project;

  @Index('IDX_stored_file_project')
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  /** The name the uploader gave, cleaned (no path, no control characters); shown, never used as a path. */
  @Field()
  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  /** The type found in the content (magic bytes), not the declared one. */
  @Field()
  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Field(() => Int, { description: 'Bytes, after images are re-encoded' })
  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  uploadedBy?: User;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  /** The owner's id, whichever column holds it. */
  get ownerId(): string {
    return (this.organizationId ?? this.applicationId ?? this.projectId) as string;
  }
}

/**
 * An upload ticket: what `createUpload` allowed (purpose, owner, name, type, size), used once by
 * the PUT of the bytes before `expiresAt`. The token itself is not stored: it is this id signed
 * (HMAC), so a forged or altered token is refused before the database is read.
 */
@Entity('file_upload')
export class FileUpload extends RowEntity {
  @Column({ type: 'enum', enum: FilePurpose, enumName: 'file_purpose' })
  purpose: FilePurpose;

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  /** The declared size: the body may not be longer. */
  @Column({ type: 'int' })
  maxSize: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  createdBy?: User;

  @Index('IDX_file_upload_created_by')
  @Column({ type: 'uuid' })
  createdById: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  usedAt: Date | null;
}
