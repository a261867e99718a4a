import { MigrationInterface, QueryRunner } from 'typeorm';

export class Consultations1795578021109 implements MigrationInterface {
  name = 'Consultations1795578021109';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"consultation_level\" AS ENUM('LOCAL', 'NATIONAL', 'REGIONAL', 'INTERNATIONAL')",
    );
    await queryRunner.query("CREATE TYPE \"public\".\"consultation_status\" AS ENUM('DRAFT', 'OPEN', 'CLOSED')");
    await queryRunner.query(
      'CREATE TABLE "consultation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "convener_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "level" "public"."consultation_level" NOT NULL, "status" "public"."consultation_status" NOT NULL DEFAULT \'DRAFT\', "themes" text array NOT NULL DEFAULT \'{}\', "countries_of_origin" text array NOT NULL DEFAULT \'{}\', "country" character varying(2), "opens_at" TIMESTAMP(3) WITH TIME ZONE, "closes_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "opened_at" TIMESTAMP(3) WITH TIME ZONE, "closed_at" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5203569fac28a4a626c42abe70b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_consultation_convener" ON "consultation"  ("convener_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_consultation_status_closes_at" ON "consultation"  ("status", "closes_at") ',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"invitation_status\" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED')");
    await queryRunner.query(
      'CREATE TABLE "consultation_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "status" "public"."invitation_status" NOT NULL DEFAULT \'PENDING\', "invited_by_id" uuid NOT NULL, "responded_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b43c42cb79c6edd101e7acdd5f0" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_consultation_invitation_organization" ON "consultation_invitation"  ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_consultation_invitation" ON "consultation_invitation"  ("consultation_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "contribution" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_878330fa5bb34475732a5883d58" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_contribution_consultation" ON "contribution"  ("consultation_id") ');
    await queryRunner.query('CREATE INDEX "IDX_contribution_organization" ON "contribution"  ("organization_id") ');
    await queryRunner.query(
      'CREATE TABLE "consultation_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "invitation_id" uuid, "actor_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9f8964e321653f4d4a65f6f7883" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_consultation_event_consultation" ON "consultation_event"  ("consultation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_consultation_event_invitation" ON "consultation_event"  ("invitation_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "consultation" ADD CONSTRAINT "FK_e285dc2c2fc6a4bbfc0b5b37e26" FOREIGN KEY ("convener_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "consultation_invitation" ADD CONSTRAINT "FK_f31a208cd5bf9e1d0394c4a8df7" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "consultation_invitation" ADD CONSTRAINT "FK_bb4a3121c14e7b656cea6066f0e" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contribution" ADD CONSTRAINT "FK_8ff2dad6bc07036cea09e4f3a8f" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contribution" ADD CONSTRAINT "FK_56abbd9ddbb39cee3cc119567c2" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contribution" ADD CONSTRAINT "FK_2bc9db5593a07308751d4d0a944" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "consultation_event" ADD CONSTRAINT "FK_278ac05ccc9923e83d775f1c712" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "consultation_event" ADD CONSTRAINT "FK_d5d086bc381b4c0bdbe2b532727" FOREIGN KEY ("invitation_id") REFERENCES "consultation_invitation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "consultation_event" DROP CONSTRAINT "FK_d5d086bc381b4c0bdbe2b532727"');
    await queryRunner.query('ALTER TABLE "consultation_event" DROP CONSTRAINT "FK_278ac05ccc9923e83d775f1c712"');
    await queryRunner.query('ALTER TABLE "contribution" DROP CONSTRAINT "FK_2bc9db5593a07308751d4d0a944"');
    await queryRunner.query('ALTER TABLE "contribution" DROP CONSTRAINT "FK_56abbd9ddbb39cee3cc119567c2"');
    await queryRunner.query('ALTER TABLE "contribution" DROP CONSTRAINT "FK_8ff2dad6bc07036cea09e4f3a8f"');
    await queryRunner.query('ALTER TABLE "consultation_invitation" DROP CONSTRAINT "FK_bb4a3121c14e7b656cea6066f0e"');
    await queryRunner.query('ALTER TABLE "consultation_invitation" DROP CONSTRAINT "FK_f31a208cd5bf9e1d0394c4a8df7"');
    await queryRunner.query('ALTER TABLE "consultation" DROP CONSTRAINT "FK_e285dc2c2fc6a4bbfc0b5b37e26"');
    await queryRunner.query('DROP TABLE "consultation_event"');
    await queryRunner.query('DROP TABLE "contribution"');
    await queryRunner.query('DROP TABLE "consultation_invitation"');
    await queryRunner.query('DROP TYPE "public"."invitation_status"');
    await queryRunner.query('DROP TABLE "consultation"');
    await queryRunner.query('DROP TYPE "public"."consultation_status"');
    await queryRunner.query('DROP TYPE "public"."consultation_level"');
  }
}
