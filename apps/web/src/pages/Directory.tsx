import {
  Anchor,
  Box,
  Button,
  Card,
  Checkbox,
  Container,
  Grid,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { KINDS } from '../components/forms/organization-kinds';
import { useReferenceOptions } from '../components/forms/reference';
import { Loading } from '../components/Loading';
import { VerificationBadge } from '../components/VerificationBadge';
import type { OrganizationFilter } from '../gql/graphql';
import { byLabel, countryName } from '../i18n/names';
import {
  directoryFilter,
  DirectorySearch,
  directoryValues,
  searchVariables,
  type DirectoryValues,
} from './directory/query';
import { PublicLinks } from './catalogue/PublicLinks';

const RESULTS_MARK = 'directory-results-rendered';

/** The URL holds the search (shareable, and the home page's search box links here). */
function useDirectoryParams() {
  const [params, setParams] = useSearchParams();
  const values = directoryValues(params);
  const update = (changes: Partial<Record<keyof DirectoryValues, string | boolean>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === '' || value === false) next.delete(key);
      else next.set(key, value === true ? '1' : String(value));
    }
    setParams(next, { replace: true });
  };
  return { values, update, clear: () => setParams(new URLSearchParams(), { replace: true }) };
}

type Results = NonNullable<ReturnType<typeof useResults>['data']>;

function useResults(variables: { search?: string; filter: OrganizationFilter; after: string | null }) {
  const [{ data, fetching, error }] = useQuery({
    query: DirectorySearch,
    variables: searchVariables(variables.search, variables.filter, variables.after),
    // the route loader has usually fetched the first page already (pages/directory/query.ts)
    requestPolicy: 'cache-first',
  });
  return { data: data?.organizations, fetching, error };
}

function ResultCard({ organization }: { organization: Results['nodes'][number] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card withBorder padding="md" component="article" data-testid="organization-card">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h5">
            <Anchor component={Link} to={`/organizations/${organization.slug}`}>
              {organization.name}
            </Anchor>
          </Title>
          <VerificationBadge status={organization.verification} />
        </Group>
        <Text size="sm" c="dimmed">
          {t(`kind.${organization.kind}`)}
          {organization.city ? ` · ${organization.city}` : ''}
        </Text>
        {organization.countriesOfOrigin.length > 0 && (
          <Text size="sm">
            {t('directory.originLabel', {
              list: organization.countriesOfOrigin.map((c) => countryName(c.code, lang, c.name)).join(', '),
            })}
          </Text>
        )}
        {organization.countriesOfResidence.length > 0 && (
          <Text size="sm">
            {t('directory.residenceLabel', {
              list: organization.countriesOfResidence.map((c) => countryName(c.code, lang, c.name)).join(', '),
            })}
          </Text>
        )}
        {organization.description && (
          <Text size="sm" lineClamp={3}>
            {organization.description}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** One page of results; the last page offers the next one (cursor paging). */
function ResultPage({
  search,
  filter,
  after,
  isLast,
  onMore,
  showCount,
  onSettled,
}: {
  search?: string;
  filter: OrganizationFilter;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
  showCount: boolean;
  /** called once this page has answered (results or an error) */
  onSettled?: () => void;
}) {
  const { t } = useTranslation();
  const { data, fetching, error } = useResults({ search, filter, after });
  useEffect(() => {
    // when the first results are on screen: `npm run bench:portal` reads this mark
    if (data && showCount && performance.getEntriesByName(RESULTS_MARK).length === 0) performance.mark(RESULTS_MARK);
    if (data || error) onSettled?.();
  }, [data, error, showCount, onSettled]);
  if (error) return <Text c="red.8">{t('app.error', { message: error.message })}</Text>;
  if (!data) return fetching ? <Loading /> : null;
  return (
    <>
      {showCount && (
        <Text role="status" fw={500} data-testid="result-count">
          {data.totalCount === 0 ? t('directory.noResults') : t('directory.results', { count: data.totalCount })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {data.nodes.map((organization) => (
          <ResultCard key={organization.id} organization={organization} />
        ))}
      </SimpleGrid>
      {isLast && data.pageInfo.hasNextPage && data.pageInfo.endCursor && (
        <Group justify="center">
          <Button variant="default" onClick={() => onMore(data.pageInfo.endCursor!)}>
            {t('directory.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}

export default function Directory() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { values, update, clear } = useDirectoryParams();
  const [text, setText] = useState(values.q);
  // the filters' lists wait for the first results: both answers come from one server, results first
  const [resultsSettled, setResultsSettled] = useState(false);
  const onSettled = useCallback(() => setResultsSettled(true), []);
  const reference = useReferenceOptions({ pause: !resultsSettled });

  // search as the user types, a moment after the last key
  useEffect(() => {
    if (text === values.q) return;
    const timer = setTimeout(() => update({ q: text }), 300);
    return () => clearTimeout(timer);
  });

  const filter: OrganizationFilter = useMemo(
    () => directoryFilter(values),
    [values.origin, values.residence, values.theme, values.kind, values.language, values.verified],
  );
  const key = JSON.stringify([values.q, filter]);
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = pages.key === key ? pages.cursors : [null];

  const any = { value: '', label: t('directory.any') };
  const countries = [any, ...reference.countries];
  const themes = [any, ...reference.themes];
  const languages = [any, ...reference.languages];
  const kinds = [any, ...KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })).sort(byLabel(lang))];

  return (
    <Container size="xl">
      <Title order={1} mb="xs">
        {t('directory.title')}
      </Title>
      <Box mb="md">
        <PublicLinks />
      </Box>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack component="section" aria-labelledby="filters-title" gap="sm">
            <Title order={2} size="h4" id="filters-title">
              {t('directory.filters')}
            </Title>
            <form role="search" onSubmit={(event) => (event.preventDefault(), update({ q: text }))}>
              <TextInput
                type="search"
                label={t('directory.searchLabel')}
                placeholder={t('directory.searchPlaceholder')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
              />
            </form>
            <NativeSelect
              label={t('directory.origin')}
              data={countries}
              value={values.origin}
              onChange={(e) => update({ origin: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('directory.residence')}
              data={countries}
              value={values.residence}
              onChange={(e) => update({ residence: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('directory.theme')}
              data={themes}
              value={values.theme}
              onChange={(e) => update({ theme: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('directory.kind')}
              data={kinds}
              value={values.kind}
              onChange={(e) => update({ kind: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('directory.language')}
              data={languages}
              value={values.language}
              onChange={(e) => update({ language: e.currentTarget.value })}
            />
            <Checkbox
              label={t('directory.verifiedOnly')}
              checked={values.verified}
              onChange={(e) => update({ verified: e.currentTarget.checked })}
            />
            <Button variant="subtle" onClick={() => (setText(''), clear())}>
              {t('directory.clear')}
            </Button>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md" aria-live="polite">
            {cursors.map((after, index) => (
              <ResultPage
                key={after ?? 'first'}
                search={values.q || undefined}
                filter={filter}
                after={after}
                showCount={index === 0}
                onSettled={index === 0 ? onSettled : undefined}
                isLast={index === cursors.length - 1}
                onMore={(cursor) => setPages({ key, cursors: [...cursors, cursor] })}
              />
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
    </Container>
  );
}
