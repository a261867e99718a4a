import { Alert, Button, List, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { RadarChart } from '../../components/radar/RadarChart';
import { graphql } from '../../gql';
import type { CapacityArea } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';

const SubmitCapacityMutation = graphql(`
  mutation SubmitCapacityAssessment($organizationId: ID!, $scores: [CapacityScoreInput!]!) {
    submitCapacityAssessment(organizationId: $organizationId, scores: $scores) {
      id
      assessedAt
      needs
      scores {
        area
        level
      }
    }
  }
`);

export const CAPACITY_AREAS: CapacityArea[] = [
  'GOVERNANCE_AND_MEMBERSHIP',
  'STRATEGIC_PLANNING',
  'PROJECT_MANAGEMENT',
  'FINANCIAL_MANAGEMENT',
  'FUNDRAISING',
  'MONITORING_AND_EVALUATION',
  'DIGITAL_SKILLS',
  'ALLIANCE_BUILDING',
  'POLICY_ADVOCACY',
  'POLICY_PROCESSES',
  'FINANCIAL_LITERACY',
  'ECONOMIC_AND_BUSINESS_SKILLS',
  'RETURN_AND_REINTEGRATION',
  'SOCIAL_COSTS_OF_MIGRATION',
];

interface Assessment {
  assessedAt: string;
  needs: CapacityArea[];
  scores: { area: CapacityArea; level: number }[];
}

export function CapacitySection(props: {
  organizationId: string;
  assessment: Assessment | null;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  const [levels, setLevels] = useState<Partial<Record<CapacityArea, string>>>(() =>
    Object.fromEntries((props.assessment?.scores ?? []).map((s) => [s.area, String(s.level)])),
  );
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [{ fetching }, submitAssessment] = useMutation(SubmitCapacityMutation);
  const assessment = props.assessment;
  const areaLabel = (area: CapacityArea) => t(`account.capacityArea.${area}`);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setGeneral(null);
    setStatus('');
    const scores = CAPACITY_AREAS.filter((a) => levels[a]).map((area) => ({ area, level: Number(levels[area]) }));
    if (scores.length === 0) return setGeneral(t('account.organization.scoreSomething'));
    const result = await submitAssessment({ organizationId: props.organizationId, scores });
    const errors = formErrors(result.error);
    setFields(errors.fields);
    setGeneral(errors.general);
    if (result.data) {
      setStatus(t('account.organization.assessmentSaved'));
      props.onChange();
    }
  }

  const levelOptions = [
    { value: '', label: t('account.organization.notAssessed') },
    ...[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: t(`account.organization.level.${l}`) })),
  ];
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('account.organization.capacity')}
      </Title>
      {assessment ? (
        <>
          <Text size="sm">
            {t('account.organization.assessedAt', { date: dates.format(new Date(assessment.assessedAt)) })}
          </Text>
          <RadarChart
            title={t('account.organization.radarTitle')}
            axisLabel={t('account.organization.area')}
            valueLabel={t('account.organization.levelLabel')}
            axes={assessment.scores.map((s) => ({ key: s.area, label: areaLabel(s.area), value: s.level }))}
            max={5}
            format={(n) => numbers.format(n)}
          />
          <Title order={3} size="h4">
            {t('account.organization.needs')}
          </Title>
          {assessment.needs.length === 0 ? (
            <Text size="sm">{t('account.organization.noNeeds')}</Text>
          ) : (
            <List size="sm" data-testid="capacity-needs">
              {assessment.needs.map((area) => (
                <List.Item key={area}>{areaLabel(area)}</List.Item>
              ))}
            </List>
          )}
        </>
      ) : (
        <Text size="sm">{t('account.organization.noAssessment')}</Text>
      )}
      <form onSubmit={submit} noValidate aria-label={t('account.organization.assess')}>
        <Stack>
          <Title order={3} size="h4">
            {t('account.organization.assess')}
          </Title>
          <Text size="sm">{t('account.organization.assessIntro')}</Text>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {CAPACITY_AREAS.map((area) => (
              <NativeSelect
                key={area}
                label={areaLabel(area)}
                data={levelOptions}
                value={levels[area] ?? ''}
                onChange={(e) => setLevels((l) => ({ ...l, [area]: e.currentTarget.value }))}
                error={fields[area]}
              />
            ))}
          </SimpleGrid>
          <Button type="submit" loading={fetching} style={{ alignSelf: 'flex-start' }}>
            {t('account.organization.submitAssessment')}
          </Button>
          <Text size="sm" role="status">
            {status}
          </Text>
        </Stack>
      </form>
    </Stack>
  );
}
