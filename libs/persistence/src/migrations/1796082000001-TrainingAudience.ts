import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * libs/capacity: a training offer's audience (countries and regions of residence; empty = everyone) and
 * whether its languages are required (docs/matching.md, "Trainings").
 */
export class TrainingAudience1796082000001 implements MigrationInterface {
  name = 'TrainingAudience1796082000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "training_offer" ADD "audience_countries_of_residence" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "training_offer" ADD "audience_regions" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "training_offer" ADD "language_required" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "training_offer" DROP COLUMN "language_required"');
    await queryRunner.query('ALTER TABLE "training_offer" DROP COLUMN "audience_regions"');
    await queryRunner.query('ALTER TABLE "training_offer" DROP COLUMN "audience_countries_of_residence"');
  }
}
