import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byIdLoader, GqlContext, groupedLoader } from '@app/common';
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
  interface RequestContext {
    /** What the viewer may see (OrganizationPolicy.access); computed once per request. */
    access(): Promise<ViewerAccess>;
  }
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
      organization: byIdLoader(ds.getRepository(Organization)),
      networkIds: groupedLoader(
        (ids: readonly string[]) => acceptedLinks('organization_id', ids),
        (l) => l.organizationId,
        (l) => l.networkId,
      ),
      memberOrganizationIds: groupedLoader(
        (ids: readonly string[]) => acceptedLinks('network_id', ids),
        (l) => l.networkId,
        (l) => l.organizationId,
      ),
      membershipsByOrganization: groupedLoader(
        (ids: readonly string[]) =>
          ds
            .getRepository(Membership)
            .createQueryBuilder('m')
            .where('m.organization_id = ANY(:ids)', { ids })
            .orderBy('m.created_at')
            .getMany(),
        (m) => m.organizationId,
      ),
      membershipsByUser: groupedLoader(
        (ids: readonly string[]) =>
          ds
            .getRepository(Membership)
            .createQueryBuilder('m')
            .where('m.user_id = ANY(:ids)', { ids })
            .orderBy('m.created_at')
            .getMany(),
        (m) => m.userId,
      ),
      user: byIdLoader(ds.getRepository(User)),
      access: () => (access ??= this.policy.access(req.user ?? null)),
    };
  }
}

/** Loads organizations by id in one batch, keeping order and dropping missing ones. */
export async function loadOrganizations(loaders: OrganizationLoaders, ids: readonly string[]): Promise<Organization[]> {
  const rows = await loaders.organization.loadMany(ids);
  return rows.filter((o): o is Organization => !!o && !(o instanceof Error));
}
