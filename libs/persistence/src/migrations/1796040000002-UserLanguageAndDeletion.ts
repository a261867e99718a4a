import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * app_user.preferred_language (the language of her e-mails, 'en' for everyone until she chooses)
 * and app_user.deleted_at (deleteMyAccount erases the personal data and keeps the row for histories).
 */
export class UserLanguageAndDeletion1796040000002 implements MigrationInterface {
  name = 'UserLanguageAndDeletion1796040000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD "preferred_language" character varying(8) NOT NULL DEFAULT 'en'`,
    );
    await queryRunner.query('ALTER TABLE "app_user" ADD "deleted_at" TIMESTAMP(3) WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "deleted_at"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "preferred_language"');
  }
}
