import { MigrationInterface, QueryRunner } from 'typeorm';

/** libs/funds: fund_shortlist, the candidates a funder shortlisted (and invited to apply) before they applied. */
export class FundShortlist1796120000001 implements MigrationInterface {
  name = 'FundShortlist1796120000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "fund_shortlist" ("fund_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "shortlisted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fund_shortlist" PRIMARY KEY ("fund_id", "organization_id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_fund_shortlist_organization" ON "fund_shortlist" ("organization_id")');
    await queryRunner.query(
      'ALTER TABLE "fund_shortlist" ADD CONSTRAINT "FK_fund_shortlist_fund" FOREIGN KEY ("fund_id") REFERENCES "fund"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "fund_shortlist" ADD CONSTRAINT "FK_fund_shortlist_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "fund_shortlist"');
  }
}
