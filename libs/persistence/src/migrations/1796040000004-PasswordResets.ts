import { MigrationInterface, QueryRunner } from 'typeorm';

/** password_reset: single-use, expiring password-reset links (requestPasswordReset); only the token's SHA-256 is stored. */
export class PasswordResets1796040000004 implements MigrationInterface {
  name = 'PasswordResets1796040000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "password_reset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_8515e60a2cc41584fa4784f52ce" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_password_reset_user" ON "password_reset" ("user_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_password_reset_token" ON "password_reset" ("token_hash") ');
    await queryRunner.query(
      'ALTER TABLE "password_reset" ADD CONSTRAINT "FK_ad88301fdc79593dd222268a8b6" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "password_reset"');
  }
}
