import type { QueryRunner } from 'typeorm';

/**
 * A deterministic synthetic data set for the matching benchmark, generated in SQL from a seed
 * (md5-based pseudo-random numbers: the same seed gives the same rows on any PostgreSQL).
 * Rows are marked: organization slugs start with "bench-", fund titles with "Bench fund".
 */
export interface SyntheticSize {
  organizations: number;
  projects: number;
  funds: number;
}

const RESIDENCE = [
  'GB',
  'FR',
  'DE',
  'IT',
  'ES',
  'NL',
  'BE',
  'SE',
  'NO',
  'CH',
  'US',
  'CA',
  'PT',
  'IE',
  'AT',
  'DK',
  'FI',
  'AE',
  'QA',
  'SA',
  'AU',
  'JP',
  'KR',
  'MY',
  'SG',
  'ZA',
  'BR',
  'AR',
  'CL',
  'MX',
];
const ORIGIN = [
  'GH',
  'SN',
  'NG',
  'ML',
  'CI',
  'CM',
  'KE',
  'ET',
  'SO',
  'SD',
  'MA',
  'DZ',
  'TN',
  'EG',
  'PH',
  'IN',
  'PK',
  'BD',
  'NP',
  'LK',
  'VN',
  'ID',
  'MX',
  'EC',
  'CO',
  'PE',
  'BO',
  'HT',
  'DO',
  'GT',
  'SV',
  'HN',
  'TR',
  'UA',
  'RO',
  'AL',
  'MD',
  'SY',
  'AF',
  'ER',
];
const THEMES = [
  'HIGHLY_SKILLED_MIGRATION',
  'LABOUR_MIGRATION',
  'DOMESTIC_WORK',
  'CIRCULAR_MIGRATION_AND_RETURN',
  'REMITTANCES',
  'DIASPORA_INVESTMENT',
  'ENTREPRENEURSHIP',
  'CAPACITY_BUILDING',
  'HUMAN_RIGHTS_AND_PROTECTION',
  'GENDER',
  'RECOGNITION_OF_QUALIFICATIONS',
  'IRREGULAR_MIGRATION_AND_TRAFFICKING',
  'CLIMATE_AND_DISPLACEMENT',
  'POLICY_COHERENCE',
  'EDUCATION',
  'HEALTH',
  'FINANCIAL_INCLUSION',
  'AGRICULTURE_AND_RURAL_DEVELOPMENT',
  'KNOWLEDGE_TRANSFER',
];
const WORDS = [
  'solar',
  'irrigation',
  'school',
  'clinic',
  'women',
  'youth',
  'remittance',
  'savings',
  'cooperative',
  'farmers',
  'training',
  'mentoring',
  'health',
  'water',
  'literacy',
  'business',
  'investment',
  'return',
  'rights',
  'workers',
  'climate',
  'library',
  'scholarship',
  'digital',
  'advocacy',
  'network',
  'returnees',
  'nurses',
  'engineers',
  'teachers',
];
const ORG_KINDS = [
  'DIASPORA_ORGANIZATION',
  'DIASPORA_ORGANIZATION',
  'DIASPORA_ORGANIZATION',
  'MIGRANT_ASSOCIATION',
  'MIGRANT_ASSOCIATION',
  'DIASPORA_NETWORK',
  'NGO',
  'NGO',
  'PRIVATE_SECTOR',
  'ACADEMIC',
  'TRADE_UNION',
  'FAITH_BASED',
  'LOCAL_AUTHORITY',
];
const PROJECT_KINDS = [
  'ENTREPRENEURSHIP',
  'SOCIAL_INVESTMENT',
  'POLICY_ADVOCACY',
  'KNOWLEDGE_TRANSFER',
  'RETURN_AND_REINTEGRATION',
  'REMITTANCES',
  'CAPACITY_BUILDING',
  'HUMANITARIAN',
];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;
/** One pseudo-random element of a list, for row i and a salt. */
const pick = (xs: string[], salt: string) => `(${arr(xs)})[1 + floor(pg_temp.rnd('${salt}', i) * ${xs.length})::int]`;
/** 1..max distinct elements. */
const some = (xs: string[], salt: string, max: number) =>
  `ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[${Array.from({ length: max }, (_, k) => `CASE WHEN ${k} = 0 OR pg_temp.rnd('${salt}n${k}', i) < 0.5 THEN ${pick(xs, `${salt}${k}`)} END`).join(',')}]) x WHERE x IS NOT NULL ORDER BY x)`;
/** Usually empty ("any"), otherwise 1..max elements. */
const rule = (xs: string[], salt: string, pEmpty: number, max: number) =>
  `CASE WHEN pg_temp.rnd('${salt}e', i) < ${pEmpty} THEN '{}'::text[] ELSE ${some(xs, salt, max)} END`;
const chance = (salt: string, p: number) => `(pg_temp.rnd('${salt}', i) < ${p})`;
const text = (salt: string, n: number) =>
  `concat_ws(' ', ${Array.from({ length: n }, (_, k) => pick(WORDS, `${salt}${k}`)).join(', ')})`;

export async function seedSynthetic(runner: QueryRunner, seed: string, size: SyntheticSize): Promise<void> {
  // loading 100,000 rows a statement takes longer than the API sessions' statement timeout
  await runner.query(`SET statement_timeout = 0`);
  await runner.query(`CREATE OR REPLACE FUNCTION pg_temp.rnd(salt text, i int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT ('x' || substr(md5('${seed}:' || salt || ':' || i), 1, 8))::bit(32)::bigint / 4294967296.0 $$`);
  await runner.query(`DELETE FROM fund WHERE title LIKE 'Bench fund %'`);
  await runner.query(
    `DELETE FROM project WHERE organization_id IN (SELECT id FROM organization WHERE slug LIKE 'bench-%')`,
  );
  await runner.query(`DELETE FROM organization WHERE slug LIKE 'bench-%'`);
  await runner.query(`
    INSERT INTO organization (slug, name, kind, description, countries_of_origin, countries_of_residence, city, themes, languages,
      founded_year, member_count, legally_registered, democratic_governance, women_led, youth_led, verification)
    SELECT 'bench-o-' || i, initcap(${text('on', 2)}) || ' association ' || i, ${pick(ORG_KINDS, 'kind')}::organization_kind,
           ${text('od', 12)}, ${some(ORIGIN, 'oo', 2)}, ${some(RESIDENCE, 'or', 2)}, 'City ' || (i % 500),
           ${some(THEMES, 'ot', 4)}, ARRAY['en'], 1980 + floor(pg_temp.rnd('fy', i) * 46)::int,
           floor(pg_temp.rnd('mc', i) * 2000)::int, ${chance('lr', 0.7)}, ${chance('dg', 0.6)}, ${chance('wl', 0.3)}, ${chance('yl', 0.2)},
           (CASE WHEN ${chance('ve', 0.4)} THEN 'VERIFIED' ELSE 'UNVERIFIED' END)::verification_status
      FROM generate_series(1, ${size.organizations}) AS i`);
  await runner.query(`
    INSERT INTO project (organization_id, title, summary, kind, status, countries, themes, sdgs, funding_sought_amount,
      funding_sought_currency, budget_amount, budget_currency, created_by_id)
    SELECT o.id, initcap(${text('pt', 3)}), ${text('ps', 15)}, ${pick(PROJECT_KINDS, 'pk')}::project_kind, 'SEEKING_FUNDING',
           o.countries_of_origin, ${some(THEMES, 'pth', 3)},
           ARRAY(SELECT DISTINCT s FROM unnest(ARRAY[1 + floor(pg_temp.rnd('sd1', i) * 17)::int, 1 + floor(pg_temp.rnd('sd2', i) * 17)::int]) s ORDER BY s)::smallint[],
           round((5000 + pg_temp.rnd('fs', i) * 145000)::numeric, -2), 'EUR', round((10000 + pg_temp.rnd('fs', i) * 200000)::numeric, -2), 'EUR',
           '00000000-0000-4000-8000-000000000000'
      FROM generate_series(1, ${size.projects}) AS i
      JOIN organization o ON o.slug = 'bench-o-' || (1 + (i - 1) % ${size.organizations})`);
  await runner.query(`
    INSERT INTO organization (slug, name, kind, verification) VALUES ('bench-funder', 'Bench funder', 'FUNDER', 'VERIFIED')`);
  await runner.query(`
    INSERT INTO fund (funder_id, title, description, status, currency, min_grant, max_grant, total_budget, deadline, themes, sdgs,
      prioritizes_women_led, prioritizes_youth_led, eligible_organization_kinds, eligible_countries_of_residence,
      eligible_countries_of_origin, eligible_countries_of_implementation, eligible_project_kinds, requires_legal_registration,
      requires_verification, min_organization_age_years, created_by_id)
    SELECT (SELECT id FROM organization WHERE slug = 'bench-funder'), 'Bench fund ' || i, ${text('fd', 25)},
           (CASE WHEN pg_temp.rnd('st', i) < 0.7 THEN 'OPEN' WHEN pg_temp.rnd('st', i) < 0.85 THEN 'CLOSED' ELSE 'DRAFT' END)::fund_status,
           'EUR', 5000 + floor(pg_temp.rnd('mg', i) * 20) * 1000, 40000 + floor(pg_temp.rnd('xg', i) * 60) * 1000, 2000000,
           now() + ((1 + floor(pg_temp.rnd('dl', i) * 180)::int) || ' days')::interval,
           ${some(THEMES, 'ft', 4)},
           ARRAY(SELECT DISTINCT s FROM unnest(ARRAY[1 + floor(pg_temp.rnd('fs1', i) * 17)::int, 1 + floor(pg_temp.rnd('fs2', i) * 17)::int]) s ORDER BY s)::smallint[],
           ${chance('pw', 0.3)}, ${chance('py', 0.2)},
           ${rule(['DIASPORA_ORGANIZATION', 'MIGRANT_ASSOCIATION', 'DIASPORA_NETWORK', 'NGO'], 'fk', 0.5, 3)},
           ${rule(RESIDENCE, 'fr', 0.4, 8)}, ${rule(ORIGIN, 'fo', 0.5, 10)}, ${rule(ORIGIN, 'fi', 0.6, 10)},
           ${rule(PROJECT_KINDS, 'fpk', 0.7, 3)}, ${chance('rl', 0.4)}, ${chance('rv', 0.3)},
           CASE WHEN ${chance('ma', 0.5)} THEN floor(pg_temp.rnd('mav', i) * 6)::int END,
           '00000000-0000-4000-8000-000000000000'
      FROM generate_series(1, ${size.funds}) AS i`);
  await runner.query(`UPDATE fund SET text_query = (
      SELECT string_agg(quote_literal(l), ' | ')::tsquery
        FROM unnest(tsvector_to_array(to_tsvector('english', title || ' ' || description))) AS l)
    WHERE title LIKE 'Bench fund %'`);
  // What autovacuum does to a loaded table in steady state: statistics, and the visibility map that
  // index-only scans (IDX_project_matching) rely on. The matching profile was filled by triggers.
  await runner.query('VACUUM (ANALYZE) organization');
  await runner.query('VACUUM (ANALYZE) project');
  await runner.query('VACUUM (ANALYZE) fund');
  await runner.query('VACUUM (ANALYZE) organization_matching_profile');
}

/** What `seedApiExtras` made: the organization the API benchmark reads and its signed-in member. */
export interface ApiBenchRows {
  organizationId: string;
  slug: string;
  userEmail: string;
}

/**
 * For the API benchmark (bench/api), on top of `seedSynthetic`: the bench organization (the first
 * registered, verified diaspora organization) gets 10 more projects; each of its live projects and
 * every 100th synthetic project get indicators with measurements; a bench user (e-mail
 * bench-member@bench.invalid, `passwordHash` given by the caller) becomes its OWNER.
 */
export async function seedApiExtras(runner: QueryRunner, seed: string, passwordHash: string): Promise<ApiBenchRows> {
  await runner.query(`CREATE OR REPLACE FUNCTION pg_temp.rnd(salt text, i int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT ('x' || substr(md5('${seed}:' || salt || ':' || i), 1, 8))::bit(32)::bigint / 4294967296.0 $$`);
  const [{ id: organizationId, slug }] = await runner.query(
    `SELECT id, slug FROM organization WHERE slug LIKE 'bench-o-%' AND kind = 'DIASPORA_ORGANIZATION'
        AND legally_registered AND verification = 'VERIFIED' ORDER BY length(slug), slug LIMIT 1`,
  );
  const userEmail = 'bench-member@bench.invalid';
  await runner.query(`DELETE FROM app_user WHERE email = $1`, [userEmail]);
  const [{ id: userId }] = await runner.query(
    `INSERT INTO app_user (email, name, password_hash) VALUES ($1, 'Bench member', $2) RETURNING id`,
    [userEmail, passwordHash],
  );
  await runner.query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`, [
    userId,
    organizationId,
  ]);
  await runner.query(
    `INSERT INTO project (organization_id, title, summary, kind, status, countries, themes, sdgs, funding_sought_amount,
       funding_sought_currency, budget_amount, budget_currency, created_by_id, created_at)
     SELECT o.id, initcap(${text('xt', 3)}), ${text('xs', 15)}, ${pick(PROJECT_KINDS, 'xk')}::project_kind, 'SEEKING_FUNDING',
            o.countries_of_origin, ${some(THEMES, 'xth', 3)}, ARRAY[1 + floor(pg_temp.rnd('xsd', i) * 17)::int]::smallint[],
            round((5000 + pg_temp.rnd('xfs', i) * 145000)::numeric, -2), 'EUR',
            round((10000 + pg_temp.rnd('xfs', i) * 200000)::numeric, -2), 'EUR', $2, now() - (i || ' days')::interval
       FROM generate_series(1, 10) AS i, organization o WHERE o.id = $1`,
    [organizationId, userId],
  );
  // 3 indicators with 6 monthly measurements for each of its projects; 2 with 4 for every 100th other one
  await runner.query(
    `INSERT INTO indicator (project_id, name, unit, baseline, target, created_at)
     SELECT p.id, 'Indicator ' || k, (ARRAY['people', 'EUR', 'hectares'])[k], 0, 100 + k * 50, p.created_at + (k || ' seconds')::interval
       FROM (SELECT p.id, p.created_at, p.organization_id = $1 AS own, row_number() OVER (ORDER BY p.id) AS n
               FROM project p JOIN organization o ON o.id = p.organization_id WHERE o.slug LIKE 'bench-o-%') p,
            generate_series(1, 3) AS k
      WHERE (p.own OR p.n % 100 = 0) AND (p.own OR k <= 2)`,
    [organizationId],
  );
  await runner.query(
    `INSERT INTO measurement (indicator_id, value, measured_on, note, recorded_by_id)
     SELECT i.id, round((i.target * m / 8)::numeric, 1), date '2026-01-01' + (m * 30), CASE WHEN m = 1 THEN 'First count' END, $2
       FROM indicator i JOIN project p ON p.id = i.project_id JOIN organization o ON o.id = p.organization_id,
            generate_series(1, 6) AS m
      WHERE o.slug LIKE 'bench-o-%' AND (p.organization_id = $1 OR m <= 4)`,
    [organizationId, userId],
  );
  await runner.query('VACUUM (ANALYZE) project');
  await runner.query('VACUUM (ANALYZE) indicator');
  await runner.query('VACUUM (ANALYZE) measurement');
  return { organizationId, slug, userEmail };
}
