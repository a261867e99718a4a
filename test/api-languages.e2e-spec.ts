import { TestApp } from './support/test-app.js';
import { createOrg, registerUser, TestUser, verify } from './support/fixtures.js';
import { APPLY, fundInput, STATEMENT } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

/**
 * Issue 14: the API's sentences in the reader's language. The Accept-Language header chooses
 * (en, fr, es; region subtags and q-values understood), else the signed-in user's preferred
 * language, else English: eligibility checks, match reasons and errors (field validation naming the
 * field, NOT_FOUND) come back in it; English is unchanged.
 */
const NBSP = '\u00a0';
const CREATE = `mutation($i: FundInput!) { createFund(input: $i) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishFund(id: $id) { id status } }`;
const CHECK = `query($f: ID!, $o: ID!, $p: ID) { checkEligibility(fundId: $f, organizationId: $o, projectId: $p) {
  eligible checks { rule passed detail } } }`;
const MATCHES = `query($o: ID!, $p: ID) { fundMatches(organizationId: $o, projectId: $p, first: 50) {
  fund { id } reasons { factor points detail } } }`;
const NEEDING = `query($o: ID!) { fundsNeedingAProject(organizationId: $o, first: 50) { fund { id } failedRules { rule detail } } }`;

type Check = { rule: string; passed: boolean; detail: string };
type Reason = { factor: string; detail: string };
type Answer = { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

describe('The API’s sentences in the reader’s language (issue 14)', () => {
  let t: TestApp;
  let funder: TestUser;
  let applicant: TestUser;
  let funderId: string;
  let orgId: string;
  let projectId: string;
  let beneluxFund: string;
  let openFund: string;

  /** One GraphQL call with headers of its own (TestApp.gql sends none but the token). */
  const call = async (
    query: string,
    variables: Record<string, unknown>,
    { token, language }: { token?: string; language?: string } = {},
  ): Promise<Answer> => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(language ? { 'accept-language': language } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Answer;
  };
  const residence = async (options: { token?: string; language?: string }) => {
    const res = await call(CHECK, { f: beneluxFund, o: orgId, p: projectId }, options);
    expect(res.errors).toBeUndefined();
    return (res.data.checkEligibility.checks as Check[]).find((c) => c.rule === 'RESIDENCE')!;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    funder = await registerUser(t, 'lang-funder');
    applicant = await registerUser(t, 'lang-applicant');
    funderId = (
      await createOrg(t, funder, { name: 'Languages Foundation', kind: 'FUNDER', countriesOfResidence: ['BE'] })
    ).id;
    await verify(t, funderId);
    orgId = (
      await createOrg(t, applicant, {
        name: 'Ghanaian Community of Ile-de-France',
        countriesOfOrigin: ['GH'],
        countriesOfResidence: ['FR'],
        themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT', 'CLIMATE_AND_DISPLACEMENT'],
        foundedYear: 2012,
        memberCount: 40,
        legallyRegistered: true,
      })
    ).id;
    projectId = (
      await t.ok(
        `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
        { i: projectInput(orgId) },
        applicant.token,
      )
    ).createProject.id;
    const create = async (overrides: Record<string, unknown>) => {
      const id = (await t.ok(CREATE, { i: fundInput(funderId, overrides) }, funder.token)).createFund.id as string;
      await t.ok(PUBLISH, { id }, funder.token);
      return id;
    };
    beneluxFund = await create({
      eligibility: { ...fundInput(funderId).eligibility, countriesOfResidence: ['BE', 'NL', 'LU'] },
    });
    openFund = await create({});
  }, 600_000);
  afterAll(() => t?.close());

  it('checkEligibility names the accepted values in French, Spanish or English as the header asks', async () => {
    const fr = await residence({ language: 'fr-FR,fr;q=0.9,en;q=0.8' });
    expect(fr).toEqual({
      rule: 'RESIDENCE',
      passed: false,
      detail: 'Le fonds accepte les organisations basées en BE, NL, LU',
    });
    expect((await residence({ language: 'de-DE, es;q=0.7, en;q=0.3' })).detail).toBe(
      'El fondo acepta organizaciones con sede en BE, NL, LU',
    );
    expect((await residence({})).detail).toBe('The fund accepts organizations based in BE, NL, LU');
    expect((await residence({ language: 'de-DE' })).detail).toBe('The fund accepts organizations based in BE, NL, LU');
    // the passed rules are French too
    const all = (await call(CHECK, { f: beneluxFund, o: orgId, p: projectId }, { language: 'fr' })).data
      .checkEligibility.checks as Check[];
    expect(all.find((c) => c.rule === 'FUND_OPEN')?.detail).toBe(
      'Le fonds est ouvert et sa date limite n’est pas passée',
    );
  });

  it('fundMatches explains its reasons in French, English unchanged without the header', async () => {
    const reasonsOf = async (language?: string) => {
      const res = await call(MATCHES, { o: orgId, p: projectId }, { language });
      expect(res.errors).toBeUndefined();
      const match = (res.data.fundMatches as Array<{ fund: { id: string }; reasons: Reason[] }>).find(
        (m) => m.fund.id === openFund,
      );
      expect(match).toBeDefined();
      return new Map(match!.reasons.map((r) => [r.factor, r.detail]));
    };
    const en = await reasonsOf();
    const fr = await reasonsOf('fr');
    expect([...fr.keys()]).toEqual([...en.keys()]);
    expect(en.get('THEMES')).toMatch(/^The fund covers \d+ of the project's \d+ themes/);
    expect(fr.get('THEMES')).toMatch(new RegExp(`^Le fonds couvre \\d+ des \\d+${NBSP}thèmes du projet`));
    expect(en.get('BUDGET')).toMatch(/; the fund grants 25000(\.00)?–60000(\.00)? EUR$/);
    expect(fr.get('BUDGET')).toMatch(new RegExp(`${NBSP}; le fonds accorde de 25\u202f000 à 60\u202f000${NBSP}EUR$`));
    for (const [factor, detail] of fr)
      expect({ factor, same: detail === en.get(factor) }).toEqual({ factor, same: false });
  });

  it('fundsNeedingAProject and applyToFund quote the failed rules in French', async () => {
    const kindFund = (
      await t.ok(
        CREATE,
        { i: fundInput(funderId, { excludedProjectKinds: [(projectInput(orgId) as { kind: string }).kind] }) },
        funder.token,
      )
    ).createFund.id as string;
    await t.ok(PUBLISH, { id: kindFund }, funder.token);
    const kind = (projectInput(orgId) as { kind: string }).kind;
    const needing = (await call(NEEDING, { o: orgId }, { token: applicant.token, language: 'fr' })).data
      .fundsNeedingAProject as Array<{ fund: { id: string }; failedRules: Check[] }>;
    expect(needing.find((n) => n.fund.id === kindFund)?.failedRules).toEqual([
      { rule: 'EXCLUDED_PROJECT_KIND', detail: `Le fonds n’accepte pas les projets de ces types${NBSP}: ${kind}` },
    ]);
    const refused = await call(
      APPLY,
      { f: beneluxFund, p: projectId, a: { amount: 30000, currency: 'EUR' }, s: STATEMENT },
      { token: applicant.token, language: 'fr' },
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'projectId' });
    expect(refused.errors?.[0].message).toBe(
      `Non éligible${NBSP}: Le fonds accepte les organisations basées en BE, NL, LU`,
    );
    const english = await call(
      APPLY,
      { f: beneluxFund, p: projectId, a: { amount: 30000, currency: 'EUR' }, s: STATEMENT },
      { token: applicant.token },
    );
    expect(english.errors?.[0].message).toBe('Not eligible: The fund accepts organizations based in BE, NL, LU');
  });

  it('BAD_USER_INPUT names the field in a French sentence; NOT_FOUND, FORBIDDEN and UNAUTHENTICATED are localized too', async () => {
    const tooLong = { i: fundInput(funderId, { title: 'x'.repeat(151) }) };
    const fr = await call(CREATE, tooLong, { token: funder.token, language: 'fr' });
    expect(fr.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect(fr.errors?.[0].message).toBe(`Le champ input.title doit contenir au plus 150${NBSP}caractères`);
    const en = await call(CREATE, tooLong, { token: funder.token });
    expect(en.errors?.[0].message).toBe('input.title must be at most 150 characters');

    const missing = '00000000-0000-4000-8000-000000000000';
    const notFound = await call(CHECK, { f: missing, o: orgId }, { language: 'fr' });
    expect(notFound.errors?.[0]).toMatchObject({
      message: `Fonds ${missing} introuvable`,
      extensions: { code: 'NOT_FOUND' },
    });
    const outsider = await registerUser(t, 'lang-outsider');
    const forbidden = await call(
      `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
      { i: projectInput(orgId) },
      { token: outsider.token, language: 'fr' },
    );
    expect(forbidden.errors?.[0]).toMatchObject({
      message: 'Seuls les membres de Ghanaian Community of Ile-de-France peuvent enregistrer des projets',
      extensions: { code: 'FORBIDDEN' },
    });
    const anonymous = await call(CREATE, tooLong, { language: 'es' });
    expect(anonymous.errors?.[0]).toMatchObject({
      message: 'Inicie sesión para hacer esto',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('without the header, a signed-in user whose preferred language is French reads French; the header wins', async () => {
    const reader = await registerUser(t, 'lang-reader');
    expect((await residence({ token: reader.token })).detail).toBe(
      'The fund accepts organizations based in BE, NL, LU',
    );
    await t.ok(`mutation { updatePreferredLanguage(language: "fr") { id } }`, {}, reader.token);
    expect((await residence({ token: reader.token })).detail).toBe(
      'Le fonds accepte les organisations basées en BE, NL, LU',
    );
    expect((await residence({ token: reader.token, language: 'en-GB' })).detail).toBe(
      'The fund accepts organizations based in BE, NL, LU',
    );
    const bad = await call(CREATE, { i: fundInput(funderId, { title: '' }) }, { token: reader.token });
    expect(bad.errors?.[0].message).toMatch(/^Le champ input\.title /);
  });
  it('the services’ FORBIDDEN and state-machine CONFLICT sentences come in French; English as before', async () => {
    const proposed = await t.ok(
      `mutation($i: ID!, $p: ID!) { proposePartnership(initiatorId: $i, partnerId: $p, kind: ALLIANCE) { id } }`,
      { i: orgId, p: funderId },
      applicant.token,
    );
    const RESPOND = `mutation($id: ID!) { respondToPartnership(id: $id, accept: true) { id } }`;
    const id = proposed.proposePartnership.id as string;
    const forbidden = await call(RESPOND, { id }, { token: applicant.token, language: 'fr' });
    expect(forbidden.errors?.[0]).toMatchObject({
      message: 'Seuls les membres de l’organisation partenaire peuvent répondre',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await call(RESPOND, { id }, { token: applicant.token })).errors?.[0].message).toBe(
      'Only members of the partner organization may answer',
    );

    const again = await call(PUBLISH, { id: openFund }, { token: funder.token, language: 'fr-BE' });
    expect(again.errors?.[0]).toMatchObject({
      message: 'Un fonds au statut OPEN peut passer à CLOSED, pas à OPEN',
      extensions: { code: 'CONFLICT', from: 'OPEN', to: 'OPEN', allowed: ['CLOSED'] },
    });
    expect((await call(PUBLISH, { id: openFund }, { token: funder.token, language: 'es' })).errors?.[0].message).toBe(
      'Un fondo en estado OPEN puede pasar a CLOSED; no a OPEN',
    );
    expect((await call(PUBLISH, { id: openFund }, { token: funder.token })).errors?.[0].message).toBe(
      'A fund that is OPEN can become CLOSED; not OPEN',
    );
  });

  it('the /auth endpoints answer their JSON errors in the Accept-Language’s language', async () => {
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${t.url}/auth/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { code: string; message: string; field?: string } };
    };
    const wrong = { email: applicant.email, password: 'not-the-password' };
    expect(await post('sign-in', wrong, { 'accept-language': 'fr-FR,fr;q=0.9' })).toEqual({
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: 'Adresse e-mail ou mot de passe incorrect' },
    });
    expect((await post('sign-in', wrong)).body.message).toBe('Wrong e-mail address or password');
    expect((await post('refresh', {}, { 'accept-language': 'es' })).body).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'No ha iniciado sesión',
    });
    expect((await post('sign-in', { email: 42 }, { 'accept-language': 'fr' })).body).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Le champ email doit être une adresse e-mail valide',
      field: 'email',
    });
    expect((await post('sign-in', { email: 42 })).body.message).toBe('email must be a valid e-mail address');
  });
});
