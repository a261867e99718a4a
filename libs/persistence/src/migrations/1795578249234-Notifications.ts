import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795578249234 implements MigrationInterface {
  name = 'Notifications1795578249234';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbox_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(60) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP(3) WITH TIME ZONE, "dispatch_count" integer NOT NULL DEFAULT \'0\', "processed_at" TIMESTAMP(3) WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"notification_email_state\" AS ENUM('PENDING', 'SENT', 'SKIPPED')",
    );
    await queryRunner.query(
      'CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(60) NOT NULL, "title" character varying(300) NOT NULL, "body" text NOT NULL, "link" text, "dedupe_key" character varying(200) NOT NULL, "email_state" "public"."notification_email_state" NOT NULL DEFAULT \'PENDING\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_notification_user_created" ON "notification"  ("user_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_notification_user_dedupe" ON "notification"  ("user_id", "dedupe_key") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"notification_email_frequency\" AS ENUM('IMMEDIATE', 'DAILY_DIGEST', 'NONE')",
    );
    await queryRunner.query(
      'CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "email_frequency" "public"."notification_email_frequency" NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ff040d2d2e35c49b00525783829" PRIMARY KEY ("user_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "email_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "to_address" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "dedupe_key" character varying(200) NOT NULL, "transport" character varying(20) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP(3) WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_b6fbfc201f705fbf1ac87bd7197" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_email_outbox_user" ON "email_outbox"  ("user_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_email_outbox_dedupe" ON "email_outbox"  ("dedupe_key") ');
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Partial indexes, declared synchronize: false on the entities: the outbox sweep reads only
    // unprocessed events, the e-mail jobs only notifications still to be mailed.
    await queryRunner.query(
      'CREATE INDEX "IDX_outbox_event_unprocessed" ON "outbox_event" ("created_at") WHERE "processed_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_notification_email_pending" ON "notification" ("created_at") WHERE "email_state" = \'PENDING\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_notification_email_pending"');
    await queryRunner.query('DROP INDEX "IDX_outbox_event_unprocessed"');
    await queryRunner.query('ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_ff040d2d2e35c49b00525783829"');
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"');
    await queryRunner.query('DROP TABLE "email_outbox"');
    await queryRunner.query('DROP TABLE "notification_preference"');
    await queryRunner.query('DROP TYPE "public"."notification_email_frequency"');
    await queryRunner.query('DROP TABLE "notification"');
    await queryRunner.query('DROP TYPE "public"."notification_email_state"');
    await queryRunner.query('DROP TABLE "outbox_event"');
  }
}
