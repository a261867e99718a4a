import type { TestApp } from '../test-app.js';
import { createOrg, promote, registerUser, TestUser, verify } from '../fixtures.js';
import { APPLY, publishedFund, STATEMENT } from '../fund-fixtures.js';
import { consultationInput, inDays, offerInput } from '../inputs.js';
import { projectInput } from '../project-input.js';
import type { World } from './generator.js';

export interface FuzzWorld extends World {
  owner: TestUser;
  moderator: TestUser;
}

/**
 * A small world for the fuzz test, made through the API: one user who is OWNER of a diaspora
 * organization, a funder, a training provider, a government agency and a network (all VERIFIED),
 * a moderator, and a row of every kind an operation can name by id.
 */
export async function buildWorld(t: TestApp): Promise<FuzzWorld> {
  const owner = await registerUser(t, 'fuzz-owner');
  const moderator = await promote(t, await registerUser(t, 'fuzz-moderator'), 'MODERATOR');
  const org = async (name: string, overrides: Record<string, unknown>) => {
    const created = await createOrg(t, owner, { name, foundedYear: 2010, ...overrides });
    await verify(t, created.id);
    return created;
  };
  const organization = await org('Fuzz Ghanaian Hometown Association', {});
  const funder = await org('Fuzz Climate Foundation', {
    kind: 'FUNDER',
    countriesOfOrigin: [],
    countriesOfResidence: ['CH'],
  });
  const provider = await org('Fuzz Capacity Academy', {
    kind: 'TRAINING_PROVIDER',
    countriesOfOrigin: [],
    countriesOfResidence: ['BE'],
  });
  const government = await org('Fuzz Ministry of Diaspora Affairs', {
    kind: 'GOVERNMENT_AGENCY',
    countriesOfOrigin: [],
    countriesOfResidence: ['GH'],
  });
  const network = await org('Fuzz African Diaspora Network', { kind: 'DIASPORA_NETWORK' });

  const as = <T = Record<string, any>>(query: string, variables: Record<string, unknown>) =>
    t.ok<T>(query, variables, owner.token);
  const project = (
    await as(`mutation($i: ProjectInput!) { createProject(input: $i) { id } }`, { i: projectInput(organization.id) })
  ).createProject.id as string;
  const indicator = (
    await as(
      `mutation($p: ID!) { addIndicator(projectId: $p, name: "Families irrigating", unit: "families", baseline: 0, target: 40) { id } }`,
      { p: project },
    )
  ).addIndicator.id as string;
  await as(`mutation($i: ID!) { recordMeasurement(indicatorId: $i, measuredOn: "2026-01-15", value: 12) { id } }`, {
    i: indicator,
  });
  const fund = (await publishedFund(t, owner, funder.id)).id;
  const application = (
    await as(APPLY, { f: fund, p: project, a: { amount: 40000, currency: 'EUR' }, s: STATEMENT, d: true })
  ).applyToFund.id as string;
  const training = (
    await as(`mutation($i: TrainingOfferInput!) { createTrainingOffer(input: $i) { id } }`, {
      i: offerInput(provider.id, {
        title: 'Financial literacy for migrant associations',
        capacityAreas: ['FINANCIAL_LITERACY', 'FUNDRAISING'],
        languages: ['en'],
      }),
    })
  ).createTrainingOffer.id as string;
  await as(`mutation($id: ID!) { publishTrainingOffer(id: $id) { id } }`, { id: training });
  const enrolment = (
    await as(`mutation($t: ID!, $o: ID!) { enrol(trainingId: $t, organizationId: $o) { id } }`, {
      t: training,
      o: organization.id,
    })
  ).enrol.id as string;
  const consultation = (
    await as(`mutation($i: ConsultationInput!) { createConsultation(input: $i) { id } }`, {
      i: consultationInput(government.id, {
        title: 'Diaspora investment in education',
        description: 'How can the diaspora best support schools in the regions of origin?',
        themes: ['EDUCATION'],
        countriesOfOrigin: ['GH'],
        country: 'GH',
        closesAt: inDays(30),
      }),
    })
  ).createConsultation.id as string;
  await as(`mutation($id: ID!) { openConsultation(id: $id) { id } }`, { id: consultation });
  const invitation = (
    await as(`mutation($c: ID!, $o: [ID!]!) { inviteToConsultation(consultationId: $c, organizationIds: $o) { id } }`, {
      c: consultation,
      o: [organization.id],
    })
  ).inviteToConsultation[0].id as string;
  const partnership = (
    await as(
      `mutation($a: ID!, $b: ID!) { proposePartnership(initiatorId: $a, partnerId: $b, kind: MENTORING, message: "Shall we?") { id } }`,
      { a: organization.id, b: provider.id },
    )
  ).proposePartnership.id as string;
  const membership = (await as(`query($id: ID) { organization(id: $id) { members { id } } }`, { id: organization.id }))
    .organization.members[0].id as string;
  const notifications = (await as(`{ myNotifications(first: 1) { id } }`, {})).myNotifications as Array<{ id: string }>;

  const cursors: Record<string, string> = {};
  for (const field of ['organizations', 'projects', 'funds', 'consultations', 'trainingOffers']) {
    const data = await as(`{ ${field}(first: 1) { pageInfo { endCursor } } }`, {});
    const cursor = data[field].pageInfo.endCursor as string | null;
    if (cursor) cursors[field] = cursor;
  }
  return {
    owner,
    moderator,
    slug: organization.slug,
    cursors,
    ids: {
      organization: organization.id,
      funder: funder.id,
      provider: provider.id,
      government: government.id,
      network: network.id,
      project,
      indicator,
      fund,
      application,
      training,
      enrolment,
      consultation,
      invitation,
      partnership,
      membership,
      // no notification may exist yet (matching runs after commit): then an id of nothing
      notification: notifications[0]?.id ?? '3a0f6d2c-5b1e-4c8d-9f7a-2b3c4d5e6f70',
    },
  };
}
