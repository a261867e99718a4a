import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * libs/exports: calendar_feed (per-user secret iCalendar URLs, the secret kept as its SHA-256) and
 * organization_iati_ref (an organization's IATI organisation identifier for its activity file).
 */
export class ExportsCalendarFeedsAndIatiRefs1796060000001 implements MigrationInterface {
  name = 'ExportsCalendarFeedsAndIatiRefs1796060000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calendar_feed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "secret_hash" character(64) NOT NULL, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_calendar_feed_user" ON "calendar_feed"  ("user_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_calendar_feed_secret_hash" ON "calendar_feed"  ("secret_hash") ');
    await queryRunner.query(
      'CREATE TABLE "organization_iati_ref" ("organization_id" uuid NOT NULL, "org_ref" character varying(100) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f384b82ebdee8db5d2bf522925f" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_iati_ref" ADD CONSTRAINT "FK_f384b82ebdee8db5d2bf522925f" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "organization_iati_ref" DROP CONSTRAINT "FK_f384b82ebdee8db5d2bf522925f"');
    await queryRunner.query('ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112"');
    await queryRunner.query('DROP TABLE "organization_iati_ref"');
    await queryRunner.query('DROP TABLE "calendar_feed"');
  }
}
