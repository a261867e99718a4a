import type { LoaderFunctionArgs } from 'react-router';
import { graphql } from '../../gql';
import type { OrganizationFilter, OrganizationKind } from '../../gql/graphql';
import { sessionClient } from '../../graphql/session-client';

/** Results per page of the directory. */
export const PAGE_SIZE = 12;

export const DirectorySearch = graphql(`
  query DirectorySearch($search: String, $filter: OrganizationFilter, $first: Int, $after: String) {
    organizations(search: $search, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        slug
        name
        kind
        city
        verification
        description
        countriesOfOrigin {
          code
          name
        }
        countriesOfResidence {
          code
          name
        }
        themes {
          code
          name
        }
      }
    }
  }
`);

/** The directory's search as the URL holds it (shareable; the home page's search box and map link here). */
export interface DirectoryValues {
  q: string;
  origin: string;
  residence: string;
  theme: string;
  kind: string;
  language: string;
  verified: boolean;
}

export function directoryValues(params: URLSearchParams): DirectoryValues {
  const get = (key: string) => params.get(key) ?? '';
  return {
    q: get('q'),
    origin: get('origin'),
    residence: get('residence'),
    theme: get('theme'),
    kind: get('kind'),
    language: get('language'),
    verified: get('verified') === '1',
  };
}

export function directoryFilter(values: DirectoryValues): OrganizationFilter {
  return {
    ...(values.origin && { countriesOfOrigin: [values.origin] }),
    ...(values.residence && { countriesOfResidence: [values.residence] }),
    ...(values.theme && { themes: [values.theme] }),
    ...(values.kind && { kinds: [values.kind as OrganizationKind] }),
    ...(values.language && { languages: [values.language] }),
    ...(values.verified && { verifiedOnly: true }),
  };
}

/** The variables of one page of results: the page component and the route loader send the same ones. */
export function searchVariables(search: string | undefined, filter: OrganizationFilter, after: string | null) {
  return { search: search || undefined, filter, after, first: PAGE_SIZE };
}

/**
 * The directory route's loader: starts the first page's query while the page's chunk loads (it does not
 * wait for the answer), so the results arrive about when the page renders instead of a round trip later.
 * The page's `useQuery` with the same variables takes the answer from urql's cache (or the request in flight).
 */
export function prefetchDirectory({ request }: LoaderFunctionArgs): null {
  const values = directoryValues(new URL(request.url).searchParams);
  void sessionClient()
    .query(DirectorySearch, searchVariables(values.q, directoryFilter(values), null))
    .toPromise();
  return null;
}
