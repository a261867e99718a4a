import { Alert, Anchor, Badge, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { formatDate, OrganizationChooser, useChosenOrganization } from '../../components/matching/OrganizationChooser';
import { ReasonsBar } from '../../components/matching/ReasonsBar';
import { graphql } from '../../gql';
import { formErrors } from '../../graphql/errors';
import { EnrolmentCard } from './EnrolmentCard';

const TrainingsOverview = graphql(`
  query TrainingsOverview($organizationId: ID!) {
    trainingMatches(organizationId: $organizationId, first: 20) {
      score
      addressesNeeds
      reasons {
        factor
        points
        detail
      }
      training {
        id
        title
        format
        startsAt
        seatsLeft
        waitlisted
        provider {
          id
          name
        }
      }
    }
    organization(id: $organizationId) {
      id
      enrolments {
        id
        status
        waitlistPosition
        createdAt
        rating
        comment
        training {
          id
          title
          startsAt
          seatsLeft
          waitlisted
        }
      }
    }
  }
`);

export const Enrol = graphql(`
  mutation Enrol($organizationId: ID!, $trainingId: ID!) {
    enrol(organizationId: $organizationId, trainingId: $trainingId) {
      id
      status
    }
  }
`);

/** Training offers matched to the organization's needs, with reasons; enrolling; its enrolments. */
export default function Trainings() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, ready, loading, organizations, chosen, choose } = useChosenOrganization();
  const organizationId = chosen?.id ?? '';
  const [{ data, fetching, error }, reload] = useQuery({
    query: TrainingsOverview,
    variables: { organizationId },
    pause: !organizationId,
  });
  const [{ fetching: enrolling }, enrol] = useMutation(Enrol);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/trainings' }} />;
  if (loading) return <Loading />;
  const enrolments = data?.organization?.enrolments ?? [];
  const active = new Map(
    enrolments
      .filter((e) => e.status !== 'CANCELLED' && e.status !== 'DECLINED')
      .map((e) => [e.training.id, e.status] as const),
  );
  const refresh = () => reload({ requestPolicy: 'network-only' });

  async function enrolIn(trainingId: string, title: string) {
    setMessage(null);
    const result = await enrol({ organizationId, trainingId });
    if (result.data) {
      const status = result.data.enrol.status;
      setMessage({
        ok: true,
        text: t(status === 'WAITLISTED' ? 'funding.trainings.waitlisted' : 'funding.trainings.enrolled', { title }),
      });
      refresh();
    } else setMessage({ ok: false, text: formErrors(result.error).general ?? t('app.retry') });
  }

  return (
    <Container size="md">
      <Title order={1} mb="md">
        {t('funding.trainings.title')}
      </Title>
      {!chosen ? (
        <Text>{t('funding.noOrganization')}</Text>
      ) : (
        <Stack gap="lg">
          <OrganizationChooser organizations={organizations} chosen={chosen} choose={choose} />
          {message && (
            <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </Alert>
          )}
          {error && <Text c="red.9">{error.graphQLErrors[0]?.message ?? error.message}</Text>}
          <section aria-labelledby="training-matches">
            <Title order={2} size="h3" id="training-matches" mb="sm">
              {t('funding.trainings.matches')}
            </Title>
            {fetching && !data && <Loading />}
            {data && data.trainingMatches.length === 0 && <Text>{t('funding.trainings.noMatches')}</Text>}
            <Stack gap="sm">
              {data?.trainingMatches.map((m) => {
                const status = active.get(m.training.id);
                return (
                  <Card key={m.training.id} withBorder padding="md" component="article" data-testid="training-match">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Anchor
                        component={Link}
                        to={`/trainings/${m.training.id}?org=${organizationId}`}
                        fw={600}
                        id={`training-title-${m.training.id}`}
                      >
                        {m.training.title}
                      </Anchor>
                      {status && (
                        <Badge variant="light" color="green" c="dark.8">
                          {t(`funding.enrolmentStatus.${status}`)}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c="dimmed" mb="xs">
                      {m.training.provider.name} · {t(`funding.format.${m.training.format}`)} ·{' '}
                      {t('funding.trainings.starts', { date: formatDate(m.training.startsAt, lang) })} ·{' '}
                      {m.training.seatsLeft > 0
                        ? t('funding.trainings.seatsLeft', { count: m.training.seatsLeft })
                        : t('funding.trainings.full', { count: m.training.waitlisted })}
                    </Text>
                    <ReasonsBar id={`training-${m.training.id}`} reasons={m.reasons} score={m.score} />
                    {!status && (
                      <Group mt="sm">
                        <Button
                          size="sm"
                          loading={enrolling}
                          onClick={() => void enrolIn(m.training.id, m.training.title)}
                          aria-describedby={`training-title-${m.training.id}`}
                        >
                          {m.training.seatsLeft > 0
                            ? t('funding.trainings.enrol')
                            : t('funding.trainings.joinWaitlist')}
                        </Button>
                      </Group>
                    )}
                  </Card>
                );
              })}
            </Stack>
          </section>
          <section aria-labelledby="my-enrolments">
            <Title order={2} size="h3" id="my-enrolments" mb="sm">
              {t('funding.trainings.myEnrolments')}
            </Title>
            {data && enrolments.length === 0 && <Text>{t('funding.trainings.noEnrolments')}</Text>}
            <Stack gap="xs">
              {[...enrolments].reverse().map((e) => (
                <EnrolmentCard key={e.id} enrolment={e} onChange={refresh} />
              ))}
            </Stack>
          </section>
        </Stack>
      )}
    </Container>
  );
}
