import { QueryCounterLogger } from '@app/persistence';
import { TestApp } from './support/test-app.js';
import { dataSource, registerUser } from './support/fixtures.js';

const LIST = `query($first: Int) {
  organizations(first: $first, orderBy: NAME) {
    totalCount
    nodes {
      id name contactEmail
      countriesOfOrigin { code name region } countriesOfResidence { code name }
      themes { code name } languages { code name }
      networks { id name countriesOfOrigin { code } }
      memberOrganizations { id name themes { code } }
      members { role user { email } }
    }
  }
}`;

describe('Per-request DataLoaders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    const ds = dataSource(t);
    // 100 organizations, 10 of them networks with 5 members each.
    await ds.query(`
      INSERT INTO organization (slug, name, kind, countries_of_origin, countries_of_residence, themes, languages, contact_email)
      SELECT 'org-' || i, 'Organization ' || lpad(i::text, 3, '0'),
             (CASE WHEN i <= 10 THEN 'DIASPORA_NETWORK' ELSE 'DIASPORA_ORGANIZATION' END)::organization_kind,
             ARRAY[(ARRAY['GH','SN','PH','MX','MA'])[1 + i % 5]], ARRAY[(ARRAY['GB','FR','IT','US','ES','DE'])[1 + i % 6]],
             ARRAY['EDUCATION', (ARRAY['HEALTH','REMITTANCES','GENDER'])[1 + i % 3]], ARRAY['en', 'fr'],
             'org' || i || '@example.org'
        FROM generate_series(1, 100) AS i`);
    await ds.query(`
      INSERT INTO network_membership (network_id, organization_id, status, requested_by_id)
      SELECT n.id, o.id, 'ACCEPTED', gen_random_uuid()
        FROM organization n JOIN organization o ON o.kind = 'DIASPORA_ORGANIZATION'
             AND (substring(o.slug from 5)::int % 10) = (substring(n.slug from 5)::int % 10)
       WHERE n.kind = 'DIASPORA_NETWORK' AND substring(o.slug from 5)::int <= 60`);
  });
  afterAll(() => t?.close());

  async function countQueries(first: number, token?: string): Promise<number> {
    const before = QueryCounterLogger.count;
    const data = await t.ok(LIST, { first }, token);
    expect(data.organizations.nodes).toHaveLength(first);
    return QueryCounterLogger.count - before;
  }

  it('lists 100 organizations with their relations in a fixed number of SQL queries', async () => {
    const user = await registerUser(t, 'counter');
    const anonymous = [await countQueries(20), await countQueries(50), await countQueries(100)];
    const signedIn = [await countQueries(20, user.token), await countQueries(100, user.token)];
    console.info(
      `SQL queries for the organization listing: anonymous ${anonymous.join('/')}, signed in ${signedIn.join('/')} (first 20/50/100)`,
    );
    expect(new Set(anonymous).size).toBe(1);
    expect(new Set(signedIn).size).toBe(1);
    expect(anonymous[0]).toBeLessThanOrEqual(10);
  });
});
