import { Alert, Anchor, Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { authErrorMessage } from '../auth/messages';
import { AuthError, signIn } from '../auth/session';

export default function SignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { from?: string; signedOut?: boolean } | null;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t('auth.required');
    if (!password) missing.password = t('auth.required');
    setFields(missing);
    setGeneral(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await signIn(email, password);
      navigate(state?.from ?? '/me/organizations', { replace: true });
    } catch (error) {
      if (error instanceof AuthError && error.field) setFields({ [error.field]: error.message });
      else setGeneral(authErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={420} py="xl">
      <Title order={1} mb="lg">
        {t('auth.signInTitle')}
      </Title>
      {state?.signedOut && !general && (
        <Alert color="teal" mb="md" role="status">
          {t('auth.signedOut')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert" data-testid="form-error">
              {general}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fields.email}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fields.password}
          />
          <Button type="submit" loading={busy}>
            {t('auth.submitSignIn')}
          </Button>
          <Text size="sm">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/sign-up">
              {t('nav.signUp')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Container>
  );
}
