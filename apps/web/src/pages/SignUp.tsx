import { Alert, Anchor, Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { authErrorMessage } from '../auth/messages';
import { AuthError, signUp } from '../auth/session';
import { graphql } from '../gql';
import { formErrors } from '../graphql/errors';

const StartRegistration = graphql(`
  mutation StartRegistration($email: String!) {
    startRegistration(email: $email)
  }
`);

/**
 * Creates an account. Where the API requires e-mail confirmation (production), it refuses the direct
 * registration and the page asks for the confirmation link instead (startRegistration); the link opens
 * /register/<token>.
 */
export default function SignUp() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startRegistration] = useMutation(StartRegistration);
  const set = (key: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues({ ...values, [key]: event.currentTarget.value });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const key of ['name', 'email', 'password'] as const)
      if (!values[key].trim()) missing[key] = t('auth.required');
    setFields(missing);
    setGeneral(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await signUp(values);
      navigate('/me/organizations', { replace: true });
    } catch (error) {
      if (error instanceof AuthError && error.reason === 'EMAIL_CONFIRMATION_REQUIRED') {
        const result = await startRegistration({ email: values.email });
        const errors = formErrors(result.error);
        if (result.error) {
          setFields(errors.fields);
          setGeneral(errors.general);
        } else setLinkSentTo(values.email);
      } else if (error instanceof AuthError && error.field) setFields({ [error.field]: error.message });
      else setGeneral(authErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  if (linkSentTo) {
    return (
      <Container size={480} py="xl">
        <Title order={1} mb="md">
          {t('auth.confirmTitle')}
        </Title>
        <Text role="status">{t('auth.confirmBody', { email: linkSentTo })}</Text>
      </Container>
    );
  }

  return (
    <Container size={420} py="xl">
      <Title order={1} mb="lg">
        {t('auth.signUpTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert" data-testid="form-error">
              {general}
            </Alert>
          )}
          <TextInput
            label={t('auth.name')}
            autoComplete="name"
            required
            value={values.name}
            onChange={set('name')}
            error={fields.name}
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            value={values.email}
            onChange={set('email')}
            error={fields.email}
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            value={values.password}
            onChange={set('password')}
            error={fields.password}
          />
          <Button type="submit" loading={busy}>
            {t('auth.submitSignUp')}
          </Button>
          <Text size="sm">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/sign-in">
              {t('nav.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Container>
  );
}
