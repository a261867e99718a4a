import { MigrationInterface, QueryRunner } from 'typeorm';

/** libs/dialogue: why the convener invited an organization (inviteToConsultation's reason), shown in the report. */
export class InvitationReason1796091000001 implements MigrationInterface {
  name = 'InvitationReason1796091000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "consultation_invitation" ADD "reason" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "consultation_invitation" DROP COLUMN "reason"');
  }
}
