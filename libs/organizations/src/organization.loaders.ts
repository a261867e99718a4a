import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { GqlContext } from '@app/common';
import { User } from '@app/auth';
import { Membership } from './membership.entity.js';
import { NetworkMembership, NetworkRequestStatus } from './network-membership.entity.js';
import { Organization } from './organization.entity.js';
import { OrganizationPolicy, ViewerAccess } from './organization.policy.js';

export interface OrganizationLoaders {
  organization: DataLoader<string, Organization | null>;
  /** ids of the networks an organization belongs to (ACCEPTED). */
  networkIds: DataLoader<string, string[]>;
  /** ids of a network's member organizations (ACCEPTED). */
  memberOrganizationIds: DataLoader<string, string[]>;
  membershipsByOrganization: DataLoader<string, Membership[]>;
  membershipsByUser: DataLoader<string, Membership[]>;
  user: DataLoader<string, User | null>;
  /** What the current viewer may see; computed once per request. */
  access(): Promise<ViewerAccess>;
}

declare module '@app/common' {
  interface RequestLoaders {
    organizations: OrganizationLoaders;
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

@Injectable()
export class OrganizationLoaderFactory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
  ) {}

  create(req: GqlContext['req']): OrganizationLoaders {
    const ds = this.dataSource;
    let access: Promise<ViewerAccess> | undefined;
    const acceptedLinks = (column: 'network_id' | 'organization_id', ids: readonly string[]) =>
      ds
        .getRepository(NetworkMembership)
        .createQueryBuilder('nm')
        .where(`nm.${column} = ANY(:ids)`, { ids })
        .andWhere('nm.status = :status', { status: NetworkRequestStatus.ACCEPTED })
        .orderBy('nm.created_at')
        .getMany();
    return {
      organization: new DataLoader(async (ids) => {
        const rows = await ds
          .getRepository(Organization)
          .createQueryBuilder('o')
          .where('o.id = ANY(:ids)', { ids })
          .getMany();
        const map = new Map(rows.map((o) => [o.id, o]));
        return ids.map((id) => map.get(id) ?? null);
      }),
      networkIds: new DataLoader(async (ids) => {
        const byOrg = groupBy(await acceptedLinks('organization_id', ids), (l) => l.organizationId);
        return ids.map((id) => (byOrg.get(id) ?? []).map((l) => l.networkId));
      }),
      memberOrganizationIds: new DataLoader(async (ids) => {
        const byNetwork = groupBy(await acceptedLinks('network_id', ids), (l) => l.networkId);
        return ids.map((id) => (byNetwork.get(id) ?? []).map((l) => l.organizationId));
      }),
      membershipsByOrganization: new DataLoader(async (ids) => {
        const rows = await ds
          .getRepository(Membership)
          .createQueryBuilder('m')
          .where('m.organization_id = ANY(:ids)', { ids })
          .orderBy('m.created_at')
          .getMany();
        const grouped = groupBy(rows, (m) => m.organizationId);
        return ids.map((id) => grouped.get(id) ?? []);
      }),
      membershipsByUser: new DataLoader(async (ids) => {
        const rows = await ds
          .getRepository(Membership)
          .createQueryBuilder('m')
          .where('m.user_id = ANY(:ids)', { ids })
          .orderBy('m.created_at')
          .getMany();
        const grouped = groupBy(rows, (m) => m.userId);
        return ids.map((id) => grouped.get(id) ?? []);
      }),
      user: new DataLoader(async (ids) => {
        const rows = await ds.getRepository(User).createQueryBuilder('u').where('u.id = ANY(:ids)', { ids }).getMany();
        const map = new Map(rows.map((u) => [u.id, u]));
        return ids.map((id) => map.get(id) ?? null);
      }),
      access: () => (access ??= this.policy.access(req.user ?? null)),
    };
  }
}

/** Loads organizations by id in one batch, keeping order and dropping missing ones. */
export async function loadOrganizations(loaders: OrganizationLoaders, ids: readonly string[]): Promise<Organization[]> {
  const rows = await loaders.organization.loadMany(ids);
  return rows.filter((o): o is Organization => !!o && !(o instanceof Error));
}
