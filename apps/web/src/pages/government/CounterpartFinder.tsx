import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Container,
  Grid,
  Group,
  MultiSelect,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { ReasonsBar } from '../../components/matching/ReasonsBar';
import { VerificationBadge } from '../../components/VerificationBadge';
import { useSession } from '../../auth/useSession';
import { byLabel, countryName, languageName } from '../../i18n/names';
import { CompositionPanel } from './CompositionPanel';
import { registerCounterpartFactors } from './factors';
import { Counterparts, FinderReference } from './queries';
import { useShortlist, type ShortlistEntry } from './shortlist';

registerCounterpartFactors();

/** Kinds the counterpart finder answers (COUNTERPART_KINDS of the API). */
export const COUNTERPART_KINDS = [
  'DIASPORA_ORGANIZATION',
  'DIASPORA_NETWORK',
  'MIGRANT_ASSOCIATION',
  'TRADE_UNION',
  'FAITH_BASED',
  'NGO',
];

const RESULTS = 50;

/** The finder's multi-select filters, in the order shown: the label and the options list of each. */
const SELECT_FILTERS = [
  { key: 'origin', label: 'government.finder.origin', options: 'countries' },
  { key: 'residence', label: 'government.finder.residence', options: 'countries' },
  { key: 'themes', label: 'government.finder.themes', options: 'themes' },
  { key: 'kinds', label: 'government.finder.kinds', options: 'kinds' },
  { key: 'languages', label: 'government.finder.languages', options: 'languages' },
] as const;
type SelectFilter = (typeof SELECT_FILTERS)[number]['key'];
const NO_SELECTION: Record<SelectFilter, string[]> = {
  origin: [],
  residence: [],
  themes: [],
  kinds: [],
  languages: [],
};

/** The shortlist beside the results: who is in it, remove one or all, and go invite them. */
export function ShortlistPanel({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const shortlist = useShortlist(userId);
  return (
    <Card withBorder component="section" padding="md" aria-labelledby="shortlist-title" data-testid="shortlist">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="shortlist-title">
          {t('government.shortlist.title')}
        </Title>
        {shortlist.entries.length > 0 && (
          <Badge variant="light" c="teal.9">
            {t('government.shortlist.count', { count: shortlist.entries.length })}
          </Badge>
        )}
      </Group>
      {shortlist.entries.length === 0 ? (
        <Text size="sm" mt="xs">
          {t('government.shortlist.empty')}
        </Text>
      ) : (
        <Stack gap="xs" mt="xs">
          <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
            {shortlist.entries.map((e) => (
              <Group key={e.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/organizations/${e.slug}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {e.name}
                </Anchor>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  c="red.9"
                  onClick={() => shortlist.remove(e.id)}
                  aria-label={t('government.finder.removeNamed', { name: e.name })}
                >
                  {t('government.finder.remove')}
                </Button>
              </Group>
            ))}
          </Stack>
          <Group gap="xs">
            <Button component={Link} to="/government" size="xs">
              {t('government.shortlist.invite')}
            </Button>
            <Button size="xs" variant="default" onClick={shortlist.clear}>
              {t('government.shortlist.clear')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

/**
 * The counterpart finder: filters, balanced on or off, the ranked organizations with the reasons of
 * their scores, a shortlist built from them and the shortlist's composition.
 */
export default function CounterpartFinder() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, ready } = useSession();
  const shortlist = useShortlist(user?.id);
  const [selected, setSelected] = useState(NO_SELECTION);
  const { origin, residence, themes, kinds, languages } = selected;
  const [requireThemes, setRequireThemes] = useState(false);
  const [topic, setTopic] = useState('');
  const [verifiedOnly, setVerifiedOnly] = useState(false);
  const [balanced, setBalanced] = useState(true);
  const [notice, setNotice] = useState('');
  const [reference] = useQuery({ query: FinderReference });
  const query = useMemo(
    () => ({
      countriesOfOrigin: origin,
      countriesOfResidence: residence,
      themes,
      requireThemes,
      topic: topic.trim() || null,
      languages,
      verifiedOnly,
      balanced,
    }),
    [origin, residence, themes, requireThemes, topic, languages, verifiedOnly, balanced],
  );
  const [debounced] = useDebouncedValue(query, 250);
  const [{ data, fetching, error }] = useQuery({
    query: Counterparts,
    variables: { query: debounced, first: RESULTS },
    pause: !user,
  });

  const options = useMemo(() => {
    const ref = reference.data;
    const sort = byLabel<{ value: string; label: string }>(lang);
    return {
      countries: (ref?.countries ?? [])
        .map((c) => ({ value: c.code, label: countryName(c.code, lang, c.name) }))
        .sort(sort),
      themes: (ref?.themes ?? []).map((c) => ({ value: c.code, label: c.name })).sort(sort),
      languages: (ref?.languages ?? [])
        .map((c) => ({ value: c.code, label: languageName(c.code, lang, c.name) }))
        .sort(sort),
      kinds: COUNTERPART_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })).sort(sort),
    };
  }, [reference.data, lang, t]);

  if (!ready) return <Loading />;
  if (!user)
    return (
      <Container size="sm">
        <Title order={1}>{t('government.finder.title')}</Title>
        <Text mt="md">{t('government.signInFirst')}</Text>
        <Button component={Link} to="/sign-in" mt="md">
          {t('nav.signIn')}
        </Button>
      </Container>
    );

  // kinds are narrowed here: the API's finder answers the counterpart kinds, every filter holding
  const results = (data?.dialogueCounterparts ?? []).filter(
    (m) => kinds.length === 0 || kinds.includes(m.organization.kind),
  );
  const listOf = (countries: { code: string; name: string }[]) =>
    countries.map((c) => countryName(c.code, lang, c.name)).join(', ');

  return (
    <Container size="xl">
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('government.finder.title')}</Title>
          <Text>{t('government.finder.intro')}</Text>
        </div>
        <div aria-live="polite" role="status">
          {notice && (
            <Text size="sm" c="teal.9">
              {notice}
            </Text>
          )}
        </div>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <Card withBorder component="section" padding="md" aria-labelledby="filters-title">
                <Title order={2} size="h4" id="filters-title" mb="xs">
                  {t('government.finder.filters')}
                </Title>
                <Stack gap="sm">
                  <TextInput
                    label={t('government.finder.topic')}
                    description={t('government.finder.topicHint')}
                    maxLength={300}
                    value={topic}
                    onChange={(e) => setTopic(e.currentTarget.value)}
                  />
                  {SELECT_FILTERS.map((filter) => (
                    <Fragment key={filter.key}>
                      <MultiSelect
                        label={t(filter.label)}
                        searchable
                        data={options[filter.options]}
                        value={selected[filter.key]}
                        onChange={(value) => setSelected((current) => ({ ...current, [filter.key]: value }))}
                      />
                      {filter.key === 'themes' && (
                        <Checkbox
                          label={t('government.finder.requireThemes')}
                          checked={requireThemes}
                          onChange={(e) => setRequireThemes(e.currentTarget.checked)}
                        />
                      )}
                    </Fragment>
                  ))}
                  <Checkbox
                    label={t('government.finder.verifiedOnly')}
                    checked={verifiedOnly}
                    onChange={(e) => setVerifiedOnly(e.currentTarget.checked)}
                  />
                  <Switch
                    label={t('government.finder.balanced')}
                    description={t('government.finder.balancedHint')}
                    checked={balanced}
                    onChange={(e) => setBalanced(e.currentTarget.checked)}
                  />
                </Stack>
              </Card>
              <ShortlistPanel userId={user.id} />
              <CompositionPanel entries={shortlist.entries} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="sm" component="section" aria-labelledby="results-title">
              <Group justify="space-between" wrap="wrap">
                <Title order={2} size="h3" id="results-title">
                  {t('government.finder.results')}
                </Title>
                {data && (
                  <Text size="sm" data-testid="result-count">
                    {t('government.finder.resultCount', { count: results.length })}
                  </Text>
                )}
              </Group>
              {error && (
                <Alert color="red" role="alert">
                  {t('app.error', { message: error.message })}
                </Alert>
              )}
              {fetching && !data && <Loading />}
              {data && results.length === 0 && <Text>{t('government.finder.noResults')}</Text>}
              {results.map((m, index) => {
                const o = m.organization;
                const inList = shortlist.has(o.id);
                const entry: ShortlistEntry = {
                  id: o.id,
                  slug: o.slug,
                  name: o.name,
                  kind: o.kind,
                  womenLed: o.womenLed,
                  youthLed: o.youthLed,
                  residence: o.countriesOfResidence,
                  origin: o.countriesOfOrigin,
                  score: m.score,
                  reasons: m.reasons,
                };
                return (
                  <Card key={o.id} withBorder padding="md" component="article" data-testid="counterpart">
                    <Stack gap="xs">
                      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                        <div style={{ minWidth: 0 }}>
                          <Title order={3} size="h5">
                            <Anchor component={Link} to={`/organizations/${o.slug}`}>
                              {o.name}
                            </Anchor>
                          </Title>
                          <Group gap={6} wrap="wrap" mt={4}>
                            <Badge variant="light" color="gray" c="gray.9">
                              {t(`kind.${o.kind}`)}
                            </Badge>
                            {o.verification === 'VERIFIED' && <VerificationBadge status={o.verification} />}
                            {o.womenLed && (
                              <Badge variant="outline" color="gray" c="gray.9">
                                {t('government.finder.womenLed')}
                              </Badge>
                            )}
                            {o.youthLed && (
                              <Badge variant="outline" color="gray" c="gray.9">
                                {t('government.finder.youthLed')}
                              </Badge>
                            )}
                          </Group>
                        </div>
                        <Button
                          size="xs"
                          variant={inList ? 'default' : 'filled'}
                          aria-label={
                            inList
                              ? t('government.finder.removeNamed', { name: o.name })
                              : t('government.finder.addNamed', { name: o.name })
                          }
                          onClick={() => {
                            if (inList) {
                              shortlist.remove(o.id);
                              setNotice(t('government.finder.removed', { name: o.name }));
                            } else {
                              shortlist.add(entry);
                              setNotice(t('government.finder.added', { name: o.name }));
                            }
                          }}
                        >
                          {inList ? t('government.finder.remove') : t('government.finder.add')}
                        </Button>
                      </Group>
                      {o.countriesOfResidence.length > 0 && (
                        <Text size="sm">
                          {t('government.finder.basedIn', { countries: listOf(o.countriesOfResidence) })}
                        </Text>
                      )}
                      {o.countriesOfOrigin.length > 0 && (
                        <Text size="sm">
                          {t('government.finder.represents', { countries: listOf(o.countriesOfOrigin) })}
                        </Text>
                      )}
                      <ReasonsBar id={`counterpart-${index}`} reasons={m.reasons} score={m.score} />
                    </Stack>
                  </Card>
                );
              })}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
