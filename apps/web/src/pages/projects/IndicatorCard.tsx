import { ActionIcon, Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ProgressChart } from '../../components/charts/ProgressChart';
import { graphql } from '../../gql';
import { formErrors, type FormErrors } from '../../graphql/errors';
import { numberOf, today } from './membership';

const UpdateIndicator = graphql(`
  mutation UpdateIndicator($id: ID!, $input: UpdateIndicatorInput!) {
    updateIndicator(id: $id, input: $input) {
      id
    }
  }
`);
const DeleteIndicator = graphql(`
  mutation DeleteIndicator($id: ID!) {
    deleteIndicator(id: $id) {
      id
    }
  }
`);
const RecordMeasurement = graphql(`
  mutation RecordMeasurement($indicatorId: ID!, $measuredOn: Date!, $value: Float!, $note: String) {
    recordMeasurement(indicatorId: $indicatorId, measuredOn: $measuredOn, value: $value, note: $note) {
      id
    }
  }
`);
const UpdateMeasurement = graphql(`
  mutation UpdateMeasurement($id: ID!, $input: UpdateMeasurementInput!) {
    updateMeasurement(id: $id, input: $input) {
      id
    }
  }
`);
const DeleteMeasurement = graphql(`
  mutation DeleteMeasurement($id: ID!) {
    deleteMeasurement(id: $id) {
      id
    }
  }
`);

export interface IndicatorView {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  progress: number | null;
  measurements: { id: string; measuredOn: string; value: number; note: string | null }[];
}

const NO_ERRORS: FormErrors = { fields: {}, general: null };

/** One indicator: its chart, its measurements and, for members of a live project, the forms to correct them. */
export function IndicatorCard({
  indicator,
  editable,
  onChanged,
}: {
  indicator: IndicatorView;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const [, updateIndicator] = useMutation(UpdateIndicator);
  const [, deleteIndicator] = useMutation(DeleteIndicator);
  const [recording, recordMeasurement] = useMutation(RecordMeasurement);
  const [, updateMeasurement] = useMutation(UpdateMeasurement);
  const [, deleteMeasurement] = useMutation(DeleteMeasurement);

  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ name: '', unit: '', baseline: '', target: '' });
  const [indicatorErrors, setIndicatorErrors] = useState<FormErrors>(NO_ERRORS);

  const [measure, setMeasure] = useState({ measuredOn: today(), value: '', note: '' });
  const [measureErrors, setMeasureErrors] = useState<FormErrors>(NO_ERRORS);

  const [editingMeasurement, setEditingMeasurement] = useState<string | null>(null);
  const [mDraft, setMDraft] = useState({ measuredOn: '', value: '', note: '' });
  const [mErrors, setMErrors] = useState<FormErrors>(NO_ERRORS);
  const [general, setGeneral] = useState<string | null>(null);

  function startEdit() {
    setDraft({
      name: indicator.name,
      unit: indicator.unit,
      baseline: String(indicator.baseline),
      target: String(indicator.target),
    });
    setIndicatorErrors(NO_ERRORS);
    setEditing(true);
  }

  async function saveIndicator(event: React.FormEvent) {
    event.preventDefault();
    // partial: only the fields that changed are sent
    const input: { name?: string; unit?: string; baseline?: number; target?: number } = {};
    if (draft.name.trim() !== indicator.name) input.name = draft.name.trim();
    if (draft.unit.trim() !== indicator.unit) input.unit = draft.unit.trim();
    const baseline = numberOf(draft.baseline);
    const target = numberOf(draft.target);
    const local: Record<string, string> = {};
    if (baseline === undefined) local.baseline = t('projects.numberRequired');
    if (target === undefined) local.target = t('projects.numberRequired');
    if (Object.keys(local).length) return setIndicatorErrors({ fields: local, general: null });
    if (baseline !== indicator.baseline) input.baseline = baseline;
    if (target !== indicator.target) input.target = target;
    if (Object.keys(input).length === 0) return setEditing(false);
    const result = await updateIndicator({ id: indicator.id, input });
    if (result.error) return setIndicatorErrors(formErrors(result.error));
    setEditing(false);
    onChanged();
  }

  async function removeIndicator() {
    if (!window.confirm(t('projects.confirmDeleteIndicator', { name: indicator.name }))) return;
    const result = await deleteIndicator({ id: indicator.id });
    if (result.error) return setGeneral(formErrors(result.error).general);
    onChanged();
  }

  async function record(event: React.FormEvent) {
    event.preventDefault();
    const value = numberOf(measure.value);
    if (value === undefined)
      return setMeasureErrors({ fields: { value: t('projects.numberRequired') }, general: null });
    const result = await recordMeasurement({
      indicatorId: indicator.id,
      measuredOn: measure.measuredOn,
      value,
      note: measure.note.trim() || undefined,
    });
    if (result.error) return setMeasureErrors(formErrors(result.error));
    setMeasureErrors(NO_ERRORS);
    setMeasure({ measuredOn: today(), value: '', note: '' });
    onChanged();
  }

  function startMeasurementEdit(m: IndicatorView['measurements'][number]) {
    setEditingMeasurement(m.id);
    setMDraft({ measuredOn: m.measuredOn, value: String(m.value), note: m.note ?? '' });
    setMErrors(NO_ERRORS);
  }

  async function saveMeasurement(event: React.FormEvent, m: IndicatorView['measurements'][number]) {
    event.preventDefault();
    const value = numberOf(mDraft.value);
    if (value === undefined) return setMErrors({ fields: { value: t('projects.numberRequired') }, general: null });
    const input: { measuredOn?: string; value?: number; note?: string | null } = {};
    if (mDraft.measuredOn !== m.measuredOn) input.measuredOn = mDraft.measuredOn;
    if (value !== m.value) input.value = value;
    const note = mDraft.note.trim() || null;
    if (note !== (m.note ?? null)) input.note = note;
    if (Object.keys(input).length === 0) return setEditingMeasurement(null);
    const result = await updateMeasurement({ id: m.id, input });
    if (result.error) return setMErrors(formErrors(result.error));
    setEditingMeasurement(null);
    onChanged();
  }

  async function removeMeasurement(m: IndicatorView['measurements'][number]) {
    if (!window.confirm(t('projects.confirmDeleteMeasurement'))) return;
    const result = await deleteMeasurement({ id: m.id });
    if (result.error) return setGeneral(formErrors(result.error).general);
    onChanged();
  }

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`indicator-${indicator.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={`indicator-${indicator.id}`}>
            {indicator.name} ({indicator.unit})
          </Title>
          {editable && !editing && (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={startEdit}>
                {t('projects.correctIndicator')}
              </Button>
              <Button size="xs" variant="light" color="red" onClick={removeIndicator}>
                {t('projects.deleteIndicator')}
              </Button>
            </Group>
          )}
        </Group>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        {editing && (
          <form onSubmit={saveIndicator} noValidate aria-label={t('projects.correctIndicator')}>
            <Stack gap="xs">
              {indicatorErrors.general && (
                <Alert color="red" role="alert">
                  {indicatorErrors.general}
                </Alert>
              )}
              <TextInput
                label={t('projects.indicatorName')}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
                error={indicatorErrors.fields.name}
              />
              <Group grow wrap="wrap" align="flex-start">
                <TextInput
                  label={t('projects.unit')}
                  value={draft.unit}
                  onChange={(e) => setDraft({ ...draft, unit: e.currentTarget.value })}
                  error={indicatorErrors.fields.unit}
                />
                <TextInput
                  label={t('projects.baseline')}
                  inputMode="decimal"
                  value={draft.baseline}
                  onChange={(e) => setDraft({ ...draft, baseline: e.currentTarget.value })}
                  error={indicatorErrors.fields.baseline}
                />
                <TextInput
                  label={t('projects.target')}
                  inputMode="decimal"
                  value={draft.target}
                  onChange={(e) => setDraft({ ...draft, target: e.currentTarget.value })}
                  error={indicatorErrors.fields.target}
                />
              </Group>
              <Group gap="xs">
                <Button type="submit" size="xs">
                  {t('projects.save')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                  {t('projects.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <Text size="sm">
          {t('projects.baselineTarget', {
            baseline: number.format(indicator.baseline),
            target: number.format(indicator.target),
            unit: indicator.unit,
          })}
        </Text>
        <ProgressChart indicator={indicator} progress={indicator.progress} />
        {editable && indicator.measurements.length > 0 && (
          <Table.ScrollContainer minWidth={300}>
            <Table>
              <Table.Caption>{t('projects.measurementsOf', { name: indicator.name })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('projects.charts.date')}</Table.Th>
                  <Table.Th>{t('projects.charts.value')}</Table.Th>
                  <Table.Th>{t('projects.note')}</Table.Th>
                  <Table.Th>{t('projects.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {indicator.measurements.map((m) =>
                  editingMeasurement === m.id ? (
                    <Table.Tr key={m.id}>
                      <Table.Td colSpan={4}>
                        <form
                          onSubmit={(e) => saveMeasurement(e, m)}
                          noValidate
                          aria-label={t('projects.correctMeasurement')}
                        >
                          <Stack gap="xs">
                            {mErrors.general && (
                              <Alert color="red" role="alert">
                                {mErrors.general}
                              </Alert>
                            )}
                            <Group grow wrap="wrap" align="flex-start">
                              <TextInput
                                type="date"
                                label={t('projects.measuredOn')}
                                value={mDraft.measuredOn}
                                onChange={(e) => setMDraft({ ...mDraft, measuredOn: e.currentTarget.value })}
                                error={mErrors.fields.measuredOn}
                              />
                              <TextInput
                                label={t('projects.charts.value')}
                                inputMode="decimal"
                                value={mDraft.value}
                                onChange={(e) => setMDraft({ ...mDraft, value: e.currentTarget.value })}
                                error={mErrors.fields.value}
                              />
                            </Group>
                            <TextInput
                              label={t('projects.note')}
                              value={mDraft.note}
                              onChange={(e) => setMDraft({ ...mDraft, note: e.currentTarget.value })}
                              error={mErrors.fields.note}
                            />
                            <Group gap="xs">
                              <Button type="submit" size="xs">
                                {t('projects.save')}
                              </Button>
                              <Button size="xs" variant="default" onClick={() => setEditingMeasurement(null)}>
                                {t('projects.cancel')}
                              </Button>
                            </Group>
                          </Stack>
                        </form>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    <Table.Tr key={m.id}>
                      <Table.Td>{date.format(new Date(`${m.measuredOn}T00:00:00Z`))}</Table.Td>
                      <Table.Td>{number.format(m.value)}</Table.Td>
                      <Table.Td>{m.note ?? ''}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="subtle" onClick={() => startMeasurementEdit(m)}>
                            {t('projects.correct')}
                          </Button>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('projects.deleteMeasurement')}
                            onClick={() => removeMeasurement(m)}
                          >
                            ×
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {editable && (
          <form onSubmit={record} noValidate aria-label={t('projects.recordMeasurement')}>
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t('projects.recordMeasurement')}
              </Text>
              {measureErrors.general && (
                <Alert color="red" role="alert">
                  {measureErrors.general}
                </Alert>
              )}
              <Group grow wrap="wrap" align="flex-start">
                <TextInput
                  type="date"
                  label={t('projects.measuredOn')}
                  value={measure.measuredOn}
                  onChange={(e) => setMeasure({ ...measure, measuredOn: e.currentTarget.value })}
                  error={measureErrors.fields.measuredOn}
                />
                <TextInput
                  label={t('projects.measuredValue', { unit: indicator.unit })}
                  inputMode="decimal"
                  value={measure.value}
                  onChange={(e) => setMeasure({ ...measure, value: e.currentTarget.value })}
                  error={measureErrors.fields.value}
                />
              </Group>
              <TextInput
                label={t('projects.note')}
                value={measure.note}
                onChange={(e) => setMeasure({ ...measure, note: e.currentTarget.value })}
                error={measureErrors.fields.note}
              />
              <Button type="submit" size="xs" loading={recording.fetching} style={{ alignSelf: 'flex-start' }}>
                {t('projects.record')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
