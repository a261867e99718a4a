import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import type { MyFunderOrganizationsQuery } from '../../gql/graphql';
import { MyFunderOrganizations } from '../funder/funder-access';

/** Kinds that may publish training offers (the API's PROVIDER_KINDS). */
export const PROVIDER_KINDS = new Set([
  'TRAINING_PROVIDER',
  'NGO',
  'ACADEMIC',
  'INTERNATIONAL_ORGANIZATION',
  'GOVERNMENT_AGENCY',
  'DIASPORA_NETWORK',
]);
const MANAGER_ROLES = new Set(['OWNER', 'ADMIN']);

export interface ProviderOrganization {
  id: string;
  slug: string;
  name: string;
}

/** The organizations of a kind that may offer trainings which the user manages (OWNER or ADMIN). */
export function managedProviders(data: MyFunderOrganizationsQuery | undefined): ProviderOrganization[] {
  return (data?.me?.memberships ?? [])
    .filter((m) => MANAGER_ROLES.has(m.role) && PROVIDER_KINDS.has(m.organization.kind))
    .map((m) => m.organization);
}

/** The providers the user manages and the one chosen with `?provider=<id>` (else the first). */
export function useProviders() {
  const { user, ready } = useSession();
  const [params, setParams] = useSearchParams();
  // the same query as the funder workspace's (the memberships with their kinds): urql answers it once
  const [{ data, fetching }] = useQuery({ query: MyFunderOrganizations, pause: !user });
  const providers = managedProviders(data);
  const wanted = params.get('provider');
  const chosen = providers.find((p) => p.id === wanted) ?? providers[0] ?? null;
  const choose = (id: string) =>
    setParams(
      (p) => {
        p.set('provider', id);
        return p;
      },
      { replace: true },
    );
  return { user, ready, loading: !ready || (!!user && !data && fetching), providers, chosen, choose };
}

/** The navigation entry of the provider workspace: only for users who manage a provider. */
export function useProviderNav(): Array<{ to: string; label: string; end?: boolean }> {
  const { t } = useTranslation();
  const { user } = useSession();
  const [{ data }] = useQuery({ query: MyFunderOrganizations, pause: !user });
  return user && managedProviders(data).length > 0 ? [{ to: '/provider', label: t('provider.nav') }] : [];
}
