import { Anchor, Badge, Button, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import type { ProviderOffersQuery } from '../../gql/graphql';
import { useProviders } from './provider-access';
import { AssessmentMovement, EvaluationGrid, NoProvider, OFFER_STATUS_COLORS, ProviderChooser } from './shared';

const ProviderOffers = graphql(`
  query ProviderOffers($providerId: ID!) {
    organization(id: $providerId) {
      id
      name
      trainingOffers {
        id
        title
        status
        format
        startsAt
        seats
        seatsLeft
        waitlisted
        evaluation {
          enrolments
          completions
          averageRating
          ratingsCount
          assessmentMovement {
            ...AssessmentMovementFields
          }
        }
      }
      trainingEvaluation {
        offers
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
    }
  }
`);

type Offer = NonNullable<ProviderOffersQuery['organization']>['trainingOffers'][number];
const SECTIONS = ['DRAFT', 'PUBLISHED'] as const;

function OfferCard({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card withBorder component="article" aria-labelledby={`offer-${offer.id}`} data-testid="provider-offer">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4" id={`offer-${offer.id}`}>
            {offer.title}
          </Title>
          <Badge color={OFFER_STATUS_COLORS[offer.status]} variant="light" c="dark.8">
            {t(`provider.status.${offer.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`funding.format.${offer.format}`)} · {formatDate(offer.startsAt, lang, true)}
        </Text>
        <Text size="sm" data-testid="offer-seats">
          {t('provider.offers.seats', { left: offer.seatsLeft, seats: offer.seats, waitlisted: offer.waitlisted })}
        </Text>
        {offer.status !== 'DRAFT' && (
          <Text size="sm">
            {t('provider.offers.figures', {
              enrolments: offer.evaluation.enrolments,
              completions: offer.evaluation.completions,
            })}
          </Text>
        )}
        <Group gap="sm" wrap="wrap">
          <Button component={Link} to={`/provider/offers/${offer.id}/edit`} size="xs" variant="default">
            {t('provider.offers.edit', { title: offer.title })}
          </Button>
          {offer.status !== 'DRAFT' && (
            <>
              <Anchor component={Link} to={`/provider/offers/${offer.id}`} size="sm">
                {t('provider.offers.enrolments')}
              </Anchor>
              <Anchor component={Link} to={`/trainings/${offer.id}`} size="sm">
                {t('provider.offers.publicPage')}
              </Anchor>
            </>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** My training offers: drafts and published offers of the providers the user manages, and the programme's evaluation. */
export default function MyOffers() {
  const { t } = useTranslation();
  const { user, ready, loading, providers, chosen, choose } = useProviders();
  const providerId = chosen?.id ?? '';
  const [{ data, fetching }] = useQuery({
    query: ProviderOffers,
    variables: { providerId },
    pause: !providerId,
    requestPolicy: 'cache-and-network',
  });
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/provider' }} />;
  if (loading) return <Loading />;
  if (!chosen) return <NoProvider title={t('provider.offers.title')} />;
  const org = data?.organization;
  const offers = org?.trainingOffers ?? [];
  return (
    <Container size="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1}>{t('provider.offers.title')}</Title>
            <Text c="dimmed">{chosen.name}</Text>
          </div>
          <Button component={Link} to={`/provider/offers/new?provider=${providerId}`}>
            {t('provider.offers.new')}
          </Button>
        </Group>
        <ProviderChooser providers={providers} chosen={chosen} choose={choose} />
        {fetching && !data ? (
          <Loading />
        ) : (
          <>
            {org && (
              <section aria-labelledby="programme-evaluation">
                <Title order={2} size="h3" id="programme-evaluation" mb="xs">
                  {t('provider.evaluation.title')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('provider.evaluation.help', { count: org.trainingEvaluation.offers })}
                </Text>
                <EvaluationGrid evaluation={org.trainingEvaluation} testId="programme-evaluation" />
                {org.trainingEvaluation.assessmentMovement && (
                  <AssessmentMovement
                    movement={org.trainingEvaluation.assessmentMovement}
                    perOffer={offers
                      .filter((o) => o.status !== 'DRAFT' && o.evaluation.assessmentMovement)
                      .map((o) => ({ id: o.id, title: o.title, movement: o.evaluation.assessmentMovement! }))}
                  />
                )}
              </section>
            )}
            {SECTIONS.map((status) => {
              const list = offers.filter((o) => o.status === status);
              return (
                <section key={status} aria-labelledby={`section-${status}`}>
                  <Title order={2} size="h3" id={`section-${status}`} mb="sm">
                    {t(`provider.offers.section.${status}`, { count: list.length })}
                  </Title>
                  {list.length === 0 ? (
                    <Text size="sm">{t('provider.offers.none')}</Text>
                  ) : (
                    <SimpleGrid cols={{ base: 1, md: 2 }}>
                      {list.map((o) => (
                        <OfferCard key={o.id} offer={o} />
                      ))}
                    </SimpleGrid>
                  )}
                </section>
              );
            })}
          </>
        )}
      </Stack>
    </Container>
  );
}
