import { readFileSync } from 'node:fs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeeder } from '@app/demo';
import { TestApp } from './support/test-app.js';
import { dataSource } from './support/fixtures.js';
import { graphql } from './generated/index.js';

const LOGIN = graphql(`
  mutation DemoLogin($e: String!, $p: String!) {
    login(email: $e, password: $p) {
      accessToken
      user {
        platformRole
      }
    }
  }
`);

describe('Demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.get(DemoSeeder).seed();
  });
  afterAll(() => t?.close());

  it('is a realistic set: ≥30 organizations of every kind, ≥10 residence countries and ≥10 communities', async () => {
    const data = await t.ok(
      graphql(`
        query DemoOrganizations {
          organizations(first: 100) {
            totalCount
            nodes {
              kind
              verification
              countriesOfOrigin {
                code
              }
              countriesOfResidence {
                code
              }
            }
          }
        }
      `),
    );
    const nodes = data.organizations.nodes;
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
    const login = await t.ok(LOGIN, { e: 'moderator@demo.example', p: DEMO_PASSWORD });
    expect(login.login.user.platformRole).toBe('MODERATOR');
    const org = await t.ok(
      graphql(`
        query DemoSenegaleseOfLyon {
          organization(slug: "association-des-senegalais-de-lyon") {
            id
            memberOrganizations {
              id
            }
            networks {
              name
            }
          }
        }
      `),
    );
    expect(org.organization?.networks.length).toBeGreaterThan(0);
    const matches = await t.ok(
      graphql(`
        query DemoFundMatches($o: ID!) {
          fundMatches(organizationId: $o) {
            score
            fund {
              title
            }
            reasons {
              factor
              points
            }
          }
        }
      `),
      { o: org.organization!.id },
    );
    expect(matches.fundMatches.map((m) => m.fund.title)).toContain(
      'African Diaspora Climate, Economy, Education and Health Grants',
    );
    const network = await t.ok(
      graphql(`
        query DemoNetwork {
          organization(slug: "african-diaspora-development-network-europe") {
            memberOrganizations {
              name
            }
          }
        }
      `),
    );
    expect(network.organization?.memberOrganizations.length).toBe(3);
  });

  it('has training offers, assessments and rated enrolments, so that training matches differ per organization', async () => {
    const offers = (
      await t.ok(
        graphql(`
          query DemoTrainingOffers {
            trainingOffers(first: 100) {
              totalCount
              nodes {
                title
                format
                languages {
                  code
                }
                country {
                  code
                }
              }
            }
          }
        `),
      )
    ).trainingOffers;
    expect(offers.totalCount).toBeGreaterThanOrEqual(15);
    expect(offers.nodes).toContainEqual({
      title: 'Financial literacy for migrant women',
      format: 'ONLINE',
      languages: [{ code: 'fr' }],
      country: null,
    });
    expect(offers.nodes.some((o) => o.format === 'IN_PERSON' && o.country?.code === 'BE')).toBe(true);
    const matchesOf = async (email: string, slug: string) => {
      const token = (await t.ok(LOGIN, { e: email, p: DEMO_PASSWORD })).login.accessToken;
      const bySlug = graphql(`
        query DemoOrganizationBySlug($s: String) {
          organization(slug: $s) {
            id
          }
        }
      `);
      const id = (await t.ok(bySlug, { s: slug })).organization!.id;
      const data = await t.ok(
        graphql(`
          query DemoTrainingMatches($o: ID!) {
            organization(id: $o) {
              capacityAssessment {
                needs
              }
            }
            trainingMatches(organizationId: $o, first: 5) {
              score
              addressesNeeds
              training {
                title
              }
            }
          }
        `),
        { o: id },
        token,
      );
      expect(data.organization?.capacityAssessment?.needs.length).toBeGreaterThan(0);
      expect(data.trainingMatches[0].addressesNeeds.length).toBeGreaterThan(0);
      return data.trainingMatches.map((m) => m.training.title);
    };
    const ghana = await matchesOf('amina.owusu@demo.example', 'ghana-hometown-association-of-london');
    const senegal = await matchesOf('moussa.diop@demo.example', 'association-des-senegalais-de-lyon');
    expect(ghana[0]).not.toBe(senegal[0]);
    expect(senegal[0]).toBe('Financial literacy for migrant women');
    const academy = await t.ok(
      graphql(`
        query DemoAcademy {
          organization(slug: "diaspora-capacity-academy") {
            trainingEvaluation {
              completions
              completionRate
              averageRating
              ratingsCount
            }
          }
        }
      `),
    );
    expect(academy.organization?.trainingEvaluation).toMatchObject({
      completions: 5,
      ratingsCount: 4,
      averageRating: 4,
    });
  });

  it('lets every account of the README table sign in, with the role it says', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- demo-accounts -->'), readme.indexOf('The set (libs/demo)'));
    const emails = [...table.matchAll(/^\| `([^`]+@demo\.example)` \|/gm)].map((m) => m[1]);
    expect(emails).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    for (const email of emails) {
      const data = await t.ok(LOGIN, { e: email, p: DEMO_PASSWORD });
      const role = email.startsWith('moderator@') ? 'MODERATOR' : email.startsWith('admin@') ? 'ADMIN' : 'USER';
      expect(data.login.user.platformRole).toBe(role);
    }
  });

  it('was written through the domain services: every status has the history leading to it', async () => {
    // rows whose current status is not the last status their history recorded (or that have none)
    const [drift] = await dataSource(t).query(`SELECT
      (SELECT count(*)::int FROM organization o WHERE o.verification <> 'UNVERIFIED' AND o.verification::text IS DISTINCT FROM
         (SELECT e.to_status::text FROM verification_event e WHERE e.organization_id = o.id ORDER BY e.created_at DESC, e.id DESC LIMIT 1))
       + (SELECT count(*)::int FROM organization o WHERE o.verification = 'UNVERIFIED'
            AND EXISTS (SELECT 1 FROM verification_event e WHERE e.organization_id = o.id)) AS organizations,
      (SELECT count(*)::int FROM partnership p WHERE p.status::text IS DISTINCT FROM
         (SELECT e.to_status::text FROM partnership_event e WHERE e.partnership_id = p.id ORDER BY e.created_at DESC, e.id DESC LIMIT 1)) AS partnerships,
      (SELECT count(*)::int FROM fund_application a WHERE a.status::text IS DISTINCT FROM
         (SELECT e.to_status::text FROM application_event e WHERE e.application_id = a.id ORDER BY e.created_at DESC, e.id DESC LIMIT 1)) AS applications,
      (SELECT count(*)::int FROM enrolment x WHERE x.status::text IS DISTINCT FROM
         (SELECT e.to_status::text FROM enrolment_event e WHERE e.enrolment_id = x.id ORDER BY e.created_at DESC, e.id DESC LIMIT 1)) AS enrolments,
      (SELECT count(*)::int FROM consultation c WHERE c.status::text IS DISTINCT FROM
         (SELECT e.to_status::text FROM consultation_event e WHERE e.consultation_id = c.id AND e.invitation_id IS NULL
           ORDER BY e.created_at DESC, e.id DESC LIMIT 1)) AS consultations,
      (SELECT count(*)::int FROM consultation_invitation i WHERE i.status::text IS DISTINCT FROM
         (SELECT e.to_status::text FROM consultation_event e WHERE e.invitation_id = i.id ORDER BY e.created_at DESC, e.id DESC LIMIT 1)) AS invitations`);
    expect(drift).toEqual({
      organizations: 0,
      partnerships: 0,
      applications: 0,
      enrolments: 0,
      consultations: 0,
      invitations: 0,
    });
    const [counts] = await dataSource(t).query(`SELECT
      (SELECT count(*)::int FROM verification_event) AS verification_events,
      (SELECT count(*)::int FROM enrolment_event) AS enrolment_events,
      (SELECT count(*)::int FROM application_event) AS application_events`);
    expect(counts.verification_events).toBeGreaterThan(0);
    expect(counts.enrolment_events).toBeGreaterThan(0);
    expect(counts.application_events).toBeGreaterThan(0);
  });

  it('keeps the publishing rule: only VERIFIED organizations publish funds, trainings and consultations', async () => {
    const [unverified] = await dataSource(t).query(`SELECT
      (SELECT count(*)::int FROM fund f JOIN organization o ON o.id = f.funder_id
        WHERE f.status <> 'DRAFT' AND o.verification <> 'VERIFIED') AS funds,
      (SELECT count(*)::int FROM training_offer x JOIN organization o ON o.id = x.provider_id
        WHERE x.status <> 'DRAFT' AND o.verification <> 'VERIFIED') AS trainings,
      (SELECT count(*)::int FROM consultation c JOIN organization o ON o.id = c.convener_id
        WHERE c.status <> 'DRAFT' AND o.verification <> 'VERIFIED') AS consultations`);
    expect(unverified).toEqual({ funds: 0, trainings: 0, consultations: 0 });
    const [published] = await dataSource(t).query(`SELECT
      (SELECT count(*)::int FROM fund WHERE status <> 'DRAFT') AS funds,
      (SELECT count(*)::int FROM outbox_event WHERE type = 'FUND_PUBLISHED') AS fund_events,
      (SELECT count(*)::int FROM training_offer WHERE status <> 'DRAFT') AS trainings,
      (SELECT count(*)::int FROM outbox_event WHERE type = 'TRAINING_PUBLISHED') AS training_events,
      (SELECT count(*)::int FROM organization WHERE verification IN ('VERIFIED', 'REJECTED')) AS decided,
      (SELECT count(*)::int FROM outbox_event WHERE type = 'VERIFICATION_DECIDED') AS decision_events,
      (SELECT count(*)::int FROM partnership) AS partnerships,
      (SELECT count(*)::int FROM outbox_event WHERE type = 'PARTNERSHIP_PROPOSED') AS proposal_events`);
    expect(published.funds).toBeGreaterThan(0);
    expect(published.fund_events).toBe(published.funds);
    expect(published.training_events).toBe(published.trainings);
    expect(published.decision_events).toBe(published.decided);
    expect(published.proposal_events).toBe(published.partnerships);
  });

  it('has one OWNER per organization, and every other member joined by an accepted invitation', async () => {
    const [members] = await dataSource(t).query(`SELECT
      (SELECT count(*)::int FROM organization o
        WHERE (SELECT count(*) FROM membership m WHERE m.organization_id = o.id AND m.role = 'OWNER') <> 1) AS not_one_owner,
      (SELECT count(*)::int FROM membership m WHERE m.role <> 'OWNER') AS invited,
      (SELECT count(*)::int FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.role <> 'OWNER'
        AND NOT EXISTS (SELECT 1 FROM member_invitation i WHERE i.organization_id = m.organization_id
          AND i.email = u.email AND i.role = m.role AND i.status = 'ACCEPTED')) AS without_invitation`);
    expect(members).toEqual({ not_one_owner: 0, invited: 4, without_invitation: 0 });
  });

  it('is idempotent: seeding twice adds nothing', async () => {
    const before = await dataSource(t).query('SELECT count(*)::int AS n FROM organization');
    await t.get(DemoSeeder).seed();
    const after = await dataSource(t).query('SELECT count(*)::int AS n FROM organization');
    expect(after[0].n).toBe(before[0].n);
  });
});
