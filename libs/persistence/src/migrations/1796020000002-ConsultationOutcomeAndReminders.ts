import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultations: the outcome summary the convener publishes (and when), when participants were told
 * it closed (once), and when a PENDING invitee was reminded (once) by the scheduled dialogue job.
 */
export class ConsultationOutcomeAndReminders1796020000002 implements MigrationInterface {
  name = 'ConsultationOutcomeAndReminders1796020000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "consultation" ADD "outcome_summary" text');
    await queryRunner.query('ALTER TABLE "consultation" ADD "outcome_published_at" TIMESTAMP(3) WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "consultation" ADD "closing_announced_at" TIMESTAMP(3) WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "consultation_invitation" ADD "reminded_at" TIMESTAMP(3) WITH TIME ZONE');
    // Consultations closed before this migration are not announced again (nor reminded).
    await queryRunner.query(
      `UPDATE consultation SET closing_announced_at = coalesce(closed_at, closes_at)
        WHERE status = 'CLOSED' OR (status = 'OPEN' AND closes_at <= now())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "consultation_invitation" DROP COLUMN "reminded_at"');
    await queryRunner.query('ALTER TABLE "consultation" DROP COLUMN "closing_announced_at"');
    await queryRunner.query('ALTER TABLE "consultation" DROP COLUMN "outcome_published_at"');
    await queryRunner.query('ALTER TABLE "consultation" DROP COLUMN "outcome_summary"');
  }
}
