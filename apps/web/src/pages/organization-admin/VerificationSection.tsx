import { Alert, Anchor, Button, FileInput, Group, Image, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { graphql } from '../../gql';
import type { FilePurpose, VerificationStatus } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { uploadFile } from './upload';

const RequestVerificationMutation = graphql(`
  mutation RequestOrganizationVerification($organizationId: ID!) {
    requestVerification(organizationId: $organizationId) {
      id
      verification
    }
  }
`);

interface Evidence {
  id: string;
  fileName: string;
  url: string;
  createdAt: string;
}

interface HistoryEntry {
  id: string;
  fromStatus: VerificationStatus;
  toStatus: VerificationStatus;
  note?: string | null;
  createdAt: string;
}

function Upload(props: {
  organizationId: string;
  purpose: FilePurpose;
  label: string;
  accept: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  async function send() {
    if (!file) return setError(t('auth.required'));
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await uploadFile(client, props.organizationId, props.purpose, file);
      setStatus(t('account.organization.uploaded', { name: file.name }));
      setFile(null);
      props.onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap">
        <FileInput
          label={props.label}
          accept={props.accept}
          value={file}
          onChange={setFile}
          error={error}
          clearable
          style={{ flex: '1 1 220px' }}
        />
        <Button variant="default" onClick={() => void send()} loading={busy}>
          {t('account.organization.upload')}
        </Button>
      </Group>
      <Text size="sm" role="status">
        {status}
      </Text>
    </Stack>
  );
}

export function VerificationSection(props: {
  organizationId: string;
  verification: VerificationStatus;
  manager: boolean;
  logoUrl: string | null;
  evidence: Evidence[];
  history: HistoryEntry[];
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const [general, setGeneral] = useState<string | null>(null);
  const [{ fetching }, request] = useMutation(RequestVerificationMutation);
  const canRequest = props.manager && (props.verification === 'UNVERIFIED' || props.verification === 'REJECTED');
  async function ask() {
    setGeneral(null);
    const result = await request({ organizationId: props.organizationId });
    if (result.error) setGeneral(formErrors(result.error).general);
    else props.onChange();
  }
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('account.organization.verification')}
      </Title>
      <Text>{t(`account.organization.verificationStatus.${props.verification}`)}</Text>
      {general && (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      )}
      {props.manager && (
        <>
          <Text size="sm">{t('account.organization.evidenceIntro')}</Text>
          {props.evidence.length > 0 && (
            <List size="sm">
              {props.evidence.map((file) => (
                <List.Item key={file.id}>
                  <Anchor href={file.url} target="_blank" rel="noreferrer">
                    {file.fileName}
                  </Anchor>{' '}
                  ({dates.format(new Date(file.createdAt))})
                </List.Item>
              ))}
            </List>
          )}
          <Upload
            organizationId={props.organizationId}
            purpose="VERIFICATION_EVIDENCE"
            label={t('account.organization.evidence')}
            accept="application/pdf,image/png,image/jpeg"
            onDone={props.onChange}
          />
          {canRequest && (
            <Button onClick={() => void ask()} loading={fetching} style={{ alignSelf: 'flex-start' }}>
              {t('account.organization.requestVerification')}
            </Button>
          )}
        </>
      )}
      {props.history.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t('account.organization.history')}
          </Title>
          <List size="sm">
            {props.history.map((h) => (
              <List.Item key={h.id}>
                {dates.format(new Date(h.createdAt))}: {t(`account.organization.verificationShort.${h.fromStatus}`)} →{' '}
                {t(`account.organization.verificationShort.${h.toStatus}`)}
                {h.note ? ` — ${h.note}` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {props.manager && (
        <>
          <Title order={2} size="h3">
            {t('account.organization.logo')}
          </Title>
          {props.logoUrl && <Image src={props.logoUrl} alt={t('account.organization.currentLogo')} maw={160} />}
          <Upload
            organizationId={props.organizationId}
            purpose="LOGO"
            label={t('account.organization.logoFile')}
            accept="image/png,image/jpeg,image/webp"
            onDone={props.onChange}
          />
        </>
      )}
    </Stack>
  );
}
