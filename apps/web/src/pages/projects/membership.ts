import { useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { graphql } from '../../gql';
import type { MemberRole } from '../../gql/graphql';

const MyRoles = graphql(`
  query MyRoles {
    me {
      id
      memberships {
        id
        role
        organization {
          id
        }
      }
    }
  }
`);

/** The signed-in user's role in an organization (null when signed out or not a member). */
export function useRoleIn(organizationId: string | undefined): { role: MemberRole | null; ready: boolean } {
  const { user, ready } = useSession();
  const [{ data, fetching }] = useQuery({ query: MyRoles, pause: !user });
  if (!ready || (user && (fetching || !data))) return { role: null, ready: false };
  const membership = data?.me?.memberships.find((m) => m.organization.id === organizationId);
  return { role: membership?.role ?? null, ready: true };
}

/** ISO day of today in the user's time zone (for date inputs). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A number typed into a field ('' and non-numbers → undefined). */
export function numberOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}
