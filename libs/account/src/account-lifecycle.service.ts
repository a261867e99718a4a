import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountSecurityService, deletedEmail, User } from '@app/auth';
import { capacityPersonalData } from '@app/capacity';
import { AuthUser, DomainError, ErrorCode, text } from '@app/common';
import { dialoguePersonalData } from '@app/dialogue';
import { exportsPersonalData, revokeCalendarFeeds } from '@app/exports';
import { filesPersonalData } from '@app/files';
import { fundsPersonalData } from '@app/funds';
import { forgetNotifications, notificationsPersonalData } from '@app/notifications';
import { forgetMember, organizationsPersonalData, SoleOwnership, soleOwnerships } from '@app/organizations';
import { partnershipsPersonalData } from '@app/partnerships';
import { projectsPersonalData } from '@app/projects';

/** The extensions.reason of the CONFLICT of deleteMyAccount while she is the last OWNER of organizations. */
export const LAST_OWNER = 'LAST_OWNER';

/** The name and version of the export document's shape. */
export const DATA_EXPORT_FORMAT = 'diaspora-nexus-account-export/1';

/**
 * The end of an account and the copy of its data. Both ask every lib that holds something of the
 * user through its index.ts functions (which read and write only that lib's tables), in one
 * transaction. See docs/domain.md, "Accounts".
 */
@Injectable()
export class AccountLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly security: AccountSecurityService,
  ) {}

  /**
   * Deletes the signed-in user's account after checking her password (BAD_USER_INPUT naming
   * `password`). Refused (CONFLICT, reason LAST_OWNER, `extensions.organizations`) while she is
   * the only OWNER of an organization: another member must become OWNER first. Otherwise, in one
   * transaction: her memberships are removed, her address is forgotten in invitations, her
   * notifications, preference and e-mails are deleted, her calendar feeds revoked, her sessions and link tokens are deleted,
   * and her user row is anonymised (kept, so that histories and the records she wrote for her
   * organizations keep their author).
   */
  async deleteMyAccount(user: AuthUser, password: string, ip: string): Promise<boolean> {
    await this.security.verifyPassword(user, password, ip, 'password');
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneByOrFail(User, { id: user.id });
      const sole = await soleOwnerships(manager, user.id);
      if (sole.length) throw lastOwnerError(sole);
      await forgetMember(manager, user.id, account.email, deletedEmail(user.id));
      await forgetNotifications(manager, user.id, account.email);
      await revokeCalendarFeeds(manager, user.id);
      await this.security.eraseAccount(manager, user.id);
    });
    return true;
  }

  /**
   * Everything the platform holds about the signed-in user, as one JSON document: her profile,
   * sessions (no token material), password-reset and e-mail-change requests (dates and addresses),
   * memberships, invitations, notifications and e-mails (subjects), what she created (projects,
   * funds, applications, training offers, assessments, consultations, contributions, uploaded files, calendar feeds) and every
   * history entry where she is the actor (indicator corrections included). Read in one REPEATABLE READ transaction (one snapshot).
   */
  async dataExport(user: AuthUser): Promise<string> {
    const document = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const account = await this.security.personalData(user.id, manager);
      const email = account.profile.email;
      return {
        format: DATA_EXPORT_FORMAT,
        exportedAt: new Date().toISOString(),
        ...account,
        organizations: await organizationsPersonalData(manager, user.id, email),
        projects: await projectsPersonalData(manager, user.id),
        partnerships: await partnershipsPersonalData(manager, user.id),
        funds: await fundsPersonalData(manager, user.id),
        capacity: await capacityPersonalData(manager, user.id),
        dialogue: await dialoguePersonalData(manager, user.id),
        notifications: await notificationsPersonalData(manager, user.id, email),
        files: await filesPersonalData(manager, user.id),
        exports: await exportsPersonalData(manager, user.id),
      };
    });
    return JSON.stringify(document, null, 2);
  }
}

function lastOwnerError(sole: SoleOwnership[]): DomainError {
  const names = sole.map((o) => `${o.name} (${o.slug})`).join(', ');
  return new DomainError(ErrorCode.CONFLICT, text('errors.account.lastOwner', { organizations: names }), {
    reason: LAST_OWNER,
    organizations: sole,
  });
}
