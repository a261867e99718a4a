import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { graphql } from '../../gql';

const MyApplicantOrganizations = graphql(`
  query MyApplicantOrganizations {
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
        }
      }
    }
  }
`);

/** Kinds that fund or train others do not apply or enrol for themselves: they come last. */
const PROVIDER_KINDS = new Set(['FUNDER', 'TRAINING_PROVIDER', 'GOVERNMENT_AGENCY', 'INTERNATIONAL_ORGANIZATION']);

export interface ChosenOrganization {
  id: string;
  slug: string;
  name: string;
}

/**
 * The organization the funding and training pages act for: `?org=<id>` in the address when given
 * (so a link keeps it), else the user's first organization that is not a funder or provider.
 */
export function useChosenOrganization() {
  const { user, ready } = useSession();
  const [params, setParams] = useSearchParams();
  const [{ data, fetching }] = useQuery({ query: MyApplicantOrganizations, pause: !user });
  const organizations = [...(data?.me?.memberships ?? [])]
    .map((m) => m.organization)
    .sort((a, b) => Number(PROVIDER_KINDS.has(a.kind)) - Number(PROVIDER_KINDS.has(b.kind)));
  const wanted = params.get('org');
  const chosen = organizations.find((o) => o.id === wanted) ?? organizations[0] ?? null;
  const choose = (id: string) =>
    setParams(
      (p) => {
        p.set('org', id);
        return p;
      },
      { replace: true },
    );
  return { user, ready, loading: !ready || (!!user && !data && fetching), organizations, chosen, choose };
}

export function OrganizationChooser({
  organizations,
  chosen,
  choose,
}: {
  organizations: ChosenOrganization[];
  chosen: ChosenOrganization | null;
  choose: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (organizations.length < 2) return null;
  return (
    <NativeSelect
      label={t('funding.actingFor')}
      data={organizations.map((o) => ({ value: o.id, label: o.name }))}
      value={chosen?.id ?? ''}
      onChange={(e) => choose(e.currentTarget.value)}
      maw={420}
    />
  );
}

/** A date and time in the interface language. */
export function formatDate(value: string | null | undefined, language: string, withTime = false): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(new Date(value));
}

/** An amount of money in the interface language. */
export function formatMoney(amount: number | null | undefined, currency: string, language: string): string {
  if (amount === null || amount === undefined) return '';
  return new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}
