import { MigrationInterface, QueryRunner } from 'typeorm';

/** app_user.email_visibility: who besides the user and moderators sees her e-mail (PRIVATE by default). */
export class UserEmailVisibility1795620000003 implements MigrationInterface {
  name = 'UserEmailVisibility1795620000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."email_visibility" AS ENUM('PRIVATE', 'ORGANIZATIONS')`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD "email_visibility" "public"."email_visibility" NOT NULL DEFAULT 'PRIVATE'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "email_visibility"`);
    await queryRunner.query(`DROP TYPE "public"."email_visibility"`);
  }
}
