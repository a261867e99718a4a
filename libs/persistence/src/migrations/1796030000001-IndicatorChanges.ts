import { MigrationInterface, QueryRunner } from 'typeorm';

/** indicator_change: the history of corrections and deletions of indicators and measurements (Project.indicatorHistory). */
export class IndicatorChanges1796030000001 implements MigrationInterface {
  name = 'IndicatorChanges1796030000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"indicator_change_action\" AS ENUM('INDICATOR_UPDATED', 'INDICATOR_DELETED', 'MEASUREMENT_UPDATED', 'MEASUREMENT_DELETED')",
    );
    await queryRunner.query(
      'CREATE TABLE "indicator_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "project_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "measurement_id" uuid, "action" "public"."indicator_change_action" NOT NULL, "actor_id" uuid NOT NULL, "before" jsonb NOT NULL, "after" jsonb, CONSTRAINT "PK_69c18a1744d70ab4407a0824c91" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_indicator_change_project" ON "indicator_change"  ("project_id") ');
    await queryRunner.query(
      'ALTER TABLE "indicator_change" ADD CONSTRAINT "FK_ca15e655824f209f60afa70a287" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "indicator_change" DROP CONSTRAINT "FK_ca15e655824f209f60afa70a287"');
    await queryRunner.query('DROP TABLE "indicator_change"');
    await queryRunner.query('DROP TYPE "public"."indicator_change_action"');
  }
}
