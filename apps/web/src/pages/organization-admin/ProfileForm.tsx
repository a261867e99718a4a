import { Alert, Button, Checkbox, Group, MultiSelect, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { OrganizationKind, UpdateOrganizationInput } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { byLabel } from '../../i18n/names';

const UpdateOrganizationMutation = graphql(`
  mutation UpdateOrganizationProfile($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      id
      slug
      name
      kind
      description
      city
      website
      contactEmail
      foundedYear
      memberCount
      legallyRegistered
      womenLed
      youthLed
      democraticGovernance
      verification
      countriesOfOrigin {
        code
      }
      countriesOfResidence {
        code
      }
      themes {
        code
      }
      languages {
        code
      }
    }
  }
`);

/** The editable profile, as the form holds it (text fields as strings, lists as codes). */
export interface ProfileValues {
  name: string;
  kind: OrganizationKind;
  description: string;
  city: string;
  website: string;
  contactEmail: string;
  /** whole numbers, as typed ('' when unknown) */
  foundedYear: string;
  memberCount: string;
  countriesOfOrigin: string[];
  countriesOfResidence: string[];
  themes: string[];
  languages: string[];
  legallyRegistered: boolean;
  womenLed: boolean;
  youthLed: boolean;
  democraticGovernance: boolean;
}

export interface Option {
  value: string;
  label: string;
}

const TEXT = ['description', 'city', 'website', 'contactEmail'] as const;
const NUMBERS = ['foundedYear', 'memberCount'] as const;
const LISTS = ['countriesOfOrigin', 'countriesOfResidence', 'themes', 'languages'] as const;
const FLAGS = ['legallyRegistered', 'womenLed', 'youthLed', 'democraticGovernance'] as const;

/**
 * Only what the user changed: updateOrganization is partial, so a field left out keeps its stored
 * value (whatever another member saved meanwhile) and an emptied optional field is sent as null.
 */
export function changedFields(before: ProfileValues, after: ProfileValues): UpdateOrganizationInput {
  const patch: UpdateOrganizationInput = {};
  if (after.name.trim() !== before.name.trim()) patch.name = after.name.trim();
  if (after.kind !== before.kind) patch.kind = after.kind;
  for (const key of TEXT) {
    const value = after[key].trim();
    if (value !== before[key].trim()) patch[key] = value || null;
  }
  for (const key of NUMBERS) {
    const value = after[key].trim();
    if (value !== before[key].trim()) patch[key] = value === '' ? null : Number(value);
  }
  for (const key of LISTS) {
    const same = [...after[key]].sort().join() === [...before[key]].sort().join();
    if (!same) patch[key] = after[key];
  }
  for (const key of FLAGS) if (after[key] !== before[key]) patch[key] = after[key];
  return patch;
}

export function ProfileForm(props: {
  organizationId: string;
  initial: ProfileValues;
  kinds: OrganizationKind[];
  countries: Option[];
  themes: Option[];
  languages: Option[];
  onSaved?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [saved, setSaved] = useState(props.initial);
  const [values, setValues] = useState(props.initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateOrganizationMutation);
  const set = <K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const patch = changedFields(saved, values);
  const dirty = Object.keys(patch).length > 0;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setGeneral(null);
    setStatus(null);
    const local: Record<string, string> = {};
    if (!values.name.trim()) local.name = t('auth.required');
    for (const key of NUMBERS)
      if (values[key].trim() && !Number.isInteger(Number(values[key])))
        local[key] = t('account.organization.wholeNumber');
    setFields(local);
    if (Object.keys(local).length > 0) return;
    if (!dirty) return setStatus(t('account.organization.nothingChanged'));
    const result = await update({ id: props.organizationId, input: patch });
    const errors = formErrors(result.error);
    setFields(errors.fields);
    setGeneral(errors.general);
    if (result.data) {
      setSaved(values);
      setStatus(t('account.organization.saved'));
      props.onSaved?.();
    }
  }

  const textField = (key: (typeof TEXT)[number], label: string, extra: Partial<{ type: string }> = {}) => (
    <TextInput
      label={label}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={fields[key]}
      {...extra}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('account.organization.profile')}>
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
          data={props.kinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })).sort(byLabel(i18n.language))}
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
          {textField('city', t('myOrganization.city'))}
          {textField('website', t('organization.website'), { type: 'url' })}
        </Group>
        {textField('contactEmail', t('account.organization.contactEmail'), { type: 'email' })}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('account.organization.foundedYear')}
            type="number"
            inputMode="numeric"
            value={values.foundedYear}
            onChange={(e) => set('foundedYear', e.currentTarget.value)}
            error={fields.foundedYear}
          />
          <TextInput
            label={t('account.organization.memberCount')}
            type="number"
            inputMode="numeric"
            min={0}
            value={values.memberCount}
            onChange={(e) => set('memberCount', e.currentTarget.value)}
            error={fields.memberCount}
          />
        </Group>
        {(
          [
            ['countriesOfOrigin', t('organization.origin'), props.countries],
            ['countriesOfResidence', t('organization.residence'), props.countries],
            ['themes', t('organization.themes'), props.themes],
            ['languages', t('organization.languages'), props.languages],
          ] as const
        ).map(([key, label, data]) => (
          <MultiSelect
            key={key}
            label={label}
            searchable
            data={data}
            value={values[key]}
            onChange={(v) => set(key, v)}
            error={fields[key]}
          />
        ))}
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
        <Checkbox
          label={t('account.organization.democraticGovernance')}
          checked={values.democraticGovernance}
          onChange={(e) => set('democraticGovernance', e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={fetching}>
            {t('account.organization.save')}
          </Button>
          <span role="status" data-testid="profile-status">
            {status}
          </span>
        </Group>
      </Stack>
    </form>
  );
}
