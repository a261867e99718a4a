import { Anchor, Badge, Button, Card, Checkbox, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { STATUS_COLOR } from './GovernmentHome';
import { PublicConsultations as PublicConsultationsQuery } from './queries';

function ListPage({
  openOnly,
  after,
  isLast,
  onMore,
}: {
  openOnly: boolean;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: PublicConsultationsQuery,
    variables: { openOnly, after },
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
        <Text>{t('government.public.none')}</Text>
      </li>
    );
  return (
    <>
      {page.nodes.map((c) => (
        <Card key={c.id} withBorder padding="sm" component="li">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to={`/consultations/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {c.title}
            </Anchor>
            <Badge variant="light" color={STATUS_COLOR[c.status]} c={`${STATUS_COLOR[c.status]}.9`}>
              {t(`government.status.${c.status}`)}
            </Badge>
          </Group>
          <Text size="sm">
            {c.convener.name} · {t(`government.level.${c.level}`)} ·{' '}
            {t('government.closes', { date: formatDate(c.closesAt, i18n.language) })}
          </Text>
        </Card>
      ))}
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

/** /consultations: what anyone may see of the consultations (OPEN and CLOSED ones), newest first. */
export default function PublicConsultations() {
  const { t } = useTranslation();
  const [openOnly, setOpenOnly] = useState(false);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return (
    <Container size="md">
      <Stack gap="md">
        <div>
          <Title order={1}>{t('government.public.title')}</Title>
          <Text>{t('government.public.intro')}</Text>
        </div>
        <Checkbox
          label={t('government.public.openOnly')}
          checked={openOnly}
          onChange={(e) => {
            setOpenOnly(e.currentTarget.checked);
            setCursors([null]);
          }}
        />
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {cursors.map((after, i) => (
            <ListPage
              key={`${openOnly}-${after ?? 'first'}`}
              openOnly={openOnly}
              after={after}
              isLast={i === cursors.length - 1}
              onMore={(cursor) => setCursors((list) => [...list, cursor])}
            />
          ))}
        </Stack>
      </Stack>
    </Container>
  );
}
