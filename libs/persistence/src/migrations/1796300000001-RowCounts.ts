import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows are counted as they change (libs/common/src/pagination/row-counts.ts reads them). */
const COUNTED = ['organization'];

/**
 * The number of rows of the tables whose lists are most often shown unfiltered with their totalCount (the
 * directory's first page: `count(*)` over every organization was more than half of that page's database
 * work), kept by statement triggers in the same transaction as each insert, delete or truncate: always
 * exact, and read as one row. Filtered lists still count their rows. (Project lists always keep out archived
 * projects: a count of every project would serve none of them.)
 */
export class RowCounts1796300000001 implements MigrationInterface {
  name = 'RowCounts1796300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "row_count" ("table_name" text PRIMARY KEY, "n" bigint NOT NULL)');
    for (const [name, change] of [
      ['inserted', '+ (SELECT count(*) FROM inserted)'],
      ['deleted', '- (SELECT count(*) FROM deleted)'],
    ]) {
      await queryRunner.query(`CREATE FUNCTION "row_count_${name}"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE "row_count" SET "n" = "n" ${change} WHERE "table_name" = TG_TABLE_NAME;
          RETURN NULL;
        END $$`);
    }
    await queryRunner.query(`CREATE FUNCTION "row_count_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "row_count" SET "n" = 0 WHERE "table_name" = TG_TABLE_NAME;
        RETURN NULL;
      END $$`);
    for (const table of COUNTED) {
      // the triggers first: their lock keeps out any insert until the first count is written with them
      await queryRunner.query(`CREATE TRIGGER "${table}_row_count_insert" AFTER INSERT ON "${table}"
        REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "row_count_inserted"()`);
      await queryRunner.query(`CREATE TRIGGER "${table}_row_count_delete" AFTER DELETE ON "${table}"
        REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "row_count_deleted"()`);
      await queryRunner.query(`CREATE TRIGGER "${table}_row_count_truncate" AFTER TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION "row_count_truncated"()`);
      await queryRunner.query(
        `INSERT INTO "row_count" ("table_name", "n") SELECT '${table}', count(*) FROM "${table}"`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of COUNTED) {
      for (const change of ['insert', 'delete', 'truncate']) {
        await queryRunner.query(`DROP TRIGGER "${table}_row_count_${change}" ON "${table}"`);
      }
    }
    for (const name of ['inserted', 'deleted', 'truncated'])
      await queryRunner.query(`DROP FUNCTION "row_count_${name}"()`);
    await queryRunner.query('DROP TABLE "row_count"');
  }
}
