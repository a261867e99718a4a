import { Alert, Anchor, Container, NativeSelect, SimpleGrid, Stack, Table, Text, Title, Card } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
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

/** What the provider's pages read of a SelfAssessmentMovement (programme, offer). */
export const AssessmentMovementFields = graphql(`
  fragment AssessmentMovementFields on SelfAssessmentMovement {
    participants
    comparisons
    averageBefore
    averageAfter
    averageChange
    improved
    unchanged
    declined
  }
`);

export interface MovementFigures {
  participants: number;
  comparisons: number;
  averageBefore?: number | null;
  averageAfter?: number | null;
  averageChange?: number | null;
  improved: number;
  unchanged: number;
  declined: number;
}

/**
 * How the participants' self-assessments moved after the training (the provider's own view): the
 * average level before → after with its change, and how many area scores rose, stayed or fell;
 * per offer as a table when given.
 */
export function AssessmentMovement({
  movement,
  perOffer,
}: {
  movement: MovementFigures;
  perOffer?: Array<{ id: string; title: string; movement: MovementFigures }>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const level = (n: number | null | undefined) =>
    n == null ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n);
  const change = (n: number | null | undefined) =>
    n == null ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(n);
  const levels = (m: MovementFigures) =>
    t('provider.movement.levels', { before: level(m.averageBefore), after: level(m.averageAfter) });
  const measured = perOffer?.filter((o) => o.movement.comparisons > 0) ?? [];
  return (
    <Stack gap="xs" mt="md" data-testid="assessment-movement">
      <Title order={3} size="h4">
        {t('provider.movement.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('provider.movement.help')}
      </Text>
      {movement.comparisons === 0 ? (
        <Text size="sm" data-testid="movement-none">
          {t('provider.movement.none')}
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {(
              [
                [t('provider.movement.participants'), String(movement.participants)],
                [t('provider.movement.average'), levels(movement)],
                [t('provider.movement.change'), change(movement.averageChange)],
                [
                  t('provider.movement.split'),
                  t('provider.movement.splitValue', {
                    improved: movement.improved,
                    unchanged: movement.unchanged,
                    declined: movement.declined,
                  }),
                ],
              ] as Array<[string, string]>
            ).map(([label, value]) => (
              <Card key={label} withBorder padding="sm">
                <Text size="xs" c="dimmed" component="div">
                  {label}
                </Text>
                <Text fw={700} component="div" data-testid={`movement-${label}`}>
                  {value}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {measured.length > 0 && (
            <Table.ScrollContainer minWidth={480}>
              <Table data-testid="movement-per-offer">
                <Table.Caption>{t('provider.movement.perOffer')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('provider.movement.offer')}</Table.Th>
                    <Table.Th scope="col">{t('provider.movement.participants')}</Table.Th>
                    <Table.Th scope="col">{t('provider.movement.average')}</Table.Th>
                    <Table.Th scope="col">{t('provider.movement.change')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {measured.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Th scope="row">{o.title}</Table.Th>
                      <Table.Td>{o.movement.participants}</Table.Td>
                      <Table.Td>{levels(o.movement)}</Table.Td>
                      <Table.Td>{change(o.movement.averageChange)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
