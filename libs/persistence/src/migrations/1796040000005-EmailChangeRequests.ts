import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * email_change_request: pending changes of a user's e-mail address (requestEmailChange), confirmed
 * with a single-use token mailed to the new address; only the token's SHA-256 is stored.
 */
export class EmailChangeRequests1796040000005 implements MigrationInterface {
  name = 'EmailChangeRequests1796040000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "email_change_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "new_email" character varying(254) NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_1dbc726df4d819846ec1ae35c4a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_email_change_request_user" ON "email_change_request" ("user_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_email_change_request_token" ON "email_change_request" ("token_hash") ',
    );
    await queryRunner.query(
      'ALTER TABLE "email_change_request" ADD CONSTRAINT "FK_cb1cf2dd0a442970441da146c05" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "email_change_request"');
  }
}
