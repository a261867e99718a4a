import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A covering index for fund matching: fundCandidates reads, for each eligible organization, the
 * columns its live projects are scored on, from this index alone (index-only scans) instead of the
 * wide project rows.
 */
export class ProjectMatchingIndex1795590000000 implements MigrationInterface {
  name = 'ProjectMatchingIndex1795590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_project_matching" ON "project" ("organization_id")
         INCLUDE ("id", "kind", "countries", "themes", "sdgs", "funding_sought_amount", "funding_sought_currency")
         WHERE "archived_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_project_matching"');
  }
}
