import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * organization.verified_kind: the kind the last verification vouched for. A verified organization
 * that changes its kind goes back to PENDING and keeps the vouched kind here, so the new kind's
 * privileges wait for a moderator. Verified organizations start with their current kind.
 */
export class OrganizationVerifiedKind1795620000001 implements MigrationInterface {
  name = 'OrganizationVerifiedKind1795620000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" ADD "verified_kind" "public"."organization_kind"`);
    await queryRunner.query(`UPDATE "organization" SET "verified_kind" = "kind" WHERE "verification" = 'VERIFIED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "verified_kind"`);
  }
}
