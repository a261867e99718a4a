import { MigrationInterface, QueryRunner } from 'typeorm';

/** The organization columns organization_matching_profile copies (as in 1795600000000, plus issue 15's). */
const PROFILE_COLUMNS = [
  'kind',
  'countries_of_origin',
  'countries_of_residence',
  'themes',
  'founded_year',
  'legally_registered',
  'verification',
  'women_led',
  'youth_led',
  'regions_of_residence',
  'non_profit',
  'annual_income',
  'annual_income_currency',
  'member_count',
];

/**
 * Issue 15: the eligibility rules and priorities real calls use (fund columns), what organizations
 * must say for them (regions of residence, non-profit status, annual income), three more project
 * kinds, and the matching profile's copy of the new organization columns (fundCandidates applies
 * the organization rules to it).
 */
export class FundRulesAndPriorities1796080000001 implements MigrationInterface {
  name = 'FundRulesAndPriorities1796080000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const value of ['EMERGENCY_RELIEF', 'IN_KIND_DONATION', 'CONSTRUCTION']) {
      await queryRunner.query(`ALTER TYPE "public"."project_kind" ADD VALUE IF NOT EXISTS '${value}'`);
    }
    await queryRunner.query(`ALTER TABLE "organization"
      ADD "regions_of_residence" text array NOT NULL DEFAULT '{}',
      ADD "non_profit" boolean,
      ADD "annual_income" numeric(16,2),
      ADD "annual_income_currency" character(3)`);
    await queryRunner.query(`ALTER TABLE "fund"
      ADD "project_in_origin_country" boolean NOT NULL DEFAULT false,
      ADD "require_all_implementation_countries" boolean NOT NULL DEFAULT false,
      ADD "eligible_regions_of_residence" text array NOT NULL DEFAULT '{}',
      ADD "excluded_countries_of_residence" text array NOT NULL DEFAULT '{}',
      ADD "required_themes" text array NOT NULL DEFAULT '{}',
      ADD "requires_non_profit" boolean NOT NULL DEFAULT false,
      ADD "min_organization_annual_income" numeric(16,2),
      ADD "max_organization_annual_income" numeric(16,2),
      ADD "max_organization_members" integer,
      ADD "reserved_for_previous_grantees" boolean NOT NULL DEFAULT false,
      ADD "excluded_project_kinds" text array NOT NULL DEFAULT '{}',
      ADD "max_total_project_budget" numeric(16,2),
      ADD "prioritizes_diaspora_led" boolean NOT NULL DEFAULT false,
      ADD "prioritizes_small_organizations" boolean NOT NULL DEFAULT false,
      ADD "prioritizes_first_time_applicants" boolean NOT NULL DEFAULT false,
      ADD "prioritized_origin_countries" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "organization_matching_profile"
      ADD "regions_of_residence" text array NOT NULL DEFAULT '{}',
      ADD "non_profit" boolean,
      ADD "annual_income" numeric(16,2),
      ADD "annual_income_currency" character(3),
      ADD "member_count" integer`);
    await queryRunner.query(`UPDATE organization_matching_profile m SET member_count = o.member_count
      FROM organization o WHERE o.id = m.id AND o.member_count IS NOT NULL`);
    await this.copyFunction(queryRunner, PROFILE_COLUMNS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.copyFunction(queryRunner, PROFILE_COLUMNS.slice(0, 9));
    await queryRunner.query(`ALTER TABLE "organization_matching_profile" DROP "regions_of_residence",
      DROP "non_profit", DROP "annual_income", DROP "annual_income_currency", DROP "member_count"`);
    await queryRunner.query(`ALTER TABLE "fund" DROP "project_in_origin_country",
      DROP "require_all_implementation_countries", DROP "eligible_regions_of_residence",
      DROP "excluded_countries_of_residence", DROP "required_themes", DROP "requires_non_profit",
      DROP "min_organization_annual_income", DROP "max_organization_annual_income", DROP "max_organization_members",
      DROP "reserved_for_previous_grantees", DROP "excluded_project_kinds", DROP "max_total_project_budget",
      DROP "prioritizes_diaspora_led", DROP "prioritizes_small_organizations", DROP "prioritizes_first_time_applicants",
      DROP "prioritized_origin_countries"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP "regions_of_residence", DROP "non_profit",
      DROP "annual_income", DROP "annual_income_currency"`);
    // Enum values cannot be dropped: the three project kinds stay.
  }

  private async copyFunction(queryRunner: QueryRunner, columns: string[]) {
    const list = columns.join(', ');
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "matching_profile_copy_organizations"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO organization_matching_profile (id, ${list})
          SELECT id, ${list} FROM changed ORDER BY id
          ON CONFLICT (id) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')};
        RETURN NULL;
      END $$`);
  }
}
