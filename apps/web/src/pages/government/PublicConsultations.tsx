import { Anchor, Badge, Card, Checkbox, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { PagedList } from '../catalogue/PagedList';
import { STATUS_COLOR } from './GovernmentHome';
import { PublicConsultations as PublicConsultationsQuery } from './queries';

/** /consultations: what anyone may see of the consultations (OPEN and CLOSED ones), newest first. */
export default function PublicConsultations() {
  const { t, i18n } = useTranslation();
  const [openOnly, setOpenOnly] = useState(false);
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
          onChange={(e) => setOpenOnly(e.currentTarget.checked)}
        />
        <PagedList
          query={PublicConsultationsQuery}
          variables={{ openOnly }}
          page={(data) => data.consultations}
          empty={t('government.public.none')}
          item={(c) => (
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
          )}
        />
      </Stack>
    </Container>
  );
}
