import { MigrationInterface, QueryRunner } from 'typeorm';

export class CapacityBuilding1795577990668 implements MigrationInterface {
  name = 'CapacityBuilding1795577990668';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "capacity_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "scores" jsonb NOT NULL, "needs" text array NOT NULL DEFAULT \'{}\', "submitted_by_id" uuid NOT NULL, "assessed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3eefd2009496d0de17816ae4dc2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_capacity_assessment_latest" ON "capacity_assessment"  ("organization_id", "assessed_at") ',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"training_format\" AS ENUM('ONLINE', 'IN_PERSON', 'HYBRID')");
    await queryRunner.query("CREATE TYPE \"public\".\"training_status\" AS ENUM('DRAFT', 'PUBLISHED', 'CANCELLED')");
    await queryRunner.query(
      'INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), \'public\', \'training_offer\', \'GENERATED_COLUMN\', \'search_vector\', $1)',
      [
        "setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('english', coalesce(city, '')), 'C')",
      ],
    );
    await queryRunner.query(
      'CREATE TABLE "training_offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "capacity_areas" text array NOT NULL DEFAULT \'{}\', "format" "public"."training_format" NOT NULL, "languages" text array NOT NULL DEFAULT \'{}\', "country" character varying(2), "city" character varying(120), "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP(3) WITH TIME ZONE, "application_deadline" TIMESTAMP(3) WITH TIME ZONE, "seats" integer NOT NULL, "cost_amount" numeric(12,2), "cost_currency" character(3), "subsidy_available" boolean NOT NULL DEFAULT false, "eligible_organization_kinds" text array NOT NULL DEFAULT \'{}\', "status" "public"."training_status" NOT NULL DEFAULT \'DRAFT\', "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector(\'english\', coalesce(title, \'\')), \'A\') || setweight(to_tsvector(\'english\', coalesce(description, \'\')), \'B\') || setweight(to_tsvector(\'english\', coalesce(city, \'\')), \'C\')) STORED, "published_at" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_edd788af6a1ed7919323947e901" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_training_offer_provider" ON "training_offer"  ("provider_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_training_offer_status_starts" ON "training_offer"  ("status", "starts_at") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"enrolment_status\" AS ENUM('APPLIED', 'ACCEPTED', 'WAITLISTED', 'DECLINED', 'COMPLETED', 'CANCELLED')",
    );
    await queryRunner.query(
      'CREATE TABLE "enrolment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "training_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "status" "public"."enrolment_status" NOT NULL, "rating" smallint, "comment" text, "rated_at" TIMESTAMP(3) WITH TIME ZONE, "completed_at" TIMESTAMP(3) WITH TIME ZONE, "cancelled_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5d2679f6c891d77c58aa0e05f2b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_enrolment_organization" ON "enrolment"  ("organization_id") ');
    await queryRunner.query('CREATE INDEX "IDX_enrolment_participant" ON "enrolment"  ("participant_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_enrolment_training_status" ON "enrolment"  ("training_id", "status", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "enrolment_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "from_status" "public"."enrolment_status", "to_status" "public"."enrolment_status" NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e3da72b56fdb89ac64b2a3c6562" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_enrolment_event_enrolment" ON "enrolment_event"  ("enrolment_id") ');
    await queryRunner.query(
      'ALTER TABLE "capacity_assessment" ADD CONSTRAINT "FK_e8a584875a7f80ffb0828c31f76" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "training_offer" ADD CONSTRAINT "FK_a9f15926053e0d3727e2d52d04f" FOREIGN KEY ("provider_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "enrolment" ADD CONSTRAINT "FK_4ac0ba68e754eaac3bbff9e3052" FOREIGN KEY ("training_id") REFERENCES "training_offer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "enrolment" ADD CONSTRAINT "FK_09cdfb993e1e1aa25ec94391926" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "enrolment" ADD CONSTRAINT "FK_f4bbdea96292a11a5bc24ec64be" FOREIGN KEY ("participant_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "enrolment_event" ADD CONSTRAINT "FK_8345cfe22af403ddf543b6c180a" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_training_offer_capacity_areas" ON "training_offer" USING gin ("capacity_areas")',
    );
    await queryRunner.query('CREATE INDEX "IDX_training_offer_search" ON "training_offer" USING gin ("search_vector")');
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_enrolment_live" ON "enrolment" ("training_id", "organization_id")
         WHERE "status" IN ('APPLIED', 'ACCEPTED', 'WAITLISTED', 'COMPLETED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['UQ_enrolment_live', 'IDX_training_offer_search', 'IDX_training_offer_capacity_areas']) {
      await queryRunner.query(`DROP INDEX "${name}"`);
    }
    await queryRunner.query('ALTER TABLE "enrolment_event" DROP CONSTRAINT "FK_8345cfe22af403ddf543b6c180a"');
    await queryRunner.query('ALTER TABLE "enrolment" DROP CONSTRAINT "FK_f4bbdea96292a11a5bc24ec64be"');
    await queryRunner.query('ALTER TABLE "enrolment" DROP CONSTRAINT "FK_09cdfb993e1e1aa25ec94391926"');
    await queryRunner.query('ALTER TABLE "enrolment" DROP CONSTRAINT "FK_4ac0ba68e754eaac3bbff9e3052"');
    await queryRunner.query('ALTER TABLE "training_offer" DROP CONSTRAINT "FK_a9f15926053e0d3727e2d52d04f"');
    await queryRunner.query('ALTER TABLE "capacity_assessment" DROP CONSTRAINT "FK_e8a584875a7f80ffb0828c31f76"');
    await queryRunner.query('DROP TABLE "enrolment_event"');
    await queryRunner.query('DROP TYPE "public"."enrolment_status"');
    await queryRunner.query('DROP TABLE "enrolment"');
    await queryRunner.query('DROP TABLE "training_offer"');
    await queryRunner.query(
      'DELETE FROM "typeorm_metadata" WHERE "type" = \'GENERATED_COLUMN\' AND "name" = \'search_vector\' AND "schema" = \'public\' AND "table" = \'training_offer\'',
    );
    await queryRunner.query('DROP TYPE "public"."training_status"');
    await queryRunner.query('DROP TYPE "public"."training_format"');
    await queryRunner.query('DROP TABLE "capacity_assessment"');
  }
}
