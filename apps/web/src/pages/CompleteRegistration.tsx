import { Alert, Button, Container, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { authErrorMessage } from '../auth/messages';
import { AuthError, completeRegistration } from '../auth/session';

/** The page of the confirmation e-mail's link (PUBLIC_WEB_URL/register/<token>). */
export default function CompleteRegistration() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const [values, setValues] = useState({ name: '', password: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.name.trim()) missing.name = t('auth.required');
    if (!values.password) missing.password = t('auth.required');
    setFields(missing);
    setGeneral(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await completeRegistration({ token, ...values });
      navigate('/me/organizations', { replace: true });
    } catch (error) {
      // a bad token names `token`, which has no input here: show it above the form
      if (error instanceof AuthError && error.field && error.field !== 'token')
        setFields({ [error.field]: error.message });
      else setGeneral(authErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={420} py="xl">
      <Title order={1} mb="lg">
        {t('auth.completeTitle')}
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
            onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
            error={fields.name}
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            value={values.password}
            onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
            error={fields.password}
          />
          <Button type="submit" loading={busy}>
            {t('auth.submitComplete')}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
