import { Alert, Anchor, Badge, Button, Card, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import { errorMessage } from '../../graphql/errors';
import { AssessmentMovement, EvaluationGrid } from './shared';

const OfferEnrolmentsDocument = graphql(`
  query OfferEnrolments($id: ID!) {
    trainingOffer(id: $id) {
      id
      title
      status
      startsAt
      seats
      seatsLeft
      waitlisted
      provider {
        id
        name
      }
      evaluation {
        enrolments
        admitted
        completions
        completionRate
        averageRating
        ratingsCount
        assessmentMovement {
          ...AssessmentMovementFields
        }
      }
      enrolments {
        id
        status
        createdAt
        completedAt
        waitlistPosition
        rating
        comment
        organization {
          id
          slug
          name
        }
        participant {
          id
          name
        }
      }
    }
  }
`);

const CompleteEnrolment = graphql(`
  mutation CompleteProviderEnrolment($id: ID!) {
    completeEnrolment(id: $id) {
      id
      status
      completedAt
    }
  }
`);

const STATUS_COLORS: Record<string, string> = {
  ACCEPTED: 'teal',
  WAITLISTED: 'yellow',
  COMPLETED: 'green',
  CANCELLED: 'gray',
  DECLINED: 'red',
  APPLIED: 'blue',
};
const ORDER = ['ACCEPTED', 'WAITLISTED', 'COMPLETED', 'APPLIED', 'CANCELLED', 'DECLINED'];

/** One offer's enrolments (the waiting list by position), completions, ratings and evaluation. */
export default function OfferEnrolments() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const [{ data, fetching }, refetch] = useQuery({ query: OfferEnrolmentsDocument, variables: { id } });
  const [, complete] = useMutation(CompleteEnrolment);
  const [message, setMessage] = useState<string | null>(
    params.get('published') === '1' ? t('provider.enrolments.published') : null,
  );
  const [error, setError] = useState<string | null>(null);
  if (fetching && !data) return <Loading />;
  const offer = data?.trainingOffer;
  if (!offer) return <Navigate to="/provider" replace />;
  const enrolments = [...offer.enrolments].sort(
    (a, b) =>
      ORDER.indexOf(a.status) - ORDER.indexOf(b.status) ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  const rated = offer.enrolments.filter((e) => e.rating != null);

  const markComplete = async (enrolmentId: string, name: string) => {
    setError(null);
    const result = await complete({ id: enrolmentId });
    if (result.error) setError(result.error.graphQLErrors.map(errorMessage).join(' ') || result.error.message);
    else {
      setMessage(t('provider.enrolments.completed', { name }));
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <Container size="lg">
      <Stack gap="lg">
        <Anchor component={Link} to={`/provider?provider=${offer.provider.id}`} size="sm">
          {t('provider.backToOffers')}
        </Anchor>
        <div>
          <Title order={1}>{offer.title}</Title>
          <Text c="dimmed">
            {offer.provider.name} · {formatDate(offer.startsAt, lang, true)} · {t(`provider.status.${offer.status}`)}
          </Text>
          <Text size="sm" data-testid="offer-seats">
            {t('provider.offers.seats', { left: offer.seatsLeft, seats: offer.seats, waitlisted: offer.waitlisted })}
          </Text>
        </div>
        <div role="status" aria-live="polite">
          {message && (
            <Alert color="teal" data-testid="enrolments-message">
              {message}
            </Alert>
          )}
        </div>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <section aria-labelledby="offer-evaluation">
          <Title order={2} size="h3" id="offer-evaluation" mb="sm">
            {t('provider.evaluation.offerTitle')}
          </Title>
          <EvaluationGrid evaluation={offer.evaluation} testId="offer-evaluation" />
          {offer.evaluation.assessmentMovement && <AssessmentMovement movement={offer.evaluation.assessmentMovement} />}
        </section>
        <section aria-labelledby="offer-enrolments">
          <Title order={2} size="h3" id="offer-enrolments" mb="sm">
            {t('provider.enrolments.title', { count: offer.enrolments.length })}
          </Title>
          {enrolments.length === 0 ? (
            <Text size="sm">{t('provider.enrolments.none')}</Text>
          ) : (
            <Stack gap="sm">
              {enrolments.map((e) => (
                <Card
                  key={e.id}
                  withBorder
                  component="article"
                  data-testid="enrolment"
                  aria-labelledby={`enrolment-${e.id}`}
                >
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                    <div>
                      <Title order={3} size="h5" id={`enrolment-${e.id}`}>
                        <Anchor component={Link} to={`/organizations/${e.organization.slug}`}>
                          {e.organization.name}
                        </Anchor>
                      </Title>
                      <Text size="sm" c="dimmed">
                        {t('provider.enrolments.by', { name: e.participant.name, date: formatDate(e.createdAt, lang) })}
                      </Text>
                      {e.rating != null && (
                        <Text size="sm" data-testid="enrolment-rating">
                          {t('provider.enrolments.rating', { rating: e.rating })}
                          {e.comment ? ` — “${e.comment}”` : ''}
                        </Text>
                      )}
                    </div>
                    <Group gap="sm" wrap="wrap">
                      <Badge color={STATUS_COLORS[e.status]} variant="light" c="dark.8" data-testid="enrolment-status">
                        {e.status === 'WAITLISTED' && e.waitlistPosition
                          ? t('provider.enrolments.waitlisted', { position: e.waitlistPosition })
                          : t(`funding.enrolmentStatus.${e.status}`)}
                      </Badge>
                      {e.status === 'ACCEPTED' && (
                        <Button
                          size="xs"
                          onClick={() => void markComplete(e.id, e.organization.name)}
                          aria-label={t('provider.enrolments.completeLabel', { name: e.organization.name })}
                        >
                          {t('provider.enrolments.complete')}
                        </Button>
                      )}
                    </Group>
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </section>
        {rated.length > 0 && (
          <section aria-labelledby="offer-ratings">
            <Title order={2} size="h3" id="offer-ratings" mb="sm">
              {t('provider.enrolments.ratings')}
            </Title>
            <Table.ScrollContainer minWidth={300}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('provider.enrolments.organization')}</Table.Th>
                    <Table.Th>{t('provider.enrolments.ratingColumn')}</Table.Th>
                    <Table.Th>{t('provider.enrolments.comment')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rated.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{e.organization.name}</Table.Td>
                      <Table.Td>{t('provider.enrolments.rating', { rating: e.rating })}</Table.Td>
                      <Table.Td>{e.comment ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </section>
        )}
      </Stack>
    </Container>
  );
}
