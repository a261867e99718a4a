import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * fund_application_reminder: the DRAFT applications whose seven-day deadline reminder the
 * fund-deadlines job of libs/funds has issued, one row each, so it is issued once.
 */
export class FundApplicationReminders1795929073050 implements MigrationInterface {
  name = 'FundApplicationReminders1795929073050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "fund_application_reminder" ("application_id" uuid NOT NULL, "reminded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3156d066da80141e505460d1ee4" PRIMARY KEY ("application_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "fund_application_reminder" ADD CONSTRAINT "FK_3156d066da80141e505460d1ee4" FOREIGN KEY ("application_id") REFERENCES "fund_application"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "fund_application_reminder" DROP CONSTRAINT "FK_3156d066da80141e505460d1ee4"');
    await queryRunner.query('DROP TABLE "fund_application_reminder"');
  }
}
