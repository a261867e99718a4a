import { createRequire } from 'node:module';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { CAPACITY_AREAS, SDGS, THEMES } from './reference-data.js';

const require = createRequire(import.meta.url);

/** Countries (ISO 3166-1, English names, continent as region) and languages (ISO 639-1) from maintained packages. */
async function insertReferenceData(queryRunner: QueryRunner): Promise<void> {
  const isoCountries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const { countries: continentsByCountry, continents } = require('countries-list') as {
    countries: Record<string, { continent: string }>;
    continents: Record<string, string>;
  };
  const countries = Object.keys(isoCountries.getAlpha2Codes()).map((code) => {
    const continent = continentsByCountry[code]?.continent;
    return [
      code,
      isoCountries.getName(code, 'en', { select: 'official' }) ?? code,
      continent ? continents[continent] : null,
    ];
  });
  const iso6391 = require('iso-639-1') as { default?: unknown } & Record<string, unknown>;
  const languages = (iso6391.default ?? iso6391) as { getAllCodes(): string[]; getName(c: string): string };
  const languageRows = languages.getAllCodes().map((code) => [code, languages.getName(code)]);
  await bulkInsert(queryRunner, 'country', ['code', 'name', 'region'], countries);
  await bulkInsert(queryRunner, 'language', ['code', 'name'], languageRows);
  await bulkInsert(queryRunner, 'theme', ['code', 'name', 'description'], THEMES);
  await bulkInsert(queryRunner, 'sdg', ['number', 'title'], SDGS);
  await bulkInsert(queryRunner, 'capacity_area', ['code', 'name', 'description'], CAPACITY_AREAS);
}

async function bulkInsert(queryRunner: QueryRunner, table: string, columns: string[], rows: unknown[][]) {
  const params: unknown[] = [];
  const values = rows.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
  await queryRunner.query(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}`,
    params,
  );
}

export class InitialSchema1795564056524 implements MigrationInterface {
  name = 'InitialSchema1795564056524';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"platform_role\" AS ENUM('USER', 'MODERATOR', 'ADMIN')");
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(120) NOT NULL, "password_hash" character varying NOT NULL, "platform_role" "public"."platform_role" NOT NULL DEFAULT \'USER\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_app_user_email" ON "app_user"  ("email") ');
    await queryRunner.query(
      'CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_refresh_token_family" ON "refresh_token"  ("family_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_refresh_token_hash" ON "refresh_token"  ("token_hash") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"organization_kind\" AS ENUM('DIASPORA_ORGANIZATION', 'MIGRANT_ASSOCIATION', 'DIASPORA_NETWORK', 'NGO', 'FUNDER', 'GOVERNMENT_AGENCY', 'LOCAL_AUTHORITY', 'TRAINING_PROVIDER', 'PRIVATE_SECTOR', 'ACADEMIC', 'TRADE_UNION', 'FAITH_BASED', 'INTERNATIONAL_ORGANIZATION')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"verification_status\" AS ENUM('UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED')",
    );
    await queryRunner.query(
      'INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), \'public\', \'organization\', \'GENERATED_COLUMN\', \'search_vector\', $1)',
      [
        "setweight(to_tsvector('english', coalesce(name, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('english', coalesce(city, '')), 'C')",
      ],
    );
    await queryRunner.query(
      'CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(220) NOT NULL, "name" character varying(200) NOT NULL, "kind" "public"."organization_kind" NOT NULL, "description" text, "website" character varying(300), "contact_email" character varying(254), "countries_of_origin" text array NOT NULL DEFAULT \'{}\', "countries_of_residence" text array NOT NULL DEFAULT \'{}\', "city" character varying(120), "themes" text array NOT NULL DEFAULT \'{}\', "languages" text array NOT NULL DEFAULT \'{}\', "founded_year" integer, "member_count" integer, "legally_registered" boolean NOT NULL DEFAULT false, "democratic_governance" boolean NOT NULL DEFAULT false, "women_led" boolean NOT NULL DEFAULT false, "youth_led" boolean NOT NULL DEFAULT false, "verification" "public"."verification_status" NOT NULL DEFAULT \'UNVERIFIED\', "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector(\'english\', coalesce(name, \'\')), \'A\') || setweight(to_tsvector(\'english\', coalesce(description, \'\')), \'B\') || setweight(to_tsvector(\'english\', coalesce(city, \'\')), \'C\')) STORED, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_organization_slug" ON "organization"  ("slug") ');
    await queryRunner.query('CREATE INDEX "IDX_organization_kind" ON "organization"  ("kind") ');
    await queryRunner.query("CREATE TYPE \"public\".\"member_role\" AS ENUM('OWNER', 'ADMIN', 'MEMBER')");
    await queryRunner.query(
      'CREATE TABLE "membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role" "public"."member_role" NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_membership_organization" ON "membership"  ("organization_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_membership_user_organization" ON "membership"  ("user_id", "organization_id") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"network_request_status\" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED')",
    );
    await queryRunner.query(
      'CREATE TABLE "network_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "status" "public"."network_request_status" NOT NULL, "requested_by_id" uuid NOT NULL, "decided_by_id" uuid, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2285cd04012f9c6aebab91fa91e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_network_membership_organization" ON "network_membership"  ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_network_membership" ON "network_membership"  ("network_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "country" ("code" character varying(2) NOT NULL, "name" character varying NOT NULL, "region" character varying, CONSTRAINT "PK_8ff4c23dc9a3f3856555bd86186" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "language" ("code" character varying(2) NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_465b3173cdddf0ac2d3fe73a33c" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "theme" ("code" character varying(64) NOT NULL, "name" character varying NOT NULL, "description" text, CONSTRAINT "PK_d39e888e20592fb5fb0ff9c2f08" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sdg" ("number" smallint NOT NULL, "title" character varying NOT NULL, CONSTRAINT "PK_39a228b7aeae6ae96e62f83df40" PRIMARY KEY ("number"))',
    );
    await queryRunner.query(
      'CREATE TABLE "capacity_area" ("code" character varying(64) NOT NULL, "name" character varying NOT NULL, "description" text, CONSTRAINT "PK_69e46e2b2da13fd1b9f9bda26c1" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "verification_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "from_status" "public"."verification_status" NOT NULL, "to_status" "public"."verification_status" NOT NULL, "note" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1aeae797cbbe261096fbe5ce7be" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_verification_event_organization" ON "verification_event"  ("organization_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "membership" ADD CONSTRAINT "FK_e9c72e8d29784031c96f5c6af8d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "membership" ADD CONSTRAINT "FK_412ffe9391a352e8a4e3dc46f6f" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "network_membership" ADD CONSTRAINT "FK_4f29cf4b94883c46084bdd9ab24" FOREIGN KEY ("network_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "network_membership" ADD CONSTRAINT "FK_26d353e86b36d9683084a5276b4" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "verification_event" ADD CONSTRAINT "FK_602bd47fee2838d3386ee6287db" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // GIN indexes for array overlap (&&) and full-text search; declared with synchronize: false on the entity.
    for (const column of ['countries_of_origin', 'countries_of_residence', 'themes', 'languages']) {
      await queryRunner.query(`CREATE INDEX "IDX_organization_${column}" ON "organization" USING gin ("${column}")`);
    }
    await queryRunner.query('CREATE INDEX "IDX_organization_search" ON "organization" USING gin ("search_vector")');
    await insertReferenceData(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "verification_event" DROP CONSTRAINT "FK_602bd47fee2838d3386ee6287db"');
    await queryRunner.query('ALTER TABLE "network_membership" DROP CONSTRAINT "FK_26d353e86b36d9683084a5276b4"');
    await queryRunner.query('ALTER TABLE "network_membership" DROP CONSTRAINT "FK_4f29cf4b94883c46084bdd9ab24"');
    await queryRunner.query('ALTER TABLE "membership" DROP CONSTRAINT "FK_412ffe9391a352e8a4e3dc46f6f"');
    await queryRunner.query('ALTER TABLE "membership" DROP CONSTRAINT "FK_e9c72e8d29784031c96f5c6af8d"');
    await queryRunner.query('ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"');
    await queryRunner.query('DROP INDEX "public"."IDX_verification_event_organization"');
    await queryRunner.query('DROP TABLE "verification_event"');
    await queryRunner.query('DROP TABLE "capacity_area"');
    await queryRunner.query('DROP TABLE "sdg"');
    await queryRunner.query('DROP TABLE "theme"');
    await queryRunner.query('DROP TABLE "language"');
    await queryRunner.query('DROP TABLE "country"');
    await queryRunner.query('DROP INDEX "public"."UQ_network_membership"');
    await queryRunner.query('DROP INDEX "public"."IDX_network_membership_organization"');
    await queryRunner.query('DROP TABLE "network_membership"');
    await queryRunner.query('DROP TYPE "public"."network_request_status"');
    await queryRunner.query('DROP INDEX "public"."UQ_membership_user_organization"');
    await queryRunner.query('DROP INDEX "public"."IDX_membership_organization"');
    await queryRunner.query('DROP TABLE "membership"');
    await queryRunner.query('DROP TYPE "public"."member_role"');
    await queryRunner.query('DROP INDEX "public"."IDX_organization_kind"');
    await queryRunner.query('DROP INDEX "public"."UQ_organization_slug"');
    await queryRunner.query('DROP TABLE "organization"');
    await queryRunner.query(
      'DELETE FROM "typeorm_metadata" WHERE "type" = \'GENERATED_COLUMN\' AND "table" = \'organization\' AND "name" = \'search_vector\'',
    );
    await queryRunner.query('DROP TYPE "public"."verification_status"');
    await queryRunner.query('DROP TYPE "public"."organization_kind"');
    await queryRunner.query('DROP INDEX "public"."UQ_refresh_token_hash"');
    await queryRunner.query('DROP INDEX "public"."IDX_refresh_token_family"');
    await queryRunner.query('DROP TABLE "refresh_token"');
    await queryRunner.query('DROP INDEX "public"."UQ_app_user_email"');
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP TYPE "public"."platform_role"');
  }
}
