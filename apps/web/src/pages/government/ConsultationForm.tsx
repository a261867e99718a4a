import {
  Alert,
  Button,
  Container,
  Group,
  MultiSelect,
  NativeSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import type { ConsultationLevel } from '../../gql/graphql';
import { formErrors, type FormErrors } from '../../graphql/errors';
import { byLabel, countryName } from '../../i18n/names';
import { useConveners } from './conveners';
import { CreateConsultation, FinderReference } from './queries';

export const LEVELS: ConsultationLevel[] = ['LOCAL', 'NATIONAL', 'REGIONAL', 'INTERNATIONAL'];

/** A day typed in a date field, as the end of that day in the user's time zone (the deadline). */
export function endOfDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T23:59:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A day typed in a date field, as the start of that day in the user's time zone. */
export function startOfDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A new consultation, saved as a DRAFT of the chosen convener. */
export default function ConsultationForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { user, loading, chosen, conveners, choose } = useConveners();
  const [reference] = useQuery({ query: FinderReference });
  const [state, create] = useMutation(CreateConsultation);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [level, setLevel] = useState<ConsultationLevel>('NATIONAL');
  const [themes, setThemes] = useState<string[]>([]);
  const [origin, setOrigin] = useState<string[]>([]);
  const [country, setCountry] = useState<string | null>(null);
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: null });

  const options = useMemo(() => {
    const sort = byLabel<{ value: string; label: string }>(lang);
    return {
      countries: (reference.data?.countries ?? [])
        .map((c) => ({ value: c.code, label: countryName(c.code, lang, c.name) }))
        .sort(sort),
      themes: (reference.data?.themes ?? []).map((c) => ({ value: c.code, label: c.name })).sort(sort),
    };
  }, [reference.data, lang]);

  if (loading) return <Loading />;
  if (!user || !chosen)
    return (
      <Container size="sm">
        <Title order={1}>{t('government.form.title')}</Title>
        <Text mt="md">{user ? t('government.noConvener') : t('government.signInFirst')}</Text>
      </Container>
    );

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    const deadline = endOfDay(closesAt);
    if (!deadline) return setErrors({ fields: { closesAt: t('government.form.closesAtRequired') }, general: null });
    const result = await create({
      input: {
        convenerId: chosen.id,
        title,
        description,
        level,
        themes,
        countriesOfOrigin: origin,
        country: country || null,
        opensAt: opensAt ? startOfDay(opensAt) : null,
        closesAt: deadline,
      },
    });
    if (result.error || !result.data) return setErrors(formErrors(result.error));
    navigate(`/consultations/${result.data.createConsultation.id}`, { state: { created: true } });
  }

  return (
    <Container size="sm">
      <Stack gap="md">
        <div>
          <Title order={1}>{t('government.form.title')}</Title>
          <Text>{t('government.form.intro')}</Text>
        </div>
        <form onSubmit={submit} noValidate aria-label={t('government.form.title')}>
          <Stack gap="sm">
            {errors.general && (
              <Alert color="red" role="alert">
                {errors.general}
              </Alert>
            )}
            {conveners.length > 1 && (
              <NativeSelect
                label={t('government.actingFor')}
                data={conveners.map((o) => ({ value: o.id, label: o.name }))}
                value={chosen.id}
                onChange={(e) => choose(e.currentTarget.value)}
              />
            )}
            <TextInput
              label={t('government.form.topic')}
              required
              maxLength={150}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.fields.title}
            />
            <Textarea
              label={t('government.form.description')}
              required
              autosize
              minRows={4}
              maxLength={8000}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.fields.description}
            />
            <NativeSelect
              label={t('government.form.level')}
              data={LEVELS.map((l) => ({ value: l, label: t(`government.level.${l}`) }))}
              value={level}
              onChange={(e) => setLevel(e.currentTarget.value as ConsultationLevel)}
              error={errors.fields.level}
            />
            <MultiSelect
              label={t('government.form.themes')}
              required
              searchable
              data={options.themes}
              value={themes}
              onChange={setThemes}
              error={errors.fields.themes}
            />
            <MultiSelect
              label={t('government.form.origin')}
              searchable
              data={options.countries}
              value={origin}
              onChange={setOrigin}
              error={errors.fields.countriesOfOrigin}
            />
            <Select
              label={t('government.form.country')}
              placeholder={t('government.form.noCountry')}
              searchable
              clearable
              data={options.countries}
              value={country}
              onChange={setCountry}
              error={errors.fields.country}
            />
            <Group grow wrap="wrap" align="flex-start">
              <TextInput
                type="date"
                label={t('government.form.opensAt')}
                value={opensAt}
                onChange={(e) => setOpensAt(e.currentTarget.value)}
                error={errors.fields.opensAt}
              />
              <TextInput
                type="date"
                label={t('government.form.closesAt')}
                required
                value={closesAt}
                onChange={(e) => setClosesAt(e.currentTarget.value)}
                error={errors.fields.closesAt}
              />
            </Group>
            <Group gap="sm">
              <Button type="submit" loading={state.fetching}>
                {t('government.form.save')}
              </Button>
              <Button component={Link} to="/government" variant="default">
                {t('government.consultation.backToWorkspace')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
}
