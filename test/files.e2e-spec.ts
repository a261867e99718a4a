import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { DiskFileStorage, FILE_STORAGE, FileSigner, S3FileStorage } from '@app/files';
import { TestApp } from './support/test-app.js';
import { dataSource, registerUser, TestUser } from './support/fixtures.js';
import { AuthzRow, Cast, cast, orgOwnedBy, orgWithRoles, runAuthzTable } from './support/authz.js';
import { APPLY, publishedFund, STATEMENT } from './support/fund-fixtures.js';
import { projectInput } from './support/project-input.js';
import { FakeS3 } from './support/fake-s3.js';

const CREATE_UPLOAD = `mutation($p: FilePurpose!, $o: ID!, $n: String!, $c: String!, $s: Int!) {
  createUpload(purpose: $p, ownerId: $o, fileName: $n, contentType: $c, size: $s) { uploadUrl method expiresAt maxSize } }`;
const DELETE_FILE = `mutation($id: ID!) { deleteFile(id: $id) { id } }`;
const FILE_FIELDS = `id fileName contentType size createdAt url`;
const ORG_FILES = `query($id: ID!) { organization(id: $id) { logo { ${FILE_FIELDS} } verificationEvidence { ${FILE_FIELDS} } } }`;
const PROJECT_DOCS = `query($id: ID!) { project(id: $id) { documents { ${FILE_FIELDS} } } }`;
const PROJECT_ATTACHMENTS = `query($id: ID!) { project(id: $id) { applications { id attachments { ${FILE_FIELDS} } } } }`;
const FUND_ATTACHMENTS = `query($id: ID!) { fund(id: $id) { applications { id attachments { ${FILE_FIELDS} } } } }`;
const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;
const FUNDER = { kind: 'FUNDER', verification: 'VERIFIED', countries_of_origin: [] };
const AMOUNT = { amount: 40000, currency: 'EUR' };

type Purpose = 'LOGO' | 'VERIFICATION_EVIDENCE' | 'APPLICATION_ATTACHMENT' | 'PROJECT_DOCUMENT';
interface FileView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  url: string;
}

/** A small valid PDF (one empty page). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const SECRET_EXIF = 'GPS 5.6037N 0.1870W home of the treasurer';

/** A PNG of `side`×`side` pixels carrying EXIF metadata (which re-encoding must drop). */
function png(side = 48): Promise<Buffer> {
  return sharp({ create: { width: side, height: side, channels: 3, background: '#2a7' } })
    .withExif({ IFD0: { ImageDescription: SECRET_EXIF } })
    .png()
    .toBuffer();
}
function jpeg(side = 40): Promise<Buffer> {
  return sharp({ create: { width: side, height: side, channels: 3, background: '#a72' } })
    .withExif({ IFD0: { ImageDescription: SECRET_EXIF } })
    .jpeg()
    .toBuffer();
}

describe('Files: upload through signed links, checked by content, read by who may see the owner', () => {
  let t: TestApp;
  let c: Cast;
  let third: TestUser;
  beforeAll(async () => {
    t = await TestApp.start();
    c = await cast(t);
    third = await registerUser(t, 'third');
  });
  afterAll(() => t?.close());

  const ticket = async (
    user: TestUser,
    purpose: Purpose,
    ownerId: string,
    bytes: Buffer,
    contentType: string,
    fileName = 'file.bin',
  ) =>
    (await t.ok(CREATE_UPLOAD, { p: purpose, o: ownerId, n: fileName, c: contentType, s: bytes.length }, user.token))
      .createUpload as { uploadUrl: string; method: string; expiresAt: string; maxSize: number };
  const put = (url: string, bytes: Buffer, contentType: string) =>
    fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body: new Uint8Array(bytes) });
  /** createUpload then PUT: the HTTP answer of the upload. */
  const upload = async (
    user: TestUser,
    purpose: Purpose,
    ownerId: string,
    bytes: Buffer,
    contentType: string,
    fileName = 'file.bin',
  ) => {
    const { uploadUrl } = await ticket(user, purpose, ownerId, bytes, contentType, fileName);
    const res = await put(uploadUrl, bytes, contentType);
    return { status: res.status, body: (await res.json()) as { file?: { id: string }; error?: string }, uploadUrl };
  };
  const storedRows = async () => Number((await dataSource(t).query('SELECT count(*) AS n FROM stored_file'))[0].n);
  const storedObjects = () => {
    const root = (t.app.get(FILE_STORAGE) as DiskFileStorage).root;
    try {
      return readdirSync(root, { recursive: true }).filter((name) => String(name).includes('/')).length;
    } catch {
      return 0;
    }
  };
  const project = async (org: string, user = c.owner) =>
    (await t.ok(CREATE_PROJECT, { i: projectInput(org) }, user.token)).createProject.id as string;
  /** An application of an organization where the cast holds its roles, to a fund of `third` (DRAFT unless submitted). */
  const application = async (draft = true) => {
    const funder = await orgOwnedBy(t, third, FUNDER);
    const fund = await publishedFund(t, third, funder);
    const p = await project(await orgWithRoles(t, c));
    const id = (await t.ok(APPLY, { f: fund.id, p, a: AMOUNT, s: STATEMENT, d: draft }, c.owner.token)).applyToFund
      .id as string;
    return { id, fund: fund.id, project: p, funder };
  };

  describe('organization logos', () => {
    let org: string;
    let first: FileView;
    beforeAll(async () => {
      org = await orgWithRoles(t, c);
    });

    it('stores a PNG re-encoded without its metadata, public to everyone through a signed link', async () => {
      const bytes = await png(1500);
      expect(bytes.includes(SECRET_EXIF)).toBe(true);
      const { status, body } = await upload(c.admin, 'LOGO', org, bytes, 'image/png', 'Our logo.PNG');
      expect(status).toBe(201);
      const anonymous = (await t.ok(ORG_FILES, { id: org })).organization;
      first = anonymous.logo;
      expect(first).toMatchObject({ id: body.file!.id, contentType: 'image/png', fileName: 'Our logo.png' });
      expect(anonymous.verificationEvidence).toEqual([]);
      const res = await fetch(first.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
      const served = Buffer.from(await res.arrayBuffer());
      expect(served.length).toBe(first.size);
      expect(served.includes(SECRET_EXIF)).toBe(false);
      const meta = await sharp(served).metadata();
      expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['png', 1024, 1024, undefined]);
    });

    it('replaces the logo with a new one (the old link then answers 404) and removes it', async () => {
      const { status, body } = await upload(c.owner, 'LOGO', org, await jpeg(), 'image/jpg', 'logo.jpeg');
      expect(status).toBe(201);
      const logo: FileView = (await t.ok(ORG_FILES, { id: org })).organization.logo;
      expect(logo).toMatchObject({ id: body.file!.id, contentType: 'image/jpeg', fileName: 'logo.jpg' });
      expect((await fetch(first.url)).status).toBe(404);
      const served = Buffer.from(await (await fetch(logo.url)).arrayBuffer());
      expect(served.includes(SECRET_EXIF)).toBe(false);
      expect((await sharp(served).metadata()).format).toBe('jpeg');
      expect(await t.errorCode(DELETE_FILE, { id: logo.id }, c.member.token)).toBe('FORBIDDEN');
      await t.ok(DELETE_FILE, { id: logo.id }, c.admin.token);
      expect((await t.ok(ORG_FILES, { id: org })).organization.logo).toBeNull();
      expect((await fetch(logo.url)).status).toBe(404);
    });

    it('refuses a PDF or an HTML page declared image/png and named .png, storing nothing', async () => {
      const [rows, objects] = [await storedRows(), storedObjects()];
      for (const bytes of [PDF, HTML]) {
        const { status, body } = await upload(c.owner, 'LOGO', org, bytes, 'image/png', 'logo.png');
        expect(status).toBe(415);
        expect(body.error).toMatch(/content is/);
      }
      // declared as what it is, a PDF is no logo: refused before any link is given
      const res = await t.gql(
        CREATE_UPLOAD,
        { p: 'LOGO', o: org, n: 'a.pdf', c: 'application/pdf', s: 100 },
        c.owner.token,
      );
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentType' });
      // a real PNG declared as a JPEG is refused too: the declared type must be the content's
      expect((await upload(c.owner, 'LOGO', org, await png(), 'image/jpeg')).status).toBe(415);
      // not an image at all although it starts like one
      const broken = Buffer.concat([(await png()).subarray(0, 60), Buffer.alloc(200)]);
      expect((await upload(c.owner, 'LOGO', org, broken, 'image/png')).status).toBe(415);
      expect([await storedRows(), storedObjects()]).toEqual([rows, objects]);
    });

    it('refuses oversize files: declared (BAD_USER_INPUT), by Content-Length, and while streaming; nothing stored', async () => {
      const [rows, objects] = [await storedRows(), storedObjects()];
      const big = await t.gql(
        CREATE_UPLOAD,
        { p: 'LOGO', o: org, n: 'big.png', c: 'image/png', s: 2_000_001 },
        c.owner.token,
      );
      expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'size', limit: 2_000_000 });
      const small = await png();
      // the ticket allows small.length bytes; the body is longer
      const longer = Buffer.concat([small, Buffer.alloc(5000)]);
      const declared = await ticket(c.owner, 'LOGO', org, small, 'image/png');
      expect((await put(declared.uploadUrl, longer, 'image/png')).status).toBe(413);
      // without Content-Length (chunked): refused once the body passes the limit
      const streamed = await ticket(c.owner, 'LOGO', org, small, 'image/png');
      const body = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(1000));
          controller.close();
        },
      });
      const res = await fetch(streamed.uploadUrl, {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect([await storedRows(), storedObjects()]).toEqual([rows, objects]);
    });

    it('takes each link once, until it expires; a forged link is unknown', async () => {
      const bytes = await png();
      const reused = await ticket(c.owner, 'LOGO', org, bytes, 'image/png');
      expect((await put(reused.uploadUrl, bytes, 'image/png')).status).toBe(201);
      const again = await put(reused.uploadUrl, bytes, 'image/png');
      expect([again.status, ((await again.json()) as { error: string }).error]).toEqual([
        410,
        'This upload link was already used',
      ]);

      const expired = await ticket(c.owner, 'LOGO', org, bytes, 'image/png');
      const id = /\/files\/upload\/([^.]+)\./.exec(expired.uploadUrl)![1];
      await dataSource(t).query(`UPDATE file_upload SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      const late = await put(expired.uploadUrl, bytes, 'image/png');
      expect([late.status, ((await late.json()) as { error: string }).error]).toEqual([
        410,
        'This upload link has expired',
      ]);

      const fresh = await ticket(c.owner, 'LOGO', org, bytes, 'image/png');
      const forged = fresh.uploadUrl.slice(0, -1) + (fresh.uploadUrl.endsWith('A') ? 'B' : 'A');
      expect((await put(forged, bytes, 'image/png')).status).toBe(404);
      expect((await put(fresh.uploadUrl, bytes, 'image/png')).status).toBe(201);
    });

    it('refuses a JSON body (parsed before it could be a file)', async () => {
      const { uploadUrl } = await ticket(c.owner, 'LOGO', org, await png(), 'image/png');
      const res = await fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(415);
    });
  });

  describe('verification evidence', () => {
    let org: string;
    let evidence: FileView;
    beforeAll(async () => {
      org = await orgWithRoles(t, c);
    });

    it('takes a PDF from a manager, served as an attachment with a safe name to managers and moderators only', async () => {
      const { status } = await upload(
        c.owner,
        'VERIFICATION_EVIDENCE',
        org,
        PDF,
        'application/pdf',
        'Certificat "officiel"\u202e.pdf',
      );
      expect(status).toBe(201);
      evidence = (await t.ok(ORG_FILES, { id: org }, c.admin.token)).organization.verificationEvidence[0];
      expect(evidence).toMatchObject({
        contentType: 'application/pdf',
        size: PDF.length,
        fileName: 'Certificat officiel.pdf',
      });
      for (const viewer of [c.owner, c.moderator]) {
        const files = (await t.ok(ORG_FILES, { id: org }, viewer.token)).organization.verificationEvidence;
        expect(files.map((f: FileView) => f.id)).toEqual([evidence.id]);
      }
      for (const viewer of [undefined, c.outsider, c.member, third]) {
        expect((await t.ok(ORG_FILES, { id: org }, viewer?.token)).organization.verificationEvidence).toEqual([]);
      }
      const res = await fetch(evidence.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="Certificat officiel.pdf"; filename*=UTF-8''Certificat%20officiel.pdf`,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
      expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    });

    it('answers 404 to a download by someone who may not see it, and to altered or expired links', async () => {
      const direct = `${t.url}/files/${evidence.id}`;
      const bearer = (user: TestUser) => fetch(direct, { headers: { authorization: `Bearer ${user.token}` } });
      for (const user of [c.outsider, c.member, third]) expect((await bearer(user)).status).toBe(404);
      expect((await fetch(direct)).status).toBe(404);
      expect((await bearer(c.moderator)).status).toBe(200);
      expect((await bearer(c.admin)).status).toBe(200);
      const url = new URL(evidence.url);
      url.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 60));
      expect((await fetch(url)).status).toBe(404);
      const { exp, sig } = t.app.get(FileSigner).downloadQuery(evidence.id, Date.now() - 2 * 3600_000);
      expect((await fetch(`${direct}?exp=${exp}&sig=${sig}`)).status).toBe(404);
      const invalid = await fetch(direct, { headers: { authorization: 'Bearer not-a-token' } });
      expect(invalid.status).toBe(401);
    });

    it("travels with the verification request in the moderators' queue", async () => {
      await t.ok(`mutation($id: ID!) { requestVerification(organizationId: $id) { id } }`, { id: org }, c.owner.token);
      const QUEUE = `{ verificationQueue(first: 100) { nodes { organization { id } evidence { id fileName url } } } }`;
      const nodes = (await t.ok(QUEUE, {}, c.moderator.token)).verificationQueue.nodes as Array<{
        organization: { id: string };
        evidence: FileView[];
      }>;
      const request = nodes.find((n) => n.organization.id === org)!;
      expect(request.evidence.map((f) => [f.id, f.fileName])).toEqual([[evidence.id, evidence.fileName]]);
      expect((await fetch(request.evidence[0].url)).status).toBe(200);
      await dataSource(t).query(`UPDATE organization SET verification = 'UNVERIFIED' WHERE id = $1`, [org]);
    });

    it('is removed by managers while no request is pending, and kept while one is', async () => {
      const second = await upload(c.admin, 'VERIFICATION_EVIDENCE', org, await png(), 'image/png', 'scan.png');
      expect(second.status).toBe(201);
      await dataSource(t).query(`UPDATE organization SET verification = 'PENDING' WHERE id = $1`, [org]);
      expect(await t.errorCode(DELETE_FILE, { id: second.body.file!.id }, c.owner.token)).toBe('CONFLICT');
      await dataSource(t).query(`UPDATE organization SET verification = 'VERIFIED' WHERE id = $1`, [org]);
      const verified = await t.gql(
        CREATE_UPLOAD,
        { p: 'VERIFICATION_EVIDENCE', o: org, n: 'x.pdf', c: 'application/pdf', s: PDF.length },
        c.owner.token,
      );
      expect(verified.errors?.[0].extensions?.code).toBe('CONFLICT');
      await dataSource(t).query(`UPDATE organization SET verification = 'REJECTED' WHERE id = $1`, [org]);
      expect(await t.errorCode(DELETE_FILE, { id: second.body.file!.id }, c.outsider.token)).toBe('NOT_FOUND');
      await t.ok(DELETE_FILE, { id: second.body.file!.id }, c.owner.token);
      const left = (await t.ok(ORG_FILES, { id: org }, c.owner.token)).organization.verificationEvidence;
      expect(left.map((f: FileView) => f.id)).toEqual([evidence.id]);
    });
  });

  describe('application attachments', () => {
    it("are read by the applicant's members, the funder's managers once submitted and moderators", async () => {
      const app = await application(true);
      const { status, body } = await upload(
        c.member,
        'APPLICATION_ATTACHMENT',
        app.id,
        PDF,
        'application/pdf',
        'budget.pdf',
      );
      expect(status).toBe(201);
      const mine = (await t.ok(PROJECT_ATTACHMENTS, { id: app.project }, c.member.token)).project.applications[0];
      expect(mine.attachments.map((f: FileView) => f.id)).toEqual([body.file!.id]);
      // a DRAFT is the applicant's alone
      expect((await t.ok(FUND_ATTACHMENTS, { id: app.fund }, third.token)).fund.applications).toEqual([]);
      await t.ok(`mutation($id: ID!) { submitApplication(id: $id) { id } }`, { id: app.id }, c.owner.token);
      const funderView = (await t.ok(FUND_ATTACHMENTS, { id: app.fund }, third.token)).fund.applications[0];
      expect(funderView.attachments.map((f: FileView) => f.fileName)).toEqual(['budget.pdf']);
      expect((await fetch(funderView.attachments[0].url)).status).toBe(200);
      // a plain member of the funder sees the application but not its attachments
      const funderMember = await registerUser(t, 'funder-member');
      await dataSource(t).query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [
        funderMember.id,
        app.funder,
      ]);
      const memberView = (await t.ok(FUND_ATTACHMENTS, { id: app.fund }, funderMember.token)).fund.applications[0];
      expect(memberView.attachments).toEqual([]);
      const direct = `${t.url}/files/${body.file!.id}`;
      const bearer = (user: TestUser) => fetch(direct, { headers: { authorization: `Bearer ${user.token}` } });
      expect([(await bearer(funderMember)).status, (await bearer(c.outsider)).status]).toEqual([404, 404]);
      expect([(await bearer(third)).status, (await bearer(c.moderator)).status]).toEqual([200, 200]);
      // SUBMITTED: still changeable; UNDER_REVIEW: frozen
      await dataSource(t).query(`UPDATE fund_application SET status = 'UNDER_REVIEW' WHERE id = $1`, [app.id]);
      expect(await t.errorCode(DELETE_FILE, { id: body.file!.id }, c.owner.token)).toBe('CONFLICT');
      const late = await t.gql(
        CREATE_UPLOAD,
        { p: 'APPLICATION_ATTACHMENT', o: app.id, n: 'x.pdf', c: 'application/pdf', s: PDF.length },
        c.owner.token,
      );
      expect(late.errors?.[0].extensions?.code).toBe('CONFLICT');
    });

    it('checks the permission again when the bytes arrive', async () => {
      const app = await application(true);
      const { uploadUrl } = await ticket(c.owner, 'APPLICATION_ATTACHMENT', app.id, PDF, 'application/pdf');
      await dataSource(t).query(`UPDATE fund_application SET status = 'WITHDRAWN' WHERE id = $1`, [app.id]);
      const rows = await storedRows();
      const objects = storedObjects();
      expect((await put(uploadUrl, PDF, 'application/pdf')).status).toBe(409);
      expect([await storedRows(), storedObjects()]).toEqual([rows, objects]);
    });
  });

  describe('project documents', () => {
    it('are read by whoever may see the project; archived, only by its members and moderators', async () => {
      const org = await orgWithRoles(t, c);
      const p = await project(org);
      const { status } = await upload(c.member, 'PROJECT_DOCUMENT', p, await jpeg(), 'image/jpeg', 'site photo.jpg');
      expect(status).toBe(201);
      const [doc] = (await t.ok(PROJECT_DOCS, { id: p })).project.documents as FileView[];
      expect(doc).toMatchObject({ fileName: 'site photo.jpg', contentType: 'image/jpeg' });
      const res = await fetch(doc.url);
      expect([res.status, res.headers.get('content-disposition')]).toEqual([
        200,
        `inline; filename="site photo.jpg"; filename*=UTF-8''site%20photo.jpg`,
      ]);
      await t.ok(`mutation($id: ID!) { archiveProject(id: $id) { id } }`, { id: p }, c.owner.token);
      expect((await t.gql(PROJECT_DOCS, { id: p }, c.outsider.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const direct = `${t.url}/files/${doc.id}`;
      const bearer = (user: TestUser) => fetch(direct, { headers: { authorization: `Bearer ${user.token}` } });
      expect((await bearer(c.outsider)).status).toBe(404);
      expect((await bearer(c.member)).status).toBe(200);
      expect((await t.ok(PROJECT_DOCS, { id: p }, c.moderator.token)).project.documents).toHaveLength(1);
      expect(await t.errorCode(DELETE_FILE, { id: doc.id }, c.owner.token)).toBe('CONFLICT');
    });
  });

  describe('authorization of createUpload and deleteFile (table-driven)', () => {
    it('lets only the allowed roles act, and refused calls write nothing', async () => {
      const managers: AuthzRow['allowed'] = ['admin', 'owner'];
      const members: AuthzRow['allowed'] = ['member', 'admin', 'owner'];
      const vars = (p: Purpose, o: string, type = 'application/pdf') => ({ p, o, n: 'f', c: type, s: 1000 });
      const uploaded = async (purpose: Purpose, owner: string, bytes: Buffer, type: string) => {
        const { status, body } = await upload(c.owner, purpose, owner, bytes, type);
        expect(status).toBe(201);
        return { query: DELETE_FILE, variables: { id: body.file!.id } };
      };
      const pdf = PDF;
      const image = await png();
      const rows: AuthzRow[] = [
        {
          name: 'createUpload LOGO',
          allowed: managers,
          tables: ['file_upload'],
          prepare: async () => ({
            query: CREATE_UPLOAD,
            variables: vars('LOGO', await orgWithRoles(t, c), 'image/png'),
          }),
        },
        {
          name: 'createUpload VERIFICATION_EVIDENCE',
          allowed: managers,
          tables: ['file_upload'],
          prepare: async () => ({
            query: CREATE_UPLOAD,
            variables: vars('VERIFICATION_EVIDENCE', await orgWithRoles(t, c)),
          }),
        },
        {
          name: 'createUpload APPLICATION_ATTACHMENT (DRAFT)',
          allowed: members,
          refused: { outsider: 'NOT_FOUND' },
          tables: ['file_upload'],
          prepare: async () => ({
            query: CREATE_UPLOAD,
            variables: vars('APPLICATION_ATTACHMENT', (await application(true)).id),
          }),
        },
        {
          name: 'createUpload PROJECT_DOCUMENT',
          allowed: members,
          tables: ['file_upload'],
          prepare: async () => ({
            query: CREATE_UPLOAD,
            variables: vars('PROJECT_DOCUMENT', await project(await orgWithRoles(t, c))),
          }),
        },
        {
          name: 'deleteFile LOGO',
          allowed: managers,
          tables: ['stored_file'],
          prepare: async () => uploaded('LOGO', await orgWithRoles(t, c), image, 'image/png'),
        },
        {
          name: 'deleteFile VERIFICATION_EVIDENCE',
          allowed: managers,
          // the file is hidden from those who may not read it
          refused: { outsider: 'NOT_FOUND', member: 'NOT_FOUND' },
          tables: ['stored_file'],
          prepare: async () => uploaded('VERIFICATION_EVIDENCE', await orgWithRoles(t, c), pdf, 'application/pdf'),
        },
        {
          name: 'deleteFile APPLICATION_ATTACHMENT',
          allowed: members,
          refused: { outsider: 'NOT_FOUND' },
          tables: ['stored_file'],
          prepare: async () => uploaded('APPLICATION_ATTACHMENT', (await application(true)).id, pdf, 'application/pdf'),
        },
        {
          name: 'deleteFile PROJECT_DOCUMENT',
          allowed: members,
          tables: ['stored_file'],
          prepare: async () =>
            uploaded('PROJECT_DOCUMENT', await project(await orgWithRoles(t, c)), pdf, 'application/pdf'),
        },
      ];
      await runAuthzTable(t, c, rows);
    });

    it('names the bad field of createUpload', async () => {
      const org = await orgWithRoles(t, c);
      const bad = async (variables: Record<string, unknown>) =>
        (
          await t.gql(
            CREATE_UPLOAD,
            { p: 'LOGO', o: org, n: 'a.png', c: 'image/png', s: 10, ...variables },
            c.owner.token,
          )
        ).errors?.[0].extensions;
      expect(await bad({ c: 'text/html' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentType' });
      expect(await bad({ c: 'image/svg+xml' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentType' });
      expect(await bad({ s: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'size' });
      expect(await bad({ n: '../../etc/passwd' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileName' });
      expect(await bad({ n: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileName' });
      expect(await bad({ o: 'not-an-id' })).toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});

describe('Files on an S3-compatible store (an in-process fake S3 that checks every request)', () => {
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await new FakeS3(
      'nexus-files',
      'eu-west-3',
      'AKIDEXAMPLE',
      'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    ).start();
  });
  afterAll(() => s3?.stop());

  it('puts, gets and deletes objects with path-style, signed requests; a wrong key is refused', async () => {
    const storage = new S3FileStorage({
      endpoint: s3.url,
      bucket: s3.bucket,
      region: s3.region,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    });
    await storage.put('ab/0f0e5c6a-1111-4222-8333-944445555666', PDF, 'application/pdf');
    expect(s3.objects.get('ab/0f0e5c6a-1111-4222-8333-944445555666')).toEqual({
      body: PDF,
      contentType: 'application/pdf',
    });
    expect((await storage.get('ab/0f0e5c6a-1111-4222-8333-944445555666'))?.equals(PDF)).toBe(true);
    expect(await storage.get('ab/0f0e5c6a-1111-4222-8333-000000000000')).toBeNull();
    await storage.delete('ab/0f0e5c6a-1111-4222-8333-944445555666');
    expect(s3.objects.size).toBe(0);
    expect(s3.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /nexus-files/ab/0f0e5c6a-1111-4222-8333-944445555666',
      'GET /nexus-files/ab/0f0e5c6a-1111-4222-8333-944445555666',
      'GET /nexus-files/ab/0f0e5c6a-1111-4222-8333-000000000000',
      'DELETE /nexus-files/ab/0f0e5c6a-1111-4222-8333-944445555666',
    ]);
    expect(s3.refused).toEqual([]);
    const wrong = new S3FileStorage({
      endpoint: s3.url,
      bucket: s3.bucket,
      region: s3.region,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: 'not-the-secret',
    });
    await expect(wrong.put('cd/0f0e5c6a-1111-4222-8333-944445555666', PDF, 'application/pdf')).rejects.toThrow(/403/);
    expect(s3.refused).toEqual(['SignatureDoesNotMatch']);
    await expect(storage.put('../etc/passwd', PDF, 'text/plain')).rejects.toThrow(/Invalid storage key/);
  });

  it('serves the API with S3_ENDPOINT set: the upload lands in the bucket and downloads from it', async () => {
    const t = await TestApp.start({
      S3_ENDPOINT: s3.url,
      S3_BUCKET: s3.bucket,
      S3_REGION: s3.region,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    });
    try {
      const c = await cast(t);
      const org = await orgWithRoles(t, c);
      const bytes = await png();
      const { uploadUrl } = (
        await t.ok(CREATE_UPLOAD, { p: 'LOGO', o: org, n: 'logo.png', c: 'image/png', s: bytes.length }, c.owner.token)
      ).createUpload;
      expect(
        (
          await fetch(uploadUrl, {
            method: 'POST',
            headers: { 'content-type': 'image/png' },
            body: new Uint8Array(bytes),
          })
        ).status,
      ).toBe(201);
      const [[key, object]] = [...s3.objects.entries()];
      const [row] = await dataSource(t).query('SELECT storage_key, size FROM stored_file');
      expect([row.storage_key, row.size]).toEqual([key, object.body.length]);
      const logo = (await t.ok(ORG_FILES, { id: org })).organization.logo as FileView;
      const served = Buffer.from(await (await fetch(logo.url)).arrayBuffer());
      expect(served.equals(object.body)).toBe(true);
      await t.ok(DELETE_FILE, { id: logo.id }, c.owner.token);
      expect(s3.objects.size).toBe(0);
      expect(s3.refused).toEqual(['SignatureDoesNotMatch']);
    } finally {
      await t.close();
    }
  });
});

describe('Files on the local disk', () => {
  it('keeps objects under random keys, never the given name, and refuses keys outside its folder', async () => {
    const root = join(process.env.TMPDIR ?? '/tmp', `nexus-disk-${process.pid}`);
    const disk = new DiskFileStorage(root);
    await disk.put('0a/6c8e1f7e-0000-4000-8000-000000000001', PDF);
    expect((await disk.get('0a/6c8e1f7e-0000-4000-8000-000000000001'))?.equals(PDF)).toBe(true);
    await expect(disk.put('../../x', PDF)).rejects.toThrow(/Invalid storage key/);
    await disk.delete('0a/6c8e1f7e-0000-4000-8000-000000000001');
    expect(await disk.get('0a/6c8e1f7e-0000-4000-8000-000000000001')).toBeNull();
  });
});

describe('Files: createUpload is rate-limited per user (FILE_UPLOAD_RATE_MAX)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ FILE_UPLOAD_RATE_MAX: '3', FILE_UPLOAD_RATE_WINDOW_SECONDS: '600' });
  });
  afterAll(() => t?.close());

  it('refuses the call past the limit with RATE_LIMITED and when to retry, for that user only; refused calls count', async () => {
    const [owner, other] = [await registerUser(t, 'uploader'), await registerUser(t, 'other-uploader')];
    const [org, otherOrg] = [await orgOwnedBy(t, owner), await orgOwnedBy(t, other)];
    const create = (user: TestUser, o: string, c = 'image/png') =>
      t.gql(CREATE_UPLOAD, { p: 'LOGO', o, n: 'logo.png', c, s: 1000 }, user.token);
    expect((await create(owner, org)).errors).toBeUndefined();
    expect((await create(owner, org, 'text/plain')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await create(owner, org)).errors).toBeUndefined();
    const refused = await create(owner, org);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(500);
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(600);
    expect(refused.data?.createUpload ?? null).toBeNull();
    expect((await create(owner, org)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const tickets = await dataSource(t).query(`SELECT count(*) AS n FROM file_upload WHERE created_by_id = $1`, [
      owner.id,
    ]);
    expect(Number(tickets[0].n)).toBe(2);
    expect((await create(other, otherOrg)).errors).toBeUndefined();
  });
});
