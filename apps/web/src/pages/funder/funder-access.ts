import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { graphql } from '../../gql';
import type { MyFunderOrganizationsQuery } from '../../gql/graphql';

/** Kinds that may publish funds (the API's FUNDER_KINDS). */
export const FUNDER_KINDS = new Set([
  'FUNDER',
  'GOVERNMENT_AGENCY',
  'LOCAL_AUTHORITY',
  'INTERNATIONAL_ORGANIZATION',
  'PRIVATE_SECTOR',
]);
const MANAGER_ROLES = new Set(['OWNER', 'ADMIN']);

export const MyFunderOrganizations = graphql(`
  query MyFunderOrganizations {
    me {
      id
      memberships {
        id
        role
        organization {
          id
          slug
          name
          kind
          verification
        }
      }
    }
  }
`);

export interface FunderOrganization {
  id: string;
  slug: string;
  name: string;
  verification: string;
}

/** The organizations of a kind that funds which the user manages (OWNER or ADMIN). */
export function managedFunders(data: MyFunderOrganizationsQuery | undefined): FunderOrganization[] {
  return (data?.me?.memberships ?? [])
    .filter((m) => MANAGER_ROLES.has(m.role) && FUNDER_KINDS.has(m.organization.kind))
    .map((m) => m.organization);
}

/** The navigation entry of the funder workspace: only for users who manage a funder. */
export function useFunderNav(): Array<{ to: string; label: string; end?: boolean }> {
  const { t } = useTranslation();
  const { user } = useSession();
  const [{ data }] = useQuery({ query: MyFunderOrganizations, pause: !user });
  return user && managedFunders(data).length > 0 ? [{ to: '/funder', label: t('funder.nav') }] : [];
}
