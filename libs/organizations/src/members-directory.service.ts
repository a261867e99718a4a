import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Membership, MemberRole } from './membership.entity.js';

export interface MembersQuery {
  /** Only members with these roles (default: every member). */
  roles?: readonly MemberRole[];
  /** Leave this user out (typically the one whose action caused the work). */
  excludeUserId?: string | null;
}

/**
 * Who belongs to which organization, for work done on nobody's behalf (notifications): no viewer,
 * no visibility rule, only the membership rows.
 */
@Injectable()
export class MembersDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One row per (organization, member) of the organizations given. */
  async members(
    organizationIds: readonly string[],
    query: MembersQuery = {},
  ): Promise<Array<{ organizationId: string; userId: string }>> {
    if (!organizationIds.length) return [];
    const qb = this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .select(['m.organizationId', 'm.userId'])
      .where('m.organization_id = ANY(:ids::uuid[])', { ids: organizationIds });
    if (query.excludeUserId) qb.andWhere('m.user_id <> :exclude', { exclude: query.excludeUserId });
    if (query.roles) qb.andWhere('m.role::text = ANY(:roles::text[])', { roles: query.roles });
    const rows = await qb.getMany();
    return rows.map((m) => ({ organizationId: m.organizationId, userId: m.userId }));
  }

  /** The members of the organizations given, each user once. */
  async userIds(organizationIds: readonly string[], query: MembersQuery = {}): Promise<string[]> {
    return [...new Set((await this.members(organizationIds, query)).map((m) => m.userId))];
  }
}
