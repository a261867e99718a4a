import { TestApp } from './support/test-app.js';
import { createOrg, registerUser } from './support/fixtures.js';

const COUNTS = `
  query Counts($by: CountryRole!) {
    organizationCountsByCountry(by: $by) {
      code
      count
    }
  }
`;
const DIRECTORY = `
  query Directory($filter: OrganizationFilter) {
    organizations(filter: $filter, first: 1) {
      totalCount
    }
  }
`;

type Count = { code: string; count: number };

describe('organizationCountsByCountry (the home page world map)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
    const owner = await registerUser(t, 'counts');
    // residence: FR ×3, BE ×2, CA ×1; origin: SN ×3, ML ×2, CI ×1, CM ×1 (one organization names two)
    await createOrg(t, owner, { countriesOfResidence: ['FR'], countriesOfOrigin: ['SN'] });
    await createOrg(t, owner, { countriesOfResidence: ['FR', 'BE'], countriesOfOrigin: ['SN', 'ML'] });
    await createOrg(t, owner, { countriesOfResidence: ['FR'], countriesOfOrigin: ['ML'] });
    await createOrg(t, owner, { countriesOfResidence: ['BE', 'CA'], countriesOfOrigin: ['SN', 'CI'] });
    await createOrg(t, owner, { countriesOfResidence: [], countriesOfOrigin: ['CM'] });
  });
  afterAll(() => t?.close());

  it('counts organizations per country of residence, most first, anonymously', async () => {
    const data = (await t.ok(COUNTS, { by: 'RESIDENCE' })) as { organizationCountsByCountry: Count[] };
    expect(data.organizationCountsByCountry).toEqual([
      { code: 'FR', count: 3 },
      { code: 'BE', count: 2 },
      { code: 'CA', count: 1 },
    ]);
  });

  it('counts organizations per country of origin, ties ordered by code', async () => {
    const data = (await t.ok(COUNTS, { by: 'ORIGIN' })) as { organizationCountsByCountry: Count[] };
    expect(data.organizationCountsByCountry).toEqual([
      { code: 'SN', count: 3 },
      { code: 'ML', count: 2 },
      { code: 'CI', count: 1 },
      { code: 'CM', count: 1 },
    ]);
  });

  it('agrees with the directory filtered by the same country (the map links there)', async () => {
    for (const [by, key] of [
      ['RESIDENCE', 'countriesOfResidence'],
      ['ORIGIN', 'countriesOfOrigin'],
    ] as const) {
      const counts = ((await t.ok(COUNTS, { by })) as { organizationCountsByCountry: Count[] })
        .organizationCountsByCountry;
      for (const { code, count } of counts) {
        const directory = (await t.ok(DIRECTORY, { filter: { [key]: [code] } })) as {
          organizations: { totalCount: number };
        };
        expect({ by, code, count: directory.organizations.totalCount }).toEqual({ by, code, count });
      }
    }
  });

  it('follows an edit of the countries', async () => {
    const owner = await registerUser(t, 'counts-edit');
    const org = await createOrg(t, owner, { countriesOfResidence: ['CA'], countriesOfOrigin: ['CM'] });
    await t.ok(
      `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { id } }`,
      { id: org.id, i: { countriesOfResidence: ['DE'] } },
      owner.token,
    );
    const data = (await t.ok(COUNTS, { by: 'RESIDENCE' })) as { organizationCountsByCountry: Count[] };
    expect(data.organizationCountsByCountry).toContainEqual({ code: 'CA', count: 1 });
    expect(data.organizationCountsByCountry).toContainEqual({ code: 'DE', count: 1 });
  });

  it('refuses an unknown role', async () => {
    const response = await t.gql(COUNTS, { by: 'BIRTHPLACE' });
    expect(response.errors?.[0]?.message).toMatch(/BIRTHPLACE/);
  });
});
