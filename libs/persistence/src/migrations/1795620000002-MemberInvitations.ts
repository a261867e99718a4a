import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * member_invitation: invitations to join an organization, accepted with a single-use token mailed
 * to the address (only its SHA-256 is stored). At most one PENDING invitation per organization and
 * address (partial unique index; re-inviting refreshes it with ON CONFLICT).
 */
export class MemberInvitations1795620000002 implements MigrationInterface {
  name = 'MemberInvitations1795620000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"member_invitation_status\" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')",
    );
    await queryRunner.query(
      'CREATE TABLE "member_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" "public"."member_role" NOT NULL, "status" "public"."member_invitation_status" NOT NULL DEFAULT \'PENDING\', "token_hash" character varying(64) NOT NULL, "invited_by_id" uuid, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be4250bdbf0762686080d40d742" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_member_invitation_organization" ON "member_invitation"  ("organization_id") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_member_invitation_token" ON "member_invitation"  ("token_hash") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_member_invitation_pending" ON "member_invitation" ("organization_id", "email") WHERE "status" = \'PENDING\'',
    );
    await queryRunner.query(
      'ALTER TABLE "member_invitation" ADD CONSTRAINT "FK_a82be532f5fce0a311b04d97e1c" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "member_invitation" ADD CONSTRAINT "FK_7f2205206fe1c6c72a976bdd932" FOREIGN KEY ("invited_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "member_invitation" DROP CONSTRAINT "FK_7f2205206fe1c6c72a976bdd932"');
    await queryRunner.query('ALTER TABLE "member_invitation" DROP CONSTRAINT "FK_a82be532f5fce0a311b04d97e1c"');
    await queryRunner.query('DROP TABLE "member_invitation"');
    await queryRunner.query('DROP TYPE "public"."member_invitation_status"');
  }
}
