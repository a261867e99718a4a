import { TestApp } from './support/test-app.js';
import { createOrg, dataSource, registerUser, TestUser } from './support/fixtures.js';
import { graphql } from './generated/index.js';
import type { OrganizationInput } from './generated/graphql.js';

const PROPOSE = graphql(`
  mutation PartnershipsPropose($a: ID!, $b: ID!, $k: PartnershipKind!, $p: ID, $m: String) {
    proposePartnership(initiatorId: $a, partnerId: $b, kind: $k, projectId: $p, message: $m) {
      id
      status
      kind
      initiator {
        id
      }
      partner {
        id
      }
      project {
        id
      }
      message
    }
  }
`);
const RESPOND = graphql(`
  mutation PartnershipsRespond($id: ID!, $accept: Boolean!) {
    respondToPartnership(id: $id, accept: $accept) {
      id
      status
      respondedAt
    }
  }
`);
const END = graphql(`
  mutation PartnershipsEnd($id: ID!) {
    endPartnership(id: $id) {
      id
      status
      endedAt
    }
  }
`);
const PARTNERS = graphql(`
  query PartnershipsProjectPartners($id: ID!) {
    project(id: $id) {
      partners {
        id
      }
    }
  }
`);
const SUGGESTIONS = graphql(`
  query PartnershipsSuggestions($id: ID!) {
    partnerSuggestions(organizationId: $id, first: 10) {
      score
      organization {
        id
        name
      }
      reasons {
        factor
        points
        detail
      }
    }
  }
`);

describe('Partnerships', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let diaspora: { id: string };
  let ngo: { id: string };
  beforeAll(async () => {
    t = await TestApp.start();
    alice = await registerUser(t, 'alice');
    bob = await registerUser(t, 'bob');
    diaspora = await createOrg(t, alice, { name: 'Ghanaian Nurses UK', themes: ['HEALTH', 'EDUCATION'] });
    ngo = await createOrg(t, bob, {
      name: 'Volta Health Access',
      kind: 'NGO',
      countriesOfOrigin: [],
      countriesOfResidence: ['GH'],
      themes: ['HEALTH'],
    });
  });
  afterAll(() => t?.close());

  it('runs the lifecycle PROPOSED → ACTIVE → ENDED, recording every transition', async () => {
    const project = (
      await t.ok(
        graphql(`
          mutation PartnershipsCreateProject($i: ProjectInput!) {
            createProject(input: $i) {
              id
            }
          }
        `),
        {
          i: {
            organizationId: diaspora.id,
            title: 'Maternal health clinic',
            summary: 'Equipment and training for a rural maternity clinic',
            kind: 'KNOWLEDGE_TRANSFER',
            countries: ['GH'],
            themes: ['HEALTH'],
          },
        },
        alice.token,
      )
    ).createProject;
    const proposed = (
      await t.ok(
        PROPOSE,
        { a: diaspora.id, b: ngo.id, k: 'CO_IMPLEMENTATION', p: project.id, m: 'Shall we?' },
        alice.token,
      )
    ).proposePartnership;
    expect(proposed).toMatchObject({
      status: 'PROPOSED',
      initiator: { id: diaspora.id },
      partner: { id: ngo.id },
      project: { id: project.id },
    });

    // PROPOSED is private to the two sides
    const publicView = await t.ok(
      graphql(`
        query PartnershipsPublicView($id: ID) {
          organization(id: $id) {
            partnerships {
              id
            }
          }
        }
      `),
      { id: ngo.id },
    );
    expect(publicView.organization?.partnerships).toEqual([]);
    const sideView = await t.ok(
      graphql(`
        query PartnershipsSideView($id: ID) {
          organization(id: $id) {
            partnerships(status: PROPOSED) {
              id
            }
          }
        }
      `),
      { id: ngo.id },
      bob.token,
    );
    expect(sideView.organization?.partnerships).toEqual([{ id: proposed.id }]);

    const accepted = (await t.ok(RESPOND, { id: proposed.id, accept: true }, bob.token)).respondToPartnership;
    expect(accepted.status).toBe('ACTIVE');
    expect(accepted.respondedAt).toBeTruthy();
    const partners = await t.ok(PARTNERS, { id: project.id });
    expect(partners.project?.partners).toEqual([{ id: ngo.id }]);
    const again = await t.gql(RESPOND, { id: proposed.id, accept: false }, bob.token);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    const ended = (await t.ok(END, { id: proposed.id }, alice.token)).endPartnership;
    expect(ended.status).toBe('ENDED');
    expect((await t.gql(END, { id: proposed.id }, bob.token)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const history = await t.ok(
      graphql(`
        query PartnershipsHistory($id: ID) {
          organization(id: $id) {
            partnerships(status: ENDED) {
              history {
                fromStatus
                toStatus
              }
            }
          }
        }
      `),
      { id: ngo.id },
    );
    expect(history.organization?.partnerships[0].history).toEqual([
      { fromStatus: null, toStatus: 'PROPOSED' },
      { fromStatus: 'PROPOSED', toStatus: 'ACTIVE' },
      { fromStatus: 'ACTIVE', toStatus: 'ENDED' },
    ]);
    // the public history names no user (user ids are personal data): a string, as no valid operation asks this
    const actors = await t.gql(
      `query($id: ID) { organization(id: $id) { partnerships(status: ENDED) { history { actorId } } } }`,
      { id: ngo.id },
    );
    expect(actors.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await t.ok(PARTNERS, { id: project.id })).project?.partners).toEqual([]);
  });

  it('answers CONFLICT for self-partnership and for a live duplicate in either direction', async () => {
    const self = await t.gql(PROPOSE, { a: diaspora.id, b: diaspora.id, k: 'ALLIANCE' }, alice.token);
    expect(self.errors?.[0].extensions?.code).toBe('CONFLICT');
    const first = (await t.ok(PROPOSE, { a: diaspora.id, b: ngo.id, k: 'ALLIANCE' }, alice.token)).proposePartnership;
    const same = await t.gql(PROPOSE, { a: diaspora.id, b: ngo.id, k: 'ALLIANCE' }, alice.token);
    expect(same.errors?.[0].extensions?.code).toBe('CONFLICT');
    const reverse = await t.gql(PROPOSE, { a: ngo.id, b: diaspora.id, k: 'ALLIANCE' }, bob.token);
    expect(reverse.errors?.[0].extensions?.code).toBe('CONFLICT');
    // another kind is fine; after a decline the same kind may be proposed again
    await t.ok(PROPOSE, { a: ngo.id, b: diaspora.id, k: 'MENTORING' }, bob.token);
    await t.ok(RESPOND, { id: first.id, accept: false }, bob.token);
    await t.ok(PROPOSE, { a: ngo.id, b: diaspora.id, k: 'ALLIANCE' }, bob.token);
  });

  it('lets exactly one of many concurrent duplicate proposals through', async () => {
    const a = await createOrg(t, alice, { name: 'Concurrency A' });
    const b = await createOrg(t, bob, { name: 'Concurrency B', kind: 'NGO' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0
          ? t.gql(PROPOSE, { a: a.id, b: b.id, k: 'TWINNING' }, alice.token)
          : t.gql(PROPOSE, { a: b.id, b: a.id, k: 'TWINNING' }, bob.token),
      ),
    );
    expect(results.filter((r) => r.data?.proposePartnership).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT').length).toBe(7);
    const rows = await dataSource(t).query(
      `SELECT count(*)::int AS n FROM partnership WHERE kind = 'TWINNING' AND (initiator_id = ANY($1) OR partner_id = ANY($1))`,
      [[a.id, b.id]],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('Partner suggestions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  it('ranks complementary organizations in SQL with reasons that add up, excluding itself and live partners', async () => {
    const u = await registerUser(t, 'suggest');
    const source = await createOrg(t, u, {
      name: 'Senegalese Diaspora of Milan',
      countriesOfOrigin: ['SN'],
      countriesOfResidence: ['IT'],
      themes: ['EDUCATION', 'HEALTH', 'GENDER'],
    });
    const mk = (name: string, overrides: Partial<OrganizationInput>) =>
      createOrg(t, u, { name, kind: 'NGO', countriesOfOrigin: [], countriesOfResidence: ['SN'], ...overrides });
    const best = await mk('Dakar Schools and Clinics', { themes: ['EDUCATION', 'HEALTH', 'GENDER'] });
    const tieB = await mk('Thies Health B', { themes: ['HEALTH'] });
    const tieA = await mk('Thies Health A', { themes: ['HEALTH'] });
    const abroad = await mk('Italian Education NGO', {
      countriesOfResidence: ['IT'],
      countriesOfOrigin: ['SN'],
      themes: ['EDUCATION'],
    });
    await mk('Unrelated themes', { themes: ['REMITTANCES'] });
    await mk('Unrelated country', { countriesOfResidence: ['PE'], themes: ['HEALTH'] });
    await createOrg(t, u, { name: 'Another diaspora group', countriesOfOrigin: ['SN'], themes: ['HEALTH'] }); // same kind
    const partnered = await mk('Already partnered', { themes: ['EDUCATION', 'HEALTH'] });
    await t.ok(PROPOSE, { a: source.id, b: partnered.id, k: 'ALLIANCE' }, u.token);

    const list = (await t.ok(SUGGESTIONS, { id: source.id })).partnerSuggestions;
    expect(list.map((m) => m.organization.id)).toEqual([best.id, tieA.id, tieB.id, abroad.id]); // ties by name, then id
    for (const match of list) {
      const sum = match.reasons.reduce((s, r) => s + r.points, 0);
      expect(Math.abs(sum - match.score)).toBeLessThan(1e-9);
      expect(match.score).toBeGreaterThan(0);
      expect(match.score).toBeLessThanOrEqual(1);
    }
    expect(list[0].reasons.map((r) => r.factor)).toEqual(['THEMES', 'GEOGRAPHY', 'ORIGIN_PRESENCE']);
    expect(list[0].score).toBe(1 - 0.1); // everything but a shared network
    const again = await t.ok(SUGGESTIONS, { id: source.id });
    expect(again.partnerSuggestions.map((m) => m.organization.id)).toEqual(list.map((m) => m.organization.id));
  });
});
