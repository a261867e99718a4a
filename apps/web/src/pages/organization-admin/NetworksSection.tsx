import { Alert, Anchor, Button, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { formErrors } from '../../graphql/errors';
import { byLabel } from '../../i18n/names';

const DiasporaNetworks = graphql(`
  query DiasporaNetworks {
    organizations(filter: { kinds: [DIASPORA_NETWORK] }, first: 100, orderBy: NAME) {
      nodes {
        id
        name
      }
    }
  }
`);

const JoinNetworkMutation = graphql(`
  mutation JoinNetwork($networkId: ID!, $organizationId: ID!) {
    joinNetwork(networkId: $networkId, organizationId: $organizationId) {
      id
    }
  }
`);

export function NetworksSection(props: {
  organizationId: string;
  networks: { id: string; name: string; slug: string }[];
  manager: boolean;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [{ data }] = useQuery({ query: DiasporaNetworks, pause: !props.manager });
  const [networkId, setNetworkId] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [{ fetching }, join] = useMutation(JoinNetworkMutation);
  const member = new Set(props.networks.map((n) => n.id));
  const options = (data?.organizations.nodes ?? [])
    .filter((n) => n.id !== props.organizationId && !member.has(n.id))
    .map((n) => ({ value: n.id, label: n.name }))
    .sort(byLabel(i18n.language));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setGeneral(null);
    setStatus('');
    if (!networkId) return setFields({ networkId: t('auth.required') });
    const result = await join({ networkId, organizationId: props.organizationId });
    const errors = formErrors(result.error);
    setFields(errors.fields);
    setGeneral(errors.general);
    if (!result.error) {
      setStatus(t('account.organization.joinRequested'));
      props.onChange();
    }
  }
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('account.organization.networks')}
      </Title>
      {props.networks.length === 0 ? (
        <Text size="sm">{t('account.organization.noNetworks')}</Text>
      ) : (
        <List size="sm">
          {props.networks.map((n) => (
            <List.Item key={n.id}>
              <Anchor component={Link} to={`/organizations/${n.slug}`}>
                {n.name}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
      {props.manager && (
        <form onSubmit={submit} noValidate aria-label={t('account.organization.joinNetwork')}>
          <Stack>
            {general && (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            )}
            <NativeSelect
              label={t('account.organization.network')}
              data={[{ value: '', label: t('account.organization.chooseNetwork') }, ...options]}
              value={networkId}
              onChange={(e) => setNetworkId(e.currentTarget.value)}
              error={fields.networkId}
            />
            <Group>
              <Button type="submit" loading={fetching}>
                {t('account.organization.joinNetwork')}
              </Button>
              <Text size="sm" role="status">
                {status}
              </Text>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
