import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * fund_application.awarded_amount: what the funder awarded (may differ from the request, within the
 * fund's grant range), in the application's currency. Applications AWARDED before it existed were
 * awarded what they requested.
 */
export class ApplicationAwardedAmount1796010000001 implements MigrationInterface {
  name = 'ApplicationAwardedAmount1796010000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "fund_application" ADD "awarded_amount" numeric(14,2)');
    await queryRunner.query(
      `UPDATE "fund_application" SET "awarded_amount" = "requested_amount" WHERE "status" = 'AWARDED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "fund_application" DROP COLUMN "awarded_amount"');
  }
}
