import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * registration_request: pending confirmations of new accounts' e-mail addresses
 * (startRegistration). Only the SHA-256 of the single-use token is stored; one row per address
 * (asking again replaces the token with ON CONFLICT (email)).
 */
export class RegistrationRequests1795640000021 implements MigrationInterface {
  name = 'RegistrationRequests1795640000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "registration_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a4cdc69e7b9197ae3360cdbb50e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_registration_request_email" ON "registration_request"  ("email") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_registration_request_token" ON "registration_request"  ("token_hash") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "registration_request"');
  }
}
