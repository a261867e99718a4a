import { Button, Container, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../auth/useSession';
import { FormError } from '../components/forms/FormError';
import { OrganizationFields, type OrganizationFieldValues } from '../components/forms/OrganizationFields';
import { useReferenceOptions } from '../components/forms/reference';
import { useFormErrors } from '../components/forms/useFormErrors';
import { graphql } from '../gql';

const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: OrganizationInput!) {
    createOrganization(input: $input) {
      id
      slug
    }
  }
`);

/** Registers an organization; the API's validation errors appear next to the field they name. */
export default function CreateOrganization() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, ready } = useSession();
  const reference = useReferenceOptions({ pause: !user });
  const [{ fetching }, create] = useMutation(CreateOrganizationMutation);
  const [values, setValues] = useState<OrganizationFieldValues>({
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
  const form = useFormErrors();
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/me/organizations/new' }} />;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!form.check({ name: !values.name.trim() && t('auth.required') })) return;
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
    if (form.settle(result.error) && result.data) navigate(`/organizations/${result.data.createOrganization.slug}`);
  }

  return (
    <Container size="sm">
      <Title order={1} mb="md">
        {t('myOrganization.createTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={form.general} />
          <OrganizationFields
            values={values}
            onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
            errors={form.fields}
            reference={reference}
          />
          <Button type="submit" loading={fetching}>
            {t('myOrganization.submitCreate')}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
