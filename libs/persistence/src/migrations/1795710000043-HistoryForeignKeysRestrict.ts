import { MigrationInterface, QueryRunner } from 'typeorm';

/** The history tables and the foreign key to their subject (names as TypeORM generated them). */
const HISTORY_KEYS = [
  ['verification_event', 'FK_602bd47fee2838d3386ee6287db', 'organization_id', 'organization'],
  ['partnership_event', 'FK_9fa29311a73462d806404bc9a30', 'partnership_id', 'partnership'],
  ['application_event', 'FK_a438c3c070f4e044fed183f458c', 'application_id', 'fund_application'],
  ['enrolment_event', 'FK_8345cfe22af403ddf543b6c180a', 'enrolment_id', 'enrolment'],
] as const;

/**
 * One on-delete rule for every status history (docs/domain.md, "History"): RESTRICT, as
 * consultation_event already had. History is kept; deleting a subject that has history fails instead
 * of erasing it. Only the four foreign keys are re-created: no row changes.
 */
export class HistoryForeignKeysRestrict1795710000043 implements MigrationInterface {
  name = 'HistoryForeignKeysRestrict1795710000043';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.recreate(queryRunner, 'RESTRICT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.recreate(queryRunner, 'CASCADE');
  }

  private async recreate(queryRunner: QueryRunner, onDelete: 'RESTRICT' | 'CASCADE') {
    for (const [table, key, column, subject] of HISTORY_KEYS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${key}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${key}" FOREIGN KEY ("${column}") REFERENCES "${subject}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
  }
}
