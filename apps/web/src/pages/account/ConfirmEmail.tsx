import { Alert, Button, Container, Loader, Stack, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../../auth/useSession';
import { graphql } from '../../gql';

const ConfirmEmailChangeMutation = graphql(`
  mutation ConfirmEmailChange($token: String!) {
    confirmEmailChange(token: $token)
  }
`);

/** /confirm-email?token=… (the link mailed to the new address): confirms it once signed in. */
export default function ConfirmEmail() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const token = params.get('token');
  const { user, ready } = useSession();
  const [{ fetching }, confirm] = useMutation(ConfirmEmailChangeMutation);
  const [outcome, setOutcome] = useState<'done' | 'refused' | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (!user || !token || started.current) return;
    started.current = true;
    void confirm({ token }).then((result) => setOutcome(result.error ? 'refused' : 'done'));
  }, [user, token, confirm]);

  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <Container size="xs">
      <Title order={1} mb="md">
        {t('account.confirmEmail.title')}
      </Title>
      <Stack>
        {!token && (
          <Alert color="red" role="alert">
            {t('account.confirmEmail.refused')}
          </Alert>
        )}
        {token && (fetching || !outcome) && <Loader aria-label={t('app.loading')} />}
        {outcome === 'done' && (
          <Alert color="teal" role="status">
            {t('account.confirmEmail.done')}
          </Alert>
        )}
        {outcome === 'refused' && (
          <Alert color="red" role="alert">
            {t('account.confirmEmail.refused')}
          </Alert>
        )}
        <Button component={Link} to="/me/settings" variant="default">
          {t('account.settings.title')}
        </Button>
      </Stack>
    </Container>
  );
}
