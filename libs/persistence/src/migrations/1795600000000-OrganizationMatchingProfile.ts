import { MigrationInterface, QueryRunner } from 'typeorm';

/** The organization's columns that fund matching reads (same names as in `organization`). */
const ORGANIZATION_COLUMNS = [
  'kind',
  'countries_of_origin',
  'countries_of_residence',
  'themes',
  'founded_year',
  'legally_registered',
  'verification',
  'women_led',
  'youth_led',
];

/**
 * organization_matching_profile: one narrow row per organization with what fund matching needs to
 * rank it without reading its wide row or its projects. It holds
 *  - a copy of the organization's columns that the eligibility rules and the score read, and
 *  - what its live projects cover taken together: the union of their themes, SDGs, countries and
 *    kinds, the currencies they seek funding in, and the range of the amounts sought (in float8,
 *    as the score computes them; only bounds are drawn from them).
 * fundCandidates bounds each organization's best score with it (libs/matching,
 * `profileProjectsSql`) and reads the projects of only the organizations that can reach the first
 * places.
 *
 * Kept by triggers, so that no write path (API, demo data, imports) can forget it:
 *  - on `organization`: inserts and updates copy the columns; deletes cascade;
 *  - on `project`: one statement-level trigger per operation refreshes the summary of the
 *    organizations the statement touched (a bulk load refreshes each organization once). The
 *    profile row is locked before the summary is recomputed, so two transactions changing one
 *    organization's projects refresh it one after the other, the second seeing what the first
 *    committed: the summary never misses a live project.
 */
export class OrganizationMatchingProfile1795600000000 implements MigrationInterface {
  name = 'OrganizationMatchingProfile1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organization_matching_profile" (
      "id" uuid PRIMARY KEY REFERENCES "organization" ("id") ON DELETE CASCADE,
      "kind" "public"."organization_kind" NOT NULL,
      "countries_of_origin" text array NOT NULL,
      "countries_of_residence" text array NOT NULL,
      "themes" text array NOT NULL,
      "founded_year" integer,
      "legally_registered" boolean NOT NULL,
      "verification" "public"."verification_status" NOT NULL,
      "women_led" boolean NOT NULL,
      "youth_led" boolean NOT NULL,
      "live_projects" integer NOT NULL DEFAULT 0,
      "project_themes" text array NOT NULL DEFAULT '{}',
      "project_sdgs" smallint array NOT NULL DEFAULT '{}',
      "project_countries" text array NOT NULL DEFAULT '{}',
      "project_kinds" text array NOT NULL DEFAULT '{}',
      "funding_currencies" text array NOT NULL DEFAULT '{}',
      "funding_sought_min" double precision,
      "funding_sought_max" double precision)`);
    await queryRunner.query(
      'CREATE INDEX "IDX_matching_profile_origin" ON "organization_matching_profile" USING gin ("countries_of_origin")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_matching_profile_residence" ON "organization_matching_profile" USING gin ("countries_of_residence")',
    );

    const columns = ORGANIZATION_COLUMNS.join(', ');
    await queryRunner.query(`CREATE FUNCTION "matching_profile_copy_organizations"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO organization_matching_profile (id, ${columns})
          SELECT id, ${columns} FROM changed ORDER BY id
          ON CONFLICT (id) DO UPDATE SET ${ORGANIZATION_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')};
        RETURN NULL;
      END $$`);
    for (const operation of ['INSERT', 'UPDATE']) {
      await queryRunner.query(
        `CREATE TRIGGER "matching_profile_after_${operation.toLowerCase()}" AFTER ${operation} ON "organization"
           REFERENCING NEW TABLE AS changed
           FOR EACH STATEMENT EXECUTE FUNCTION "matching_profile_copy_organizations"()`,
      );
    }

    await queryRunner.query(`CREATE FUNCTION "matching_profile_refresh_projects"(ids uuid[]) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM organization_matching_profile WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
        UPDATE organization_matching_profile m
           SET live_projects = a.live_projects, project_themes = a.themes, project_sdgs = a.sdgs,
               project_countries = a.countries, project_kinds = a.kinds, funding_currencies = a.funding_currencies,
               funding_sought_min = a.funding_sought_min, funding_sought_max = a.funding_sought_max
          FROM (SELECT t.id, live.*,
                       ARRAY(SELECT DISTINCT x FROM project p, unnest(p.themes) x
                              WHERE p.organization_id = t.id AND p.archived_at IS NULL ORDER BY 1) AS themes,
                       ARRAY(SELECT DISTINCT x FROM project p, unnest(p.sdgs) x
                              WHERE p.organization_id = t.id AND p.archived_at IS NULL ORDER BY 1) AS sdgs,
                       ARRAY(SELECT DISTINCT x FROM project p, unnest(p.countries) x
                              WHERE p.organization_id = t.id AND p.archived_at IS NULL ORDER BY 1) AS countries
                  FROM unnest(ids) t (id)
                 CROSS JOIN LATERAL (
                       SELECT count(*)::int AS live_projects,
                              coalesce(array_agg(DISTINCT p.kind::text), '{}') AS kinds,
                              coalesce(array_agg(DISTINCT p.funding_sought_currency::text)
                                         FILTER (WHERE p.funding_sought_amount IS NOT NULL), '{}') AS funding_currencies,
                              min(p.funding_sought_amount) AS funding_sought_min,
                              max(p.funding_sought_amount) AS funding_sought_max
                         FROM project p WHERE p.organization_id = t.id AND p.archived_at IS NULL) live) a
         WHERE m.id = a.id;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION "matching_profile_after_projects"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM matching_profile_refresh_projects(ARRAY(SELECT DISTINCT organization_id FROM changed));
        RETURN NULL;
      END $$`);
    for (const operation of ['INSERT', 'UPDATE', 'DELETE']) {
      await queryRunner.query(
        `CREATE TRIGGER "matching_profile_after_${operation.toLowerCase()}" AFTER ${operation} ON "project"
           REFERENCING ${operation === 'DELETE' ? 'OLD' : 'NEW'} TABLE AS changed
           FOR EACH STATEMENT EXECUTE FUNCTION "matching_profile_after_projects"()`,
      );
    }

    // The organizations and projects that exist already.
    await queryRunner.query(
      `INSERT INTO organization_matching_profile (id, ${columns}) SELECT id, ${columns} FROM organization`,
    );
    await queryRunner.query(
      'SELECT matching_profile_refresh_projects(ARRAY(SELECT DISTINCT organization_id FROM project))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const operation of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER "matching_profile_after_${operation}" ON "project"`);
    }
    for (const operation of ['insert', 'update']) {
      await queryRunner.query(`DROP TRIGGER "matching_profile_after_${operation}" ON "organization"`);
    }
    await queryRunner.query('DROP FUNCTION "matching_profile_after_projects"()');
    await queryRunner.query('DROP FUNCTION "matching_profile_refresh_projects"(uuid[])');
    await queryRunner.query('DROP FUNCTION "matching_profile_copy_organizations"()');
    await queryRunner.query('DROP TABLE "organization_matching_profile"');
  }
}
