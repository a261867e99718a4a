import { MigrationInterface, QueryRunner } from 'typeorm';

export class FundsAndApplications1795565233809 implements MigrationInterface {
  name = 'FundsAndApplications1795565233809';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"fund_status\" AS ENUM('DRAFT', 'OPEN', 'CLOSED')");
    await queryRunner.query(
      'INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), \'public\', \'fund\', \'GENERATED_COLUMN\', \'search_vector\', $1)',
      [
        "setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')",
      ],
    );
    await queryRunner.query(
      'CREATE TABLE "fund" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "funder_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "status" "public"."fund_status" NOT NULL DEFAULT \'DRAFT\', "currency" character(3) NOT NULL, "min_grant" numeric(14,2), "max_grant" numeric(14,2), "total_budget" numeric(16,2), "co_funding_percent" numeric(5,2), "opens_at" TIMESTAMP(3) WITH TIME ZONE, "deadline" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "themes" text array NOT NULL DEFAULT \'{}\', "sdgs" smallint array NOT NULL DEFAULT \'{}\', "prioritizes_women_led" boolean NOT NULL DEFAULT false, "prioritizes_youth_led" boolean NOT NULL DEFAULT false, "eligible_organization_kinds" text array NOT NULL DEFAULT \'{}\', "eligible_countries_of_residence" text array NOT NULL DEFAULT \'{}\', "eligible_countries_of_origin" text array NOT NULL DEFAULT \'{}\', "eligible_countries_of_implementation" text array NOT NULL DEFAULT \'{}\', "eligible_project_kinds" text array NOT NULL DEFAULT \'{}\', "requires_legal_registration" boolean NOT NULL DEFAULT false, "requires_verification" boolean NOT NULL DEFAULT false, "min_organization_age_years" integer, "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector(\'english\', coalesce(title, \'\')), \'A\') || setweight(to_tsvector(\'english\', coalesce(description, \'\')), \'B\')) STORED, "text_query" tsquery, "closed_at" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b3ac6e413e6e449bb499db1ccbc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_fund_funder" ON "fund"  ("funder_id") ');
    await queryRunner.query('CREATE INDEX "IDX_fund_open_deadline" ON "fund"  ("status", "deadline") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"application_status\" AS ENUM('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED', 'AWARDED', 'REJECTED', 'WITHDRAWN')",
    );
    await queryRunner.query(
      'CREATE TABLE "fund_application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fund_id" uuid NOT NULL, "project_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "status" "public"."application_status" NOT NULL, "requested_amount" numeric(14,2) NOT NULL, "requested_currency" character(3) NOT NULL, "statement" text NOT NULL, "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "decision_note" text, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1ffbdb50390ef2fda4e5f4e587a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_fund_application_fund" ON "fund_application"  ("fund_id") ');
    await queryRunner.query('CREATE INDEX "IDX_fund_application_project" ON "fund_application"  ("project_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_fund_application_organization" ON "fund_application"  ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "application_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "from_status" "public"."application_status", "to_status" "public"."application_status" NOT NULL, "note" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dfaa2b28d25fb0223bfd1313f0a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_application_event_application" ON "application_event"  ("application_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "fund" ADD CONSTRAINT "FK_4f307e5a19d4f00a29bb85881d6" FOREIGN KEY ("funder_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "fund_application" ADD CONSTRAINT "FK_9768da86e815b22a81868c823d7" FOREIGN KEY ("fund_id") REFERENCES "fund"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "fund_application" ADD CONSTRAINT "FK_01f9b43c23c151fae4742fb6cb5" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "fund_application" ADD CONSTRAINT "FK_dbbcc0d273ac968d84d6a7bf269" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "application_event" ADD CONSTRAINT "FK_a438c3c070f4e044fed183f458c" FOREIGN KEY ("application_id") REFERENCES "fund_application"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('CREATE INDEX "IDX_fund_themes" ON "fund" USING gin ("themes")');
    await queryRunner.query('CREATE INDEX "IDX_fund_search" ON "fund" USING gin ("search_vector")');
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_fund_application_live" ON "fund_application" ("fund_id", "project_id")
         WHERE "status" IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED', 'AWARDED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['UQ_fund_application_live', 'IDX_fund_themes', 'IDX_fund_search']) {
      await queryRunner.query(`DROP INDEX "${name}"`);
    }
    await queryRunner.query('ALTER TABLE "application_event" DROP CONSTRAINT "FK_a438c3c070f4e044fed183f458c"');
    await queryRunner.query('ALTER TABLE "fund_application" DROP CONSTRAINT "FK_dbbcc0d273ac968d84d6a7bf269"');
    await queryRunner.query('ALTER TABLE "fund_application" DROP CONSTRAINT "FK_01f9b43c23c151fae4742fb6cb5"');
    await queryRunner.query('ALTER TABLE "fund_application" DROP CONSTRAINT "FK_9768da86e815b22a81868c823d7"');
    await queryRunner.query('ALTER TABLE "fund" DROP CONSTRAINT "FK_4f307e5a19d4f00a29bb85881d6"');
    await queryRunner.query('DROP INDEX "public"."IDX_application_event_application"');
    await queryRunner.query('DROP TABLE "application_event"');
    await queryRunner.query('DROP TYPE "public"."application_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_fund_application_organization"');
    await queryRunner.query('DROP INDEX "public"."IDX_fund_application_project"');
    await queryRunner.query('DROP INDEX "public"."IDX_fund_application_fund"');
    await queryRunner.query('DROP TABLE "fund_application"');
    await queryRunner.query('DROP INDEX "public"."IDX_fund_open_deadline"');
    await queryRunner.query('DROP INDEX "public"."IDX_fund_funder"');
    await queryRunner.query('DROP TABLE "fund"');
    await queryRunner.query(
      'DELETE FROM "typeorm_metadata" WHERE "type" = \'GENERATED_COLUMN\' AND "name" = \'search_vector\' AND "schema" = \'public\' AND "table" = \'fund\'',
    );
    await queryRunner.query('DROP TYPE "public"."fund_status"');
  }
}
