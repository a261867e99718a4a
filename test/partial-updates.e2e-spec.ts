import { TestApp } from './support/test-app.js';
import { createOrg, dataSource, orgInput, registerUser, TestUser } from './support/fixtures.js';
import { fundInput } from './support/fund-fixtures.js';
import { inDays, offerInput } from './support/inputs.js';
import { projectInput } from './support/project-input.js';

/*
 * Every update mutation is partial. For each one, a fully populated object is created, then the test
 * sends EACH field of its Update…Input alone (the field list is read from the schema, so a new field
 * without a case here fails the test) and checks, on the stored row, that the field's own columns
 * changed and no other column did. Then: null clears each clearable field (and nothing else), null on
 * each required field is BAD_USER_INPUT naming it and writes nothing.
 */

/** Columns that change with any write (timestamps, derived search columns). */
const DERIVED = new Set(['updated_at', 'search_vector', 'text_query']);
const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface UpdateCase {
  mutation: string;
  table: string;
  createInput: string;
  updateInput: string;
  /** Creates the fully populated object (every field set, flags true): its id. */
  create: () => Promise<string>;
  /** A valid value, different from the created one, for each field of the update input. */
  values: Record<string, unknown>;
  /** The stored columns of a field, when not its snake_case name. */
  columns?: Record<string, string[]>;
  /** Fields that may be given (with the current value) but never changed: the owner id. */
  immutable?: Record<string, () => string>;
  /** Nullable in the create input but not clearable (null is BAD_USER_INPUT). */
  notClearable?: string[];
  /** Clearing this field breaks a rule of the whole object: BAD_USER_INPUT naming it. */
  clearRefused?: string[];
  /** A nested input patched field by field: its fields and their columns. */
  nested?: { field: string; type: string; values: Record<string, unknown>; columns: Record<string, string> };
}

type Row = Record<string, unknown>;

describe('Partial updates: an omitted field is unchanged, null clears, null on a required field is refused', () => {
  let t: TestApp;
  let owner: TestUser;
  let organizationId: string;
  let funderId: string;
  let providerId: string;

  const TYPE = `query($n: String!) { __type(name: $n) { inputFields { name type { kind } } } }`;
  const fieldsOf = async (name: string): Promise<Array<{ name: string; required: boolean }>> => {
    const type = (await t.ok(TYPE, { n: name })).__type;
    expect(type).not.toBeNull();
    return type.inputFields.map((f: { name: string; type: { kind: string } }) => ({
      name: f.name,
      required: f.type.kind === 'NON_NULL',
    }));
  };
  const row = async (table: string, id: string): Promise<Row> => {
    const [found] = await dataSource(t).query(`SELECT * FROM ${table} WHERE id = $1`, [id]);
    return Object.fromEntries(Object.entries(found as Row).filter(([column]) => !DERIVED.has(column)));
  };
  const changedColumns = (before: Row, after: Row) =>
    Object.keys(before)
      .filter((column) => JSON.stringify(before[column]) !== JSON.stringify(after[column]))
      .sort();
  const update = (c: UpdateCase, id: string, input: Record<string, unknown>) =>
    t.gql(
      `mutation($id: ID!, $i: ${c.updateInput}!) { ${c.mutation}(id: $id, input: $i) { id } }`,
      { id, i: input },
      owner.token,
    );
  const isEmpty = (value: unknown) => value === null || value === false || (Array.isArray(value) && !value.length);

  beforeAll(async () => {
    t = await TestApp.start();
    owner = await registerUser(t, 'owner');
    organizationId = (await createOrg(t, owner, { name: 'Partial Updates Association' })).id;
    funderId = (await createOrg(t, owner, { name: 'Partial Updates Foundation', kind: 'FUNDER' })).id;
    providerId = (await createOrg(t, owner, { name: 'Partial Updates Academy', kind: 'TRAINING_PROVIDER' })).id;
  });
  afterAll(() => t?.close());

  const cases: UpdateCase[] = [
    {
      mutation: 'updateOrganization',
      table: 'organization',
      createInput: 'OrganizationInput',
      updateInput: 'UpdateOrganizationInput',
      create: async () =>
        (
          await createOrg(t, owner, {
            ...orgInput({ name: 'Ghana Hometown Association of Leeds' }),
            website: 'https://ghana-leeds.example.org',
            foundedYear: 2004,
            democraticGovernance: true,
            womenLed: true,
            youthLed: true,
            regionsOfResidence: ['GB-LDS'],
            nonProfit: true,
            annualIncome: 85000,
            annualIncomeCurrency: 'GBP',
          })
        ).id,
      values: {
        name: 'Ghana Hometown Association of Yorkshire',
        kind: 'MIGRANT_ASSOCIATION',
        description: 'Members fund a library and scholarships in the Volta region',
        website: 'https://ghana-yorkshire.example.org',
        contactEmail: 'board@ghana-yorkshire.example.org',
        countriesOfOrigin: ['GH', 'TG'],
        countriesOfResidence: ['GB', 'IE'],
        city: 'Leeds',
        themes: ['EDUCATION', 'HEALTH'],
        languages: ['en', 'tw'],
        foundedYear: 1999,
        memberCount: 140,
        legallyRegistered: false,
        democraticGovernance: false,
        womenLed: false,
        youthLed: false,
        regionsOfResidence: ['GB-KIR'],
        nonProfit: false,
        annualIncome: 92000,
        annualIncomeCurrency: 'EUR',
      },
    },
    {
      mutation: 'updateProject',
      table: 'project',
      createInput: 'ProjectInput',
      updateInput: 'UpdateProjectInput',
      create: async () =>
        (
          await t.ok(
            `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
            { i: projectInput(organizationId) },
            owner.token,
          )
        ).createProject.id,
      values: {
        title: 'Solar irrigation for Volta and Oti farmers',
        summary: 'Solar pumps and drip lines for smallholder farmers through two dry seasons',
        kind: 'ENTREPRENEURSHIP',
        status: 'ACTIVE',
        countries: ['GH', 'TG'],
        locality: 'Kpando, Volta Region',
        themes: ['EDUCATION'],
        sdgs: [6],
        budget: { amount: 75000, currency: 'EUR' },
        fundingSought: { amount: 30000, currency: 'EUR' },
        startDate: '2027-02-01',
        endDate: '2028-12-31',
        beneficiaries: 500,
      },
      columns: {
        budget: ['budget_amount', 'budget_currency'],
        fundingSought: ['funding_sought_amount', 'funding_sought_currency'],
      },
      immutable: { organizationId: () => organizationId },
      notClearable: ['status'],
    },
    {
      mutation: 'updateFund',
      table: 'fund',
      createInput: 'FundInput',
      updateInput: 'UpdateFundInput',
      create: async () =>
        (
          await t.ok(
            `mutation($i: FundInput!) { createFund(input: $i) { id } }`,
            {
              i: fundInput(funderId, {
                opensAt: inDays(5),
                prioritizesYouthLed: true,
                projectInOriginCountry: true,
                requireAllImplementationCountries: true,
                eligibleRegionsOfResidence: ['GB-LDS'],
                excludedCountriesOfResidence: ['US'],
                requiredThemes: ['EDUCATION'],
                requiresNonProfit: true,
                minOrganizationAnnualIncome: 1000,
                maxOrganizationAnnualIncome: 900000,
                maxOrganizationMembers: 500,
                reservedForPreviousGrantees: true,
                excludedProjectKinds: ['CONSTRUCTION'],
                maxTotalProjectBudget: 500000,
                prioritizesDiasporaLed: true,
                prioritizesSmallOrganizations: true,
                prioritizesFirstTimeApplicants: true,
                prioritizedOriginCountries: ['GH'],
                eligibility: {
                  organizationKinds: ['DIASPORA_ORGANIZATION'],
                  countriesOfResidence: ['GB', 'FR'],
                  countriesOfOrigin: ['GH'],
                  countriesOfImplementation: ['GH'],
                  projectKinds: ['SOCIAL_INVESTMENT'],
                  requiresLegalRegistration: true,
                  requiresVerification: true,
                  minOrganizationAgeYears: 2,
                },
              }),
            },
            owner.token,
          )
        ).createFund.id,
      values: {
        title: 'African Diaspora Climate Fund',
        description: 'Grants for diaspora-led climate adaptation projects in West Africa, 2027 round',
        currency: 'GBP',
        minGrant: 20000,
        maxGrant: 70000,
        totalBudget: 800000,
        coFundingPercent: 25,
        opensAt: inDays(10),
        deadline: inDays(90),
        themes: ['HEALTH'],
        sdgs: [3],
        prioritizesWomenLed: false,
        prioritizesYouthLed: false,
        eligibility: { minOrganizationAgeYears: 5 },
        projectInOriginCountry: false,
        requireAllImplementationCountries: false,
        eligibleRegionsOfResidence: ['FR-IDF'],
        excludedCountriesOfResidence: ['CA'],
        requiredThemes: ['HEALTH'],
        requiresNonProfit: false,
        minOrganizationAnnualIncome: 2000,
        maxOrganizationAnnualIncome: 800000,
        maxOrganizationMembers: 400,
        reservedForPreviousGrantees: false,
        excludedProjectKinds: ['IN_KIND_DONATION'],
        maxTotalProjectBudget: 600000,
        prioritizesDiasporaLed: false,
        prioritizesSmallOrganizations: false,
        prioritizesFirstTimeApplicants: false,
        prioritizedOriginCountries: ['SN'],
      },
      columns: {
        eligibility: [
          'eligible_organization_kinds',
          'eligible_countries_of_residence',
          'eligible_countries_of_origin',
          'eligible_countries_of_implementation',
          'eligible_project_kinds',
          'requires_legal_registration',
          'requires_verification',
          'min_organization_age_years',
        ],
      },
      immutable: { funderId: () => funderId },
      nested: {
        field: 'eligibility',
        type: 'FundEligibilityInput',
        values: {
          organizationKinds: ['NGO', 'MIGRANT_ASSOCIATION'],
          countriesOfResidence: ['DE'],
          countriesOfOrigin: ['SN'],
          countriesOfImplementation: ['SN', 'NG'],
          projectKinds: ['HUMANITARIAN'],
          requiresLegalRegistration: false,
          requiresVerification: false,
          minOrganizationAgeYears: 4,
        },
        columns: {
          organizationKinds: 'eligible_organization_kinds',
          countriesOfResidence: 'eligible_countries_of_residence',
          countriesOfOrigin: 'eligible_countries_of_origin',
          countriesOfImplementation: 'eligible_countries_of_implementation',
          projectKinds: 'eligible_project_kinds',
          requiresLegalRegistration: 'requires_legal_registration',
          requiresVerification: 'requires_verification',
          minOrganizationAgeYears: 'min_organization_age_years',
        },
      },
    },
    {
      mutation: 'updateTrainingOffer',
      table: 'training_offer',
      createInput: 'TrainingOfferInput',
      updateInput: 'UpdateTrainingOfferInput',
      create: async () =>
        (
          await t.ok(
            `mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) { id } }`,
            {
              i: offerInput(providerId, {
                format: 'IN_PERSON',
                country: 'FR',
                city: 'Lyon',
                eligibleOrganizationKinds: ['DIASPORA_ORGANIZATION'],
                audienceCountriesOfResidence: ['FR'],
                audienceRegions: ['EUROPE'],
                languageRequired: true,
              }),
            },
            owner.token,
          )
        ).createTrainingOffer.id,
      values: {
        title: 'Financial literacy for association treasurers',
        description: 'Bookkeeping, savings groups and audit basics in four sessions for association treasurers.',
        capacityAreas: ['FINANCIAL_MANAGEMENT', 'FUNDRAISING'],
        format: 'HYBRID',
        languages: ['fr', 'en'],
        country: 'BE',
        city: 'Brussels',
        startsAt: inDays(35),
        endsAt: inDays(70),
        applicationDeadline: inDays(25),
        seats: 14,
        cost: { amount: 150, currency: 'EUR' },
        subsidyAvailable: false,
        eligibleOrganizationKinds: ['MIGRANT_ASSOCIATION', 'NGO'],
        audienceCountriesOfResidence: ['BE'],
        audienceRegions: ['AFRICA'],
        languageRequired: false,
      },
      columns: { cost: ['cost_amount', 'cost_currency'] },
      immutable: { providerId: () => providerId },
      clearRefused: ['country'], // an IN_PERSON training needs a country: the rules apply to the patched offer
    },
  ];

  it.each(cases.map((c) => [c.mutation, c] as const))(
    '%s: each field alone changes only its own columns',
    async (_name, c) => {
      const fields = await fieldsOf(c.updateInput);
      expect(fields.every((f) => !f.required)).toBe(true); // every field may be left out
      const immutable = Object.keys(c.immutable ?? {});
      expect(fields.map((f) => f.name).sort()).toEqual([...Object.keys(c.values), ...immutable].sort());
      const id = await c.create();
      const failures: string[] = [];
      for (const { name } of fields) {
        const before = await row(c.table, id);
        const value = immutable.includes(name) ? c.immutable![name]() : c.values[name];
        const res = await update(c, id, { [name]: value });
        if (res.errors) {
          failures.push(`${name}: ${res.errors[0].message}`);
          continue;
        }
        const changed = changedColumns(before, await row(c.table, id));
        const own = c.columns?.[name] ?? [snake(name)];
        if (immutable.includes(name)) {
          if (changed.length) failures.push(`${name} (the same value) changed ${changed.join(', ')}`);
        } else if (!changed.length || changed.some((column) => !own.includes(column))) {
          failures.push(
            `${name} changed [${changed.join(', ')}], expected some of [${own.join(', ')}] and nothing else`,
          );
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it.each(cases.filter((c) => c.nested).map((c) => [c.mutation, c] as const))(
    '%s: each field of a nested input alone changes only its own column (the others stay)',
    async (_name, c) => {
      const nested = c.nested!;
      const fields = await fieldsOf(nested.type);
      expect(fields.map((f) => f.name).sort()).toEqual(Object.keys(nested.values).sort());
      const id = await c.create();
      const failures: string[] = [];
      for (const { name } of fields) {
        const before = await row(c.table, id);
        const res = await update(c, id, { [nested.field]: { [name]: nested.values[name] } });
        if (res.errors) {
          failures.push(`${nested.field}.${name}: ${res.errors[0].message}`);
          continue;
        }
        const changed = changedColumns(before, await row(c.table, id));
        if (JSON.stringify(changed) !== JSON.stringify([nested.columns[name]]))
          failures.push(`${nested.field}.${name} changed [${changed.join(', ')}], expected [${nested.columns[name]}]`);
      }
      expect(failures).toEqual([]);
    },
  );

  it.each(cases.map((c) => [c.mutation, c] as const))(
    '%s: null clears each clearable field (and nothing else); on a required field it is BAD_USER_INPUT naming it',
    async (_name, c) => {
      const createFields = await fieldsOf(c.createInput);
      const required = createFields.filter((f) => f.required || c.notClearable?.includes(f.name)).map((f) => f.name);
      const clearable = createFields.filter((f) => !required.includes(f.name)).map((f) => f.name);
      expect(required.length).toBeGreaterThan(0);
      expect(clearable.length).toBeGreaterThan(0);
      const failures: string[] = [];
      const id = await c.create(); // one object: each null touches (at most) its own field
      for (const name of required) {
        const before = await row(c.table, id);
        const res = await update(c, id, { [name]: null });
        const ext = res.errors?.[0].extensions;
        if (ext?.code !== 'BAD_USER_INPUT' || ext?.field !== `input.${name}`)
          failures.push(`${name}: null answered ${ext?.code ?? 'success'} ${ext?.field ?? ''}`);
        if (changedColumns(before, await row(c.table, id)).length) failures.push(`${name}: null wrote data`);
      }
      for (const name of clearable) {
        const before = await row(c.table, id);
        const res = await update(c, id, { [name]: null });
        const after = await row(c.table, id);
        const changed = changedColumns(before, after);
        if (c.clearRefused?.includes(name)) {
          const ext = res.errors?.[0].extensions;
          if (ext?.code !== 'BAD_USER_INPUT' || ext?.field !== `input.${name}`)
            failures.push(`${name}: clearing answered ${ext?.code ?? 'success'}, expected BAD_USER_INPUT`);
          if (changed.length) failures.push(`${name}: a refused clearing wrote data`);
          continue;
        }
        if (res.errors) {
          failures.push(`${name}: ${res.errors[0].message}`);
          continue;
        }
        const own = c.columns?.[name] ?? [snake(name)];
        if (!changed.length || changed.some((column) => !own.includes(column)))
          failures.push(`${name}: null changed [${changed.join(', ')}], expected some of [${own.join(', ')}]`);
        if (own.some((column) => !isEmpty(after[column])))
          failures.push(`${name}: null left ${own.map((column) => JSON.stringify(after[column])).join(', ')}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it('the rules still apply to the patched result (bounds across fields, the owner cannot change)', async () => {
    const fundCase = cases.find((c) => c.mutation === 'updateFund')!;
    const fund = await fundCase.create();
    const before = await row('fund', fund);
    // maxGrant alone above the stored totalBudget (500000)
    const tooHigh = await update(fundCase, fund, { maxGrant: 600000 });
    expect(tooHigh.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.maxGrant' });
    // minGrant alone above the stored maxGrant (60000)
    const minAbove = await update(fundCase, fund, { minGrant: 70000 });
    expect(minAbove.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.minGrant' });
    const moved = await update(fundCase, fund, { funderId: organizationId });
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.funderId' });
    expect(changedColumns(before, await row('fund', fund))).toEqual([]);

    const projectCase = cases.find((c) => c.mutation === 'updateProject')!;
    const project = await projectCase.create();
    // endDate alone before the stored startDate (2027-01-15)
    const early = await update(projectCase, project, { endDate: '2026-12-31' });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
    // fundingSought alone above the stored budget (EUR 60,000)
    const above = await update(projectCase, project, { fundingSought: { amount: 90000, currency: 'EUR' } });
    expect(above.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fundingSought.amount' });

    const offerCase = cases.find((c) => c.mutation === 'updateTrainingOffer')!;
    const offer = await offerCase.create();
    // endsAt alone before the stored startsAt (in 30 days)
    const ends = await update(offerCase, offer, { endsAt: inDays(10) });
    expect(ends.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
  });

  it('a description alone leaves the rest of the profile as it was (the reported loss)', async () => {
    const orgCase = cases[0];
    const id = await orgCase.create();
    const res = await t.ok(
      `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { description contactEmail website foundedYear city memberCount legallyRegistered womenLed } }`,
      { id, i: { description: 'Now also running a mentoring scheme' } },
      owner.token,
    );
    expect(res.updateOrganization).toEqual({
      description: 'Now also running a mentoring scheme',
      contactEmail: 'contact@example.org',
      website: 'https://ghana-leeds.example.org',
      foundedYear: 2004,
      city: 'London',
      memberCount: 40,
      legallyRegistered: true,
      womenLed: true,
    });
  });

  it('a verified organization goes back to PENDING when a vouched-for field changes alone, not otherwise', async () => {
    const orgCase = cases[0];
    const id = await orgCase.create();
    await dataSource(t).query(`UPDATE organization SET verification = 'VERIFIED', verified_kind = kind WHERE id = $1`, [
      id,
    ]);
    const VERIFICATION = `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { verification } }`;
    expect(
      (await t.ok(VERIFICATION, { id, i: { city: 'Bradford' } }, owner.token)).updateOrganization.verification,
    ).toBe('VERIFIED');
    expect(
      (await t.ok(VERIFICATION, { id, i: { countriesOfOrigin: ['GH', 'TG'] } }, owner.token)).updateOrganization
        .verification,
    ).toBe('PENDING');
  });
});
