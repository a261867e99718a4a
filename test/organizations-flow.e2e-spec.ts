import { TestApp } from './support/test-app.js';
import {
  addMember,
  createOrg,
  login,
  orgInput,
  PASSWORD,
  promote,
  registerUser,
  TestUser,
  uniqueEmail,
  verify,
} from './support/fixtures.js';
import { graphql } from './generated/index.js';
import type {
  OrganizationFilter,
  OrganizationOrder,
  OrgFlowCreateMutation,
  OrgFlowPageQuery,
  OrgFlowSearchQueryVariables,
} from './generated/graphql.js';

const CREATE = graphql(`
  mutation OrgFlowCreate($i: OrganizationInput!) {
    createOrganization(input: $i) {
      id
      slug
      name
      description
      contactEmail
      verification
      memberCount
      countriesOfOrigin {
        code
      }
      countriesOfResidence {
        code
      }
      themes {
        code
      }
      languages {
        code
      }
      members {
        role
        user {
          email
        }
      }
    }
  }
`);
const SEARCH = graphql(`
  query OrgFlowSearch($search: String, $filter: OrganizationFilter) {
    organizations(search: $search, filter: $filter, first: 100) {
      totalCount
      nodes {
        id
      }
    }
  }
`);
const PAGE = graphql(`
  query OrgFlowPage($after: String, $orderBy: OrganizationOrder, $search: String) {
    organizations(first: 4, after: $after, orderBy: $orderBy, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
      }
    }
  }
`);

describe('Platform foundation: register → organization → directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  describe('journey over HTTP: register → organization → members → contact e-mail → verification → directory', () => {
    // Shared by the steps, in order.
    let email: string;
    let owner: TestUser;
    let org: OrgFlowCreateMutation['createOrganization'];
    let member: TestUser;
    let outsider: TestUser;
    let moderator: TestUser;

    it('1. registers, then logs in with the same credentials (e-mail normalised)', async () => {
      email = uniqueEmail('kwame');
      const reg = await t.ok(
        graphql(`
          mutation OrgFlowRegister($i: RegisterInput!) {
            register(input: $i) {
              accessToken
              user {
                id
                email
                platformRole
              }
            }
          }
        `),
        { i: { email: `  ${email.toUpperCase()} `, password: PASSWORD, name: 'Kwame Mensah' } },
      );
      expect(reg.register.user.email).toBe(email);
      expect(reg.register.user.platformRole).toBe('USER');
      owner = await login(t, email);
      expect(owner.id).toBe(reg.register.user.id);
    });

    it('2. creates an organization: the caller becomes OWNER', async () => {
      const created = await t.ok(
        CREATE,
        {
          i: orgInput({
            name: 'Ghana Hometown Association of London',
            description: 'Members fund solar irrigation for farmers in the Volta region',
            countriesOfOrigin: ['gh'],
            countriesOfResidence: ['GB'],
            themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT', 'CLIMATE_AND_DISPLACEMENT'],
            languages: ['EN', 'tw'],
            contactEmail: 'Board@GhanaHometown.example',
            memberCount: 120,
            womenLed: true,
          }),
        },
        owner.token,
      );
      org = created.createOrganization;
      expect(org.slug).toBe('ghana-hometown-association-of-london');
      expect(org.countriesOfOrigin).toEqual([{ code: 'GH' }]);
      expect(org.languages.map((l) => l.code)).toEqual(['en', 'tw']);
      expect(org.contactEmail).toBe('board@ghanahometown.example');
      expect(org.members).toEqual([{ role: 'OWNER', user: { email } }]);
    });

    it('3. updates it and adds a member', async () => {
      // a string until the committed schema.gql has UpdateOrganizationInput (then a typed operation)
      const updated = await t.ok(
        `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { memberCount description } }`,
        {
          id: org.id,
          i: orgInput({
            name: 'Ghana Hometown Association of London',
            description: 'Members fund solar irrigation and a library in the Volta region',
            countriesOfOrigin: ['GH'],
            countriesOfResidence: ['GB'],
            themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT', 'EDUCATION'],
            languages: ['en'],
            contactEmail: 'board@ghanahometown.example',
            memberCount: 140,
            womenLed: true,
          }),
        },
        owner.token,
      );
      expect(updated.updateOrganization.memberCount).toBe(140);
      member = await registerUser(t, 'member');
      await addMember(t, owner, org.id, member, 'MEMBER');
    });

    it('4. shows contactEmail to members, members of a VERIFIED funder and moderators only', async () => {
      // anonymous, plain user, member, member of an unverified and of a VERIFIED funder, moderator
      const contactAs = async (token?: string) =>
        (
          await t.ok(
            graphql(`
              query OrgFlowContact($id: ID) {
                organization(id: $id) {
                  contactEmail
                  members {
                    role
                  }
                }
              }
            `),
            { id: org.id },
            token,
          )
        ).organization;
      outsider = await registerUser(t, 'outsider');
      const funderUser = await registerUser(t, 'funder');
      const funder = await createOrg(t, funderUser, {
        kind: 'FUNDER',
        name: 'Volta Diaspora Foundation',
        countriesOfOrigin: [],
        countriesOfResidence: ['CH'],
      });
      expect(await contactAs()).toEqual({ contactEmail: null, members: [] });
      expect((await contactAs(outsider.token))?.contactEmail).toBeNull();
      expect(await contactAs(member.token)).toEqual({
        contactEmail: 'board@ghanahometown.example',
        members: [{ role: 'OWNER' }, { role: 'MEMBER' }],
      });
      expect((await contactAs(funderUser.token))?.contactEmail).toBeNull(); // funder not verified yet
      await verify(t, funder.id);
      expect(await contactAs(funderUser.token)).toEqual({ contactEmail: 'board@ghanahometown.example', members: [] });
      moderator = await promote(t, await registerUser(t, 'moderator'), 'MODERATOR');
      expect((await contactAs(moderator.token))?.contactEmail).toBe('board@ghanahometown.example');
    });

    it('5. verification: request (owner) → decide (moderator), every transition recorded', async () => {
      const requested = await t.ok(
        graphql(`
          mutation OrgFlowRequestVerification($id: ID!) {
            requestVerification(organizationId: $id) {
              verification
            }
          }
        `),
        { id: org.id },
        owner.token,
      );
      expect(requested.requestVerification.verification).toBe('PENDING');
      const decided = await t.ok(
        graphql(`
          mutation OrgFlowDecideVerification($id: ID!) {
            decideVerification(organizationId: $id, approve: true, note: "Registered charity 1182") {
              verification
            }
          }
        `),
        { id: org.id },
        moderator.token,
      );
      expect(decided.decideVerification.verification).toBe('VERIFIED');
      const history = await t.ok(
        graphql(`
          query OrgFlowVerificationHistory($id: ID) {
            organization(id: $id) {
              verificationHistory {
                fromStatus
                toStatus
                actorId
                note
              }
            }
          }
        `),
        { id: org.id },
        owner.token,
      );
      expect(history.organization?.verificationHistory).toEqual([
        { fromStatus: 'UNVERIFIED', toStatus: 'PENDING', actorId: owner.id, note: null },
        { fromStatus: 'PENDING', toStatus: 'VERIFIED', actorId: moderator.id, note: 'Registered charity 1182' },
      ]);
    });

    it('6. the directory finds it by a word of its description and by each filter, and other filters exclude it', async () => {
      // a few other organizations so that filters have something to exclude
      await createOrg(t, outsider, {
        name: 'Filipino Domestic Workers Union Milan',
        kind: 'TRADE_UNION',
        description: 'Labour rights for domestic workers',
        countriesOfOrigin: ['PH'],
        countriesOfResidence: ['IT'],
        city: 'Milan',
        themes: ['DOMESTIC_WORK', 'LABOUR_MIGRATION'],
        languages: ['tl', 'it'],
        womenLed: true,
        youthLed: true,
      });
      await createOrg(t, outsider, {
        name: 'Senegalese Youth of Lyon',
        kind: 'MIGRANT_ASSOCIATION',
        description: 'Football and mentoring',
        countriesOfOrigin: ['SN'],
        countriesOfResidence: ['FR'],
        city: 'Lyon',
        themes: ['EDUCATION'],
        languages: ['fr', 'wo'],
        youthLed: true,
      });

      // the directory finds it by a word of its description, and by each filter
      const find = async (args: OrgFlowSearchQueryVariables) => {
        const data = await t.ok(SEARCH, args);
        return data.organizations.nodes.map((n) => n.id);
      };
      expect(await find({ search: 'irrigation' })).toEqual([org.id]);
      expect(await find({ search: 'library Volta' })).toEqual([org.id]);
      const filters: OrganizationFilter[] = [
        { kinds: ['DIASPORA_ORGANIZATION'] },
        { countriesOfOrigin: ['GH'] },
        { countriesOfResidence: ['GB'] },
        { themes: ['AGRICULTURE_AND_RURAL_DEVELOPMENT'] },
        { languages: ['en'] },
        { verifiedOnly: true },
        { womenLed: true },
        { youthLed: false },
      ];
      for (const filter of filters) {
        expect({ filter, found: (await find({ filter })).includes(org.id) }).toEqual({ filter, found: true });
      }
      const excluding: OrganizationFilter[] = [
        { kinds: ['TRADE_UNION'] },
        { countriesOfOrigin: ['PH'] },
        { countriesOfResidence: ['FR'] },
        { themes: ['DOMESTIC_WORK'] },
        { languages: ['wo'] },
        { youthLed: true },
      ];
      for (const filter of excluding) {
        expect({ filter, found: (await find({ filter })).includes(org.id) }).toEqual({ filter, found: false });
      }
      expect(await find({ filter: { verifiedOnly: true, countriesOfOrigin: ['GH'] } })).toEqual([org.id]);
    });

    it('7. finds it by slug', async () => {
      const bySlug = await t.ok(
        graphql(`
          query OrgFlowBySlug {
            organization(slug: "ghana-hometown-association-of-london") {
              id
            }
          }
        `),
      );
      expect(bySlug.organization?.id).toBe(org.id);
    });

    it('8. editing the name of a VERIFIED organization returns it to PENDING', async () => {
      const renamed = await t.ok(
        `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { verification slug } }`,
        { id: org.id, i: orgInput({ name: 'Ghana Hometown Association UK' }) },
        owner.token,
      );
      expect(renamed.updateOrganization).toEqual({ verification: 'PENDING', slug: org.slug });
    });
  });

  it('pages through all organizations exactly once in every order', async () => {
    const user = await registerUser(t, 'pager');
    for (let i = 0; i < 23; i++) {
      await createOrg(t, user, { name: `Paging Association ${i % 5}`, memberCount: i % 4, description: 'paging test' });
    }
    const total = (
      await t.ok(
        graphql(`
          query OrgFlowTotal {
            organizations {
              totalCount
            }
          }
        `),
      )
    ).organizations.totalCount;
    const orders: OrganizationOrder[] = ['NAME', 'NEWEST', 'MEMBER_COUNT', 'RELEVANCE'];
    for (const orderBy of orders) {
      for (const search of [null, 'paging']) {
        const seen: string[] = [];
        let after: string | null = null;
        let expected = -1;
        for (let page = 0; page < 50; page++) {
          const data: OrgFlowPageQuery = await t.ok(PAGE, { after, orderBy, search });
          expected = data.organizations.totalCount;
          seen.push(...data.organizations.nodes.map((n) => n.id));
          if (!data.organizations.pageInfo.hasNextPage) break;
          after = data.organizations.pageInfo.endCursor;
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBe(expected);
        expect(expected).toBe(search ? 23 : total);
      }
    }
  });
});
