import { Alert, Anchor, Badge, Button, Card, Container, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { useConveners } from './conveners';
import { ShortlistPanel } from './CounterpartFinder';
import { CompositionPanel } from './CompositionPanel';
import { ConvenerConsultations } from './queries';
import { useShortlist } from './shortlist';

export const STATUS_COLOR: Record<string, string> = { DRAFT: 'gray', OPEN: 'teal', CLOSED: 'blue' };

/** One page of a convener's consultations; "show more" appends the next page. */
function ConsultationListPage({
  convenerId,
  after,
  isLast,
  onMore,
}: {
  convenerId: string;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: ConvenerConsultations,
    variables: { convenerId, after },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return (
      <li>
        <Text c="red.8">{t('app.error', { message: error.message })}</Text>
      </li>
    );
  if (!data)
    return fetching ? (
      <li>
        <Loading />
      </li>
    ) : null;
  const page = data.consultations;
  if (!after && page.nodes.length === 0)
    return (
      <li>
        <Text>{t('government.noConsultations')}</Text>
      </li>
    );
  return (
    <>
      {page.nodes.map((c) => {
        const accepted = c.invitations.filter((i) => i.status === 'ACCEPTED').length;
        return (
          <Card key={c.id} withBorder padding="sm" component="li" data-testid="consultation-item">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/consultations/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {c.title}
              </Anchor>
              <Badge variant="light" color={STATUS_COLOR[c.status]} c={`${STATUS_COLOR[c.status]}.9`}>
                {t(`government.status.${c.status}`)}
              </Badge>
            </Group>
            <Text size="sm">
              {t(`government.level.${c.level}`)} ·{' '}
              {t('government.closes', { date: formatDate(c.closesAt, i18n.language) })}
            </Text>
            <Text size="sm">
              {t('government.invitedCount', {
                invited: c.invitations.length,
                accepted,
                contributions: c.contributions.length,
              })}
            </Text>
          </Card>
        );
      })}
      {isLast && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <li>
          <Button variant="default" onClick={() => onMore(page.pageInfo.endCursor!)}>
            {t('government.loadMore')}
          </Button>
        </li>
      )}
    </>
  );
}

/** The workspace's home: the convener's consultations, the shortlist and where to go next. */
export default function GovernmentHome() {
  const { t } = useTranslation();
  const { user, ready, loading, error, conveners, chosen, choose } = useConveners();
  const shortlist = useShortlist(user?.id);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);

  if (loading || !ready) return <Loading />;
  if (!user)
    return (
      <Container size="sm">
        <Title order={1}>{t('government.title')}</Title>
        <Text mt="md">{t('government.signInFirst')}</Text>
        <Button component={Link} to="/sign-in" mt="md">
          {t('nav.signIn')}
        </Button>
      </Container>
    );
  if (error) return <Text c="red.8">{t('app.error', { message: error.message })}</Text>;

  return (
    <Container size="lg">
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('government.title')}</Title>
          <Text>{t('government.intro')}</Text>
        </div>
        {!chosen ? (
          <Alert color="blue" c="blue.9">
            {t('government.noConvener')}
          </Alert>
        ) : (
          <>
            {conveners.length > 1 && (
              <NativeSelect
                label={t('government.actingFor')}
                data={conveners.map((o) => ({ value: o.id, label: o.name }))}
                value={chosen.id}
                onChange={(e) => {
                  choose(e.currentTarget.value);
                  setCursors([null]);
                }}
                maw={420}
              />
            )}
            <Group gap="sm" wrap="wrap">
              <Button component={Link} to={`/government/consultations/new?org=${chosen.id}`}>
                {t('government.newConsultation')}
              </Button>
              <Button component={Link} to="/government/counterparts" variant="default">
                {t('government.finderLink')}
              </Button>
              <Anchor component={Link} to="/consultations" underline="always">
                {t('government.publicList')}
              </Anchor>
            </Group>
            <section aria-labelledby="consultations-title">
              <Title order={2} size="h3" id="consultations-title" mb="sm">
                {t('government.consultations', { name: chosen.name })}
              </Title>
              <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
                {cursors.map((after, i) => (
                  <ConsultationListPage
                    key={`${chosen.id}-${after ?? 'first'}`}
                    convenerId={chosen.id}
                    after={after}
                    isLast={i === cursors.length - 1}
                    onMore={(cursor) => setCursors((list) => [...list, cursor])}
                  />
                ))}
              </Stack>
            </section>
          </>
        )}
        <ShortlistPanel userId={user.id} />
        {shortlist.entries.length > 0 && <CompositionPanel entries={shortlist.entries} />}
      </Stack>
    </Container>
  );
}
