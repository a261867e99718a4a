import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  AuthUser,
  BadInputError,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  NotFoundError,
  Page,
  RateLimitedError,
  requireId,
  Text,
  text,
} from '@app/common';
import { queueEmail } from '@app/events';
import { DEFAULT_LANGUAGE, Language } from '@app/mail';
import { isUniqueViolation } from '@app/persistence';
import { accountMail } from './account-mail.js';
import { EmailChangeRequest, PasswordReset } from './account-tokens.entity.js';
import { Session } from './account.inputs.js';
import { sha256 } from './auth.service.js';
import { PasswordService } from './password.service.js';
import { RateLimiterService } from './rate-limiter.service.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { EmailVisibility, PlatformRole, User } from './user.entity.js';

/** How long a password-reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 60;
/** How long the link confirming a new e-mail address works. */
export const EMAIL_CHANGE_TTL_HOURS = 24;
/** The window of ACCOUNT_MAIL_MAX_PER_EMAIL and ACCOUNT_MAIL_MAX_PER_ADDRESS. */
const ACCOUNT_MAIL_WINDOW_SECONDS = 3600;

/** Why a link token cannot be used (BAD_USER_INPUT naming `token`). */
export const ACCOUNT_TOKEN_ERRORS = {
  resetUnknown: text('errors.account.resetUnknown'),
  resetUsed: text('errors.account.resetUsed'),
  resetExpired: text('errors.account.resetExpired'),
  emailUnknown: text('errors.account.emailUnknown'),
  emailUsed: text('errors.account.emailUsed'),
  emailExpired: text('errors.account.emailExpired'),
  emailTaken: text('errors.account.emailTaken'),
  otherAccount: text('errors.account.otherAccount'),
} as const;

export const WRONG_PASSWORD = text('errors.account.wrongPassword');

/** What the anonymised row of a deleted account holds instead of her address (never a deliverable address). */
export const deletedEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;
export const DELETED_USER_NAME = 'Deleted user';

interface LinkRow {
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

function linkProblem(row: LinkRow | null, errors: { unknown: Text; used: Text; expired: Text }): Text | null {
  if (!row) return errors.unknown;
  if (row.usedAt) return errors.used;
  if (row.expiresAt.getTime() <= Date.now()) return errors.expired;
  return null;
}
const RESET_ERRORS = {
  unknown: ACCOUNT_TOKEN_ERRORS.resetUnknown,
  used: ACCOUNT_TOKEN_ERRORS.resetUsed,
  expired: ACCOUNT_TOKEN_ERRORS.resetExpired,
};
const EMAIL_ERRORS = {
  unknown: ACCOUNT_TOKEN_ERRORS.emailUnknown,
  used: ACCOUNT_TOKEN_ERRORS.emailUsed,
  expired: ACCOUNT_TOKEN_ERRORS.emailExpired,
};

/** The live sessions of a user: families with a token not revoked whose latest refresh token has not expired. */
const SESSIONS_SQL = `
  WITH s AS (
    SELECT family_id AS id,
           min(created_at) AS created_at,
           max(created_at) AS last_used_at,
           max(expires_at) AS expires_at,
           (array_agg(user_agent ORDER BY created_at DESC))[1] AS user_agent,
           (array_agg(ip_address ORDER BY created_at DESC))[1] AS ip_address
      FROM refresh_token
     WHERE user_id = $1
     GROUP BY family_id
    HAVING bool_or(revoked_at IS NULL) AND max(expires_at) > now()
  )`;

const tokenOf = () => randomBytes(32).toString('base64url');

/**
 * The account workflows of a signed-in user or of the holder of a mailed link: password reset,
 * password change, sessions, e-mail change, language; and the pieces libs/account needs to export
 * and erase an account. Every link token is single-use, expiring and stored as its SHA-256 only.
 */
@Injectable()
export class AccountSecurityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly limiter: RateLimiterService,
    private readonly throttle: SignInThrottle,
    private readonly config: AppConfig,
  ) {}

  // ---------- password reset ----------

  /**
   * Mails the account of `email` a single-use link (PASSWORD_RESET_TTL_MINUTES) to choose a new
   * password, replacing its earlier unused links; mails an address without an account a notice
   * instead. Always true: the answer and the work before it (one lookup, one mail and its event in
   * one transaction) are the same for any address. Limited per address and per client address
   * (ACCOUNT_MAIL_MAX_PER_EMAIL / ACCOUNT_MAIL_MAX_PER_ADDRESS per hour).
   */
  async requestPasswordReset(email: string, ip: string, language: Language = DEFAULT_LANGUAGE): Promise<boolean> {
    await this.limitMails(`password-reset:email:${email}`, `password-reset:ip:${ip}`);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.liveUserByEmail(manager, email);
      if (!user) {
        await queueEmail(
          manager,
          this.config,
          accountMail(this.config, 'passwordResetNoAccount', {}, { userId: null, email, language }),
        );
        return;
      }
      const token = tokenOf();
      const tokenHash = sha256(token);
      await manager.query(`DELETE FROM password_reset WHERE user_id = $1 AND used_at IS NULL`, [user.id]);
      await manager.insert(PasswordReset, {
        userId: user.id,
        tokenHash,
        expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60_000),
      });
      await queueEmail(
        manager,
        this.config,
        accountMail(
          this.config,
          'passwordReset',
          { token, minutes: PASSWORD_RESET_TTL_MINUTES },
          { userId: user.id, email: user.email, language: user.preferredLanguage },
          `password-reset:${tokenHash}`,
        ),
      );
    });
    return true;
  }

  /**
   * Sets the password of the account a reset token names, uses the token up and revokes every
   * session of the account (all refresh-token families, so every access token stops at once), and
   * cancels its pending e-mail changes. An unknown, used or expired token, or a token of another
   * account than the signed-in one, answers BAD_USER_INPUT naming `token`.
   */
  async resetPassword(token: string, newPassword: string, viewer: AuthUser | null): Promise<boolean> {
    const tokenHash = sha256(token);
    // checked first without a lock, so that no password is hashed (argon2id) for a bad token
    const found = await this.dataSource.getRepository(PasswordReset).findOneBy({ tokenHash });
    const problem = linkProblem(found, RESET_ERRORS);
    if (problem) throw new BadInputError('token', problem);
    if (viewer && viewer.id !== found!.userId) throw new BadInputError('token', ACCOUNT_TOKEN_ERRORS.otherAccount);
    const passwordHash = await this.passwords.hash(newPassword);
    const error = await this.dataSource.transaction(async (manager) => {
      const reset = await manager
        .getRepository(PasswordReset)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.token_hash = :tokenHash', { tokenHash })
        .getOne();
      const again = linkProblem(reset, RESET_ERRORS);
      if (again || !reset) return again ?? RESET_ERRORS.unknown;
      await manager.update(PasswordReset, { id: reset.id }, { usedAt: new Date() });
      const user = await manager.findOneBy(User, { id: reset.userId });
      if (!user || user.deletedAt) return RESET_ERRORS.unknown;
      await manager.update(User, { id: user.id }, { passwordHash });
      await this.revokeSessions(manager, user.id);
      await this.dropPendingLinks(manager, user.id);
      await queueEmail(
        manager,
        this.config,
        accountMail(
          this.config,
          'passwordChanged',
          { how: 'reset' },
          { userId: user.id, email: user.email, language: user.preferredLanguage },
        ),
      );
      return null;
    });
    if (error) throw new BadInputError('token', error);
    return true;
  }

  // ---------- signed in ----------

  /**
   * Checks the password of the signed-in user, counted like sign-ins (SignInThrottle: per account
   * and address, per address, delays per account): a wrong one answers BAD_USER_INPUT naming `field`.
   */
  async verifyPassword(user: AuthUser, password: string, ip: string, field: string): Promise<void> {
    const row = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: user.id })
      .getOne();
    const email = row?.email ?? user.email;
    await this.throttle.beforeAttempt(email, ip);
    if (!(await this.passwords.verify(row?.passwordHash, password))) {
      await this.throttle.failed(email, ip);
      throw new BadInputError(field, WRONG_PASSWORD);
    }
  }

  /**
   * Changes the password after checking the current one; revokes every other session (this one
   * stays signed in) and cancels pending password resets and e-mail changes. A notice is mailed.
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string, ip: string): Promise<boolean> {
    await this.verifyPassword(user, currentPassword, ip, 'currentPassword');
    if (currentPassword === newPassword) {
      throw new BadInputError('newPassword', text('errors.account.samePassword'));
    }
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneByOrFail(User, { id: user.id });
      await manager.update(User, { id: user.id }, { passwordHash });
      await this.revokeSessions(manager, user.id, user.sessionId);
      await this.dropPendingLinks(manager, user.id);
      await queueEmail(
        manager,
        this.config,
        accountMail(
          this.config,
          'passwordChanged',
          { how: 'change' },
          { userId: user.id, email: account.email, language: account.preferredLanguage },
        ),
      );
    });
    return true;
  }

  /** The user's live sessions, most recently used first; `current` marks the one of this request. */
  async sessions(user: AuthUser, args: { first?: number | null; after?: string | null } = {}): Promise<Page<Session>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [user.id, first + 1];
    let after = '';
    if (args.after) {
      const [lastUsedAt, id] = decodeCursor(args.after, [{ type: 'timestamp' }, { type: 'uuid' }]);
      params.push(lastUsedAt, id);
      after = `WHERE (last_used_at, id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: Array<Record<string, string | Date | null>> = await this.dataSource.query(
      `${SESSIONS_SQL}
       SELECT s.*, (SELECT count(*) FROM s) AS total FROM s ${after}
        ORDER BY last_used_at DESC, id DESC LIMIT $2`,
      params,
    );
    const totalCount = rows.length
      ? Number(rows[0].total)
      : Number((await this.dataSource.query(`${SESSIONS_SQL} SELECT count(*) AS n FROM s`, [user.id]))[0].n);
    const nodes = rows.slice(0, first).map((r): Session => ({
      id: r.id as string,
      userAgent: r.user_agent as string | null,
      ipAddress: r.ip_address as string | null,
      createdAt: new Date(r.created_at as string),
      lastUsedAt: new Date(r.last_used_at as string),
      expiresAt: new Date(r.expires_at as string),
      current: r.id === user.sessionId,
    }));
    const last = nodes.at(-1);
    return {
      nodes,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor([last.lastUsedAt.toISOString(), last.id]) : null,
      },
    };
  }

  /** Revokes one of the user's sessions (this one too: that signs out). Another user's, or a revoked one, is NOT_FOUND. */
  async revokeSession(user: AuthUser, sessionId: string): Promise<boolean> {
    requireId(sessionId, 'Session');
    const [, revoked] = await this.dataSource.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL`,
      [user.id, sessionId],
    );
    if (!revoked) throw new NotFoundError('Session', sessionId);
    return true;
  }

  /** Revokes every session of the user but this one; answers how many were revoked. */
  async revokeOtherSessions(user: AuthUser): Promise<number> {
    return this.dataSource.transaction((manager) => this.revokeSessions(manager, user.id, user.sessionId));
  }

  /**
   * Revokes the user's sessions (all, or all but `keep`) in the caller's transaction: every access
   * token of them stops at its next request. Answers the number of sessions revoked. Reusable by
   * other flows (password reset, account deletion, the web portal's cookie sign-out).
   */
  async revokeSessions(manager: EntityManager, userId: string, keep?: string | null): Promise<number> {
    const [rows]: [Array<{ family_id: string }>, number] = await manager.query(
      `UPDATE refresh_token SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2::uuid)
        RETURNING family_id`,
      [userId, keep ?? null],
    );
    return new Set(rows.map((r) => r.family_id)).size;
  }

  // ---------- e-mail change ----------

  /**
   * After checking the password, mails the new address a single-use link (EMAIL_CHANGE_TTL_HOURS)
   * that confirms it, and the current address a notice; the address changes only when the link is
   * used. When another account has the new address, that address gets a notice instead of a link:
   * the answer (always true) and the notice to the current address are the same, so the call does
   * not tell whether an address has an account. Asking again replaces the pending request.
   */
  async requestEmailChange(user: AuthUser, newEmail: string, password: string, ip: string): Promise<boolean> {
    await this.limitMails(`email-change:user:${user.id}`, `email-change:ip:${ip}`);
    await this.verifyPassword(user, password, ip, 'password');
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneByOrFail(User, { id: user.id });
      if (account.email === newEmail) throw new BadInputError('newEmail', text('errors.account.sameEmail'));
      const owner = { userId: account.id, email: account.email, language: account.preferredLanguage };
      await manager.query(`DELETE FROM email_change_request WHERE user_id = $1 AND used_at IS NULL`, [account.id]);
      if (await manager.existsBy(User, { email: newEmail })) {
        await queueEmail(
          manager,
          this.config,
          accountMail(this.config, 'emailChangeTaken', {}, { userId: null, email: newEmail, language: owner.language }),
        );
      } else {
        const token = tokenOf();
        const tokenHash = sha256(token);
        await manager.insert(EmailChangeRequest, {
          userId: account.id,
          newEmail,
          tokenHash,
          expiresAt: new Date(Date.now() + EMAIL_CHANGE_TTL_HOURS * 3_600_000),
        });
        await queueEmail(
          manager,
          this.config,
          accountMail(
            this.config,
            'emailChangeConfirm',
            { token, hours: EMAIL_CHANGE_TTL_HOURS, newEmail },
            { ...owner, email: newEmail },
            `email-change:${tokenHash}`,
          ),
        );
      }
      await queueEmail(manager, this.config, accountMail(this.config, 'emailChangeNotice', { newEmail }, owner));
    });
    return true;
  }

  /**
   * Makes the new address of an e-mail change token the account's address and uses the token up.
   * An unknown, used or expired token, one of another account than the signed-in one, or a new
   * address another account took meanwhile answers BAD_USER_INPUT naming `token`. Pending password
   * resets (mailed to the old address) are cancelled.
   */
  async confirmEmailChange(token: string, viewer: AuthUser | null): Promise<boolean> {
    const tokenHash = sha256(token);
    const found = await this.dataSource.getRepository(EmailChangeRequest).findOneBy({ tokenHash });
    const problem = linkProblem(found, EMAIL_ERRORS);
    if (problem) throw new BadInputError('token', problem);
    if (viewer && viewer.id !== found!.userId) throw new BadInputError('token', ACCOUNT_TOKEN_ERRORS.otherAccount);
    let error: Text | null;
    try {
      error = await this.dataSource.transaction(async (manager) => {
        const request = await manager
          .getRepository(EmailChangeRequest)
          .createQueryBuilder('r')
          .setLock('pessimistic_write')
          .where('r.token_hash = :tokenHash', { tokenHash })
          .getOne();
        const again = linkProblem(request, EMAIL_ERRORS);
        if (again || !request) return again ?? EMAIL_ERRORS.unknown;
        await manager.update(EmailChangeRequest, { id: request.id }, { usedAt: new Date() });
        if (await manager.existsBy(User, { email: request.newEmail })) return ACCOUNT_TOKEN_ERRORS.emailTaken;
        await manager.update(User, { id: request.userId }, { email: request.newEmail });
        await this.dropPendingLinks(manager, request.userId);
        // a pending sign-up link of the address can only fail now that an account has it
        await manager.query(`DELETE FROM registration_request WHERE email = $1 AND completed_at IS NULL`, [
          request.newEmail,
        ]);
        return null;
      });
    } catch (e) {
      // another account took the address between the check and the update
      if (isUniqueViolation(e)) throw new BadInputError('token', ACCOUNT_TOKEN_ERRORS.emailTaken);
      throw e;
    }
    if (error) throw new BadInputError('token', error);
    return true;
  }

  /** Sets the language of the user's e-mails. */
  async updatePreferredLanguage(user: AuthUser, language: Language): Promise<User> {
    await this.dataSource.getRepository(User).update({ id: user.id }, { preferredLanguage: language });
    return this.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
  }

  // ---------- for libs/account (export and deletion) ----------

  /** What libs/auth holds about a user, without any secret (no password hash, no token or token hash). */
  async personalData(userId: string, manager: EntityManager = this.dataSource.manager) {
    const user = await manager.findOneByOrFail(User, { id: userId });
    const sessions: unknown[] = await manager.query(
      `SELECT family_id AS "id", min(created_at) AS "createdAt", max(created_at) AS "lastUsedAt",
              max(expires_at) AS "expiresAt", bool_and(revoked_at IS NOT NULL) AS "revoked",
              array_remove(array_agg(DISTINCT user_agent), NULL) AS "userAgents",
              array_remove(array_agg(DISTINCT ip_address), NULL) AS "ipAddresses"
         FROM refresh_token WHERE user_id = $1 GROUP BY family_id ORDER BY min(created_at)`,
      [userId],
    );
    const passwordResets: unknown[] = await manager.query(
      `SELECT created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"
         FROM password_reset WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const emailChanges: unknown[] = await manager.query(
      `SELECT new_email AS "newEmail", created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"
         FROM email_change_request WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return {
      profile: {
        id: user.id,
        email: user.email,
        name: user.name,
        emailVisibility: user.emailVisibility,
        platformRole: user.platformRole,
        preferredLanguage: user.preferredLanguage,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      sessions,
      passwordResets,
      emailChanges,
    };
  }

  /**
   * Erases a user's personal data in the caller's transaction and keeps the row, so that the
   * histories and records that name her (RESTRICT foreign keys) stay whole: her address becomes
   * deletedEmail(id) (no deliverable address, and hers is free for a new account), her name
   * DELETED_USER_NAME, her password unusable; her sessions, link tokens and pending sign-up link
   * are deleted (they hold her devices and addresses). Answers her former address.
   */
  async eraseAccount(manager: EntityManager, userId: string): Promise<string> {
    const user = await manager.findOneByOrFail(User, { id: userId });
    await manager.query(`DELETE FROM refresh_token WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM password_reset WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM email_change_request WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM registration_request WHERE email = $1`, [user.email]);
    await manager.update(
      User,
      { id: userId },
      {
        email: deletedEmail(userId),
        name: DELETED_USER_NAME,
        passwordHash: '!deleted',
        emailVisibility: EmailVisibility.PRIVATE,
        platformRole: PlatformRole.USER,
        preferredLanguage: DEFAULT_LANGUAGE,
        deletedAt: new Date(),
      },
    );
    return user.email;
  }

  // ---------- helpers ----------

  /** Password resets and e-mail changes not used yet: cancelled when the password or address changes. */
  private async dropPendingLinks(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM password_reset WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    await manager.query(`DELETE FROM email_change_request WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  }

  private liveUserByEmail(manager: EntityManager, email: string): Promise<User | null> {
    return manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.email = :email AND u.deleted_at IS NULL', { email })
      .getOne();
  }

  /** ACCOUNT_MAIL_MAX_PER_EMAIL per `subjectKey` and ACCOUNT_MAIL_MAX_PER_ADDRESS per `addressKey`, per hour. */
  private async limitMails(subjectKey: string, addressKey: string): Promise<void> {
    const results = await Promise.all([
      this.limiter.hit(subjectKey, this.config.ACCOUNT_MAIL_MAX_PER_EMAIL, ACCOUNT_MAIL_WINDOW_SECONDS),
      this.limiter.hit(addressKey, this.config.ACCOUNT_MAIL_MAX_PER_ADDRESS, ACCOUNT_MAIL_WINDOW_SECONDS),
    ]);
    const blocked = results.find((r) => !r.allowed);
    if (blocked) throw new RateLimitedError(blocked.retryAfterSeconds);
  }
}
