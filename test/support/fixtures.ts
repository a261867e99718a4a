import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { TestApp } from './test-app.js';
import { graphql } from '../generated/index.js';
import type { FixtureCreateOrganizationMutation, MemberRole, OrganizationInput } from '../generated/graphql.js';

export const PASSWORD = 'correct-horse-battery';

export interface TestUser {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
}

const REGISTER = graphql(`
  mutation FixtureRegister($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      refreshToken
      user {
        id
        email
      }
    }
  }
`);
const LOGIN = graphql(`
  mutation FixtureLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      refreshToken
      user {
        id
        email
      }
    }
  }
`);

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.org`;
}

export async function registerUser(t: TestApp, prefix = 'user'): Promise<TestUser> {
  const email = uniqueEmail(prefix);
  const data = await t.ok(REGISTER, { input: { email, password: PASSWORD, name: prefix } });
  const r = data.register;
  return { id: r.user.id, email, token: r.accessToken, refreshToken: r.refreshToken };
}

export async function login(t: TestApp, email: string): Promise<TestUser> {
  const r = (await t.ok(LOGIN, { email, password: PASSWORD })).login;
  return { id: r.user.id, email, token: r.accessToken, refreshToken: r.refreshToken };
}

/** Grants a platform role directly (what `npm run cli -- user:promote` does), then signs in again. */
export async function promote(t: TestApp, user: TestUser, role: 'MODERATOR' | 'ADMIN'): Promise<TestUser> {
  await dataSource(t).query('UPDATE app_user SET platform_role = $1 WHERE id = $2', [role, user.id]);
  return login(t, user.email);
}

export function dataSource(t: TestApp): DataSource {
  return t.app.get<DataSource>(getDataSourceToken());
}

/**
 * A valid OrganizationInput (a London hometown association of Ghanaians); `overrides` replace fields.
 * The second signature takes deliberately invalid values (bad-input tests) and is untyped.
 */
export function orgInput(overrides?: Partial<OrganizationInput>): OrganizationInput;
export function orgInput(overrides: Record<string, unknown>): Record<string, unknown>;
export function orgInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Organization ${randomBytes(3).toString('hex')}`,
    kind: 'DIASPORA_ORGANIZATION',
    description: 'A hometown association supporting schools',
    countriesOfOrigin: ['GH'],
    countriesOfResidence: ['GB'],
    city: 'London',
    themes: ['EDUCATION'],
    languages: ['en'],
    contactEmail: 'contact@example.org',
    memberCount: 40,
    legallyRegistered: true,
    ...overrides,
  };
}

const CREATE_ORG = graphql(`
  mutation FixtureCreateOrganization($input: OrganizationInput!) {
    createOrganization(input: $input) {
      id
      slug
      name
    }
  }
`);

/** An organization of `user` created with orgInput(overrides): its id, slug and name. */
export async function createOrg(
  t: TestApp,
  user: TestUser,
  overrides?: Partial<OrganizationInput>,
): Promise<CreatedOrg>;
/** Untyped overrides (tests that still build them as plain records; the server validates them). */
export async function createOrg(t: TestApp, user: TestUser, overrides: Record<string, unknown>): Promise<CreatedOrg>;
export async function createOrg(t: TestApp, user: TestUser, overrides: Record<string, unknown> = {}) {
  const input = orgInput(overrides) as OrganizationInput; // checked by the typed signature, or by the server
  return (await t.ok(CREATE_ORG, { input }, user.token)).createOrganization;
}

type CreatedOrg = FixtureCreateOrganizationMutation['createOrganization'];

const INVITE_MEMBER = graphql(`
  mutation FixtureInviteMember($o: ID!, $e: String!, $r: MemberRole!) {
    inviteOrganizationMember(organizationId: $o, email: $e, role: $r) {
      id
    }
  }
`);
const ACCEPT_INVITATION = graphql(`
  mutation FixtureAcceptInvitation($i: AcceptMemberInvitationInput!) {
    acceptMemberInvitation(input: $i) {
      membership {
        id
        role
      }
    }
  }
`);

/** The token of the latest invitation mailed to `email`, read from the mail in email_outbox (as the person would). */
export async function invitationToken(t: TestApp, email: string): Promise<string> {
  const rows: Array<{ body: string }> = await dataSource(t).query(
    `SELECT body FROM email_outbox WHERE to_address = $1 AND dedupe_key LIKE 'member-invitation:%'
      ORDER BY created_at DESC LIMIT 1`,
    [email],
  );
  const token = /\/invitations\/([\w-]+)/.exec(rows[0]?.body ?? '')?.[1];
  if (!token) throw new Error(`No invitation was mailed to ${email}`);
  return token;
}

/** `owner` invites `user` with `role`, and `user` accepts (signed in): the membership. */
export async function addMember(t: TestApp, owner: TestUser, organizationId: string, user: TestUser, role: MemberRole) {
  await t.ok(INVITE_MEMBER, { o: organizationId, e: user.email, r: role }, owner.token);
  const token = await invitationToken(t, user.email);
  return (await t.ok(ACCEPT_INVITATION, { i: { token } }, user.token)).acceptMemberInvitation.membership;
}

/** Marks an organization VERIFIED directly (the moderator flow is tested on its own). */
export async function verify(t: TestApp, organizationId: string) {
  await dataSource(t).query(`UPDATE organization SET verification = 'VERIFIED' WHERE id = $1`, [organizationId]);
}
