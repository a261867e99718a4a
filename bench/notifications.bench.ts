import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { JobQueue } from '@app/queue';
import { createApiApp } from '../apps/api/src/bootstrap.js';
import { seedSynthetic } from './seed-synthetic.js';

/**
 * npm run bench:notifications — the fund-published fan-out. Loads the deterministic synthetic data
 * set (10,000 organizations, 20,000 projects; BENCH_ORGANIZATIONS, BENCH_SEED), gives every
 * organization one member, publishes a fund that fits them all through the GraphQL API, and prints
 * the time from the publishFund call to the last FUND_MATCH notification created (the notifications'
 * created_at, written by the database), and to the queue being idle. The API runs the job
 * in-process (REDIS_URL is ignored here); DATABASE_URL names the database (or the embedded one).
 * BENCH_THRESHOLD (default 0) is NOTIFY_FUND_MATCH_THRESHOLD: 0 notifies every eligible one.
 */
const seed = process.env.BENCH_SEED ?? 'nexus-2026';
const organizations = Number(process.env.BENCH_ORGANIZATIONS ?? 10_000);
const threshold = process.env.BENCH_THRESHOLD ?? '0';

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function main() {
  const config = AppConfig.load({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: process.env.DATA_DIR ?? 'memory',
    DEMO_DATA: 'false',
    REDIS_URL: '',
    AUTH_RATE_LIMIT_MAX: '10000',
    NOTIFY_FUND_MATCH_THRESHOLD: threshold,
  });
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
  const ds = app.get<DataSource>(getDataSourceToken());
  const queue = app.get(JobQueue);
  console.log(
    `Database: ${config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}; seed ${seed}; ${organizations} organizations; ` +
      `threshold ${config.NOTIFY_FUND_MATCH_THRESHOLD}; batch ${config.NOTIFY_FAN_OUT_BATCH_SIZE}; queue ${queue.kind}`,
  );

  let started = performance.now();
  await ds.query(`DELETE FROM app_user WHERE email LIKE 'bench-u-%@example.org'`);
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await seedSynthetic(runner, seed, { organizations, projects: organizations * 2, funds: 0 });
    // One member per organization (the OWNER), with a user row each.
    await runner.query(
      `INSERT INTO app_user (email, name, password_hash)
       SELECT 'bench-u-' || substr(slug, 9) || '@example.org', 'Bench member ' || substr(slug, 9), 'x'
         FROM organization WHERE slug LIKE 'bench-o-%'`,
    );
    await runner.query(
      `INSERT INTO membership (user_id, organization_id, role)
       SELECT u.id, o.id, 'OWNER' FROM organization o JOIN app_user u ON u.email = 'bench-u-' || substr(o.slug, 9) || '@example.org'
        WHERE o.slug LIKE 'bench-o-%'`,
    );
    await runner.query('ANALYZE app_user');
    await runner.query('ANALYZE membership');
  } finally {
    await runner.release();
  }
  console.log(`Loaded the data set in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The funder's owner signs up through the API and creates a fund that fits everybody.
  const email = `bench-u-funder-${Date.now()}@example.org`;
  const { register } = await gql(
    url,
    `mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } } }`,
    { i: { email, password: 'correct-horse-battery', name: 'Bench funder' } },
  );
  await ds.query(
    `INSERT INTO membership (user_id, organization_id, role) SELECT $1, id, 'OWNER' FROM organization WHERE slug = 'bench-funder'`,
    [register.user.id],
  );
  const [{ id: funderId }] = await ds.query(`SELECT id FROM organization WHERE slug = 'bench-funder'`);
  const { createFund } = await gql(
    url,
    `mutation($i: FundInput!) { createFund(input: $i) { id } }`,
    {
      i: {
        funderId,
        title: 'Bench fund notifications',
        description: 'Grants for diaspora organizations working on education, health, remittances and entrepreneurship',
        currency: 'EUR',
        minGrant: 5000,
        maxGrant: 150000,
        deadline: new Date(Date.now() + 60 * 86_400_000).toISOString(),
        themes: ['EDUCATION', 'HEALTH', 'REMITTANCES', 'ENTREPRENEURSHIP'],
      },
    },
    register.accessToken,
  );
  await queue.onIdle(600_000);

  const wallStart = Date.now();
  started = performance.now();
  await gql(url, `mutation($id: ID!) { publishFund(id: $id) { id } }`, { id: createFund.id }, register.accessToken);
  const response = performance.now() - started;
  // Done when the FUND_PUBLISHED event is processed (enqueued after commit, then fanned out).
  for (;;) {
    const [event] = await ds.query(
      `SELECT processed_at FROM outbox_event WHERE type = 'FUND_PUBLISHED' AND payload->>'fundId' = $1`,
      [createFund.id],
    );
    if (event?.processed_at) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const idle = performance.now() - started;
  const [{ count, first, last }] = await ds.query(
    `SELECT count(*)::int AS count, min(created_at) AS first, max(created_at) AS last
       FROM notification WHERE kind = 'FUND_MATCH' AND link = $1`,
    [`/funds/${createFund.id}`],
  );
  const [{ organizations: notified }] = await ds.query(
    `SELECT count(DISTINCT split_part(dedupe_key, ':', 3))::int AS organizations FROM notification WHERE kind = 'FUND_MATCH' AND link = $1`,
    [`/funds/${createFund.id}`],
  );
  const toLast = new Date(last).getTime() - wallStart;
  console.log(`publishFund answered in ${response.toFixed(0)} ms`);
  console.log(`${count} FUND_MATCH notifications for ${notified} of ${organizations} organizations`);
  console.log(`first notification created ${new Date(first).getTime() - wallStart} ms after publishFund was called`);
  console.log(`last notification created ${toLast} ms after publishFund was called`);
  console.log(`FUND_PUBLISHED event processed (fan-out job done) ${idle.toFixed(0)} ms after publishFund was called`);
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
