import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * libs/notifications: what a notification says as catalogue sentences (key and values), so that it
 * reads in its reader's language (issue 14). Nullable: older notifications keep only their English
 * title and body, which every notification still stores.
 */
export class NotificationTexts1796220000001 implements MigrationInterface {
  name = 'NotificationTexts1796220000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification" ADD "title_text" jsonb');
    await queryRunner.query('ALTER TABLE "notification" ADD "body_text" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification" DROP COLUMN "body_text"');
    await queryRunner.query('ALTER TABLE "notification" DROP COLUMN "title_text"');
  }
}
