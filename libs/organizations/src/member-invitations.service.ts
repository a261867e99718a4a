import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuthUser,
  BadInputError,
  ConflictError,
  DEFAULT_LOCALE,
  ForbiddenError,
  NotFoundError,
  Page,
  paginate,
  requireId,
  requireTransition,
  StateMachine,
  Text,
  text,
  translateText,
} from '@app/common';
import { AuthService, PasswordService, User } from '@app/auth';
import { AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/persistence';
import { queueInvitationMail } from './invitation-mail.js';
import { MemberInvitation, MemberInvitationStatus } from './member-invitation.entity.js';
import {
  AcceptMemberInvitationInput,
  MemberInvitationAcceptance,
  MemberInvitationsArgs,
} from './member-invitation.inputs.js';
import { Membership, MemberRole } from './membership.entity.js';
import { MANAGER_ROLES, OrganizationPolicy } from './organization.policy.js';

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 86_400_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const NOT_PENDING: Record<Exclude<MemberInvitationStatus, 'PENDING'>, Text> = {
  ACCEPTED: text('errors.invitation.alreadyAccepted'),
  DECLINED: text('errors.invitation.declined'),
  REVOKED: text('errors.invitation.revoked'),
};

/** docs/domain.md, "Memberships and invitations": a PENDING invitation is accepted, declined or revoked, once. */
const MEMBER_INVITATION_TRANSITIONS: StateMachine<MemberInvitationStatus> = {
  [MemberInvitationStatus.PENDING]: [
    MemberInvitationStatus.ACCEPTED,
    MemberInvitationStatus.DECLINED,
    MemberInvitationStatus.REVOKED,
  ],
  [MemberInvitationStatus.ACCEPTED]: [],
  [MemberInvitationStatus.DECLINED]: [],
  [MemberInvitationStatus.REVOKED]: [],
};

/** CONFLICT with the reason and the allowed next states unless the invitation may become `to`. */
function requireInvitationMove(invitation: MemberInvitation, to: MemberInvitationStatus): void {
  const from = invitation.status;
  const reason = from === MemberInvitationStatus.PENDING ? undefined : NOT_PENDING[from];
  requireTransition(
    MEMBER_INVITATION_TRANSITIONS,
    'an invitation',
    from,
    to,
    reason && translateText(DEFAULT_LOCALE, reason),
    reason,
  );
}

/**
 * Members join by invitation: an OWNER/ADMIN invites an e-mail address, the person accepts with
 * the token that was mailed to it. Inviting never looks at accounts, so its answer (and its time)
 * is the same whether the address has an account, is a member already, or is unknown.
 */
@Injectable()
export class MemberInvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
    private readonly config: AppConfig,
  ) {}

  /** Invites (or invites again: a new token and expiry for the pending invitation of that address). */
  async invite(user: AuthUser, organizationId: string, rawEmail: string, role: MemberRole): Promise<MemberInvitation> {
    requireId(organizationId, 'Organization');
    const email = normaliseAddress(rawEmail);
    return this.dataSource.transaction(async (manager) => {
      const { organization, role: actorRole } = await this.policy.requireRole(
        user,
        organizationId,
        { roles: MANAGER_ROLES, action: 'invite members' },
        manager,
      );
      if (role === MemberRole.OWNER && actorRole !== MemberRole.OWNER) {
        throw new ForbiddenError(text('errors.member.ownerInvitesOwner'));
      }
      const token = randomBytes(32).toString('base64url');
      const invitation = await this.upsertPending(manager, {
        organizationId,
        email,
        role,
        tokenHash: sha256(token),
        invitedById: user.id,
      });
      await queueInvitationMail(manager, this.config, organization, invitation, token);
      return invitation;
    });
  }

  /** One statement, so two invitations of one address at once end as one pending invitation. */
  private async upsertPending(
    manager: EntityManager,
    v: Pick<MemberInvitation, 'organizationId' | 'email' | 'role' | 'tokenHash' | 'invitedById'>,
  ): Promise<MemberInvitation> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO member_invitation (organization_id, email, role, token_hash, invited_by_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organization_id, email) WHERE status = 'PENDING' DO UPDATE
         SET role = EXCLUDED.role, token_hash = EXCLUDED.token_hash, invited_by_id = EXCLUDED.invited_by_id,
             expires_at = EXCLUDED.expires_at, updated_at = now()
       RETURNING id`,
      [v.organizationId, v.email, v.role, v.tokenHash, v.invitedById, new Date(Date.now() + INVITATION_TTL_MS)],
    );
    return manager.findOneByOrFail(MemberInvitation, { id: row.id });
  }

  /**
   * Signed in: the account must use the invited address (the token proves the mailbox, the
   * session the account: a forwarded or leaked link does not let someone else join). Not signed
   * in: name and password create the account of the invited address, which is then signed in.
   */
  async accept(viewer: AuthUser | null, input: AcceptMemberInvitationInput): Promise<MemberInvitationAcceptance> {
    const passwordHash = viewer ? null : await this.newPasswordHash(input);
    const { membership, user } = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.pending(manager, input.token, MemberInvitationStatus.ACCEPTED);
      const invitee = viewer
        ? await this.signedInInvitee(manager, viewer, invitation)
        : await this.createAccount(manager, invitation.email, input.name as string, passwordHash as string);
      if (await manager.existsBy(Membership, { userId: invitee.id, organizationId: invitation.organizationId })) {
        throw new ConflictError(text('errors.member.alreadyMember'));
      }
      const created = await manager.save(
        manager.create(Membership, {
          userId: invitee.id,
          organizationId: invitation.organizationId,
          role: invitation.role,
        }),
      );
      await this.decide(manager, invitation, MemberInvitationStatus.ACCEPTED);
      return { membership: created, user: invitee };
    });
    return { membership, auth: viewer ? null : await this.auth.issueTokens(user) };
  }

  /** Anyone holding the token (it proves the mailbox) may decline, signed in or not. */
  async decline(token: string): Promise<boolean> {
    await this.dataSource.transaction(async (manager) => {
      await this.decide(
        manager,
        await this.pending(manager, token, MemberInvitationStatus.DECLINED),
        MemberInvitationStatus.DECLINED,
      );
    });
    return true;
  }

  /** OWNER/ADMIN of the organization; only an OWNER revokes an OWNER's invitation. Others: NOT_FOUND. */
  async revoke(user: AuthUser, id: string): Promise<MemberInvitation> {
    requireId(id, 'Invitation');
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager
        .getRepository(MemberInvitation)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id })
        .getOne();
      const role = invitation && (await this.policy.roleOf(user.id, invitation.organizationId, manager));
      if (!invitation || !role || !MANAGER_ROLES.includes(role)) throw new NotFoundError('Invitation', id);
      if (invitation.role === MemberRole.OWNER && role !== MemberRole.OWNER) {
        throw new ForbiddenError(text('errors.member.ownerRevokesOwner'));
      }
      requireInvitationMove(invitation, MemberInvitationStatus.REVOKED);
      return this.decide(manager, invitation, MemberInvitationStatus.REVOKED);
    });
  }

  /** The pending, unexpired invitations of an organization, newest first; its OWNER/ADMIN only. */
  async list(user: AuthUser, args: MemberInvitationsArgs): Promise<Page<MemberInvitation>> {
    requireId(args.organizationId, 'Organization');
    await this.policy.requireRole(user, args.organizationId, { roles: MANAGER_ROLES, action: 'see invitations' });
    const qb = this.dataSource
      .getRepository(MemberInvitation)
      .createQueryBuilder('i')
      .where("i.organization_id = :id AND i.status = 'PENDING' AND i.expires_at > now()", {
        id: args.organizationId,
      });
    return paginate(
      qb,
      [
        { expr: 'i.updated_at', direction: 'DESC', type: 'timestamp' },
        { expr: 'i.id', direction: 'DESC', type: 'uuid' },
      ],
      args,
    );
  }

  /** The invitation of a token, locked; clear errors for unknown, used, declined, revoked and expired tokens. */
  private async pending(manager: EntityManager, token: string, to: MemberInvitationStatus): Promise<MemberInvitation> {
    const invitation = await manager
      .getRepository(MemberInvitation)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.token_hash = :hash', { hash: sha256(token) })
      .getOne();
    if (!invitation) throw new NotFoundError('Invitation');
    requireInvitationMove(invitation, to);
    if (invitation.expiresAt.getTime() <= Date.now()) {
      throw new ConflictError(text('errors.invitation.expired'));
    }
    return invitation;
  }

  private async decide(manager: EntityManager, invitation: MemberInvitation, status: MemberInvitationStatus) {
    invitation.status = status;
    invitation.decidedAt = new Date();
    return manager.save(invitation);
  }

  private async signedInInvitee(manager: EntityManager, viewer: AuthUser, invitation: MemberInvitation) {
    const user = await manager.findOneByOrFail(User, { id: viewer.id });
    if (user.email !== invitation.email) {
      throw new ForbiddenError(text('errors.invitation.otherAddress'));
    }
    return user;
  }

  private async newPasswordHash(input: AcceptMemberInvitationInput): Promise<string> {
    if (!input.name) throw new BadInputError('input.name', text('errors.invitation.nameAndPassword'));
    if (!input.password) {
      throw new BadInputError('input.password', text('errors.invitation.nameAndPassword'));
    }
    return this.passwords.hash(input.password);
  }

  private async createAccount(manager: EntityManager, email: string, name: string, passwordHash: string) {
    const taken = text('errors.invitation.emailTaken');
    if (await manager.existsBy(User, { email })) throw new ConflictError(taken);
    try {
      const { id } = await manager.save(manager.create(User, { email, name, passwordHash }));
      return await manager.findOneByOrFail(User, { id });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(taken);
      throw error;
    }
  }
}

function normaliseAddress(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !isEmail(email))
    throw new BadInputError('email', text('validation.email', { field: 'email' }));
  return email;
}
