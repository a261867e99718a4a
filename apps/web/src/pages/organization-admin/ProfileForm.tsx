import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormError } from '../../components/forms/FormError';
import { OrganizationFields, type OrganizationDetailValues } from '../../components/forms/OrganizationFields';
import type { Option } from '../../components/forms/reference';
import { useFormErrors } from '../../components/forms/useFormErrors';
import { graphql } from '../../gql';
import type { OrganizationKind, OrganizationProfileFragment, UpdateOrganizationInput } from '../../gql/graphql';

/**
 * The profile fields the form edits: the organization admin page reads them and the save answers
 * them (one selection set, so urql's cache updates the page from the save).
 */
export const OrganizationProfile = graphql(`
  fragment OrganizationProfile on Organization {
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
`);

const UpdateOrganizationMutation = graphql(`
  mutation UpdateOrganizationProfile($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      ...OrganizationProfile
    }
  }
`);

/** The editable profile, as the form holds it (text fields as strings, lists as codes). */
export type ProfileValues = OrganizationDetailValues;

export type { Option };

/** The form's values of a stored profile. */
export function profileValues(org: OrganizationProfileFragment): ProfileValues {
  return {
    name: org.name,
    kind: org.kind,
    description: org.description ?? '',
    city: org.city ?? '',
    website: org.website ?? '',
    contactEmail: org.contactEmail ?? '',
    foundedYear: org.foundedYear?.toString() ?? '',
    memberCount: org.memberCount?.toString() ?? '',
    countriesOfOrigin: org.countriesOfOrigin.map((c) => c.code),
    countriesOfResidence: org.countriesOfResidence.map((c) => c.code),
    themes: org.themes.map((th) => th.code),
    languages: org.languages.map((l) => l.code),
    legallyRegistered: org.legallyRegistered,
    womenLed: org.womenLed,
    youthLed: org.youthLed,
    democraticGovernance: org.democraticGovernance,
  };
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
  const { t } = useTranslation();
  const [saved, setSaved] = useState(props.initial);
  const [values, setValues] = useState(props.initial);
  const form = useFormErrors();
  const [status, setStatus] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateOrganizationMutation);
  const patch = changedFields(saved, values);
  const dirty = Object.keys(patch).length > 0;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setStatus(null);
    const local: Record<string, string | false> = { name: !values.name.trim() && t('auth.required') };
    for (const key of NUMBERS)
      local[key] =
        !!values[key].trim() && !Number.isInteger(Number(values[key])) && t('account.organization.wholeNumber');
    if (!form.check(local)) return;
    if (!dirty) return setStatus(t('account.organization.nothingChanged'));
    const result = await update({ id: props.organizationId, input: patch });
    if (form.settle(result.error) && result.data) {
      setSaved(values);
      setStatus(t('account.organization.saved'));
      props.onSaved?.();
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('account.organization.profile')}>
      <Stack>
        <FormError message={form.general} />
        <OrganizationFields
          values={values}
          onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
          errors={form.fields}
          reference={props}
          kinds={props.kinds}
          details
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
