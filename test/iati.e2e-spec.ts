import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { TestApp } from './support/test-app.js';
import { cast, Cast, orgWithRoles, runAuthzTable } from './support/authz.js';
import { projectInput } from './support/project-input.js';

const XSD_DIR = new URL('./fixtures/iati-2.03/', import.meta.url);
const xsd = (name: string) => ({ fileName: name, contents: readFileSync(new URL(name, XSD_DIR), 'utf8') });

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [xsd('iati-activities-schema.xsd')],
    preload: [xsd('iati-common.xsd'), xsd('xml.xsd')],
  });
}

const IATI = `query($o: ID!) { organizationIatiActivities(organizationId: $o) }`;
const SET_REF = `mutation($i: IatiOrgRefInput!) { setOrganizationIatiRef(input: $i) { id iatiOrgRef } }`;
const CREATE_PROJECT = `mutation($input: ProjectInput!) { createProject(input: $input) { id } }`;
const ADD_INDICATOR = `mutation($p: ID!, $n: String!, $u: String!, $b: Float!, $t: Float!) {
  addIndicator(projectId: $p, name: $n, unit: $u, baseline: $b, target: $t) { id } }`;
const MEASURE = `mutation($i: ID!, $v: Float!, $d: Date!, $n: String) { recordMeasurement(indicatorId: $i, value: $v, measuredOn: $d, note: $n) { id } }`;

describe('IATI activity file (e2e)', () => {
  let t: TestApp;
  let c: Cast;
  let orgId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    orgId = await orgWithRoles(t, c, {
      name: 'Ghana Diaspora & "Friends" <Volta>',
      slug: 'ghana-diaspora-friends',
      languages: ['en'],
    });
    const token = c.member.token;
    const solar = (
      await t.ok(CREATE_PROJECT, { input: projectInput(orgId, { status: 'ACTIVE', startDate: '2025-01-15' }) }, token)
    ).createProject.id;
    const farmers = (await t.ok(ADD_INDICATOR, { p: solar, n: 'Farmers irrigating', u: 'farmers', b: 0, t: 40 }, token))
      .addIndicator.id;
    await t.ok(MEASURE, { i: farmers, v: 12, d: '2025-06-01', n: 'Pumps <installed> & "tested"' }, token);
    await t.ok(MEASURE, { i: farmers, v: 30, d: '2026-03-01' }, token);
    const share = (await t.ok(ADD_INDICATOR, { p: solar, n: 'Women among farmers', u: '%', b: 10, t: 50 }, token))
      .addIndicator.id;
    await t.ok(MEASURE, { i: share, v: 35, d: '2026-02-01' }, token);
    await t.ok(
      CREATE_PROJECT,
      {
        input: projectInput(orgId, {
          title: 'École & santé: l’accès «pour tous» 🌍',
          summary: 'Clinics; schools, and <training> for "everyone" — ünïcode\nsecond line',
          status: 'IDEA',
          countries: ['SN', 'GH', 'NG'],
          themes: ['EDUCATION', 'HEALTH', 'GENDER'],
          budget: null,
          fundingSought: null,
          startDate: null,
          endDate: null,
        }),
      },
      token,
    );
  });
  afterAll(() => t?.close());

  it('validates against the official IATI 2.03 XSD, with the registered identifier', async () => {
    await t.ok(SET_REF, { i: { organizationId: orgId, iatiOrgRef: 'GB-CHC-1234567' } }, c.owner.token);
    const xml = (await t.ok(IATI, { o: orgId }, c.member.token)).organizationIatiActivities as string;
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml.match(/<iati-activity /g)).toHaveLength(2);
    expect(xml).toMatch(/<iati-identifier>GB-CHC-1234567-[0-9a-f-]{36}<\/iati-identifier>/);
    expect(xml).toContain('<reporting-org ref="GB-CHC-1234567" type="22">');
    expect(xml).toContain('<narrative>Ghana Diaspora &amp; &quot;Friends&quot; &lt;Volta&gt;</narrative>');
    expect(xml).toContain(
      '<narrative>École &amp; santé: l&apos;accès «pour tous» 🌍</narrative>'.replace('l&apos;', 'l’'),
    );
    expect(xml).toContain('<activity-status code="2"/>'); // ACTIVE → implementation
    expect(xml).toContain('<activity-status code="1"/>'); // IDEA → pipeline
    expect(xml).toContain('<activity-date type="2" iso-date="2025-01-15"/>');
    expect(xml).toContain('<recipient-country code="SN" percentage="33.33"/>');
    expect(xml).toContain('<recipient-country code="NG" percentage="33.34"/>');
    expect(xml).toContain('<sector vocabulary="2" code="311" percentage="50.00"/>');
    expect(xml).toContain('<value currency="EUR" value-date="2025-01-15">60000.00</value>');
    expect(xml).toContain('<indicator measure="1" ascending="true">');
    expect(xml).toContain('<indicator measure="2" ascending="true">');
    expect(xml).toContain('<baseline year="2025" value="0"/>');
    expect(xml).toContain('<period-start iso-date="2026-01-01"/>');
    expect(xml).toContain('<actual value="30"/>');
    expect(xml).toContain('<narrative>Pumps &lt;installed&gt; &amp; &quot;tested&quot;</narrative>');
  });

  it('uses the documented fallback identifier until one is set, and the validator does reject a broken file', async () => {
    await t.ok(SET_REF, { i: { organizationId: orgId, iatiOrgRef: null } }, c.admin.token);
    const xml = (await t.ok(IATI, { o: orgId }, c.moderator.token)).organizationIatiActivities as string;
    expect(xml).toContain('<reporting-org ref="DNX-ghana-diaspora-friends" type="22">');
    expect((await validate(xml)).valid).toBe(true);
    const broken = await validate(xml.replace(/<reporting-org[\s\S]*?<\/reporting-org>/, ''));
    expect(broken.valid).toBe(false);
    expect(await t.errorCode(SET_REF, { i: { organizationId: orgId, iatiOrgRef: 'not an id' } }, c.owner.token)).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('authorization rows for setOrganizationIatiRef and organizationIatiActivities', async () => {
    await runAuthzTable(t, c, [
      {
        name: 'setOrganizationIatiRef (OWNER/ADMIN)',
        allowed: ['admin', 'owner'],
        tables: ['organization_iati_ref'],
        prepare: async () => ({
          query: SET_REF,
          variables: { i: { organizationId: await orgWithRoles(t, c), iatiOrgRef: 'XM-DAC-41114' } },
        }),
      },
      {
        name: 'organizationIatiActivities (members and moderators)',
        allowed: ['member', 'admin', 'owner', 'moderator'],
        tables: [],
        prepare: async () => ({ query: IATI, variables: { o: orgId } }),
      },
    ]);
  });
});
