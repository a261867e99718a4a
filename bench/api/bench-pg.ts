/**
 * What PostGraphile needs, beside the tables, to answer the API benchmark's requests: the directory's
 * default order (a computed column), its search and organization(slug:) (functions in schema bench_pg).
 * main.ts creates them in the bench database before starting PostGraphile.
 */
export const BENCH_PG_SQL = `
  CREATE SCHEMA IF NOT EXISTS bench_pg;
  -- the directory's default order (OrganizationOrder.NAME): lower(name) as a sortable computed column, so that
  -- allOrganizations(orderBy: [LOWER_NAME_ASC, ID_ASC]) sorts as the API does (PostGraphile takes computed
  -- columns from the table's schema only: this one function is in public, of the bench database alone)
  CREATE OR REPLACE FUNCTION public.organization_lower_name(o public.organization) RETURNS text
    LANGUAGE sql STABLE AS $$ SELECT lower(o.name) $$;
  COMMENT ON FUNCTION public.organization_lower_name(public.organization) IS E'@sortable';
  -- organization(slug:) (the slug's unique index is not a constraint, which PostGraphile would have used)
  CREATE OR REPLACE FUNCTION bench_pg.organization_by_slug(slug text) RETURNS public.organization
    LANGUAGE sql STABLE STRICT AS $$ SELECT o.* FROM public.organization o WHERE o.slug = organization_by_slug.slug $$;
  -- the directory's search: websearch syntax, an origin country, ranked as the API ranks (rank, then id)
  CREATE OR REPLACE FUNCTION bench_pg.search_organizations(search text, origin text)
    RETURNS SETOF public.organization LANGUAGE sql STABLE STRICT AS
    $$ SELECT o.* FROM public.organization o
        WHERE o.search_vector @@ websearch_to_tsquery('english', search) AND o.countries_of_origin && ARRAY[origin]
        ORDER BY ts_rank(o.search_vector, websearch_to_tsquery('english', search))::float8 DESC, o.id $$;
`;
