import type { DataSource, EntityManager } from 'typeorm';
import { AuthUser, NotFoundError } from '@app/common';
import { MemberRole } from '../membership.entity.js';
import { OrganizationPolicy, ViewerAccess, Visibility } from '../organization.policy.js';

/**
 * The visibility rule without a database: the policy is built on a stub DataSource that fails if
 * touched, and each viewer is a hand-made ViewerAccess.
 */
const untouchable = new Proxy({} as DataSource, {
  get: (_target, key) => {
    throw new Error(`the pure policy methods must not touch the DataSource (read ${String(key)})`);
  },
});
const policy = new OrganizationPolicy(untouchable);

const OWNING = '11111111-1111-4111-8111-111111111111';
const PARTNER = '22222222-2222-4222-8222-222222222222';
const ELSEWHERE = '33333333-3333-4333-8333-333333333333';

const user = (id: string, platformRole: AuthUser['platformRole'] = 'USER') => ({ id, platformRole }) as AuthUser;
const viewer = (u: AuthUser | null, roles: Array<[string, MemberRole]> = []): ViewerAccess => ({
  user: u,
  moderator: policy.isModerator(u),
  roles: new Map(roles),
  contactReader: false,
});

const VIEWERS: Record<string, ViewerAccess> = {
  anonymous: viewer(null),
  outsider: viewer(user('outsider'), [[ELSEWHERE, MemberRole.OWNER]]),
  member: viewer(user('member'), [[OWNING, MemberRole.MEMBER]]),
  admin: viewer(user('admin'), [[OWNING, MemberRole.ADMIN]]),
  owner: viewer(user('owner'), [[OWNING, MemberRole.OWNER]]),
  'partner member': viewer(user('partner'), [[PARTNER, MemberRole.MEMBER]]),
  moderator: viewer(user('moderator', 'MODERATOR')),
  'platform admin': viewer(user('platform-admin', 'ADMIN')),
};

/** Things as their domains describe them (FundsService.visibility, ProjectsService.visibility, …). */
const THINGS: Record<string, Visibility> = {
  'an OPEN fund (published)': { published: true, owners: OWNING },
  'a DRAFT fund (unpublished)': { published: false, owners: OWNING },
  'an archived project': { published: false, owners: OWNING },
  'a PROPOSED partnership (both sides own it)': { published: false, owners: [OWNING, PARTNER] },
};

/** Who sees what: the one rule (published for everyone; unpublished for owners' members and moderators). */
const EXPECTED: Record<string, string[]> = {
  'an OPEN fund (published)': Object.keys(VIEWERS),
  'a DRAFT fund (unpublished)': ['member', 'admin', 'owner', 'moderator', 'platform admin'],
  'an archived project': ['member', 'admin', 'owner', 'moderator', 'platform admin'],
  'a PROPOSED partnership (both sides own it)': [
    'member',
    'admin',
    'owner',
    'partner member',
    'moderator',
    'platform admin',
  ],
};

describe('OrganizationPolicy: the visibility rule', () => {
  describe.each(Object.keys(THINGS))('%s', (thing) => {
    it.each(Object.keys(VIEWERS))('as %s: isVisible and requireVisible agree with the rule', (name) => {
      const access = VIEWERS[name];
      const visible = EXPECTED[thing].includes(name);
      expect(policy.isVisible(THINGS[thing], access)).toBe(visible);
      const call = () => policy.requireVisible({ id: 'x' }, () => THINGS[thing], access, 'Thing', 'x');
      if (visible) expect(call()).toEqual({ id: 'x' });
      else expect(call).toThrow(NotFoundError);
    });
  });

  it('canSeeUnpublished: moderators and members of an owner (any role), nobody else', () => {
    const seen = Object.entries(VIEWERS)
      .filter(([, access]) => policy.canSeeUnpublished(OWNING, access))
      .map(([name]) => name);
    expect(seen).toEqual(['member', 'admin', 'owner', 'moderator', 'platform admin']);
    expect(policy.canSeeUnpublished([OWNING, PARTNER], VIEWERS['partner member'])).toBe(true);
    expect(policy.canSeeUnpublished([], VIEWERS.owner)).toBe(false);
    expect(policy.canSeeUnpublished([], VIEWERS.moderator)).toBe(true);
  });

  it('requireVisible answers NOT_FOUND naming the thing for a missing one, even to moderators', () => {
    for (const access of Object.values(VIEWERS)) {
      expect(() => policy.requireVisible(null, () => THINGS['an OPEN fund (published)'], access, 'Fund', 'f1')).toThrow(
        'Fund f1 was not found',
      );
      expect(() =>
        policy.requireVisible(undefined, () => THINGS['an OPEN fund (published)'], access, 'Fund', 'f1'),
      ).toThrow(NotFoundError);
    }
    expect(() =>
      policy.requireVisible({}, () => THINGS['a DRAFT fund (unpublished)'], VIEWERS.outsider, 'Fund', 'f2'),
    ).toThrow('Fund f2 was not found');
  });

  it('isMember: any role in the organization (or in one of them); a moderator is no member', () => {
    for (const name of ['member', 'admin', 'owner']) expect(policy.isMember(VIEWERS[name], OWNING)).toBe(true);
    for (const name of ['anonymous', 'outsider', 'partner member', 'moderator', 'platform admin'])
      expect(policy.isMember(VIEWERS[name], OWNING)).toBe(false);
    expect(policy.isMember(VIEWERS['partner member'], [OWNING, PARTNER])).toBe(true);
    expect(policy.isMember(VIEWERS.outsider, [OWNING, PARTNER])).toBe(false);
  });

  it('canSeeInternals is the same rule for one organization', () => {
    for (const access of Object.values(VIEWERS))
      expect(policy.canSeeInternals(access, OWNING)).toBe(policy.canSeeUnpublished(OWNING, access));
  });

  describe('whereVisible (lists with the viewer’s own unpublished rows)', () => {
    const recorder = () => {
      const calls: Array<[string, Record<string, unknown>]> = [];
      const qb = {
        andWhere: (sql: string, params: Record<string, unknown>) => {
          calls.push([sql, params]);
          return qb;
        },
      };
      return { qb, calls };
    };

    it('adds no condition for moderators', () => {
      const { qb, calls } = recorder();
      policy.whereVisible(qb as never, `c.status <> 'DRAFT'`, 'c.convener_id', VIEWERS.moderator);
      expect(calls).toEqual([]);
    });

    it.each(['anonymous', 'outsider', 'member', 'owner'])(
      'as %s: published rows or rows of her organizations',
      (name) => {
        const { qb, calls } = recorder();
        policy.whereVisible(qb as never, `c.status <> 'DRAFT'`, 'c.convener_id', VIEWERS[name]);
        expect(calls).toEqual([
          [
            `(c.status <> 'DRAFT' OR c.convener_id = ANY(:visibleOwners::uuid[]))`,
            { visibleOwners: [...VIEWERS[name].roles.keys()] },
          ],
        ]);
      },
    );
  });

  describe('requireVisibleTo (write paths, inside the caller’s transaction)', () => {
    /** A manager whose membership query answers `rows` and counts its calls. */
    const managerWith = (rows: Array<{ organizationId: string; role: MemberRole }>) => {
      const queried: unknown[] = [];
      const manager = {
        getRepository: () => ({
          createQueryBuilder: () => ({
            where: (_sql: string, params: unknown) => {
              queried.push(params);
              return { getMany: async () => rows };
            },
          }),
        }),
      } as unknown as EntityManager;
      return { manager, queried };
    };
    const draft = { id: 'd1', status: 'DRAFT', ownerId: OWNING };
    const open = { id: 'o1', status: 'OPEN', ownerId: OWNING };
    const visibility = (t: typeof draft): Visibility => ({ published: t.status !== 'DRAFT', owners: t.ownerId });

    it('reads no roles for a published thing', async () => {
      const { manager, queried } = managerWith([]);
      await expect(policy.requireVisibleTo(user('u'), open, visibility, 'Fund', 'o1', manager)).resolves.toBe(open);
      expect(queried).toEqual([]);
    });

    it('lets a member of the owner see an unpublished thing, with one query for her roles in the owners', async () => {
      const { manager, queried } = managerWith([{ organizationId: OWNING, role: MemberRole.MEMBER }]);
      await expect(policy.requireVisibleTo(user('u'), draft, visibility, 'Fund', 'd1', manager)).resolves.toBe(draft);
      expect(queried).toEqual([{ userId: 'u', ids: [OWNING] }]);
    });

    it('lets a moderator see it read-only (no membership needed)', async () => {
      const { manager } = managerWith([]);
      await expect(
        policy.requireVisibleTo(user('m', 'MODERATOR'), draft, visibility, 'Fund', 'd1', manager),
      ).resolves.toBe(draft);
    });

    it('answers NOT_FOUND to an outsider and for a missing thing', async () => {
      const { manager } = managerWith([]);
      await expect(policy.requireVisibleTo(user('u'), draft, visibility, 'Fund', 'd1', manager)).rejects.toThrow(
        'Fund d1 was not found',
      );
      await expect(policy.requireVisibleTo(user('u'), null, visibility, 'Fund', 'zz', manager)).rejects.toThrow(
        'Fund zz was not found',
      );
    });
  });
});

describe('OrganizationPolicy: a user account (memberships, e-mail)', () => {
  it('is for the user herself and moderators; members see her e-mail only through her memberships', () => {
    const seeing = Object.entries(VIEWERS)
      .filter(([, access]) => policy.canSeeAccount(access, 'member'))
      .map(([name]) => name);
    expect(seeing).toEqual(['member', 'moderator', 'platform admin']);
    expect(policy.canSeeEmail(VIEWERS.owner, 'member', [])).toBe(false);
    expect(policy.canSeeEmail(VIEWERS.owner, 'member', [{ organizationId: OWNING }])).toBe(true);
    expect(policy.canSeeEmail(VIEWERS.outsider, 'member', [{ organizationId: OWNING }])).toBe(false);
  });
});
