import {
  Alert,
  Button,
  Checkbox,
  Container,
  Group,
  MultiSelect,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/useSession';
import { graphql } from '../gql';
import type { OrganizationKind } from '../gql/graphql';
import { formErrors } from '../graphql/errors';
import { byLabel, countryName, languageName } from '../i18n/names';
import { KINDS } from './Directory';

const OrganizationFormReference = graphql(`
  query OrganizationFormReference {
    countries {
      code
      name
    }
    themes {
      code
      name
    }
    languages {
      code
      name
    }
  }
`);

const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: OrganizationInput!) {
    createOrganization(input: $input) {
      id
      slug
    }
  }
`);

interface Values {
  name: string;
  kind: OrganizationKind;
  description: string;
  city: string;
  website: string;
  countriesOfOrigin: string[];
  countriesOfResidence: string[];
  themes: string[];
  languages: string[];
  legallyRegistered: boolean;
  womenLed: boolean;
  youthLed: boolean;
}

/** Registers an organization; the API's validation errors appear next to the field they name. */
export default function CreateOrganization() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { user, ready } = useSession();
  const [{ data: reference }] = useQuery({ query: OrganizationFormReference, pause: !user });
  const [{ fetching }, create] = useMutation(CreateOrganizationMutation);
  const [values, setValues] = useState<Values>({
    name: '',
    kind: 'DIASPORA_ORGANIZATION',
    description: '',
    city: '',
    website: '',
    countriesOfOrigin: [],
    countriesOfResidence: [],
    themes: [],
    languages: [],
    legallyRegistered: false,
    womenLed: false,
    youthLed: false,
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/me/organizations/new' }} />;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const countries = (reference?.countries ?? [])
    .map((c) => ({ value: c.code, label: countryName(c.code, lang, c.name) }))
    .sort(byLabel(lang));
  const themes = (reference?.themes ?? []).map((th) => ({ value: th.code, label: th.name })).sort(byLabel(lang));
  const languages = (reference?.languages ?? [])
    .map((l) => ({ value: l.code, label: languageName(l.code, lang, l.name) }))
    .sort(byLabel(lang));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.name.trim()) missing.name = t('auth.required');
    setFields(missing);
    setGeneral(null);
    if (Object.keys(missing).length > 0) return;
    const optional = (text: string) => (text.trim() ? text.trim() : undefined);
    const result = await create({
      input: {
        ...values,
        name: values.name.trim(),
        description: optional(values.description),
        city: optional(values.city),
        website: optional(values.website),
      },
    });
    if (result.data) {
      navigate(`/organizations/${result.data.createOrganization.slug}`);
      return;
    }
    const errors = formErrors(result.error);
    setFields(errors.fields);
    setGeneral(errors.general);
  }

  return (
    <Container size="sm">
      <Title order={1} mb="md">
        {t('myOrganization.createTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert" data-testid="form-error">
              {general}
            </Alert>
          )}
          <TextInput
            label={t('myOrganization.name')}
            required
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={fields.name}
          />
          <NativeSelect
            label={t('directory.kind')}
            data={KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })).sort(byLabel(lang))}
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as OrganizationKind)}
            error={fields.kind}
          />
          <Textarea
            label={t('myOrganization.description')}
            autosize
            minRows={3}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={fields.description}
          />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('myOrganization.city')}
              value={values.city}
              onChange={(e) => set('city', e.currentTarget.value)}
              error={fields.city}
            />
            <TextInput
              label={t('organization.website')}
              type="url"
              placeholder="https://"
              value={values.website}
              onChange={(e) => set('website', e.currentTarget.value)}
              error={fields.website}
            />
          </Group>
          <MultiSelect
            label={t('organization.origin')}
            searchable
            data={countries}
            value={values.countriesOfOrigin}
            onChange={(v) => set('countriesOfOrigin', v)}
            error={fields.countriesOfOrigin}
          />
          <MultiSelect
            label={t('organization.residence')}
            searchable
            data={countries}
            value={values.countriesOfResidence}
            onChange={(v) => set('countriesOfResidence', v)}
            error={fields.countriesOfResidence}
          />
          <MultiSelect
            label={t('organization.themes')}
            searchable
            data={themes}
            value={values.themes}
            onChange={(v) => set('themes', v)}
            error={fields.themes}
          />
          <MultiSelect
            label={t('organization.languages')}
            searchable
            data={languages}
            value={values.languages}
            onChange={(v) => set('languages', v)}
            error={fields.languages}
          />
          <Checkbox
            label={t('organization.registered')}
            checked={values.legallyRegistered}
            onChange={(e) => set('legallyRegistered', e.currentTarget.checked)}
          />
          <Checkbox
            label={t('organization.womenLed')}
            checked={values.womenLed}
            onChange={(e) => set('womenLed', e.currentTarget.checked)}
          />
          <Checkbox
            label={t('organization.youthLed')}
            checked={values.youthLed}
            onChange={(e) => set('youthLed', e.currentTarget.checked)}
          />
          <Button type="submit" loading={fetching}>
            {t('myOrganization.submitCreate')}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
