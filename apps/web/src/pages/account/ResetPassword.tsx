import { Alert, Anchor, Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { signOut } from '../../auth/session';
import { useSession } from '../../auth/useSession';
import { graphql } from '../../gql';
import { formErrors } from '../../graphql/errors';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!, $language: String) {
    requestPasswordReset(email: $email, language: $language)
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

/** /reset-password asks for the link; /reset-password?token=… (the e-mail's link) sets the new password. */
export default function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return <Container size="xs">{token ? <NewPassword token={token} /> : <RequestLink />}</Container>;
}

function RequestLink() {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [{ fetching }, request] = useMutation(RequestPasswordResetMutation);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setGeneral(null);
    if (!email.trim()) return setFields({ email: t('auth.required') });
    const language = i18n.language === 'fr' ? 'fr' : 'en';
    const result = await request({ email: email.trim(), language });
    const errors = formErrors(result.error);
    setFields(errors.fields);
    setGeneral(errors.general);
    if (!result.error) setSent(true);
  }

  return (
    <>
      <Title order={1} mb="md">
        {t('account.reset.requestTitle')}
      </Title>
      {sent ? (
        <Alert color="teal" role="status" data-testid="reset-sent">
          {t('account.reset.sent', { email: email.trim() })}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{t('account.reset.requestIntro')}</Text>
            {general && (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fields.email}
            />
            <Button type="submit" loading={fetching}>
              {t('account.reset.requestSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" mt="md" display="block">
        {t('account.reset.backToSignIn')}
      </Anchor>
    </>
  );
}

function NewPassword({ token }: { token: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [{ fetching }, reset] = useMutation(ResetPasswordMutation);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setGeneral(null);
    if (!password) return setFields({ newPassword: t('auth.required') });
    const result = await reset({ token, newPassword: password });
    const errors = formErrors(result.error);
    // the token comes from the link, not from a field: its refusal is said above the form
    if (errors.fields.token) errors.general = t('account.reset.badToken');
    setFields(errors.fields);
    setGeneral(errors.general);
    if (!result.error) {
      setDone(true);
      // every session was revoked, this one too
      if (user) await signOut();
    }
  }

  return (
    <>
      <Title order={1} mb="md">
        {t('account.reset.newTitle')}
      </Title>
      {done ? (
        <Stack>
          <Alert color="teal" role="status">
            {t('account.reset.done')}
          </Alert>
          <Button component={Link} to="/sign-in">
            {t('auth.submitSignIn')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {general && (
              <Alert color="red" role="alert">
                {general}{' '}
                {fields.token && (
                  <Anchor component={Link} to="/reset-password">
                    {t('account.reset.again')}
                  </Anchor>
                )}
              </Alert>
            )}
            <PasswordInput
              label={t('account.settings.newPassword')}
              description={t('auth.passwordHint')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fields.newPassword}
            />
            <Button type="submit" loading={fetching}>
              {t('account.reset.newSubmit')}
            </Button>
          </Stack>
        </form>
      )}
    </>
  );
}
