import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { GovernmentMemberships } from './queries';

/** Kinds that convene consultations (createConsultation's rule). */
export const CONVENER_KINDS = new Set(['GOVERNMENT_AGENCY', 'LOCAL_AUTHORITY', 'INTERNATIONAL_ORGANIZATION']);
/** Roles that manage a convener's consultations. */
export const MANAGER_ROLES = new Set(['OWNER', 'ADMIN']);

/**
 * The convening organizations the signed-in user manages (OWNER/ADMIN of a government agency, local
 * authority or international organization) and the one chosen (`?org=<id>`, else the first).
 */
export function useConveners() {
  const { user, ready } = useSession();
  const [params, setParams] = useSearchParams();
  const [{ data, fetching, error }] = useQuery({ query: GovernmentMemberships, pause: !user });
  const conveners = (data?.me?.memberships ?? [])
    .filter((m) => CONVENER_KINDS.has(m.organization.kind) && MANAGER_ROLES.has(m.role))
    .map((m) => m.organization);
  const chosen = conveners.find((o) => o.id === params.get('org')) ?? conveners[0] ?? null;
  const choose = (id: string) =>
    setParams(
      (p) => {
        p.set('org', id);
        return p;
      },
      { replace: true },
    );
  return {
    user,
    ready,
    loading: !ready || (!!user && !data && fetching),
    error: data ? undefined : error,
    conveners,
    chosen,
    choose,
    memberships: data?.me?.memberships ?? [],
  };
}

/** The navigation entry of the workspace: only for users who manage a convening organization. */
export function useGovernmentNavItems(): Array<{ to: string; label: string; end?: boolean }> {
  const { t } = useTranslation();
  const { user } = useSession();
  const [{ data }] = useQuery({ query: GovernmentMemberships, pause: !user });
  const convener = (data?.me?.memberships ?? []).some(
    (m) => CONVENER_KINDS.has(m.organization.kind) && MANAGER_ROLES.has(m.role),
  );
  return user && convener ? [{ to: '/government', label: t('government.nav') }] : [];
}
