import { Button, Card, Container, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { WorldMap } from '../components/world-map/WorldMap';
import { graphql } from '../gql';
import { PublicLinks } from './catalogue/PublicLinks';

const HomeCounts = graphql(`
  query HomeCounts {
    organizations(first: 1) {
      totalCount
    }
    projects(first: 1) {
      totalCount
    }
    funds(first: 1, openOnly: true) {
      totalCount
    }
  }
`);

export default function Home() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [{ data }] = useQuery({ query: HomeCounts });
  const numbers = new Intl.NumberFormat(i18n.language);
  const counts = [
    { label: t('home.organizations'), value: data?.organizations.totalCount },
    { label: t('home.projects'), value: data?.projects.totalCount },
    { label: t('home.openFunds'), value: data?.funds.totalCount },
  ];
  return (
    <Container size="lg">
      <Stack gap="xl" py="lg">
        <Stack gap="sm">
          <Title order={1}>{t('home.title')}</Title>
          <Text size="lg" maw={760}>
            {t('home.lead')}
          </Text>
        </Stack>
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(search.trim() ? `/directory?q=${encodeURIComponent(search.trim())}` : '/directory');
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('home.searchLabel')}
              placeholder={t('home.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              style={{ flex: '1 1 240px' }}
              type="search"
            />
            <Button type="submit">{t('home.search')}</Button>
          </Group>
        </form>
        <section aria-labelledby="counts-title">
          <Title order={2} size="h3" id="counts-title" mb="sm">
            {t('home.countsTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            {counts.map((count) => (
              <Card key={count.label} withBorder padding="lg">
                <Text size="xl" fw={700} data-testid="count">
                  {count.value === undefined ? '—' : numbers.format(count.value)}
                </Text>
                <Text c="dimmed">{count.label}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
        <WorldMap />
        <Group>
          <Button component={Link} to="/directory" variant="light">
            {t('home.browse')}
          </Button>
          <Button component={Link} to="/sign-up" variant="default">
            {t('home.join')}
          </Button>
        </Group>
        <PublicLinks />
      </Stack>
    </Container>
  );
}
