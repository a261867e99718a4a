import { Anchor, Badge, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import { useRoleIn } from './membership';

const OrganizationProjectList = graphql(`
  query OrganizationProjectList($slug: String!, $after: String) {
    organization(slug: $slug) {
      id
      slug
      name
      projects(first: 20, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          title
          status
          kind
          summary
          indicators {
            id
          }
        }
      }
    }
  }
`);

/** An organization's live projects, newest first, a page at a time. */
export default function OrganizationProjects() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }] = useQuery({ query: OrganizationProjectList, variables: { slug, after } });
  const org = data?.organization;
  const { role } = useRoleIn(org?.id);
  if (error && !data) return <Text c="red.8">{t('app.error', { message: error.message })}</Text>;
  if (!data) return fetching ? <Loading /> : null;
  if (!org) {
    return (
      <Container size="sm" py="xl">
        <Title order={1}>{t('app.notFoundTitle')}</Title>
        <Text mt="md">{t('organization.notFound')}</Text>
      </Container>
    );
  }
  const count = new Intl.NumberFormat(i18n.language).format(org.projects.totalCount);
  return (
    <Container size="md">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={1}>{t('projects.listTitle')}</Title>
            <Anchor component={Link} to={`/organizations/${org.slug}`}>
              {org.name}
            </Anchor>
          </div>
          {role && (
            <Group gap="xs">
              <Button component={Link} to={`/organizations/${org.slug}/projects/new`}>
                {t('projects.create')}
              </Button>
              <Button component={Link} to={`/organizations/${org.slug}/partners`} variant="light">
                {t('projects.partners.title')}
              </Button>
            </Group>
          )}
        </Group>
        <Text aria-live="polite">{t('projects.count', { count: org.projects.totalCount, formatted: count })}</Text>
        {org.projects.nodes.map((p) => (
          <Card key={p.id} withBorder padding="md" component="article">
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/projects/${p.id}`} fw={600}>
                {p.title}
              </Anchor>
              <Badge variant="light" c="gray.9" color="gray">
                {t(`projectStatus.${p.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t(`projects.kinds.${p.kind}`)} · {t('projects.indicatorCount', { count: p.indicators.length })}
            </Text>
            <Text size="sm" lineClamp={2}>
              {p.summary}
            </Text>
          </Card>
        ))}
        <Group>
          {cursors.length > 1 && (
            <Button variant="default" onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('projects.previous')}
            </Button>
          )}
          {org.projects.pageInfo.hasNextPage && (
            <Button variant="default" onClick={() => setCursors((c) => [...c, org.projects.pageInfo.endCursor])}>
              {t('projects.next')}
            </Button>
          )}
        </Group>
      </Stack>
    </Container>
  );
}
