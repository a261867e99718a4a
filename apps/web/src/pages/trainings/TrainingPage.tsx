import { Alert, Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import {
  formatDate,
  formatMoney,
  OrganizationChooser,
  useChosenOrganization,
} from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import { formErrors } from '../../graphql/errors';
import { EnrolmentCard } from './EnrolmentCard';
import { Enrol } from './Trainings';

const TrainingDetails = graphql(`
  query TrainingDetails($id: ID!) {
    trainingOffer(id: $id) {
      id
      title
      description
      format
      status
      startsAt
      endsAt
      applicationDeadline
      city
      seats
      seatsLeft
      waitlisted
      subsidyAvailable
      averageRating
      ratingsCount
      capacityAreas
      cost {
        amount
        currency
      }
      country {
        code
        name
      }
      languages {
        code
        name
      }
      provider {
        id
        slug
        name
      }
      enrolments {
        id
        status
        waitlistPosition
        createdAt
        rating
        comment
        organization {
          id
        }
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

/** One training offer: what, when, where, seats and waiting list; enrolling the chosen organization. */
export default function TrainingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, ready, loading, organizations, chosen, choose } = useChosenOrganization();
  // visitors see the offer (its enrolments are empty for them); members enrol their organization
  const [{ data, fetching, error }, reload] = useQuery({ query: TrainingDetails, variables: { id }, pause: !ready });
  const [{ fetching: enrolling }, enrol] = useMutation(Enrol);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (loading || (fetching && !data)) return <Loading />;
  const offer = data?.trainingOffer;
  if (!offer) {
    return (
      <Container size="md">
        <Title order={1}>{t('funding.trainings.notFound')}</Title>
        {error && <Text>{error.graphQLErrors[0]?.message ?? error.message}</Text>}
      </Container>
    );
  }
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const mine = offer.enrolments.filter((e) => e.organization.id === chosen?.id);
  const holding = mine.some((e) => e.status !== 'CANCELLED' && e.status !== 'DECLINED');

  async function enrolNow() {
    if (!chosen) return;
    setMessage(null);
    const result = await enrol({ organizationId: chosen.id, trainingId: id });
    if (result.data) {
      setMessage({
        ok: true,
        text: t(
          result.data.enrol.status === 'WAITLISTED' ? 'funding.trainings.waitlisted' : 'funding.trainings.enrolled',
          {
            title: offer!.title,
          },
        ),
      });
      refresh();
    } else setMessage({ ok: false, text: formErrors(result.error).general ?? t('app.retry') });
  }

  return (
    <Container size="md">
      <Stack gap="md">
        <div>
          <Title order={1}>{offer.title}</Title>
          <Text c="dimmed">
            <Anchor component={Link} to={`/organizations/${offer.provider.slug}`} underline="always">
              {offer.provider.name}
            </Anchor>{' '}
            · {t(`funding.format.${offer.format}`)}
            {offer.city ? ` · ${offer.city}` : ''}
            {offer.country ? `, ${offer.country.name}` : ''}
          </Text>
        </div>
        <Text style={{ whiteSpace: 'pre-line' }}>{offer.description}</Text>
        <Stack gap={2}>
          <Text size="sm">
            {t('funding.trainings.starts', { date: formatDate(offer.startsAt, lang, true) })}
            {offer.endsAt ? ` · ${t('funding.trainings.ends', { date: formatDate(offer.endsAt, lang, true) })}` : ''}
          </Text>
          {offer.applicationDeadline && (
            <Text size="sm">{t('funding.deadline', { date: formatDate(offer.applicationDeadline, lang, true) })}</Text>
          )}
          <Text size="sm">
            {t('funding.trainings.languages')}: {offer.languages.map((l) => l.name).join(', ')}
          </Text>
          <Text size="sm">
            {offer.cost ? formatMoney(offer.cost.amount, offer.cost.currency, lang) : t('funding.trainings.free')}
            {offer.subsidyAvailable ? ` · ${t('funding.trainings.subsidy')}` : ''}
          </Text>
          <Text size="sm" data-testid="seats">
            {offer.seatsLeft > 0
              ? t('funding.trainings.seatsLeft', { count: offer.seatsLeft })
              : t('funding.trainings.full', { count: offer.waitlisted })}
          </Text>
          {offer.averageRating !== null && (
            <Text size="sm">
              {t('funding.trainings.averageRating', {
                rating: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(offer.averageRating),
                count: offer.ratingsCount,
              })}
            </Text>
          )}
        </Stack>
        {ready && !user && offer.status === 'PUBLISHED' && (
          <Group justify="space-between" wrap="wrap" gap="sm" data-testid="sign-in-to-enrol">
            <Text>{t('catalogue.signInToEnrol')}</Text>
            <Button component={Link} to="/sign-in" state={{ from: `/trainings/${id}` }}>
              {t('catalogue.signIn')}
            </Button>
          </Group>
        )}
        {chosen && (
          <Group align="flex-end" gap="md" wrap="wrap">
            <OrganizationChooser organizations={organizations} chosen={chosen} choose={choose} />
            {!holding && offer.status === 'PUBLISHED' && (
              <Button loading={enrolling} onClick={() => void enrolNow()}>
                {offer.seatsLeft > 0 ? t('funding.trainings.enrol') : t('funding.trainings.joinWaitlist')}
              </Button>
            )}
          </Group>
        )}
        {message && (
          <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </Alert>
        )}
        {mine.length > 0 && (
          <section aria-labelledby="your-enrolment">
            <Title order={2} size="h3" id="your-enrolment" mb="sm">
              {t('funding.trainings.yourEnrolment')}
            </Title>
            <Stack gap="xs">
              {mine.map((e) => (
                <EnrolmentCard key={e.id} enrolment={e} onChange={refresh} />
              ))}
            </Stack>
          </section>
        )}
      </Stack>
    </Container>
  );
}
