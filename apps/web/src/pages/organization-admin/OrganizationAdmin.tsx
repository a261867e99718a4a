import { Alert, Anchor, Badge, Container, Group, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { KINDS } from '../../components/forms/organization-kinds';
import { useReferenceOptions } from '../../components/forms/reference';
import { Loading } from '../../components/Loading';
import { VerificationBadge } from '../../components/VerificationBadge';
import { graphql } from '../../gql';
import { CapacitySection } from './CapacitySection';
import { MembersSection } from './MembersSection';
import { NetworksSection } from './NetworksSection';
import { ProfileForm, profileValues } from './ProfileForm';
import { VerificationSection } from './VerificationSection';

const OrganizationAdminQuery = graphql(`
  query OrganizationAdmin($id: ID!) {
    organization(id: $id) {
      id
      ...OrganizationProfile
      logo {
        id
        url
      }
      members {
        id
        role
        user {
          id
          name
          email
        }
      }
      networks {
        id
        name
        slug
      }
      verificationEvidence {
        id
        fileName
        url
        createdAt
      }
      verificationHistory {
        id
        fromStatus
        toStatus
        note
        createdAt
      }
      capacityAssessment {
        id
        assessedAt
        needs
        scores {
          area
          level
        }
      }
    }
  }
`);

const TABS = ['profile', 'members', 'verification', 'networks', 'capacity'] as const;
type Tab = (typeof TABS)[number];

/** /me/organizations/:id: what the organization's members manage (the profile and more for OWNER/ADMIN). */
export default function OrganizationAdmin() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'profile';
  const { user, ready } = useSession();
  const [{ data, fetching, error }, reload] = useQuery({
    query: OrganizationAdminQuery,
    variables: { id },
    pause: !user,
  });
  const reference = useReferenceOptions({ pause: !user });
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: `/me/organizations/${id}` }} />;
  if (!data) {
    if (error)
      return (
        <Container size="md">
          <Alert color="red" role="alert">
            {error.graphQLErrors[0]?.message ?? error.message}
          </Alert>
        </Container>
      );
    return fetching || !ready ? <Loading /> : null;
  }
  const org = data.organization;
  const mine = org?.members.find((m) => m.user.id === user?.id);
  if (!org || !mine)
    return (
      <Container size="md">
        <Title order={1} mb="md">
          {t('app.notFoundTitle')}
        </Title>
        <Text>{t('account.organization.notMember')}</Text>
      </Container>
    );
  const manager = mine.role === 'OWNER' || mine.role === 'ADMIN';
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const initial = profileValues(org);

  return (
    <Container size="md">
      <Group justify="space-between" align="center" mb="xs" wrap="wrap">
        <Title order={1}>{org.name}</Title>
        <VerificationBadge status={org.verification} />
      </Group>
      <Group gap="xs" mb="md">
        <Badge variant="light">{t('me.role', { role: mine.role })}</Badge>
        <Anchor component={Link} to={`/organizations/${org.slug}`} size="sm">
          {t('account.organization.publicPage')}
        </Anchor>
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'profile' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`account.organization.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="profile">
          {manager ? (
            <ProfileForm
              key={org.id}
              organizationId={org.id}
              initial={initial}
              kinds={KINDS}
              countries={reference.countries}
              themes={reference.themes}
              languages={reference.languages}
            />
          ) : (
            <Text>{t('account.organization.managersOnly')}</Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersSection organizationId={org.id} members={org.members} viewerRole={mine.role} onChange={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="verification">
          <VerificationSection
            organizationId={org.id}
            verification={org.verification}
            manager={manager}
            logoUrl={org.logo?.url ?? null}
            evidence={org.verificationEvidence}
            history={org.verificationHistory}
            onChange={refresh}
          />
        </Tabs.Panel>
        <Tabs.Panel value="networks">
          <NetworksSection organizationId={org.id} networks={org.networks} manager={manager} onChange={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="capacity">
          <CapacitySection organizationId={org.id} assessment={org.capacityAssessment ?? null} onChange={refresh} />
        </Tabs.Panel>
      </Tabs>
    </Container>
  );
}
