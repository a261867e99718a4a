import { Anchor, Badge, Card, Container, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../components/Loading';
import { VerificationBadge } from '../components/VerificationBadge';
import { graphql } from '../gql';
import { countryName, languageName } from '../i18n/names';

const OrganizationProfile = graphql(`
  query OrganizationProfile($slug: String!) {
    organization(slug: $slug) {
      id
      slug
      name
      kind
      description
      city
      foundedYear
      website
      contactEmail
      memberCount
      verification
      womenLed
      youthLed
      legallyRegistered
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
      languages {
        code
        name
      }
      projects(first: 20) {
        totalCount
        nodes {
          id
          title
          status
          summary
        }
      }
      partnerships(status: ACTIVE) {
        id
        status
        initiator {
          id
          slug
          name
        }
        partner {
          id
          slug
          name
        }
      }
      networks {
        id
        slug
        name
      }
      memberOrganizations {
        id
        slug
        name
      }
    }
  }
`);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" padding="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export default function OrganizationPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data, fetching, error }] = useQuery({ query: OrganizationProfile, variables: { slug } });
  if (error) return <Text c="red.8">{t('app.error', { message: error.message })}</Text>;
  if (!data) return fetching ? <Loading /> : null;
  const org = data.organization;
  if (!org) {
    return (
      <Container size="sm" py="xl">
        <Title order={1}>{t('app.notFoundTitle')}</Title>
        <Text mt="md">{t('organization.notFound')}</Text>
      </Container>
    );
  }
  const partners = org.partnerships.map((p) => (p.initiator.id === org.id ? p.partner : p.initiator));
  const orgLink = (o: { id: string; slug: string; name: string }) => (
    <List.Item key={o.id}>
      <Anchor component={Link} to={`/organizations/${o.slug}`}>
        {o.name}
      </Anchor>
    </List.Item>
  );
  return (
    <Container size="lg">
      <Stack gap="lg">
        <Stack gap={4}>
          <Group gap="sm" align="center">
            <Title order={1}>{org.name}</Title>
            <VerificationBadge status={org.verification} />
          </Group>
          <Text c="dimmed">
            {t(`kind.${org.kind}`)}
            {org.city ? ` · ${org.city}` : ''}
            {org.foundedYear ? ` · ${t('organization.founded', { year: org.foundedYear })}` : ''}
            {org.memberCount != null ? ` · ${t('organization.members', { count: org.memberCount })}` : ''}
          </Text>
          <Group gap="xs">
            {org.legallyRegistered && (
              <Badge variant="outline" c="gray.9">
                {t('organization.registered')}
              </Badge>
            )}
            {org.womenLed && (
              <Badge variant="outline" c="gray.9">
                {t('organization.womenLed')}
              </Badge>
            )}
            {org.youthLed && (
              <Badge variant="outline" c="gray.9">
                {t('organization.youthLed')}
              </Badge>
            )}
          </Group>
        </Stack>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <Section title={t('organization.about')}>
                <Text style={{ whiteSpace: 'pre-line' }}>{org.description}</Text>
                {org.website && (
                  <Text mt="sm">
                    {t('organization.website')}:{' '}
                    <Anchor href={org.website} rel="noopener noreferrer" target="_blank">
                      {org.website}
                    </Anchor>
                  </Text>
                )}
                {org.contactEmail && (
                  <Text mt="xs">
                    {t('organization.contact')}: <Anchor href={`mailto:${org.contactEmail}`}>{org.contactEmail}</Anchor>
                  </Text>
                )}
              </Section>
              <Section title={t('organization.projects')}>
                {org.projects.nodes.length === 0 ? (
                  <Text>{t('organization.noProjects')}</Text>
                ) : (
                  <Stack gap="sm">
                    {org.projects.nodes.map((project) => (
                      <div key={project.id}>
                        <Group gap="xs">
                          <Anchor component={Link} to={`/projects/${project.id}`} fw={600}>
                            {project.title}
                          </Anchor>
                          <Badge variant="light" c="gray.9" color="gray">
                            {t(`projectStatus.${project.status}`)}
                          </Badge>
                        </Group>
                        <Text size="sm" lineClamp={2}>
                          {project.summary}
                        </Text>
                      </div>
                    ))}
                  </Stack>
                )}
                <Group gap="md" mt="sm">
                  <Anchor component={Link} to={`/organizations/${org.slug}/projects`} size="sm">
                    {t('projects.listTitle')}
                  </Anchor>
                  <Anchor component={Link} to={`/organizations/${org.slug}/partners`} size="sm">
                    {t('projects.partners.title')}
                  </Anchor>
                </Group>
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <Section title={t('organization.origin')}>
                <Text>{org.countriesOfOrigin.map((c) => countryName(c.code, lang, c.name)).join(', ') || '—'}</Text>
              </Section>
              <Section title={t('organization.residence')}>
                <Text>{org.countriesOfResidence.map((c) => countryName(c.code, lang, c.name)).join(', ') || '—'}</Text>
              </Section>
              <Section title={t('organization.themes')}>
                <Group gap={6}>
                  {org.themes.map((theme) => (
                    <Badge key={theme.code} variant="light" c="teal.9">
                      {theme.name}
                    </Badge>
                  ))}
                </Group>
              </Section>
              {org.languages.length > 0 && (
                <Section title={t('organization.languages')}>
                  <Text>{org.languages.map((l) => languageName(l.code, lang, l.name)).join(', ')}</Text>
                </Section>
              )}
              <Section title={t('organization.partners')}>
                {partners.length === 0 ? (
                  <Text>{t('organization.noPartners')}</Text>
                ) : (
                  <List>{partners.map(orgLink)}</List>
                )}
              </Section>
              {org.networks.length > 0 && (
                <Section title={t('organization.networks')}>
                  <List>{org.networks.map(orgLink)}</List>
                </Section>
              )}
              {org.memberOrganizations.length > 0 && (
                <Section title={t('organization.memberOrganizations')}>
                  <List>{org.memberOrganizations.map(orgLink)}</List>
                </Section>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
