/**
 * The API benchmark's workloads: for each, the GraphQL document this API answers (the web portal's
 * where it has one), the equivalent PostGraphile v4 document, and the raw server's route (one SQL
 * statement, raw-server.ts). `ids` turns each server's answer into the rows it returned (ids in order,
 * nested ids after their parent) so that the three answers can be compared.
 */
export type ServerName = 'api' | 'postgraphile' | 'raw';

export interface BenchContext {
  /** The bench organization (bench user's OWNER membership, projects with indicators). */
  organizationId: string;
  slug: string;
  fundId: string;
  search: string;
  origin: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Sent with the Bearer token of the bench user. */
  auth?: boolean;
}

export interface Workload {
  name: string;
  label: string;
  requests: (ctx: BenchContext) => Partial<Record<ServerName, HttpRequest>>;
  ids: (server: ServerName, body: any) => string[];
}

const gql = (query: string, variables: Record<string, unknown> = {}, auth = false): HttpRequest => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
  auth,
});

/** The GraphQL answer's data, or a thrown error with its errors. */
export function dataOf(body: any): any {
  if (!body || body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body?.errors ?? body)}`);
  return body.data;
}

const organizationFields = `
        id
        slug
        name
        kind
        city
        verification
        description`;

// apps/web/src/pages/directory/query.ts (DirectorySearch), with the first 5 projects of each organization
const API_DIRECTORY = `query DirectoryPage($search: String, $filter: OrganizationFilter, $first: Int, $after: String) {
    organizations(search: $search, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {${organizationFields}
        countriesOfOrigin { code name }
        countriesOfResidence { code name }
        themes { code name }
        projects(first: 5) { nodes { id title } }
      }
    }
  }`;

const PG_DIRECTORY = `query DirectoryPage($first: Int) {
    allOrganizations(first: $first, orderBy: [LOWER_NAME_ASC, ID_ASC]) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {${organizationFields}
        countriesOfOrigin
        countriesOfResidence
        themes
        projectsByOrganizationId(first: 5, orderBy: [CREATED_AT_DESC, ID_DESC], condition: { archivedAt: null }) {
          nodes { id title }
        }
      }
    }
  }`;

// apps/web/src/pages/directory/query.ts (DirectorySearch), as sent with a search and an origin filter
const API_SEARCH = `query DirectorySearch($search: String, $filter: OrganizationFilter, $first: Int, $after: String) {
    organizations(search: $search, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {${organizationFields}
        countriesOfOrigin { code name }
        countriesOfResidence { code name }
        themes { code name }
      }
    }
  }`;

const PG_SEARCH = `query DirectorySearch($search: String!, $origin: String!, $first: Int) {
    searchOrganizations(search: $search, origin: $origin, first: $first) {
      totalCount
      pageInfo { endCursor }
      nodes {${organizationFields}
        countriesOfOrigin
        countriesOfResidence
        themes
      }
    }
  }`;

// apps/web/src/pages/OrganizationPage.tsx (OrganizationProfile)'s own fields and projects, with each
// project's indicators and measurements (the project page's); partnerships and networks left out
const API_ORGANIZATION = `query OrganizationProfile($slug: String!) {
    organization(slug: $slug) {
      id slug name kind description city foundedYear website contactEmail memberCount verification
      womenLed youthLed legallyRegistered
      countriesOfOrigin { code name }
      countriesOfResidence { code name }
      themes { code name }
      languages { code name }
      projects(first: 20) {
        totalCount
        nodes {
          id title status summary
          indicators { id name unit baseline target measurements { id measuredOn value note } }
        }
      }
    }
  }`;

const PG_ORGANIZATION = `query OrganizationProfile($slug: String!) {
    organizationBySlug(slug: $slug) {
      id slug name kind description city foundedYear website contactEmail memberCount verification
      womenLed youthLed legallyRegistered
      countriesOfOrigin
      countriesOfResidence
      themes
      languages
      projectsByOrganizationId(first: 20, orderBy: [CREATED_AT_DESC, ID_DESC], condition: { archivedAt: null }) {
        totalCount
        nodes {
          id title status summary
          indicatorsByProjectId(orderBy: [CREATED_AT_ASC, ID_ASC]) {
            nodes {
              id name unit baseline target
              measurementsByIndicatorId(orderBy: [MEASURED_ON_ASC, CREATED_AT_ASC, ID_ASC]) {
                nodes { id measuredOn value note }
              }
            }
          }
        }
      }
    }
  }`;

// apps/web/src/pages/funding/FundPage.tsx (FundDetails), as a visitor sends it ($signedIn false)
const API_FUND = `query FundDetails($id: ID!, $organizationId: ID!, $signedIn: Boolean!) {
    fund(id: $id) {
      id title description status deadline currency minGrant maxGrant coFundingPercent
      funder { id slug name }
      themes { code name }
    }
    organization(id: $organizationId) @include(if: $signedIn) {
      id
      projects(first: 100) { nodes { id title } }
    }
  }`;

const PG_FUND = `query FundDetails($id: UUID!) {
    fundById(id: $id) {
      id title description status deadline currency minGrant maxGrant coFundingPercent
      organizationByFunderId { id slug name }
      themes
    }
  }`;

// bench/matching.bench.ts's fundMatches request
const API_FUND_MATCHES = `query FundMatches($o: ID!) {
    fundMatches(organizationId: $o, first: 20) { score fund { id title deadline } reasons { factor points detail } }
  }`;

const flat = (organizations: any[], projects: (o: any) => any[] = () => []) =>
  organizations.flatMap((o) => [`o:${o.id}`, ...projects(o).map((p) => `p:${p.id}`)]);

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const WORKLOADS: Workload[] = [
  {
    name: 'directory',
    label: 'directory page: 50 organizations with countries, themes and their first 5 projects',
    requests: () => ({
      api: gql(API_DIRECTORY, { filter: {}, first: 50, after: null }),
      postgraphile: gql(PG_DIRECTORY, { first: 50 }),
      raw: { method: 'GET', path: '/directory?first=50' },
    }),
    ids: (server, body) => {
      if (server === 'raw') return [`total:${body.totalCount}`, ...flat(body.nodes, (o) => o.projects)];
      const c = server === 'api' ? dataOf(body).organizations : dataOf(body).allOrganizations;
      return [
        `total:${c.totalCount}`,
        ...flat(c.nodes, (o) => (server === 'api' ? o.projects.nodes : o.projectsByOrganizationId.nodes)),
      ];
    },
  },
  {
    name: 'organization',
    label: 'one organization with projects, indicators and measurements',
    requests: (ctx) => ({
      api: gql(API_ORGANIZATION, { slug: ctx.slug }),
      postgraphile: gql(PG_ORGANIZATION, { slug: ctx.slug }),
      raw: { method: 'GET', path: `/organization?${q({ slug: ctx.slug })}` },
    }),
    ids: (server, body) => {
      const o =
        server === 'raw' ? body : server === 'api' ? dataOf(body).organization : dataOf(body).organizationBySlug;
      const projects = server === 'postgraphile' ? o.projectsByOrganizationId : o.projects;
      const ids = [`o:${o.id}`, `total:${projects.totalCount}`];
      for (const p of projects.nodes) {
        ids.push(`p:${p.id}`);
        for (const i of server === 'postgraphile' ? p.indicatorsByProjectId.nodes : p.indicators) {
          ids.push(`i:${i.id}`);
          for (const m of server === 'postgraphile' ? i.measurementsByIndicatorId.nodes : i.measurements)
            ids.push(`m:${m.id}`);
        }
      }
      return ids;
    },
  },
  {
    name: 'search',
    label: 'directory search (full text + origin filter), 20 results',
    requests: (ctx) => ({
      api: gql(API_SEARCH, { search: ctx.search, filter: { countriesOfOrigin: [ctx.origin] }, first: 20, after: null }),
      postgraphile: gql(PG_SEARCH, { search: ctx.search, origin: ctx.origin, first: 20 }),
      raw: { method: 'GET', path: `/search?${q({ q: ctx.search, origin: ctx.origin, first: '20' })}` },
    }),
    ids: (server, body) => {
      if (server === 'raw') return [`total:${body.totalCount}`, ...flat(body.nodes)];
      const c = server === 'api' ? dataOf(body).organizations : dataOf(body).searchOrganizations;
      return [`total:${c.totalCount}`, ...flat(c.nodes)];
    },
  },
  {
    name: 'fundMatches',
    label: '`fundMatches`, 20 results (signed-in member)',
    requests: (ctx) => ({
      api: gql(API_FUND_MATCHES, { o: ctx.organizationId }, true),
      raw: { method: 'GET', path: `/fund-matches?${q({ organizationId: ctx.organizationId, first: '20' })}` },
    }),
    ids: (server, body) =>
      server === 'raw'
        ? body.filter((r: any) => r.fund_id).map((r: any) => `f:${r.fund_id}`) // a null fund_id row: no match
        : dataOf(body).fundMatches.map((m: any) => `f:${m.fund.id}`),
  },
  {
    name: 'typename',
    label: '`{ __typename }`',
    requests: () => ({
      api: gql('{ __typename }'),
      postgraphile: gql('{ __typename }'),
      raw: { method: 'GET', path: '/typename' },
    }),
    ids: (server, body) => [server === 'raw' ? body.data.__typename : dataOf(body).__typename],
  },
  {
    name: 'fund',
    label: "fund page (the portal's FundDetails, as a visitor)",
    requests: (ctx) => ({
      api: gql(API_FUND, { id: ctx.fundId, organizationId: '', signedIn: false }),
      postgraphile: gql(PG_FUND, { id: ctx.fundId }),
      raw: { method: 'GET', path: `/fund?${q({ id: ctx.fundId })}` },
    }),
    ids: (server, body) => {
      const f = server === 'raw' ? body : server === 'api' ? dataOf(body).fund : dataOf(body).fundById;
      return [
        `f:${f.id}`,
        `o:${(server === 'api' ? f.funder : server === 'raw' ? f.funder : f.organizationByFunderId).id}`,
      ];
    },
  },
];
