import { Anchor, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/useSession';
import { Loading } from '../components/Loading';
import { VerificationBadge } from '../components/VerificationBadge';
import { graphql } from '../gql';

const MyMemberships = graphql(`
  query MyMemberships {
    me {
      id
      name
      memberships {
        id
        role
        organization {
          id
          slug
          name
          kind
          verification
        }
      }
    }
  }
`);

export default function MyOrganizations() {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  const [{ data, fetching }] = useQuery({ query: MyMemberships, pause: !user });
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/me/organizations' }} />;
  if (!data) return fetching || !ready ? <Loading /> : null;
  const memberships = data.me?.memberships ?? [];
  return (
    <Container size="md">
      <Group justify="space-between" mb="md">
        <Title order={1}>{t('me.title')}</Title>
        <Button component={Link} to="/me/organizations/new">
          {t('myOrganization.create')}
        </Button>
      </Group>
      {memberships.length === 0 && <Text>{t('me.none')}</Text>}
      <Stack gap="sm">
        {memberships.map((m) => (
          <Card key={m.id} withBorder padding="md">
            <Anchor component={Link} to={`/organizations/${m.organization.slug}`} fw={600}>
              {m.organization.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t(`kind.${m.organization.kind}`)} · {t('me.role', { role: m.role })}
            </Text>
            <VerificationBadge status={m.organization.verification} />
            <Group gap="md" mt="xs">
              <Anchor component={Link} to={`/organizations/${m.organization.slug}/projects`} size="sm">
                {t('projects.listTitle')}
              </Anchor>
              <Anchor component={Link} to={`/organizations/${m.organization.slug}/partners`} size="sm">
                {t('projects.partners.title')}
              </Anchor>
            </Group>
          </Card>
        ))}
      </Stack>
    </Container>
  );
}
