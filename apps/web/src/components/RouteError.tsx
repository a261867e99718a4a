import { Alert, Button, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title={t('app.error', { message: error instanceof Error ? error.message : String(error) })}>
        <Button mt="md" onClick={() => location.reload()}>
          {t('app.retry')}
        </Button>
      </Alert>
    </Container>
  );
}
