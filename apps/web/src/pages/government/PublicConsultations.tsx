import { Checkbox, Container, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { PagedList } from '../catalogue/PagedList';
import { ConsultationCard } from './GovernmentHome';
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
            <ConsultationCard key={c.id} consultation={c}>
              <Text size="sm">
                {c.convener.name} · {t(`government.level.${c.level}`)} ·{' '}
                {t('government.closes', { date: formatDate(c.closesAt, i18n.language) })}
              </Text>
            </ConsultationCard>
          )}
        />
      </Stack>
    </Container>
  );
}
