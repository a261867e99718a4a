import { Alert, Anchor, Badge, Button, Card, Container, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../components/matching/OrganizationChooser';
import type { ConvenerConsultationsQuery } from '../../gql/graphql';
import { PagedList } from '../catalogue/PagedList';
import { useConveners } from './conveners';
import { ShortlistPanel } from './CounterpartFinder';
import { CompositionPanel } from './CompositionPanel';
import { ConvenerConsultations } from './queries';
import { useShortlist } from './shortlist';

export const STATUS_COLOR: Record<string, string> = { DRAFT: 'gray', OPEN: 'teal', CLOSED: 'blue' };

type ConvenerConsultation = ConvenerConsultationsQuery['consultations']['nodes'][number];

/** A consultation in a list (the convener's, the public one): its title linking to it, its status, then `children`. */
export function ConsultationCard({
  consultation: c,
  children,
  testId,
}: {
  consultation: { id: string; title: string; status: string };
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" component="li" data-testid={testId}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor component={Link} to={`/consultations/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {c.title}
        </Anchor>
        <Badge variant="light" color={STATUS_COLOR[c.status]} c={`${STATUS_COLOR[c.status]}.9`}>
          {t(`government.status.${c.status}`)}
        </Badge>
      </Group>
      {children}
    </Card>
  );
}

/** One consultation of the convener's list: level, closing date and the invitations' answers. */
function ConsultationItem({ consultation: c }: { consultation: ConvenerConsultation }) {
  const { t, i18n } = useTranslation();
  const accepted = c.invitations.filter((i) => i.status === 'ACCEPTED').length;
  return (
    <ConsultationCard consultation={c} testId="consultation-item">
      <Text size="sm">
        {t(`government.level.${c.level}`)} · {t('government.closes', { date: formatDate(c.closesAt, i18n.language) })}
      </Text>
      <Text size="sm">
        {t('government.invitedCount', {
          invited: c.invitations.length,
          accepted,
          contributions: c.contributions.length,
        })}
      </Text>
    </ConsultationCard>
  );
}

/** The workspace's home: the convener's consultations, the shortlist and where to go next. */
export default function GovernmentHome() {
  const { t } = useTranslation();
  const { user, ready, loading, error, conveners, chosen, choose } = useConveners();
  const shortlist = useShortlist(user?.id);

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
                onChange={(e) => choose(e.currentTarget.value)}
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
              <PagedList
                query={ConvenerConsultations}
                variables={{ convenerId: chosen.id }}
                requestPolicy="cache-and-network"
                page={(data) => data.consultations}
                item={(c) => <ConsultationItem key={c.id} consultation={c} />}
                empty={t('government.noConsultations')}
              />
            </section>
          </>
        )}
        <ShortlistPanel userId={user.id} />
        {shortlist.entries.length > 0 && <CompositionPanel entries={shortlist.entries} />}
      </Stack>
    </Container>
  );
}
