import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { TestApp } from './support/test-app.js';
import { cast, orgWithRoles, runAuthzTable, snapshot } from './support/authz.js';
import {
  addMember,
  createOrg,
  dataSource,
  login,
  PASSWORD,
  registerUser,
  uniqueEmail,
  verify,
  type TestUser,
} from './support/fixtures.js';
import { APPLY, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';

const DELETE = `mutation($p: String!) { deleteMyAccount(password: $p) }`;
const EXPORT = `{ myDataExport }`;
const ME = `{ me { id email name } }`;
const REFRESH = `mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { user { id } } }`;
const INVITE = `mutation($o: ID!, $e: String!, $r: MemberRole!) { inviteOrganizationMember(organizationId: $o, email: $e, role: $r) { id } }`;
const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { id title } }`;
const CALENDAR = `mutation { createCalendarFeed { url } }`;
const CREATE_UPLOAD = `mutation($o: ID!, $s: Int!) {
  createUpload(purpose: LOGO, ownerId: $o, fileName: "logo.png", contentType: "image/png", size: $s) { uploadUrl } }`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** What a refused deletion must leave as it was (email_outbox is left out: queued mails are sent meanwhile). */
const TABLES = ['app_user', 'membership', 'refresh_token', 'member_invitation', 'notification', 'password_reset'];

describe('Account lifecycle: delete my account, download my data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  const count = async (sql: string, params: unknown[]) => Number((await dataSource(t).query(sql, params))[0].n);
  const codeOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

  describe('deleteMyAccount', () => {
    it('needs the password (BAD_USER_INPUT naming password) and changes nothing without it', async () => {
      const user = await registerUser(t, 'careful');
      const before = await snapshot(t, TABLES);
      const res = await t.gql(DELETE, { p: 'not-my-password' }, user.token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
      expect(await snapshot(t, TABLES)).toBe(before);
      expect((await t.ok(ME, {}, user.token)).me.id).toBe(user.id);
    });

    it('refuses while she is the only OWNER, naming the organizations, until another member is OWNER', async () => {
      const alice = await registerUser(t, 'alice');
      const bob = await registerUser(t, 'bob');
      const orgA = await createOrg(t, alice, { name: 'Alpha Hometown Association' });
      const orgB = await createOrg(t, alice, { name: 'Beta Diaspora Network' });
      await addMember(t, alice, orgA.id, bob, 'MEMBER');

      const before = await snapshot(t, TABLES);
      const refused = await t.gql(DELETE, { p: PASSWORD }, alice.token);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'LAST_OWNER',
        organizations: [
          { id: orgA.id, slug: orgA.slug, name: orgA.name, otherMembers: 1 },
          { id: orgB.id, slug: orgB.slug, name: orgB.name, otherMembers: 0 },
        ],
      });
      expect(refused.errors?.[0].message).toContain('Alpha Hometown Association');
      expect(refused.errors?.[0].message).toContain('inviteOrganizationMember with role OWNER');
      expect(await snapshot(t, TABLES)).toBe(before);

      // carol becomes a second OWNER of A: only B is left in the way
      const carol = await registerUser(t, 'carol');
      await addMember(t, alice, orgA.id, carol, 'OWNER');
      const still = await t.gql(DELETE, { p: PASSWORD }, alice.token);
      expect(still.errors?.[0].extensions?.organizations).toEqual([
        { id: orgB.id, slug: orgB.slug, name: orgB.name, otherMembers: 0 },
      ]);

      const dave = await registerUser(t, 'dave');
      await addMember(t, alice, orgB.id, dave, 'OWNER');
      expect((await t.ok(DELETE, { p: PASSWORD }, alice.token)).deleteMyAccount).toBe(true);
      const owners = await dataSource(t).query(
        `SELECT organization_id, user_id FROM membership WHERE organization_id = ANY($1) AND role = 'OWNER' ORDER BY organization_id`,
        [[orgA.id, orgB.id]],
      );
      expect(owners.map((o: { user_id: string }) => o.user_id).sort()).toEqual([carol.id, dave.id].sort());
      expect(await count(`SELECT count(*) AS n FROM membership WHERE user_id = $1`, [alice.id])).toBe(0);
    });

    it('erases her personal data, signs her out everywhere, and keeps what she did for her organizations', async () => {
      const erin = await registerUser(t, 'erin');
      const other = await login(t, erin.email);
      const partner = await registerUser(t, 'partner');
      const org = await createOrg(t, partner, { name: 'Gamma Association' });
      await addMember(t, partner, org.id, erin, 'ADMIN');
      const project = (await t.ok(CREATE_PROJECT, { i: projectInput(org.id) }, erin.token)).createProject;
      // a pending invitation to her address, a notification, a mail, a pending password reset
      const third = await createOrg(t, partner, { name: 'Delta Collective' });
      await t.ok(INVITE, { o: third.id, e: erin.email, r: 'MEMBER' }, partner.token);
      await dataSource(t).query(
        `INSERT INTO notification (user_id, kind, title, body, dedupe_key) VALUES ($1, 'TEST', 'Hello', 'Body', 'k1')`,
        [erin.id],
      );
      await t.ok(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: erin.email });
      const feed = (await t.ok(CALENDAR, {}, erin.token)).createCalendarFeed.url as string;
      expect((await fetch(`${t.url}${feed}`)).status).toBe(200);
      expect(await count(`SELECT count(*) AS n FROM email_outbox WHERE to_address = $1`, [erin.email])).toBeGreaterThan(
        1,
      );

      expect((await t.ok(DELETE, { p: PASSWORD }, erin.token)).deleteMyAccount).toBe(true);

      // signed out everywhere, and her address and password no longer sign in
      for (const session of [erin, other]) {
        expect(codeOf(await t.gql(ME, {}, session.token))).toBe('UNAUTHENTICATED');
        expect(codeOf(await t.gql(REFRESH, { r: session.refreshToken }))).toBe('UNAUTHENTICATED');
      }
      expect(codeOf(await t.gql(LOGIN, { e: erin.email, p: PASSWORD }))).toBe('UNAUTHENTICATED');
      // her secret calendar URL no longer answers
      expect((await fetch(`${t.url}${feed}`)).status).toBe(404);
      expect(
        await count(`SELECT count(*) AS n FROM calendar_feed WHERE user_id = $1 AND revoked_at IS NULL`, [erin.id]),
      ).toBe(0);

      // the row stays, anonymised
      const [row] = await dataSource(t).query(
        `SELECT email, name, deleted_at, preferred_language, to_jsonb(u)::text AS text FROM app_user u WHERE id = $1`,
        [erin.id],
      );
      expect(row).toMatchObject({
        email: `deleted-${erin.id}@deleted.invalid`,
        name: 'Deleted user',
        preferred_language: 'en',
      });
      expect(row.deleted_at).not.toBeNull();
      expect(row.text).not.toContain(erin.email);
      expect(row.text).not.toContain('$argon2');
      for (const [table, column] of [
        ['refresh_token', 'user_id'],
        ['password_reset', 'user_id'],
        ['membership', 'user_id'],
        ['notification', 'user_id'],
        ['email_outbox', 'user_id'],
      ]) {
        expect(await count(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [erin.id])).toBe(0);
      }
      expect(await count(`SELECT count(*) AS n FROM email_outbox WHERE to_address = $1`, [erin.email])).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM member_invitation WHERE email = $1`, [erin.email])).toBe(0);
      const [invitation] = await dataSource(t).query(
        `SELECT status, email FROM member_invitation WHERE organization_id = $1`,
        [third.id],
      );
      expect(invitation).toEqual({ status: 'REVOKED', email: `deleted-${erin.id}@deleted.invalid` });

      // what she did for the organization stays, its author now "Deleted user"
      expect((await t.ok(PROJECT, { id: project.id }, partner.token)).project.id).toBe(project.id);
      const [{ created_by_id }] = await dataSource(t).query(`SELECT created_by_id FROM project WHERE id = $1`, [
        project.id,
      ]);
      expect(created_by_id).toBe(erin.id);
      const members = (
        await t.ok(
          `query($id: ID!) { organization(id: $id) { members { user { id } } } }`,
          { id: org.id },
          partner.token,
        )
      ).organization.members.map((m: { user: { id: string } }) => m.user.id);
      expect(members).toEqual([partner.id]);

      // her address is free: a new account can use it
      const again = (await t.ok(REGISTER, { i: { email: erin.email, password: PASSWORD, name: 'Erin again' } }))
        .register;
      expect(again.user.id).not.toBe(erin.id);
    });

    it('two co-owners deleting their accounts at once never leave an organization without an owner', async () => {
      const one = await registerUser(t, 'co-one');
      const two = await registerUser(t, 'co-two');
      const org = await createOrg(t, one, { name: 'Epsilon Association' });
      await addMember(t, one, org.id, two, 'OWNER');
      const results = await Promise.all([one, two].map((u) => t.gql(DELETE, { p: PASSWORD }, u.token)));
      expect(results.filter((r) => r.data?.deleteMyAccount === true)).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(1);
      expect(
        await count(`SELECT count(*) AS n FROM membership WHERE organization_id = $1 AND role = 'OWNER'`, [org.id]),
      ).toBe(1);
    });
  });

  describe('myDataExport', () => {
    it('is everything about her as one JSON document, without secrets or other people’s data', async () => {
      const funder = await registerUser(t, 'funder');
      const funderId = (
        await createOrg(t, funder, {
          name: 'Swiss Diaspora Foundation',
          kind: 'FUNDER',
          countriesOfOrigin: [],
          countriesOfResidence: ['CH'],
        })
      ).id;
      await verify(t, funderId);
      const fund = await publishedFund(t, funder, funderId);

      const fatou = await registerUser(t, 'fatou');
      const org = await createOrg(t, fatou, {
        name: 'Ghana Hometown Association Paris',
        countriesOfOrigin: ['GH'],
        countriesOfResidence: ['FR'],
        themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT', 'CLIMATE_AND_DISPLACEMENT'],
        foundedYear: 2012,
        legallyRegistered: true,
      });
      const project = (await t.ok(CREATE_PROJECT, { i: projectInput(org.id) }, fatou.token)).createProject;
      const application = (
        await t.ok(
          APPLY,
          { f: fund.id, p: project.id, a: { amount: 40000, currency: 'EUR' }, s: STATEMENT },
          fatou.token,
        )
      ).applyToFund;
      const invitee = uniqueEmail('invitee');
      await t.ok(INVITE, { o: org.id, e: invitee, r: 'MEMBER' }, fatou.token);
      await t.ok(INVITE, { o: funderId, e: fatou.email, r: 'ADMIN' }, funder.token);
      await dataSource(t).query(
        `INSERT INTO notification (user_id, kind, title, body, link, dedupe_key) VALUES
           ($1, 'TEST', 'For Fatou', 'Hers', '/funds/x', 'mine'), ($2, 'TEST', 'For the funder', 'Not hers', null, 'theirs')`,
        [fatou.id, funder.id],
      );
      await t.ok(
        `mutation { updateNotificationPreferences(emailFrequency: IMMEDIATE) { emailFrequency } }`,
        {},
        fatou.token,
      );

      // an uploaded logo, a calendar feed and a corrected indicator
      const logo = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#2a6' } })
        .png()
        .toBuffer();
      const { uploadUrl } = (await t.ok(CREATE_UPLOAD, { o: org.id, s: logo.length }, fatou.token)).createUpload;
      const put = await fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: new Uint8Array(logo),
      });
      expect(put.status).toBe(201);
      const feedUrl = (await t.ok(CALENDAR, {}, fatou.token)).createCalendarFeed.url as string;
      const indicator = (
        await t.ok(
          `mutation($p: ID!) { addIndicator(projectId: $p, name: "Families irrigating", unit: "households", baseline: 0, target: 40) { id } }`,
          { p: project.id },
          fatou.token,
        )
      ).addIndicator.id;
      await t.ok(
        `mutation($id: ID!) { updateIndicator(id: $id, input: { unit: "families" }) { id } }`,
        { id: indicator },
        fatou.token,
      );

      const res = await t.gql(EXPORT, {}, fatou.token);
      expect(res.errors).toBeUndefined();
      const raw: string = res.data!.myDataExport;
      const doc = JSON.parse(raw);
      expect(doc.format).toBe('diaspora-nexus-account-export/1');
      expect(doc.profile).toMatchObject({ id: fatou.id, email: fatou.email, name: 'fatou', preferredLanguage: 'en' });
      expect(doc.sessions).toHaveLength(1);
      expect(doc.organizations.memberships).toEqual([
        expect.objectContaining({ organizationId: org.id, organizationSlug: org.slug, role: 'OWNER' }),
      ]);
      expect(doc.organizations.invitationsSent.map((i: { email: string }) => i.email)).toEqual([invitee]);
      expect(doc.organizations.invitationsReceived).toEqual([
        expect.objectContaining({ organization_id: funderId, role: 'ADMIN', status: 'PENDING' }),
      ]);
      expect(doc.projects.projectsCreated.map((p: { id: string }) => p.id)).toEqual([project.id]);
      expect(doc.funds.applicationsCreated.map((a: { id: string }) => a.id)).toEqual([application.id]);
      expect(doc.funds.applicationHistory).toEqual([
        expect.objectContaining({ application_id: application.id, to_status: 'SUBMITTED', actor_id: fatou.id }),
      ]);
      expect(doc.funds.fundsCreated).toEqual([]);
      expect(doc.notifications.notifications.map((n: { title: string }) => n.title)).toEqual(['For Fatou']);
      expect(doc.notifications.notificationPreference.emailFrequency).toBe('IMMEDIATE');
      for (const section of ['capacity', 'dialogue', 'partnerships']) expect(doc[section]).toBeDefined();
      expect(doc.files.filesUploaded).toEqual([
        expect.objectContaining({
          organization_id: org.id,
          purpose: 'LOGO',
          file_name: 'logo.png',
          uploaded_by_id: fatou.id,
        }),
      ]);
      expect(doc.files.filesUploaded[0]).not.toHaveProperty('storage_key');
      expect(doc.files.uploadTickets).toEqual([expect.objectContaining({ owner_id: org.id, created_by_id: fatou.id })]);
      expect(doc.exports.calendarFeeds).toEqual([expect.objectContaining({ user_id: fatou.id, revoked_at: null })]);
      expect(doc.projects.indicatorChanges).toEqual([
        expect.objectContaining({ indicator_id: indicator, action: expect.any(String), actor_id: fatou.id }),
      ]);
      expect(doc.projects.indicatorChanges[0].before).toMatchObject({ unit: 'households' });

      // no secret and nobody else's data
      const [{ password_hash }] = await dataSource(t).query(`SELECT password_hash FROM app_user WHERE id = $1`, [
        fatou.id,
      ]);
      for (const secret of [password_hash, fatou.refreshToken, sha256(fatou.refreshToken), fatou.token]) {
        expect(raw).not.toContain(secret);
      }
      expect(raw).not.toMatch(/token_hash|tokenHash|password_hash|passwordHash/);
      expect(raw).not.toMatch(/secret_hash|secretHash|storage_key/);
      expect(raw).not.toContain(/\/calendar\/([\w-]+)\.ics/.exec(feedUrl)![1]);
      expect(raw).not.toContain('For the funder');
      expect(raw).not.toContain(funder.email);

      expect(codeOf(await t.gql(EXPORT, {}))).toBe('UNAUTHENTICATED');
    });
  });

  describe('authorization', () => {
    it('deleteMyAccount: any signed-in user for herself; the only OWNER of an organization is refused (CONFLICT)', async () => {
      const c = await cast(t);
      await orgWithRoles(t, c);
      await runAuthzTable(t, c, [
        {
          name: 'deleteMyAccount',
          allowed: ['outsider', 'member', 'admin', 'moderator'],
          refused: { owner: 'CONFLICT' },
          tables: TABLES,
          prepare: async () => ({ query: DELETE, variables: { p: PASSWORD } }),
        },
      ]);
      // the deleted ones are gone, the refused owner is not
      const deleted = (user: TestUser) =>
        count(`SELECT count(*) AS n FROM app_user WHERE id = $1 AND deleted_at IS NOT NULL`, [user.id]);
      for (const user of [c.outsider, c.member, c.admin, c.moderator]) expect(await deleted(user)).toBe(1);
      expect(await deleted(c.owner)).toBe(0);
    });
  });
});
