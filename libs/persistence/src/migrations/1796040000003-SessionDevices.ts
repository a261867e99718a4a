import { MigrationInterface, QueryRunner } from 'typeorm';

/** refresh_token.user_agent and ip_address: the device and address of a session (mySessions); null for older tokens. */
export class SessionDevices1796040000003 implements MigrationInterface {
  name = 'SessionDevices1796040000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "refresh_token" ADD "user_agent" character varying(300)');
    await queryRunner.query('ALTER TABLE "refresh_token" ADD "ip_address" character varying(64)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "refresh_token" DROP COLUMN "ip_address"');
    await queryRunner.query('ALTER TABLE "refresh_token" DROP COLUMN "user_agent"');
  }
}
