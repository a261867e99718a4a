import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files (libs/files): stored_file, one row per stored file with exactly one owner column set (the
 * organization for logos and verification evidence, the application, the project); file_upload, the
 * single-use upload tickets of createUpload. Both use the new file_purpose enum.
 */
export class Files1796050000001 implements MigrationInterface {
  name = 'Files1796050000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"file_purpose\" AS ENUM('LOGO', 'VERIFICATION_EVIDENCE', 'APPLICATION_ATTACHMENT', 'PROJECT_DOCUMENT')",
    );
    await queryRunner.query(
      'CREATE TABLE "stored_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "purpose" "public"."file_purpose" NOT NULL, "organization_id" uuid, "application_id" uuid, "project_id" uuid, "file_name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "uploaded_by_id" uuid, CONSTRAINT "CHK_stored_file_owner" CHECK ((purpose IN (\'LOGO\', \'VERIFICATION_EVIDENCE\') AND organization_id IS NOT NULL AND application_id IS NULL AND project_id IS NULL)\n   OR (purpose = \'APPLICATION_ATTACHMENT\' AND application_id IS NOT NULL AND organization_id IS NULL AND project_id IS NULL)\n   OR (purpose = \'PROJECT_DOCUMENT\' AND project_id IS NOT NULL AND organization_id IS NULL AND application_id IS NULL)), CONSTRAINT "PK_e140967af84027b493a3ff04fbb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_stored_file_organization" ON "stored_file"  ("organization_id") ');
    await queryRunner.query('CREATE INDEX "IDX_stored_file_application" ON "stored_file"  ("application_id") ');
    await queryRunner.query('CREATE INDEX "IDX_stored_file_project" ON "stored_file"  ("project_id") ');
    await queryRunner.query(
      'CREATE TABLE "file_upload" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "purpose" "public"."file_purpose" NOT NULL, "owner_id" uuid NOT NULL, "file_name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "max_size" integer NOT NULL, "created_by_id" uuid NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_bb8460e39fcad3aaa44d1d7e5d3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_file_upload_created_by" ON "file_upload"  ("created_by_id") ');
    await queryRunner.query(
      'ALTER TABLE "stored_file" ADD CONSTRAINT "FK_fbe9a0cc28af7be90951945bca2" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stored_file" ADD CONSTRAINT "FK_5d0fc41819b39799201da57173f" FOREIGN KEY ("application_id") REFERENCES "fund_application"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stored_file" ADD CONSTRAINT "FK_028c9567064f8c279d1213f353d" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stored_file" ADD CONSTRAINT "FK_5e06ae300ad4821b3c835725af4" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "file_upload" ADD CONSTRAINT "FK_e4f6a211823d3c6d8ed0903028c" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "file_upload" DROP CONSTRAINT "FK_e4f6a211823d3c6d8ed0903028c"');
    await queryRunner.query('ALTER TABLE "stored_file" DROP CONSTRAINT "FK_5e06ae300ad4821b3c835725af4"');
    await queryRunner.query('ALTER TABLE "stored_file" DROP CONSTRAINT "FK_028c9567064f8c279d1213f353d"');
    await queryRunner.query('ALTER TABLE "stored_file" DROP CONSTRAINT "FK_5d0fc41819b39799201da57173f"');
    await queryRunner.query('ALTER TABLE "stored_file" DROP CONSTRAINT "FK_fbe9a0cc28af7be90951945bca2"');
    await queryRunner.query('DROP TABLE "file_upload"');
    await queryRunner.query('DROP TABLE "stored_file"');
    await queryRunner.query('DROP TYPE "public"."file_purpose"');
  }
}
