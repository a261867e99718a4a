import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectsAndPartnerships1795564806584 implements MigrationInterface {
  name = 'ProjectsAndPartnerships1795564806584';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"project_kind\" AS ENUM('ENTREPRENEURSHIP', 'SOCIAL_INVESTMENT', 'POLICY_ADVOCACY', 'KNOWLEDGE_TRANSFER', 'RETURN_AND_REINTEGRATION', 'REMITTANCES', 'CAPACITY_BUILDING', 'HUMANITARIAN')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"project_status\" AS ENUM('IDEA', 'PLANNING', 'SEEKING_FUNDING', 'ACTIVE', 'COMPLETED', 'CANCELLED')",
    );
    await queryRunner.query(
      'INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), \'public\', \'project\', \'GENERATED_COLUMN\', \'search_vector\', $1)',
      [
        "setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'B') || setweight(to_tsvector('english', coalesce(locality, '')), 'C')",
      ],
    );
    await queryRunner.query(
      'CREATE TABLE "project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "summary" text NOT NULL, "kind" "public"."project_kind" NOT NULL, "status" "public"."project_status" NOT NULL DEFAULT \'IDEA\', "countries" text array NOT NULL DEFAULT \'{}\', "locality" character varying(200), "themes" text array NOT NULL DEFAULT \'{}\', "sdgs" smallint array NOT NULL DEFAULT \'{}\', "budget_amount" numeric(14,2), "budget_currency" character(3), "funding_sought_amount" numeric(14,2), "funding_sought_currency" character(3), "start_date" date, "end_date" date, "beneficiaries" integer, "archived_at" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid NOT NULL, "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector(\'english\', coalesce(title, \'\')), \'A\') || setweight(to_tsvector(\'english\', coalesce(summary, \'\')), \'B\') || setweight(to_tsvector(\'english\', coalesce(locality, \'\')), \'C\')) STORED, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_project_organization" ON "project"  ("organization_id") ');
    await queryRunner.query(
      'CREATE TABLE "indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "unit" character varying(60) NOT NULL, "baseline" double precision NOT NULL, "target" double precision NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4693fe4c2cb912a71e05c589e7e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_indicator_project" ON "indicator"  ("project_id") ');
    await queryRunner.query(
      'CREATE TABLE "measurement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_id" uuid NOT NULL, "value" double precision NOT NULL, "measured_on" date NOT NULL, "note" text, "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_742ff3cc0dcbbd34533a9071dfd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_measurement_indicator" ON "measurement"  ("indicator_id") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"partnership_kind\" AS ENUM('CO_IMPLEMENTATION', 'FUNDING', 'KNOWLEDGE_EXCHANGE', 'ALLIANCE', 'TWINNING', 'MENTORING')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"partnership_status\" AS ENUM('PROPOSED', 'ACTIVE', 'DECLINED', 'ENDED')",
    );
    await queryRunner.query(
      'CREATE TABLE "partnership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."partnership_kind" NOT NULL, "status" "public"."partnership_status" NOT NULL DEFAULT \'PROPOSED\', "initiator_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "project_id" uuid, "message" text, "proposed_by_id" uuid NOT NULL, "responded_at" TIMESTAMP(3) WITH TIME ZONE, "ended_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1bf1be9f475497d8b396d4cc56" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_partnership_initiator" ON "partnership"  ("initiator_id") ');
    await queryRunner.query('CREATE INDEX "IDX_partnership_partner" ON "partnership"  ("partner_id") ');
    await queryRunner.query('CREATE INDEX "IDX_partnership_project" ON "partnership"  ("project_id") ');
    await queryRunner.query(
      'CREATE TABLE "partnership_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partnership_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "from_status" "public"."partnership_status", "to_status" "public"."partnership_status" NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c911b7cfafd2295bfbe8702a077" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_partnership_event_partnership" ON "partnership_event"  ("partnership_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "project" ADD CONSTRAINT "FK_e4616ee32e66481cf9b9f1a6466" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "indicator" ADD CONSTRAINT "FK_df7b34e93425800f64d6dbdeebc" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "measurement" ADD CONSTRAINT "FK_4a5471207e8878d1fd5f2d1ee89" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "partnership" ADD CONSTRAINT "FK_5ab3491f514a40162026c626519" FOREIGN KEY ("initiator_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "partnership" ADD CONSTRAINT "FK_6d83438794de8d6e641f2b0babc" FOREIGN KEY ("partner_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "partnership" ADD CONSTRAINT "FK_82ad7f64b9aa8531c2cb94e2cc8" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "partnership_event" ADD CONSTRAINT "FK_9fa29311a73462d806404bc9a30" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // GIN indexes (array overlap, full text) and the live-pair rule of partnerships, declared synchronize: false.
    for (const column of ['countries', 'themes', 'sdgs']) {
      await queryRunner.query(`CREATE INDEX "IDX_project_${column}" ON "project" USING gin ("${column}")`);
    }
    await queryRunner.query('CREATE INDEX "IDX_project_search" ON "project" USING gin ("search_vector")');
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_partnership_live_pair" ON "partnership"
         (LEAST("initiator_id", "partner_id"), GREATEST("initiator_id", "partner_id"), "kind")
         WHERE "status" IN ('PROPOSED', 'ACTIVE')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "UQ_partnership_live_pair"');
    for (const name of ['countries', 'themes', 'sdgs', 'search'])
      await queryRunner.query(`DROP INDEX "IDX_project_${name}"`);
    await queryRunner.query('ALTER TABLE "partnership_event" DROP CONSTRAINT "FK_9fa29311a73462d806404bc9a30"');
    await queryRunner.query('ALTER TABLE "partnership" DROP CONSTRAINT "FK_82ad7f64b9aa8531c2cb94e2cc8"');
    await queryRunner.query('ALTER TABLE "partnership" DROP CONSTRAINT "FK_6d83438794de8d6e641f2b0babc"');
    await queryRunner.query('ALTER TABLE "partnership" DROP CONSTRAINT "FK_5ab3491f514a40162026c626519"');
    await queryRunner.query('ALTER TABLE "measurement" DROP CONSTRAINT "FK_4a5471207e8878d1fd5f2d1ee89"');
    await queryRunner.query('ALTER TABLE "indicator" DROP CONSTRAINT "FK_df7b34e93425800f64d6dbdeebc"');
    await queryRunner.query('ALTER TABLE "project" DROP CONSTRAINT "FK_e4616ee32e66481cf9b9f1a6466"');
    await queryRunner.query('DROP INDEX "public"."IDX_partnership_event_partnership"');
    await queryRunner.query('DROP TABLE "partnership_event"');
    await queryRunner.query('DROP TYPE "public"."partnership_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_partnership_project"');
    await queryRunner.query('DROP INDEX "public"."IDX_partnership_partner"');
    await queryRunner.query('DROP INDEX "public"."IDX_partnership_initiator"');
    await queryRunner.query('DROP TABLE "partnership"');
    await queryRunner.query('DROP TYPE "public"."partnership_kind"');
    await queryRunner.query('DROP INDEX "public"."IDX_measurement_indicator"');
    await queryRunner.query('DROP TABLE "measurement"');
    await queryRunner.query('DROP INDEX "public"."IDX_indicator_project"');
    await queryRunner.query('DROP TABLE "indicator"');
    await queryRunner.query('DROP INDEX "public"."IDX_project_organization"');
    await queryRunner.query('DROP TABLE "project"');
    await queryRunner.query(
      'DELETE FROM "typeorm_metadata" WHERE "type" = \'GENERATED_COLUMN\' AND "name" = \'search_vector\' AND "schema" = \'public\' AND "table" = \'project\'',
    );
    await queryRunner.query('DROP TYPE "public"."project_status"');
    await queryRunner.query('DROP TYPE "public"."project_kind"');
  }
}
