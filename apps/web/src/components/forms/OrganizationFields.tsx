import { Checkbox, Group, MultiSelect, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '../../gql/graphql';
import { byLabel } from '../../i18n/names';
import { KINDS } from './organization-kinds';
import type { Option } from './reference';

/** The organization's fields both the registration and the profile form edit (text as typed, lists as codes). */
export interface OrganizationFieldValues {
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

/** The details the profile form adds (`details`). */
export interface OrganizationDetailValues extends OrganizationFieldValues {
  contactEmail: string;
  /** whole numbers, as typed ('' when unknown) */
  foundedYear: string;
  memberCount: string;
  democraticGovernance: boolean;
}

type AnyValues = OrganizationFieldValues & Partial<OrganizationDetailValues>;

/**
 * The inputs of an organization's profile, with the errors of `errors` (field name → message) next to
 * them; the form around them owns the values, the submit button and the general error.
 */
export function OrganizationFields<V extends AnyValues>({
  values,
  onChange,
  errors,
  reference,
  kinds = KINDS,
  details = false,
}: {
  values: V;
  onChange: <K extends keyof V>(key: K, value: V[K]) => void;
  errors: Record<string, string>;
  reference: { countries: Option[]; themes: Option[]; languages: Option[] };
  kinds?: OrganizationKind[];
  /** the contact e-mail, founding year, member count and democratic governance too */
  details?: boolean;
}) {
  const { t, i18n } = useTranslation();
  // the details are strings and booleans of V when `details` is set
  const set = onChange as (key: keyof OrganizationDetailValues, value: string | string[] | boolean) => void;
  const text = (key: 'city' | 'website' | 'contactEmail', label: string, type?: string) => (
    <TextInput
      label={label}
      type={type}
      placeholder={key === 'website' ? 'https://' : undefined}
      value={values[key] ?? ''}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[key]}
    />
  );
  const number = (key: 'foundedYear' | 'memberCount', label: string) => (
    <TextInput
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      value={values[key] ?? ''}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[key]}
    />
  );
  const flag = (key: 'legallyRegistered' | 'womenLed' | 'youthLed' | 'democraticGovernance', label: string) => (
    <Checkbox label={label} checked={!!values[key]} onChange={(e) => set(key, e.currentTarget.checked)} />
  );
  const lists = [
    ['countriesOfOrigin', t('organization.origin'), reference.countries],
    ['countriesOfResidence', t('organization.residence'), reference.countries],
    ['themes', t('organization.themes'), reference.themes],
    ['languages', t('organization.languages'), reference.languages],
  ] as const;
  return (
    <Stack>
      <TextInput
        label={t('myOrganization.name')}
        required
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
      />
      <NativeSelect
        label={t('directory.kind')}
        data={kinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })).sort(byLabel(i18n.language))}
        value={values.kind}
        onChange={(e) => set('kind', e.currentTarget.value)}
        error={errors.kind}
      />
      <Textarea
        label={t('myOrganization.description')}
        autosize
        minRows={3}
        value={values.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={errors.description}
      />
      <Group grow align="flex-start" wrap="wrap">
        {text('city', t('myOrganization.city'))}
        {text('website', t('organization.website'), 'url')}
      </Group>
      {details && text('contactEmail', t('account.organization.contactEmail'), 'email')}
      {details && (
        <Group grow align="flex-start" wrap="wrap">
          {number('foundedYear', t('account.organization.foundedYear'))}
          {number('memberCount', t('account.organization.memberCount'))}
        </Group>
      )}
      {lists.map(([key, label, data]) => (
        <MultiSelect
          key={key}
          label={label}
          searchable
          data={data}
          value={values[key]}
          onChange={(v) => set(key, v)}
          error={errors[key]}
        />
      ))}
      {flag('legallyRegistered', t('organization.registered'))}
      {flag('womenLed', t('organization.womenLed'))}
      {flag('youthLed', t('organization.youthLed'))}
      {details && flag('democraticGovernance', t('account.organization.democraticGovernance'))}
    </Stack>
  );
}
