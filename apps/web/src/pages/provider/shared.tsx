import { Alert, Anchor, Container, NativeSelect, SimpleGrid, Text, Title, Card } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProviderOrganization } from './provider-access';

export const OFFER_STATUS_COLORS: Record<string, string> = { DRAFT: 'gray', PUBLISHED: 'teal', CANCELLED: 'red' };

export function ProviderChooser({
  providers,
  chosen,
  choose,
}: {
  providers: ProviderOrganization[];
  chosen: ProviderOrganization | null;
  choose: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (providers.length < 2) return null;
  return (
    <NativeSelect
      label={t('provider.actingFor')}
      data={providers.map((p) => ({ value: p.id, label: p.name }))}
      value={chosen?.id ?? ''}
      onChange={(e) => choose(e.currentTarget.value)}
      maw={420}
    />
  );
}

/** What a signed-in user who manages no provider sees. */
export function NoProvider({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Container size="md">
      <Title order={1}>{title}</Title>
      <Alert color="gray" mt="md">
        <Text>{t('provider.noProvider')}</Text>
        <Anchor component={Link} to="/me/organizations/new">
          {t('provider.createProvider')}
        </Anchor>
      </Alert>
    </Container>
  );
}

export interface EvaluationFigures {
  enrolments: number;
  admitted: number;
  completions: number;
  completionRate?: number | null;
  averageRating?: number | null;
  ratingsCount: number;
}

/** Completions, completion rate and ratings as figures, formatted for the interface language. */
export function EvaluationGrid({ evaluation, testId }: { evaluation: EvaluationFigures; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const number = (n: number) => new Intl.NumberFormat(lang).format(n);
  const figures: Array<[string, string]> = [
    [t('provider.evaluation.enrolments'), number(evaluation.enrolments)],
    [t('provider.evaluation.admitted'), number(evaluation.admitted)],
    [t('provider.evaluation.completions'), number(evaluation.completions)],
    [
      t('provider.evaluation.completionRate'),
      evaluation.completionRate == null
        ? '—'
        : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(evaluation.completionRate),
    ],
    [
      t('provider.evaluation.averageRating'),
      evaluation.averageRating == null
        ? '—'
        : t('provider.evaluation.ratingOutOf5', {
            rating: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(evaluation.averageRating),
            count: evaluation.ratingsCount,
          }),
    ],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid={testId}>
      {figures.map(([label, value]) => (
        <Card key={label} withBorder padding="sm">
          <Text size="xs" c="dimmed" component="div">
            {label}
          </Text>
          <Text fw={700} component="div" data-testid={`figure-${label}`}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
