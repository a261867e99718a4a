import { createServer } from 'node:http';
import pg from 'pg';
import { fundMatchesStatement } from '../../libs/matching/src/fund-matches.statement.js';

/**
 * The API benchmark's raw server: node:http and a pg pool, one SQL statement per request (the JSON
 * built by PostgreSQL), for each workload of workloads.ts. fundMatches runs the API's own statement
 * (libs/matching fundMatchesStatement). Started by main.ts with DATABASE_URL, PORT and DB_POOL_SIZE.
 */
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 10),
  options: '-c jit=off', // the API's session setting (libs/persistence): no JIT compilation of costly plans
});

const ORG_COLUMNS = `o.id, o.slug, o.name, o.kind, o.city, o.verification, o.description,
  o.countries_of_origin AS "countriesOfOrigin", o.countries_of_residence AS "countriesOfResidence", o.themes`;

const SQL = {
  directory: `SELECT json_build_object('totalCount', (SELECT count(*) FROM organization), 'nodes', coalesce(json_agg(x), '[]'))::text AS body
      FROM (SELECT ${ORG_COLUMNS},
                   (SELECT coalesce(json_agg(p), '[]') FROM (
                      SELECT p.id, p.title FROM project p WHERE p.organization_id = o.id AND p.archived_at IS NULL
                       ORDER BY p.created_at DESC, p.id DESC LIMIT 5) p) AS projects
              FROM organization o ORDER BY lower(o.name), o.id LIMIT $1) x`,
  search: `SELECT json_build_object('totalCount', coalesce(max(x.total), 0), 'nodes', coalesce(json_agg(x), '[]'))::text AS body
      FROM (SELECT ${ORG_COLUMNS}, count(*) OVER () AS total
              FROM organization o
             WHERE o.search_vector @@ websearch_to_tsquery('english', $1) AND o.countries_of_origin && ARRAY[$2]::text[]
             ORDER BY ts_rank(o.search_vector, websearch_to_tsquery('english', $1))::float8 DESC, o.id LIMIT $3) x`,
  organization: `SELECT json_build_object(
        'id', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind, 'description', o.description, 'city', o.city,
        'foundedYear', o.founded_year, 'website', o.website, 'contactEmail', o.contact_email, 'memberCount', o.member_count,
        'verification', o.verification, 'womenLed', o.women_led, 'youthLed', o.youth_led, 'legallyRegistered', o.legally_registered,
        'countriesOfOrigin', o.countries_of_origin, 'countriesOfResidence', o.countries_of_residence, 'themes', o.themes,
        'languages', o.languages,
        'projects', json_build_object(
          'totalCount', (SELECT count(*) FROM project p WHERE p.organization_id = o.id AND p.archived_at IS NULL),
          'nodes', (SELECT coalesce(json_agg(p), '[]') FROM (
            SELECT p.id, p.title, p.status, p.summary,
                   (SELECT coalesce(json_agg(i), '[]') FROM (
                      SELECT i.id, i.name, i.unit, i.baseline, i.target,
                             (SELECT coalesce(json_agg(m), '[]') FROM (
                                SELECT m.id, m.measured_on AS "measuredOn", m.value, m.note FROM measurement m
                                 WHERE m.indicator_id = i.id ORDER BY m.measured_on, m.created_at, m.id) m) AS measurements
                        FROM indicator i WHERE i.project_id = p.id ORDER BY i.created_at, i.id) i) AS indicators
              FROM project p WHERE p.organization_id = o.id AND p.archived_at IS NULL
             ORDER BY p.created_at DESC, p.id DESC LIMIT 20) p)))::text AS body
      FROM organization o WHERE o.slug = $1`,
  fund: `SELECT json_build_object('id', f.id, 'title', f.title, 'description', f.description, 'status', f.status,
        'deadline', f.deadline, 'currency', f.currency, 'minGrant', f.min_grant, 'maxGrant', f.max_grant,
        'coFundingPercent', f.co_funding_percent, 'themes', f.themes,
        'funder', json_build_object('id', o.id, 'slug', o.slug, 'name', o.name))::text AS body
      FROM fund f JOIN organization o ON o.id = f.funder_id WHERE f.id = $1 AND f.status <> 'DRAFT'`,
};

async function answer(url: URL): Promise<string | null> {
  const p = url.searchParams;
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await pool.query<{ body: string }>(sql, params);
    return rows[0]?.body ?? 'null';
  };
  switch (url.pathname) {
    case '/typename':
      return '{"data":{"__typename":"Query"}}';
    case '/directory':
      return one(SQL.directory, [Number(p.get('first'))]);
    case '/search':
      return one(SQL.search, [p.get('q'), p.get('origin'), Number(p.get('first'))]);
    case '/organization':
      return one(SQL.organization, [p.get('slug')]);
    case '/fund':
      return one(SQL.fund, [p.get('id')]);
    case '/fund-matches': {
      const { sql, params } = fundMatchesStatement(p.get('organizationId') as string, Number(p.get('first')));
      const { rows } = await pool.query(sql, params);
      return JSON.stringify(rows);
    }
    default:
      return null;
  }
}

createServer((req, res) => {
  answer(new URL(req.url ?? '/', 'http://raw'))
    .then((body) => {
      res.writeHead(body === null ? 404 : 200, { 'content-type': 'application/json' });
      res.end(body ?? '{"error":"not found"}');
    })
    .catch((error: Error) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: error.message }));
    });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('bench:ready'));
