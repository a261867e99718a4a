import { DEMO_PASSWORD, DemoSeeder } from '@app/demo';
import { TestApp } from './support/test-app.js';
import { dataSource } from './support/fixtures.js';

describe('Demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.get(DemoSeeder).seed();
  });
  afterAll(() => t?.close());

  it('is a realistic set: ≥30 organizations of every kind, ≥10 residence countries and ≥10 communities', async () => {
    const data = await t.ok(`{ organizations(first: 100) { totalCount nodes {
      kind verification countriesOfOrigin { code } countriesOfResidence { code } } } }`);
    const nodes = data.organizations.nodes as Array<{
      kind: string;
      countriesOfOrigin: { code: string }[];
      countriesOfResidence: { code: string }[];
    }>;
    expect(data.organizations.totalCount).toBeGreaterThanOrEqual(30);
    expect(new Set(nodes.flatMap((o) => o.countriesOfResidence.map((c) => c.code))).size).toBeGreaterThanOrEqual(10);
    expect(new Set(nodes.flatMap((o) => o.countriesOfOrigin.map((c) => c.code))).size).toBeGreaterThanOrEqual(10);
    expect(new Set(nodes.map((o) => o.kind)).size).toBe(13);
  });

  it('has projects of all kinds and statuses with indicators, partnerships, funds and applications', async () => {
    const [counts] = await dataSource(t).query(`SELECT
      (SELECT count(*)::int FROM project) AS projects,
      (SELECT count(DISTINCT kind)::int FROM project) AS project_kinds,
      (SELECT count(DISTINCT status)::int FROM project) AS project_statuses,
      (SELECT count(*)::int FROM indicator) AS indicators,
      (SELECT count(*)::int FROM partnership) AS partnerships,
      (SELECT count(*)::int FROM partnership p JOIN network_membership a ON a.organization_id = p.initiator_id
         JOIN network_membership b ON b.organization_id = p.partner_id AND b.network_id = a.network_id) AS inside_networks,
      (SELECT count(*)::int FROM fund) AS funds,
      (SELECT count(DISTINCT status)::int FROM fund_application) AS application_states`);
    expect(counts.projects).toBeGreaterThanOrEqual(60);
    expect(counts.project_kinds).toBe(8);
    expect(counts.project_statuses).toBe(6);
    expect(counts.indicators).toBeGreaterThanOrEqual(60);
    expect(counts.partnerships).toBeGreaterThanOrEqual(20);
    expect(counts.inside_networks).toBeGreaterThan(0);
    expect(counts.funds).toBeGreaterThanOrEqual(10);
    expect(counts.application_states).toBeGreaterThanOrEqual(5);
  });

  it('lets the demo accounts sign in with the README password, and matches demo funds with reasons', async () => {
    const login = await t.ok(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { platformRole } } }`,
      {
        e: 'moderator@demo.example',
        p: DEMO_PASSWORD,
      },
    );
    expect(login.login.user.platformRole).toBe('MODERATOR');
    const org = await t.ok(
      `{ organization(slug: "association-des-senegalais-de-lyon") { id memberOrganizations { id } networks { name } } }`,
    );
    expect(org.organization.networks.length).toBeGreaterThan(0);
    const matches = await t.ok(
      `query($o: ID!) { fundMatches(organizationId: $o) { score fund { title } reasons { factor points } } }`,
      {
        o: org.organization.id,
      },
    );
    expect(matches.fundMatches.map((m: { fund: { title: string } }) => m.fund.title)).toContain(
      'African Diaspora Climate, Economy, Education and Health Grants',
    );
    const network = await t.ok(
      `{ organization(slug: "african-diaspora-development-network-europe") { memberOrganizations { name } } }`,
    );
    expect(network.organization.memberOrganizations.length).toBe(3);
  });

  it('has training offers, assessments and rated enrolments, so that training matches differ per organization', async () => {
    const offers = (
      await t.ok(
        `{ trainingOffers(first: 100) { totalCount nodes { title format languages { code } country { code } } } }`,
      )
    ).trainingOffers;
    expect(offers.totalCount).toBeGreaterThanOrEqual(15);
    expect(offers.nodes).toContainEqual({
      title: 'Financial literacy for migrant women',
      format: 'ONLINE',
      languages: [{ code: 'fr' }],
      country: null,
    });
    expect(
      offers.nodes.some(
        (o: { format: string; country: { code: string } | null }) =>
          o.format === 'IN_PERSON' && o.country?.code === 'BE',
      ),
    ).toBe(true);
    const matchesOf = async (email: string, slug: string) => {
      const token = (
        await t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
          e: email,
          p: DEMO_PASSWORD,
        })
      ).login.accessToken;
      const id = (await t.ok(`query($s: String) { organization(slug: $s) { id } }`, { s: slug })).organization.id;
      const data = await t.ok(
        `query($o: ID!) { organization(id: $o) { capacityAssessment { needs } }
           trainingMatches(organizationId: $o, first: 5) { score addressesNeeds training { title } } }`,
        { o: id },
        token,
      );
      expect(data.organization.capacityAssessment.needs.length).toBeGreaterThan(0);
      expect(data.trainingMatches[0].addressesNeeds.length).toBeGreaterThan(0);
      return data.trainingMatches.map((m: { training: { title: string } }) => m.training.title) as string[];
    };
    const ghana = await matchesOf('amina.owusu@demo.example', 'ghana-hometown-association-of-london');
    const senegal = await matchesOf('moussa.diop@demo.example', 'association-des-senegalais-de-lyon');
    expect(ghana[0]).not.toBe(senegal[0]);
    expect(senegal[0]).toBe('Financial literacy for migrant women');
    const academy = await t.ok(
      `{ organization(slug: "diaspora-capacity-academy") { trainingEvaluation { completions completionRate averageRating ratingsCount } } }`,
    );
    expect(academy.organization.trainingEvaluation).toMatchObject({
      completions: 5,
      ratingsCount: 4,
      averageRating: 4,
    });
  });

  it('is idempotent: seeding twice adds nothing', async () => {
    const before = await dataSource(t).query('SELECT count(*)::int AS n FROM organization');
    await t.get(DemoSeeder).seed();
    const after = await dataSource(t).query('SELECT count(*)::int AS n FROM organization');
    expect(after[0].n).toBe(before[0].n);
  });
});
