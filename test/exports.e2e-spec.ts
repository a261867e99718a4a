import { ExportTokens, parseCsv, toCsv, csvCell, foldLine, escapeText } from '@app/exports';
import { TestApp } from './support/test-app.js';
import { cast, Cast, orgOwnedBy, orgWithRoles, runAuthzTable } from './support/authz.js';
import { dataSource, registerUser, TestUser } from './support/fixtures.js';
import { APPLY, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import { consultationInput, offerInput } from './support/inputs.js';
import { projectInput } from './support/project-input.js';

const EXPORT = `mutation($k: ExportKind!, $p: ExportParams) { exportCsv(kind: $k, params: $p) { url expiresAt fileName } }`;
const CREATE_PROJECT = `mutation($input: ProjectInput!) { createProject(input: $input) { id } }`;
const ADD_INDICATOR = `mutation($p: ID!, $n: String!, $u: String!, $b: Float!, $t: Float!) {
  addIndicator(projectId: $p, name: $n, unit: $u, baseline: $b, target: $t) { id } }`;
const MEASURE = `mutation($i: ID!, $v: Float!, $d: Date!, $n: String) { recordMeasurement(indicatorId: $i, value: $v, measuredOn: $d, note: $n) { id } }`;
const CREATE_FEED = `mutation { createCalendarFeed { url createdAt } }`;
const REVOKE_FEED = `mutation { revokeCalendarFeed }`;

describe('CSV and iCalendar helpers', () => {
  it('writes RFC 4180 with a BOM, CRLF, quoting and the formula guard, and reads it back', () => {
    const rows = [['=SUM(A1:A2)', 'a,b', 'say "hi"', 'two\nlines', '+33 1', '-5', '@cmd', 'plain', null, 12]];
    const csv = toCsv(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10'], rows);
    expect(csv.startsWith('\uFEFFc1,c2')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3); // header, row (its inner LF is quoted), final empty
    expect(csv).toContain(`'=SUM(A1:A2),"a,b","say ""hi""","two\nlines",'+33 1,'-5,'@cmd,plain,,12\r\n`);
    expect(csvCell("'quoted")).toBe("'quoted");
    expect(parseCsv(csv)[1]).toEqual([
      '=SUM(A1:A2)',
      'a,b',
      'say "hi"',
      'two\nlines',
      '+33 1',
      '-5',
      '@cmd',
      'plain',
      '',
      '12',
    ]);
    expect(() => parseCsv('a,"b\nc')).toThrow(/never closed/);
  });

  it('folds iCalendar lines at 75 octets without splitting a character, and escapes TEXT', () => {
    const line = `SUMMARY:${'é'.repeat(80)}`;
    const folded = foldLine(line).split('\r\n');
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('signs download tokens that expire and cannot be altered', () => {
    const tokens = new ExportTokens('x'.repeat(40));
    const token = tokens.sign({ u: 'user', k: 'DIRECTORY', p: { search: 'a' }, x: Math.floor(Date.now() / 1000) + 60 });
    expect(tokens.verify(token)?.p).toEqual({ search: 'a' });
    expect(tokens.verify(token, Date.now() + 61_000)).toBeNull();
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ u: 'other', k: 'DIRECTORY', p: {}, x: 9e9 })).toString('base64url');
    expect(tokens.verify(`${forged}.${mac}`)).toBeNull();
    expect(new ExportTokens('y'.repeat(40)).verify(`${body}.${mac}`)).toBeNull();
  });
});

describe('Exports (e2e)', () => {
  let t: TestApp;
  let c: Cast;
  let third: TestUser;
  let funderId: string;
  let applicantId: string;
  let projectId: string;
  let fundId: string;

  const download = (url: string) => fetch(`${t.url}${url}`);
  const exportUrl = async (user: TestUser, kind: string, params: Record<string, unknown>) =>
    (await t.ok(EXPORT, { k: kind, p: params }, user.token)).exportCsv as { url: string; fileName: string };
  const csvOf = async (user: TestUser, kind: string, params: Record<string, unknown>) => {
    const res = await download((await exportUrl(user, kind, params)).url);
    expect(res.status).toBe(200);
    return parseCsv(await res.text());
  };

  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    third = await registerUser(t, 'applicant');
    funderId = await orgWithRoles(t, c, { kind: 'FUNDER', verification: 'VERIFIED', name: 'Volta Climate Trust' });
    applicantId = await orgOwnedBy(t, third, {
      name: '=Diaspora, "Volta" Association',
      countries_of_residence: ['GB'],
      contact_email: 'hello@volta.example.org',
      description: 'Schools\nand clinics',
    });
    projectId = (await t.ok(CREATE_PROJECT, { input: projectInput(applicantId) }, third.token)).createProject.id;
    const indicator = (
      await t.ok(ADD_INDICATOR, { p: projectId, n: 'Farmers irrigating', u: 'farmers', b: 0, t: 40 }, third.token)
    ).addIndicator.id;
    await t.ok(MEASURE, { i: indicator, v: 12, d: '2026-03-01', n: 'First pumps, "dry" season' }, third.token);
    await t.ok(MEASURE, { i: indicator, v: 25, d: '2026-06-01' }, third.token);
    fundId = (await publishedFund(t, c.owner, funderId)).id;
    await t.ok(APPLY, { f: fundId, p: projectId, a: { amount: 30000, currency: 'EUR' }, s: STATEMENT }, third.token);
  });
  afterAll(() => t?.close());

  it('exports a directory search as CSV with the headers a spreadsheet needs, contact e-mails as the viewer may see them', async () => {
    const issued = await exportUrl(c.outsider, 'DIRECTORY', { search: 'Volta Association' });
    expect(issued.url).toMatch(/^\/exports\/[\w-]+\.[\w-]+$/);
    const res = await download(issued.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${issued.fileName}"`);
    expect(issued.fileName).toMatch(/^directory-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte-order mark
    const text = bytes.toString('utf8');
    expect(text).toContain(`"'=Diaspora, ""Volta"" Association",DIASPORA_ORGANIZATION,"Schools\nand clinics",,,GH,GB`);
    const [header, ...rows] = parseCsv(text);
    expect(header).toContain('contactEmail');
    const row = rows.find((r) => r[0] === '=Diaspora, "Volta" Association')!;
    expect(row[header.indexOf('contactEmail')]).toBe(''); // the outsider may not see it
    const own = (await csvOf(third, 'DIRECTORY', { search: 'Volta Association' })).find((r) => r[0] === row[0])!;
    expect(own[header.indexOf('contactEmail')]).toBe('hello@volta.example.org');
  });

  it('applies the directory filters of the organizations query', async () => {
    const rows = await csvOf(c.outsider, 'DIRECTORY', { filter: { kinds: ['FUNDER'] } });
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Volta Climate Trust']);
    expect(await t.errorCode(EXPORT, { k: 'DIRECTORY', p: { filter: { themes: ['NOPE'] } } }, c.outsider.token)).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('refuses a parameter the kind does not use, naming it, rather than ignoring it', async () => {
    const res = await t.gql(
      EXPORT,
      { k: 'FUND_CANDIDATES', p: { fundId, filter: { countriesOfOrigin: ['_'] } } },
      c.outsider.token,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'params.filter' });
  });

  it("exports a project's indicators with each measurement", async () => {
    const [header, ...rows] = await csvOf(c.outsider, 'PROJECT_INDICATORS', { projectId });
    expect(header).toEqual(['indicator', 'unit', 'baseline', 'target', 'progress', 'measuredOn', 'value', 'note']);
    expect(rows).toEqual([
      ['Farmers irrigating', 'farmers', '0', '40', '0.625', '2026-03-01', '12', 'First pumps, "dry" season'],
      ['Farmers irrigating', 'farmers', '0', '40', '0.625', '2026-06-01', '25', ''],
    ]);
  });

  it("exports a fund's candidates with their reasons, and a funder's applications to its managers", async () => {
    const [header, ...candidates] = await csvOf(c.outsider, 'FUND_CANDIDATES', { fundId });
    expect(header).toEqual(['rank', 'organization', 'organizationSlug', 'project', 'score', 'reasons']);
    const mine = candidates.find((r) => r[1] === '=Diaspora, "Volta" Association')!;
    expect(mine[3]).toBe('Solar irrigation for Volta farmers');
    expect(mine[5].split('\n').length).toBeGreaterThan(1);
    expect(mine[5]).toMatch(/THEMES [\d.]+: /);

    const [appHeader, ...applications] = await csvOf(c.admin, 'FUND_APPLICATIONS', { funderId });
    expect(appHeader.slice(0, 6)).toEqual([
      'fund',
      'applicationId',
      'organization',
      'project',
      'status',
      'requestedAmount',
    ]);
    expect(applications).toHaveLength(1);
    expect(applications[0][4]).toBe('SUBMITTED');
    expect(applications[0][5]).toBe('30000');
    expect(applications[0][applications[0].length - 1]).toBe(STATEMENT);
  });

  it('checks authorization again on download: a lost right, a forged or an expired token is refused', async () => {
    const admin = await registerUser(t, 'leaving-admin');
    await dataSource(t).query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'ADMIN')`, [
      admin.id,
      funderId,
    ]);
    const { url } = await exportUrl(admin, 'FUND_APPLICATIONS', { funderId });
    expect((await download(url)).status).toBe(200);
    await dataSource(t).query('DELETE FROM membership WHERE user_id = $1', [admin.id]);
    const refused = await download(url);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-disposition')).toBeNull();
    expect((await download(`${url.slice(0, -3)}abc`)).status).toBe(404);
    expect((await download('/exports/not-a-token')).status).toBe(404);
  });

  it("exports a consultation's invitations and the contributions the viewer may see", async () => {
    const convenerId = await orgWithRoles(t, c, { kind: 'GOVERNMENT_AGENCY', verification: 'VERIFIED' });
    const consultation = (
      await t.ok(
        `mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }`,
        { i: consultationInput(convenerId, { countriesOfOrigin: ['GH'] }) },
        c.owner.token,
      )
    ).createConsultation.id;
    await t.ok(`mutation($id: ID!) { openConsultation(id: $id) { id } }`, { id: consultation }, c.owner.token);
    const [invitation] = (
      await t.ok(
        `mutation($c: ID!, $o: [ID!]!) { inviteToConsultation(consultationId: $c, organizationIds: $o) { id } }`,
        { c: consultation, o: [applicantId] },
        c.owner.token,
      )
    ).inviteToConsultation;
    await t.ok(
      `mutation($id: ID!) { respondToInvitation(id: $id, accept: true) { id } }`,
      { id: invitation.id },
      third.token,
    );
    await t.ok(
      `mutation($c: ID!, $o: ID!, $b: String!) { submitContribution(consultationId: $c, organizationId: $o, body: $b) { id } }`,
      { c: consultation, o: applicantId, b: 'Labour rights, recognised qualifications; and "fair" recruitment.' },
      third.token,
    );
    const [header, ...convenerRows] = await csvOf(c.member, 'CONSULTATION', { consultationId: consultation });
    expect(header).toEqual(['record', 'organization', 'status', 'createdAt', 'respondedAt', 'contribution']);
    expect(convenerRows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['INVITATION', '=Diaspora, "Volta" Association', 'ACCEPTED'],
      ['CONTRIBUTION', '=Diaspora, "Volta" Association', ''],
    ]);
    expect(convenerRows[1][5]).toBe('Labour rights, recognised qualifications; and "fair" recruitment.');
    const outsiderRows = (await csvOf(c.outsider, 'CONSULTATION', { consultationId: consultation })).slice(1);
    expect(outsiderRows.map((r) => r[0])).toEqual(['INVITATION']); // contributions are never public
  });

  it('authorization rows for exportCsv, createCalendarFeed and revokeCalendarFeed', async () => {
    const archived = (await t.ok(CREATE_PROJECT, { input: projectInput(funderId) }, c.member.token)).createProject.id;
    await t.ok(`mutation($id: ID!) { archiveProject(id: $id) { id } }`, { id: archived }, c.member.token);
    await runAuthzTable(t, c, [
      {
        name: "exportCsv FUND_APPLICATIONS (the funder's OWNER/ADMIN and moderators)",
        allowed: ['admin', 'owner', 'moderator'],
        refused: { outsider: 'NOT_FOUND', member: 'NOT_FOUND' },
        tables: ['fund_application'],
        prepare: async () => ({ query: EXPORT, variables: { k: 'FUND_APPLICATIONS', p: { funderId } } }),
      },
      {
        name: "exportCsv PROJECT_INDICATORS of an archived project (the owner's members and moderators)",
        allowed: ['member', 'admin', 'owner', 'moderator'],
        refused: { outsider: 'NOT_FOUND' },
        tables: ['indicator'],
        prepare: async () => ({ query: EXPORT, variables: { k: 'PROJECT_INDICATORS', p: { projectId: archived } } }),
      },
      {
        name: 'exportCsv DIRECTORY (any signed-in user)',
        allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
        tables: [],
        prepare: async () => ({ query: EXPORT, variables: { k: 'DIRECTORY', p: {} } }),
      },
      {
        name: 'createCalendarFeed (any signed-in user, for herself)',
        allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
        tables: ['calendar_feed'],
        prepare: async () => ({ query: CREATE_FEED, variables: {} }),
      },
      {
        name: 'revokeCalendarFeed (any signed-in user, her own)',
        allowed: ['outsider', 'member', 'admin', 'owner', 'moderator'],
        tables: ['calendar_feed'],
        prepare: async () => ({ query: REVOKE_FEED, variables: {} }),
      },
    ]);
  });

  it('serves a per-user iCalendar feed of fund deadlines and training dates; revoking it answers 404', async () => {
    const providerId = await orgWithRoles(t, c, { kind: 'TRAINING_PROVIDER', verification: 'VERIFIED' });
    const offer = (
      await t.ok(
        `mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) { id } }`,
        {
          i: offerInput(providerId, { title: 'Budgets, savings; and remittances, a course with a rather long title' }),
        },
        c.owner.token,
      )
    ).createTrainingOffer.id;
    await t.ok(`mutation($id: ID!) { publishTrainingOffer(id: $id) { id } }`, { id: offer }, c.owner.token);
    await t.ok(
      `mutation($t: ID!, $o: ID!) { enrol(trainingId: $t, organizationId: $o) { id } }`,
      { t: offer, o: applicantId },
      third.token,
    );

    const first = (await t.ok(CREATE_FEED, {}, third.token)).createCalendarFeed.url as string;
    expect(first).toMatch(/^\/calendar\/[\w-]{40,}\.ics$/);
    const [{ secret_hash }] = await dataSource(t).query('SELECT secret_hash FROM calendar_feed WHERE user_id = $1', [
      third.id,
    ]);
    expect(first).not.toContain(secret_hash.trim());
    const res = await download(first);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/); // every line ends with CRLF
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`UID:fund-deadline-${fundId}@diaspora-nexus`);
    expect(unfolded).toContain('SUMMARY:Deadline: African Diaspora Climate and Livelihoods Fund');
    expect(unfolded).toContain(`UID:training-${offer}@diaspora-nexus`);
    expect(unfolded).toContain(
      'SUMMARY:Training: Budgets\\, savings\\; and remittances\\, a course with a rather long title',
    );
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);

    // an outsider's feed is empty of these
    const outsiderFeed = (await t.ok(CREATE_FEED, {}, c.outsider.token)).createCalendarFeed.url;
    expect(await (await download(outsiderFeed)).text()).not.toContain('BEGIN:VEVENT');

    const second = (await t.ok(CREATE_FEED, {}, third.token)).createCalendarFeed.url;
    expect((await download(first)).status).toBe(404); // replaced
    expect((await download(second)).status).toBe(200);
    expect((await t.ok(REVOKE_FEED, {}, third.token)).revokeCalendarFeed).toBe(true);
    expect((await download(second)).status).toBe(404);
    expect((await t.ok(REVOKE_FEED, {}, third.token)).revokeCalendarFeed).toBe(false);
    expect((await download('/calendar/unknown-secret-unknown-secret.ics')).status).toBe(404);
  });
});
