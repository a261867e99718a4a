import { Anchor, Card, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import { PagedList } from './PagedList';

const TrainingCatalogueQuery = graphql(`
  query TrainingCatalogue($after: String) {
    trainingOffers(first: 20, after: $after) {
      nodes {
        id
        title
        format
        startsAt
        seatsLeft
        provider {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** /training-offers: the published training offers, soonest first, for anyone. */
export default function TrainingCatalogue() {
  const { t, i18n } = useTranslation();
  return (
    <Container size="md">
      <Stack gap="md">
        <div>
          <Title order={1}>{t('catalogue.trainings.title')}</Title>
          <Text>{t('catalogue.trainings.intro')}</Text>
        </div>
        <PagedList
          query={TrainingCatalogueQuery}
          page={(data) => data.trainingOffers}
          empty={t('catalogue.trainings.none')}
          item={(offer) => (
            <Card key={offer.id} withBorder padding="sm" component="li" data-testid="public-training">
              <Anchor component={Link} to={`/trainings/${offer.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {offer.title}
              </Anchor>
              <Text size="sm">
                {offer.provider.name} · {t(`funding.format.${offer.format}`)} ·{' '}
                {t('catalogue.trainings.starts', { date: formatDate(offer.startsAt, i18n.language) })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('funding.trainings.seatsLeft', { count: offer.seatsLeft })}
              </Text>
            </Card>
          )}
        />
      </Stack>
    </Container>
  );
}
