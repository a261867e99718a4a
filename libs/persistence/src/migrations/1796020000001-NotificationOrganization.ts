import { MigrationInterface, QueryRunner } from 'typeorm';

const UUID = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";

/**
 * notification.organization_id: the organization a notification concerns for its recipient
 * (Notification.organization), and a partial index for the unread count. Existing notifications are
 * backfilled where what they were made from still says it: the fund-match dedupe key, the event
 * payload (outbox events are kept a while after delivery), or the object the link names.
 */
export class NotificationOrganization1796020000001 implements MigrationInterface {
  name = 'NotificationOrganization1796020000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification" ADD "organization_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "FK_203543da9a28e0d7bd87e66cd20" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query('CREATE INDEX "IDX_notification_organization" ON "notification" ("organization_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_notification_user_unread" ON "notification" ("user_id", "created_at") WHERE "read_at" IS NULL',
    );
    // FUND_MATCH:<fund>:<organization>
    await queryRunner.query(
      `UPDATE notification n SET organization_id = split_part(n.dedupe_key, ':', 3)::uuid
        WHERE n.kind = 'FUND_MATCH' AND split_part(n.dedupe_key, ':', 3) ~ ${UUID}
          AND EXISTS (SELECT 1 FROM organization o WHERE o.id::text = split_part(n.dedupe_key, ':', 3))`,
    );
    // <EVENT_TYPE>:<outbox event id>: the organization the event's payload names for its recipients
    await queryRunner.query(
      `UPDATE notification n
          SET organization_id = (CASE e.type WHEN 'PARTNERSHIP_PROPOSED' THEN e.payload->>'partnerId'
                                             WHEN 'PARTNERSHIP_ANSWERED' THEN e.payload->>'initiatorId'
                                             ELSE e.payload->>'organizationId' END)::uuid
         FROM outbox_event e
        WHERE n.organization_id IS NULL AND n.dedupe_key = e.type || ':' || e.id::text
          AND e.type IN ('PARTNERSHIP_PROPOSED', 'PARTNERSHIP_ANSWERED', 'APPLICATION_DECIDED', 'VERIFICATION_DECIDED',
                         'ENROLMENT_ACCEPTED', 'ENROLMENT_PROMOTED', 'INVITATION_RECEIVED')
          AND EXISTS (SELECT 1 FROM organization o WHERE o.id::text = (CASE e.type
                WHEN 'PARTNERSHIP_PROPOSED' THEN e.payload->>'partnerId'
                WHEN 'PARTNERSHIP_ANSWERED' THEN e.payload->>'initiatorId'
                ELSE e.payload->>'organizationId' END))`,
    );
    // the object the link names, for those whose event is gone
    await queryRunner.query(
      `UPDATE notification n SET organization_id = a.organization_id
         FROM fund_application a
        WHERE n.organization_id IS NULL AND n.kind IN ('APPLICATION_DECIDED', 'APPLICATION_DEADLINE_REMINDER')
          AND n.link = '/applications/' || a.id::text`,
    );
    await queryRunner.query(
      `UPDATE notification n SET organization_id = f.funder_id
         FROM fund f
        WHERE n.organization_id IS NULL AND n.kind = 'FUND_CLOSED' AND n.link = '/funds/' || f.id::text`,
    );
    await queryRunner.query(
      `UPDATE notification n
          SET organization_id = CASE n.kind WHEN 'PARTNERSHIP_PROPOSED' THEN p.partner_id ELSE p.initiator_id END
         FROM partnership p
        WHERE n.organization_id IS NULL AND n.kind IN ('PARTNERSHIP_PROPOSED', 'PARTNERSHIP_ANSWERED')
          AND n.link = '/partnerships/' || p.id::text`,
    );
    await queryRunner.query(
      `UPDATE notification n SET organization_id = o.id
         FROM organization o
        WHERE n.organization_id IS NULL AND n.kind = 'VERIFICATION_DECIDED' AND n.link = '/organizations/' || o.slug`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_notification_user_unread"');
    await queryRunner.query('DROP INDEX "IDX_notification_organization"');
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "FK_203543da9a28e0d7bd87e66cd20"');
    await queryRunner.query('ALTER TABLE "notification" DROP COLUMN "organization_id"');
  }
}
