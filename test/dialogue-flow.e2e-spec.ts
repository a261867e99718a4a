import { DEMO_PASSWORD, DemoSeeder } from '@app/demo';
import { COUNTERPART_KINDS } from '@app/matching';
import { QueryCounterLogger } from '@app/persistence';
import { TestApp } from './support/test-app.js';
import { addMember, createOrg, dataSource, registerUser, TestUser, verify } from './support/fixtures.js';
import { consultationInput, inDays } from './support/inputs.js';

const COUNTERPARTS = `query($q: CounterpartQuery!, $first: Int) {
  dialogueCounterparts(query: $q, first: $first) {
    score reasons { factor points detail }
    organization { id name kind verification womenLed
      countriesOfOrigin { code } countriesOfResidence { code } themes { code } languages { code } }
  }
}`;
const CREATE = `mutation($i: ConsultationInput!) { createConsultation(input: $i) { id status convener { id } } }`;
const OPEN = `mutation($id: ID!) { openConsultation(id: $id) { id status openedAt } }`;
const CLOSE = `mutation($id: ID!) { closeConsultation(id: $id) { id status closedAt } }`;
const INVITE = `mutation($c: ID!, $o: [ID!]!) { inviteToConsultation(consultationId: $c, organizationIds: $o) {
  id status organization { id } consultation { id } } }`;
const RESPOND = `mutation($id: ID!, $a: Boolean!) { respondToInvitation(id: $id, accept: $a) { id status } }`;
const CONTRIBUTE = `mutation($c: ID!, $o: ID!, $b: String!) { submitContribution(consultationId: $c, organizationId: $o, body: $b) {
  id body createdAt author { id } organization { id } consultation { id } } }`;
const READ = `query($id: ID!) { consultation(id: $id) { id status acceptsContributions title level
  themes { code } countriesOfOrigin { code } country { code }
  invitations { id status organization { id } }
  contributions { id body organization { id } author { id } }
  history { invitationId actorId fromStatus toStatus } } }`;

interface Match {
  score: number;
  reasons: Array<{ factor: string; points: number; detail: string }>;
  organization: {
    id: string;
    name: string;
    kind: string;
    verification: string;
    womenLed: boolean;
    countriesOfOrigin: { code: string }[];
    countriesOfResidence: { code: string }[];
    themes: { code: string }[];
    languages: { code: string }[];
  };
}
type Counterparts = { dialogueCounterparts: Match[] };
interface Created {
  id: string;
  status: string;
  convener: { id: string };
}
interface Invitation {
  id: string;
  status: string;
  organization: { id: string };
}
type Invited = { inviteToConsultation: Invitation[] };
/** What READ answers. */
interface ConsultationView {
  id: string;
  status: string;
  acceptsContributions: boolean;
  title: string;
  level: string;
  themes: { code: string }[];
  countriesOfOrigin: { code: string }[];
  country: { code: string } | null;
  invitations: Invitation[];
  contributions: Array<{ id: string; body: string; organization: { id: string }; author: { id: string } }>;
  history: Array<{ invitationId: string | null; actorId: string; fromStatus: string | null; toStatus: string }>;
}
type Query = {
  countriesOfOrigin?: string[];
  countriesOfResidence?: string[];
  themes?: string[];
  requireThemes?: boolean;
  topic?: string;
  languages?: string[];
  verifiedOnly?: boolean;
  balanced?: boolean;
};

const codes = (xs: { code: string }[]) => xs.map((x) => x.code);
const overlaps = (want: string[] | undefined, have: { code: string }[]) =>
  !want?.length || codes(have).some((c) => want.includes(c));
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Every filter of the query holds for every result (themes only with requireThemes); reasons add up to the score (0..1). */
function expectHonest(matches: Match[], q: Query) {
  for (const m of matches) {
    const o = m.organization;
    expect(COUNTERPART_KINDS).toContain(o.kind);
    expect(overlaps(q.countriesOfOrigin, o.countriesOfOrigin)).toBe(true);
    expect(overlaps(q.countriesOfResidence, o.countriesOfResidence)).toBe(true);
    if (q.requireThemes) expect(overlaps(q.themes, o.themes)).toBe(true);
    expect(overlaps(q.languages, o.languages)).toBe(true);
    if (q.verifiedOnly) expect(o.verification).toBe('VERIFIED');
    expect(round4(m.reasons.reduce((s, r) => s + r.points, 0))).toBe(m.score);
    expect(m.score).toBeGreaterThan(0);
    expect(m.score).toBeLessThanOrEqual(1);
    expect(m.reasons.every((r) => r.points > 0 && r.detail.length > 0)).toBe(true);
  }
}

describe('Dialogue with governments: counterparts → consultation → invitations → contributions', () => {
  let t: TestApp;
  let officer: TestUser;
  let ministry: string;
  const owners: TestUser[] = [];
  const orgs: Array<{ id: string; name: string }> = [];
  let notCandidates: string[];

  beforeAll(async () => {
    t = await TestApp.start();
    officer = await registerUser(t, 'officer');
    ministry = (
      await createOrg(t, officer, {
        name: 'Department of Migrant Workers',
        kind: 'GOVERNMENT_AGENCY',
        countriesOfOrigin: [],
        countriesOfResidence: ['PH'],
        themes: ['LABOUR_MIGRATION'],
      })
    ).id;
    await verify(t, ministry);
    // Seven Filipino organizations in Italy and Spain, of decreasing weight.
    const profiles = [
      {
        kind: 'MIGRANT_ASSOCIATION',
        res: ['IT'],
        themes: ['LABOUR_MIGRATION', 'DOMESTIC_WORK'],
        members: 900,
        v: true,
      },
      { kind: 'DIASPORA_NETWORK', res: ['IT', 'ES'], themes: ['LABOUR_MIGRATION'], members: 30, v: true },
      { kind: 'TRADE_UNION', res: ['IT'], themes: ['LABOUR_MIGRATION', 'DOMESTIC_WORK'], members: 3000, v: true },
      { kind: 'MIGRANT_ASSOCIATION', res: ['ES'], themes: ['DOMESTIC_WORK'], members: 200, v: false },
      { kind: 'DIASPORA_ORGANIZATION', res: ['IT'], themes: ['DOMESTIC_WORK', 'GENDER'], members: 120, v: true },
      { kind: 'FAITH_BASED', res: ['IT'], themes: ['LABOUR_MIGRATION'], members: 50, v: false },
      { kind: 'MIGRANT_ASSOCIATION', res: ['ES'], themes: ['LABOUR_MIGRATION'], members: 10, v: false },
    ];
    for (const [i, p] of profiles.entries()) {
      const owner = await registerUser(t, `owner${i}`);
      owners.push(owner);
      const org = await createOrg(t, owner, {
        name: `Filipino association ${i}`,
        kind: p.kind,
        countriesOfOrigin: ['PH'],
        countriesOfResidence: p.res,
        themes: p.themes,
        languages: ['tl', 'it'],
        memberCount: p.members,
        democraticGovernance: i % 2 === 0,
        womenLed: i % 3 === 0,
      });
      if (p.v) await verify(t, org.id);
      orgs.push(org);
    }
    // Not candidates: wrong kind, wrong community, wrong place, wrong themes.
    const other = await registerUser(t, 'other');
    notCandidates = [
      (
        await createOrg(t, other, {
          kind: 'ACADEMIC',
          countriesOfOrigin: ['PH'],
          countriesOfResidence: ['IT'],
          themes: ['LABOUR_MIGRATION'],
        })
      ).id,
      (
        await createOrg(t, other, {
          kind: 'FUNDER',
          countriesOfOrigin: ['PH'],
          countriesOfResidence: ['IT'],
          themes: ['LABOUR_MIGRATION'],
        })
      ).id,
      (
        await createOrg(t, other, {
          countriesOfOrigin: ['GH'],
          countriesOfResidence: ['IT'],
          themes: ['LABOUR_MIGRATION'],
        })
      ).id,
      (
        await createOrg(t, other, {
          countriesOfOrigin: ['PH'],
          countriesOfResidence: ['DE'],
          themes: ['LABOUR_MIGRATION'],
        })
      ).id,
      (await createOrg(t, other, { countriesOfOrigin: ['PH'], countriesOfResidence: ['IT'], themes: ['HEALTH'] })).id,
    ];
  });
  afterAll(() => t?.close());

  describe('journey: counterparts → convene → open → invite the top five → answers → contributions → close', () => {
    const q: Query = {
      countriesOfOrigin: ['PH'],
      countriesOfResidence: ['IT', 'ES'],
      themes: ['LABOUR_MIGRATION', 'DOMESTIC_WORK'],
      requireThemes: true,
    };
    const bodyA = 'Written contracts, a weekly rest day and pension portability are our three priorities.';
    const bodyB = 'Our member associations ask for a diaspora seat on the joint committee of the agreement.';
    // Shared by the steps, in order.
    let top: Match[];
    let id: string;
    let invitations: Invitation[];
    let topIds: string[];
    let memberOfB: TestUser;
    let uninvited: string;
    const ownerOf = (orgId: string) => owners[orgs.findIndex((o) => o.id === orgId)];
    const inv = (orgId: string) => (invitations.find((i) => i.organization.id === orgId) as Invitation).id;
    const read = async (token?: string) =>
      (await t.ok<{ consultation: ConsultationView }>(READ, { id }, token)).consultation;

    it('1. the officer finds counterparts: every filter holds, ranked by score, reasons add up', async () => {
      const all = (await t.ok<Counterparts>(COUNTERPARTS, { q, first: 20 }, officer.token)).dialogueCounterparts;
      expect(all.map((m) => m.organization.id).sort()).toEqual(orgs.map((o) => o.id).sort());
      expect(all.some((m) => notCandidates.includes(m.organization.id))).toBe(false);
      expectHonest(all, q);
      for (let i = 1; i < all.length; i++) expect(all[i - 1].score).toBeGreaterThanOrEqual(all[i].score);
      // The strongest profile (verified, 900 members, both themes, democratic) beats the weakest one.
      const rank = (orgId: string) => all.findIndex((m) => m.organization.id === orgId);
      expect(rank(orgs[0].id)).toBeLessThan(rank(orgs[6].id));
      expect(all[0].reasons.map((r) => r.factor)).toEqual(expect.arrayContaining(['ORIGIN', 'RESIDENCE', 'THEMES']));
      top = (await t.ok<Counterparts>(COUNTERPARTS, { q, first: 5 }, officer.token)).dialogueCounterparts;
      expect(top.map((m) => m.organization.id)).toEqual(all.slice(0, 5).map((m) => m.organization.id));
    });

    it('2. convenes a DRAFT only the convener sees', async () => {
      const i = consultationInput(ministry, {
        title: 'Labour rights of Filipino domestic workers in Italy and Spain',
        description: 'Consultation before the renegotiation of the bilateral labour agreements.',
        themes: ['LABOUR_MIGRATION', 'DOMESTIC_WORK'],
        countriesOfOrigin: ['ph'],
        country: 'it',
        closesAt: inDays(30),
      });
      const created = (await t.ok<{ createConsultation: Created }>(CREATE, { i }, officer.token)).createConsultation;
      expect(created).toMatchObject({ status: 'DRAFT', convener: { id: ministry } });
      id = created.id;
      expect(await t.errorCode(READ, { id })).toBe('NOT_FOUND');
      expect(await t.errorCode(READ, { id }, owners[0].token)).toBe('NOT_FOUND');
      const mine = await t.ok<{ consultations: { nodes: Array<{ id: string }> } }>(
        `{ consultations { totalCount nodes { id } } }`,
        {},
        officer.token,
      );
      expect(mine.consultations.nodes.map((n) => n.id)).toContain(id);
      expect((await t.ok(`{ consultations { totalCount } }`)).consultations.totalCount).toBe(0);
    });

    it('3. opens it; now anyone reads it', async () => {
      expect((await t.ok(OPEN, { id }, officer.token)).openConsultation.status).toBe('OPEN');
      expect(await read()).toMatchObject({
        status: 'OPEN',
        acceptsContributions: true,
        level: 'NATIONAL',
        countriesOfOrigin: [{ code: 'PH' }],
        country: { code: 'IT' },
        history: [],
      });
      expect((await t.ok(`{ consultations(openOnly: true) { totalCount nodes { id } } }`)).consultations.nodes).toEqual(
        [{ id }],
      );
    });

    it('4. invites the top five; re-inviting two of them duplicates nothing', async () => {
      topIds = top.map((m) => m.organization.id);
      invitations = (await t.ok<Invited>(INVITE, { c: id, o: topIds }, officer.token)).inviteToConsultation;
      expect(invitations.map((i) => i.organization.id)).toEqual(topIds);
      expect(invitations.every((i) => i.status === 'PENDING')).toBe(true);
      const again = (await t.ok<Invited>(INVITE, { c: id, o: [topIds[1], topIds[0]] }, officer.token))
        .inviteToConsultation;
      expect(again.map((i) => i.id)).toEqual([invitations[1].id, invitations[0].id]);
      const [{ n }] = await dataSource(t).query(
        'SELECT count(*)::int AS n FROM consultation_invitation WHERE consultation_id = $1',
        [id],
      );
      expect(n).toBe(5);
    });

    it('5. two accept, one declines (any member may answer); another organization’s member cannot answer', async () => {
      const [a, b, c] = topIds;
      // A MEMBER of the second organization answers for it.
      memberOfB = await registerUser(t, 'memberb');
      await addMember(t, ownerOf(b), b, memberOfB, 'MEMBER');
      const answer = async (orgId: string, accept: boolean, user: TestUser) =>
        (await t.ok(RESPOND, { id: inv(orgId), a: accept }, user.token)).respondToInvitation.status;
      expect(await answer(a, true, ownerOf(a))).toBe('ACCEPTED');
      expect(await answer(b, true, memberOfB)).toBe('ACCEPTED');
      expect(await answer(c, false, ownerOf(c))).toBe('DECLINED');
      expect(await t.errorCode(RESPOND, { id: inv(topIds[3]), a: true }, ownerOf(a).token)).toBe('FORBIDDEN');
    });

    it('6. the two contribute; a decliner, a pending invitee and an uninvited organization cannot', async () => {
      const [a, b, c] = topIds;
      const contribA = (await t.ok(CONTRIBUTE, { c: id, o: a, b: bodyA }, ownerOf(a).token)).submitContribution;
      expect(contribA).toMatchObject({ body: bodyA, author: { id: ownerOf(a).id }, organization: { id: a } });
      await t.ok(CONTRIBUTE, { c: id, o: b, b: bodyB }, memberOfB.token);
      const refused = (orgId: string, user: TestUser) =>
        t.errorCode(CONTRIBUTE, { c: id, o: orgId, b: 'We would like to contribute too, please.' }, user.token);
      expect(await refused(c, ownerOf(c))).toBe('CONFLICT'); // declined
      expect(await refused(topIds[3], ownerOf(topIds[3]))).toBe('CONFLICT'); // still pending
      uninvited = (orgs.find((o) => !topIds.includes(o.id)) as { id: string }).id;
      expect(await refused(uninvited, ownerOf(uninvited))).toBe('FORBIDDEN');
      expect(await refused(a, ownerOf(c))).toBe('FORBIDDEN'); // not a member of the organization named
    });

    it('7. invitations are public; contributions only for the convener and their authors', async () => {
      const anonymous = await read();
      expect(anonymous.invitations).toHaveLength(5);
      expect(anonymous.contributions).toEqual([]);
      const asA = await read(ownerOf(topIds[0]).token);
      expect(asA.contributions.map((x) => x.body)).toEqual([bodyA]);
      const asConvener = await read(officer.token);
      expect(asConvener.contributions.map((x) => x.body)).toEqual([bodyA, bodyB]);
      expect(asConvener.invitations.filter((i) => i.status === 'ACCEPTED')).toHaveLength(2);
    });

    it('8. it closes; a late contribution, closing or opening again, inviting and answering are CONFLICT', async () => {
      const a = topIds[0];
      expect((await t.ok(CLOSE, { id }, officer.token)).closeConsultation.status).toBe('CLOSED');
      const late = { c: id, o: a, b: 'One more thought after the deadline.' };
      expect(await t.errorCode(CONTRIBUTE, late, ownerOf(a).token)).toBe('CONFLICT');
      expect(await t.errorCode(CLOSE, { id }, officer.token)).toBe('CONFLICT');
      expect(await t.errorCode(OPEN, { id }, officer.token)).toBe('CONFLICT');
      expect(await t.errorCode(INVITE, { c: id, o: [uninvited] }, officer.token)).toBe('CONFLICT');
      expect(await t.errorCode(RESPOND, { id: inv(topIds[3]), a: true }, ownerOf(topIds[3]).token)).toBe('CONFLICT');
      const [{ contributions }] = await dataSource(t).query(
        'SELECT count(*)::int AS contributions FROM contribution WHERE consultation_id = $1',
        [id],
      );
      expect(contributions).toBe(2);
    });

    it('9. every state change was recorded (who, from, to), and the history is not public', async () => {
      const [a, b, c] = topIds;
      const history = (await read(officer.token)).history;
      const own = history.filter((e) => !e.invitationId).map((e) => [e.fromStatus, e.toStatus, e.actorId]);
      expect(own).toEqual([
        [null, 'DRAFT', officer.id],
        ['DRAFT', 'OPEN', officer.id],
        ['OPEN', 'CLOSED', officer.id],
      ]);
      const answers = history.filter((e) => e.invitationId && e.fromStatus);
      expect(answers.map((e) => [e.invitationId, e.toStatus, e.actorId])).toEqual([
        [inv(a), 'ACCEPTED', ownerOf(a).id],
        [inv(b), 'ACCEPTED', memberOfB.id],
        [inv(c), 'DECLINED', ownerOf(c).id],
      ]);
      expect(history.filter((e) => e.invitationId && !e.fromStatus)).toHaveLength(5);
      // The history names users: not public.
      expect((await read()).history).toEqual([]);
    });
  });

  it('ranks by themes unless requireThemes, and counts what an organization does on the topic (live projects)', async () => {
    const health = notCandidates[4]; // PH community in Italy, works on HEALTH only
    const q: Query = { countriesOfOrigin: ['PH'], countriesOfResidence: ['IT'], themes: ['LABOUR_MIGRATION'] };
    const ranked = (await t.ok<Counterparts>(COUNTERPARTS, { q, first: 50 }, officer.token)).dialogueCounterparts;
    expectHonest(ranked, q);
    const ids = ranked.map((m) => m.organization.id);
    // Themes rank: the HEALTH organization is listed, without THEMES points; requireThemes leaves it out.
    expect(ids).toContain(health);
    expect(ranked.find((m) => m.organization.id === health)!.reasons.some((r) => r.factor === 'THEMES')).toBe(false);
    const required = (
      await t.ok<Counterparts>(COUNTERPARTS, { q: { ...q, requireThemes: true }, first: 50 }, officer.token)
    ).dialogueCounterparts;
    expectHonest(required, { ...q, requireThemes: true });
    expect(required.map((m) => m.organization.id)).not.toContain(health);
    // Exactly the organizations that do not work on LABOUR_MIGRATION drop out.
    expect(ids.filter((id) => !required.some((m) => m.organization.id === id)).sort()).toEqual(
      [health, orgs[4].id].sort(),
    );

    // The weakest Filipino association in Italy (unverified, 50 members) runs two live projects on recruitment fees.
    const doer = orgs[5];
    const scoreOf = (list: Match[]) => list.find((m) => m.organization.id === doer.id)!.score;
    const topic = 'recruitment fees';
    const before = (await t.ok<Counterparts>(COUNTERPARTS, { q: { ...q, topic }, first: 50 }, officer.token))
      .dialogueCounterparts;
    expect(before.find((m) => m.organization.id === doer.id)!.reasons.some((r) => r.factor === 'PROJECTS')).toBe(false);
    const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;
    for (const title of ['Fair recruitment fees for caregivers', 'Recruitment fees refund helpdesk']) {
      await t.ok(
        CREATE_PROJECT,
        {
          i: {
            organizationId: doer.id,
            title,
            summary: 'Helping Filipino workers in Italy recover illegal recruitment fees.',
            kind: 'POLICY_ADVOCACY',
            status: 'ACTIVE',
            countries: ['IT'],
            themes: ['HUMAN_RIGHTS_AND_PROTECTION'],
          },
        },
        owners[5].token,
      );
    }
    const after = (await t.ok<Counterparts>(COUNTERPARTS, { q: { ...q, topic }, first: 50 }, officer.token))
      .dialogueCounterparts;
    expectHonest(after, q);
    const projects = after.find((m) => m.organization.id === doer.id)!.reasons.find((r) => r.factor === 'PROJECTS');
    expect(projects?.detail).toMatch(/^Runs 2 live projects on the topic .*“recruitment fees”/);
    expect(scoreOf(after)).toBeGreaterThan(scoreOf(before));
    const rank = (list: Match[]) => list.findIndex((m) => m.organization.id === doer.id);
    expect(rank(after)).toBeLessThan(rank(before));
  });

  it('treats an OPEN consultation past closesAt as CLOSED, and opens public ones to any organization', async () => {
    const create = async (extra: Record<string, unknown> = {}) => {
      const i = consultationInput(ministry, {
        title: 'Public consultation',
        description: 'Open to every organization of the diaspora.',
        level: 'REGIONAL',
        closesAt: inDays(10),
        ...extra,
      });
      return (await t.ok<{ createConsultation: Created }>(CREATE, { i }, officer.token)).createConsultation.id;
    };
    const id = await create();
    await t.ok(OPEN, { id }, officer.token);
    // Nobody invited: any organization contributes, through its members.
    await t.ok(CONTRIBUTE, { c: id, o: orgs[6].id, b: 'An uninvited but welcome contribution.' }, owners[6].token);
    await dataSource(t).query(`UPDATE consultation SET closes_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const read = (await t.ok(READ, { id })).consultation;
    expect(read).toMatchObject({ status: 'CLOSED', acceptsContributions: false });
    const late = { c: id, o: orgs[6].id, b: 'Too late for this one.' };
    expect(await t.errorCode(CONTRIBUTE, late, owners[6].token)).toBe('CONFLICT');
    expect((await t.ok(`{ consultations(openOnly: true) { nodes { id } } }`)).consultations.nodes).not.toContainEqual({
      id,
    });
    // Closing it records who closed it (stored OPEN → CLOSED).
    expect((await t.ok(CLOSE, { id }, officer.token)).closeConsultation.status).toBe('CLOSED');

    // opensAt in the future: OPEN, but contributions wait for opensAt.
    const later = await create({ opensAt: inDays(2), closesAt: inDays(12) });
    await t.ok(OPEN, { id: later }, officer.token);
    expect((await t.ok(READ, { id: later })).consultation).toMatchObject({
      status: 'OPEN',
      acceptsContributions: false,
    });
    const early = { c: later, o: orgs[6].id, b: 'Before the opening date.' };
    expect(await t.errorCode(CONTRIBUTE, early, owners[6].token)).toBe('CONFLICT');
  });

  it('lists consultations with their relations in a fixed number of SQL queries', async () => {
    const ds = dataSource(t);
    for (let i = 0; i < 10; i++) {
      const [{ id }] = await ds.query(
        `INSERT INTO consultation (convener_id, title, description, level, status, themes, countries_of_origin, country, closes_at, created_by_id)
         VALUES ($1, $2, 'Listed consultation.', 'LOCAL', 'OPEN', '{LABOUR_MIGRATION,GENDER}', '{PH}', 'IT', now() + interval '9 days', $3)
         RETURNING id`,
        [ministry, `Listed ${i}`, officer.id],
      );
      for (const k of [0, 1]) {
        await ds.query(
          `INSERT INTO consultation_invitation (consultation_id, organization_id, status, invited_by_id) VALUES ($1, $2, 'ACCEPTED', $3)`,
          [id, orgs[k].id, officer.id],
        );
        await ds.query(
          `INSERT INTO contribution (consultation_id, organization_id, author_id, body) VALUES ($1, $2, $3, 'A contribution.')`,
          [id, orgs[k].id, owners[k].id],
        );
      }
    }
    const LIST = `query($first: Int) { consultations(first: $first) { nodes { id status convener { name }
      themes { code } countriesOfOrigin { code } country { code }
      invitations { status organization { name themes { code } } consultation { id } }
      contributions { body author { name } organization { name } } } } }`;
    const count = async (first: number) => {
      const before = QueryCounterLogger.count;
      const nodes = (await t.ok(LIST, { first }, officer.token)).consultations.nodes;
      expect(nodes).toHaveLength(first);
      expect(nodes.every((n: { contributions: unknown[] }) => n.contributions.length === 2)).toBe(true);
      return QueryCounterLogger.count - before;
    };
    const counts = [await count(2), await count(10)];
    console.info(`SQL queries: consultations with relations (first 2/10) ${counts.join('/')}`);
    expect(counts[0]).toBe(counts[1]);
  });

  it('invites any number of organizations in a fixed number of SQL queries', async () => {
    const draft = async (title: string) => {
      const i = consultationInput(ministry, {
        title,
        description: 'Invitations written in one go.',
        level: 'LOCAL',
        themes: ['DOMESTIC_WORK'],
        closesAt: inDays(5),
      });
      return (await t.ok<{ createConsultation: Created }>(CREATE, { i }, officer.token)).createConsultation.id;
    };
    const count = async (ids: string[]) => {
      const c = await draft(`Invite ${ids.length}`);
      const before = QueryCounterLogger.count;
      const invited = (await t.ok<Invited>(INVITE, { c, o: ids }, officer.token)).inviteToConsultation;
      const queries = QueryCounterLogger.count - before;
      expect(invited.map((i) => i.organization.id)).toEqual(ids);
      expect(invited.every((i) => i.status === 'PENDING')).toBe(true);
      const [{ events }] = await dataSource(t).query(
        'SELECT count(*)::int AS events FROM consultation_event WHERE consultation_id = $1 AND invitation_id IS NOT NULL',
        [c],
      );
      expect(events).toBe(ids.length);
      return queries;
    };
    const counts = [await count([orgs[0].id]), await count(orgs.slice(0, 6).map((o) => o.id))];
    console.info(`SQL queries: inviting 1/6 organizations to a draft ${counts.join('/')}`);
    expect(counts[0]).toBe(counts[1]);
  });

  it('re-inviting concurrently creates one invitation per organization', async () => {
    const i = consultationInput(ministry, {
      title: 'Concurrent invitations',
      description: 'Two officers invite the same organizations at once.',
      level: 'LOCAL',
      themes: ['DOMESTIC_WORK'],
      closesAt: inDays(5),
    });
    const id = (await t.ok<{ createConsultation: Created }>(CREATE, { i }, officer.token)).createConsultation.id;
    const ids = [orgs[0].id, orgs[1].id];
    const results = await Promise.all([1, 2, 3].map(() => t.gql(INVITE, { c: id, o: ids }, officer.token)));
    for (const r of results) expect(r.errors).toBeUndefined();
    const [{ n }] = await dataSource(t).query(
      'SELECT count(*)::int AS n FROM consultation_invitation WHERE consultation_id = $1',
      [id],
    );
    expect(n).toBe(2);
    const [{ events }] = await dataSource(t).query(
      'SELECT count(*)::int AS events FROM consultation_event WHERE consultation_id = $1 AND invitation_id IS NOT NULL',
      [id],
    );
    expect(events).toBe(2);
  });
});

describe('Dialogue on the demo data', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.get(DemoSeeder).seed();
    const login = await t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
      e: 'maria.santos@demo.example',
      p: DEMO_PASSWORD,
    });
    token = login.login.accessToken;
  });
  afterAll(() => t?.close());

  const residenceCountries = (matches: Match[]) =>
    new Set(matches.flatMap((m) => codes(m.organization.countriesOfResidence))).size;

  it.each([
    [{ themes: ['EDUCATION'] }, 4],
    [{ themes: ['LABOUR_MIGRATION', 'HUMAN_RIGHTS_AND_PROTECTION', 'DOMESTIC_WORK'] }, 4],
  ] as Array<[Query, number]>)(
    'balanced: true spreads residence countries (%j, first %i) and every result still passes the filters',
    async (q, first) => {
      const plain = (await t.ok(COUNTERPARTS, { q, first }, token)).dialogueCounterparts as Match[];
      const balanced = (await t.ok(COUNTERPARTS, { q: { ...q, balanced: true }, first }, token))
        .dialogueCounterparts as Match[];
      expect(plain).toHaveLength(first);
      expect(balanced).toHaveLength(first);
      // balanced spreads residence countries further, unless the plain ranking already has one per pick
      // (themes rank rather than filter since issue 15, so the plain list can already be spread)
      const spread = residenceCountries(plain);
      if (spread < first) expect(residenceCountries(balanced)).toBeGreaterThan(spread);
      else expect(residenceCountries(balanced)).toBeGreaterThanOrEqual(spread);
      expectHonest(plain, q);
      expectHonest(balanced, q);
      // The reasons say what each pick adds.
      expect(balanced[0].reasons.find((r) => r.factor === 'BALANCE')?.detail).toMatch(/adds residence countr/);
      for (const m of balanced.filter((x) => x.reasons.some((r) => r.factor === 'BALANCE'))) {
        expect(m.reasons.find((r) => r.factor === 'BALANCE')?.detail).toMatch(/^adds /);
      }
    },
  );

  it('keeps every filter hard on the demo data, for many combinations', async () => {
    const queries: Query[] = [
      { countriesOfOrigin: ['PH'] },
      { countriesOfOrigin: ['PH'], countriesOfResidence: ['IT'], balanced: true },
      { countriesOfOrigin: ['MA', 'SN', 'ML'], verifiedOnly: true },
      { countriesOfResidence: ['FR', 'BE'], themes: ['EDUCATION', 'HEALTH'], balanced: true },
      { languages: ['fr'], verifiedOnly: true, balanced: true },
      { themes: ['REMITTANCES'], languages: ['es'] },
      { countriesOfOrigin: ['PH'], themes: ['HEALTH'] },
      { countriesOfOrigin: ['PH'], themes: ['HEALTH', 'GENDER'], requireThemes: true, topic: 'domestic workers' },
      { themes: ['REMITTANCES'], topic: 'remittance costs', balanced: true },
      {},
    ];
    for (const q of queries) {
      const matches = (await t.ok(COUNTERPARTS, { q, first: 50 }, token)).dialogueCounterparts as Match[];
      expectHonest(matches, q);
      if (!q.balanced) {
        for (let i = 1; i < matches.length; i++) expect(matches[i - 1].score).toBeGreaterThanOrEqual(matches[i].score);
      }
    }
    const ph = (await t.ok(COUNTERPARTS, { q: { countriesOfOrigin: ['PH'] }, first: 50 }, token))
      .dialogueCounterparts as Match[];
    expect(ph.map((m) => m.organization.name).sort()).toEqual([
      'Filipino Domestic Workers Association Milan',
      'Filipino Women’s Council Rome',
      'Network of Filipino Migrant Associations in Europe',
    ]);
    const none = (
      await t.ok(COUNTERPARTS, { q: { countriesOfOrigin: ['PH'], themes: ['HEALTH'], requireThemes: true } }, token)
    ).dialogueCounterparts;
    expect(none).toEqual([]);
    // Without requireThemes the themes rank: the Filipino organizations are listed, without THEMES points.
    const ranked = (await t.ok(COUNTERPARTS, { q: { countriesOfOrigin: ['PH'], themes: ['HEALTH'] } }, token))
      .dialogueCounterparts as Match[];
    expect(ranked.map((m) => m.organization.name).sort()).toEqual(ph.map((m) => m.organization.name).sort());
    expect(ranked.every((m) => !m.reasons.some((r) => r.factor === 'THEMES'))).toBe(true);
  });

  it('ranks counterparts with their organizations in a fixed number of SQL queries', async () => {
    const FIND = `query($first: Int) { dialogueCounterparts(query: { themes: ["EDUCATION", "GENDER"], balanced: true }, first: $first) {
      score organization { name countriesOfResidence { code } themes { code } networks { name } } } }`;
    const count = async (first: number) => {
      const before = QueryCounterLogger.count;
      expect((await t.ok(FIND, { first }, token)).dialogueCounterparts).toHaveLength(first);
      return QueryCounterLogger.count - before;
    };
    const find = [await count(2), await count(10)];
    console.info(`SQL queries: dialogueCounterparts (first 2/10) ${find.join('/')}`);
    expect(find[0]).toBe(find[1]);
  });

  it('has consultations of three levels with invitations and contributions (a draft stays hidden)', async () => {
    const data = await t.ok(`{ consultations(first: 50) { totalCount nodes { title level status
      convener { kind } invitations { status } } } }`);
    const nodes = data.consultations.nodes as Array<{
      title: string;
      level: string;
      status: string;
      convener: { kind: string };
      invitations: { status: string }[];
    }>;
    expect(data.consultations.totalCount).toBeGreaterThanOrEqual(3);
    expect(new Set(nodes.map((n) => n.level))).toEqual(new Set(['NATIONAL', 'LOCAL', 'INTERNATIONAL']));
    expect(new Set(nodes.map((n) => n.convener.kind))).toEqual(
      new Set(['GOVERNMENT_AGENCY', 'LOCAL_AUTHORITY', 'INTERNATIONAL_ORGANIZATION']),
    );
    expect(nodes.every((n) => n.status !== 'DRAFT')).toBe(true);
    expect(nodes.flatMap((n) => n.invitations.map((i) => i.status))).toEqual(
      expect.arrayContaining(['ACCEPTED', 'DECLINED', 'PENDING']),
    );
    const [counts] = await dataSource(t).query(`SELECT
      (SELECT count(*)::int FROM consultation) AS consultations,
      (SELECT count(*)::int FROM contribution) AS contributions,
      (SELECT count(*)::int FROM consultation_event) AS events`);
    expect(counts.consultations).toBeGreaterThanOrEqual(4);
    expect(counts.contributions).toBeGreaterThanOrEqual(6);
    expect(counts.events).toBeGreaterThan(counts.consultations);
    // The convener's owner reads the contributions of the national consultation.
    const national = await t.ok(
      `{ consultations(openOnly: true) { nodes { title contributions { organization { name } } } } }`,
      {},
      token,
    );
    const dmw = national.consultations.nodes.find((n: { title: string }) =>
      n.title.startsWith('National consultation'),
    );
    expect(dmw.contributions.length).toBeGreaterThanOrEqual(2);
  });
});
