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

const PendingNetworkRequests = graphql(`
  query PendingNetworkRequests($networkId: ID!, $after: String) {
    organization(id: $networkId) {
      id
      kind
    }
    pendingNetworkRequests(networkId: $networkId, first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        createdAt
        organization {
          id
          name
          slug
        }
      }
    }
  }
`);

const RespondToNetworkRequestMutation = graphql(`
  mutation RespondToNetworkRequest($networkId: ID!, $organizationId: ID!, $accept: Boolean!) {
    respondToNetworkRequest(networkId: $networkId, organizationId: $organizationId, accept: $accept) {
      id
    }
  }
`);

/** For a network's OWNER/ADMIN: the requests to join it that wait for an answer, a page at a time. */
function NetworkRequests(props: { networkId: string; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [status, setStatus] = useState('');
  const [general, setGeneral] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [{ fetching }, respond] = useMutation(RespondToNetworkRequestMutation);
  const [{ data }] = useQuery({ query: PendingNetworkRequests, variables: { networkId: props.networkId } });
  if (data?.organization?.kind !== 'DIASPORA_NETWORK') return null;
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  async function answer(organization: { id: string; name: string }, accept: boolean) {
    setGeneral(null);
    setStatus('');
    const result = await respond(
      { networkId: props.networkId, organizationId: organization.id, accept },
      { additionalTypenames: ['NetworkMembershipRequest'] },
    );
    if (result.error) return setGeneral(formErrors(result.error).general);
    setStatus(
      t(accept ? 'account.organization.requestAccepted' : 'account.organization.requestDeclined', {
        name: organization.name,
      }),
    );
    setCursors([undefined]);
    setVersion((v) => v + 1);
    props.onChange();
  }

  return (
    <section aria-labelledby="network-requests-title">
      <Title order={3} size="h4" id="network-requests-title" mb="xs">
        {t('account.organization.networkRequests', { count: data.pendingNetworkRequests.totalCount })}
      </Title>
      {general && (
        <Alert color="red" role="alert" mb="xs">
          {general}
        </Alert>
      )}
      <Text size="sm" role="status" mb="xs">
        {status}
      </Text>
      {data.pendingNetworkRequests.totalCount === 0 ? (
        <Text size="sm">{t('account.organization.noNetworkRequests')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="network-requests">
          {cursors.map((after) => (
            <RequestPage
              key={`${version}-${after ?? 'first'}`}
              networkId={props.networkId}
              after={after}
              busy={fetching}
              dates={dates}
              onAnswer={(organization, accept) => void answer(organization, accept)}
              onMore={(cursor) => setCursors((c) => (c.includes(cursor) ? c : [...c, cursor]))}
              last={after === cursors[cursors.length - 1]}
            />
          ))}
        </Stack>
      )}
    </section>
  );
}

function RequestPage(props: {
  networkId: string;
  after: string | undefined;
  busy: boolean;
  last: boolean;
  dates: Intl.DateTimeFormat;
  onAnswer: (organization: { id: string; name: string }, accept: boolean) => void;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({
    query: PendingNetworkRequests,
    variables: { networkId: props.networkId, after: props.after },
    requestPolicy: 'cache-and-network',
  });
  const page = data?.pendingNetworkRequests;
  if (!page) return null;
  return (
    <>
      {page.nodes.map((r) => (
        <li key={r.id} data-testid="network-request">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div>
              <Anchor component={Link} to={`/organizations/${r.organization.slug}`}>
                {r.organization.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('account.organization.requestedOn', { date: props.dates.format(new Date(r.createdAt)) })}
              </Text>
            </div>
            <Group gap="xs">
              <Button
                size="xs"
                disabled={props.busy}
                aria-label={t('account.organization.acceptNamed', { name: r.organization.name })}
                onClick={() => props.onAnswer(r.organization, true)}
              >
                {t('account.organization.acceptRequest')}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={props.busy}
                aria-label={t('account.organization.declineNamed', { name: r.organization.name })}
                onClick={() => props.onAnswer(r.organization, false)}
              >
                {t('account.organization.declineRequest')}
              </Button>
            </Group>
          </Group>
        </li>
      ))}
      {props.last && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <li>
          <Button variant="default" size="xs" onClick={() => props.onMore(page.pageInfo.endCursor!)}>
            {t('account.organization.moreRequests')}
          </Button>
        </li>
      )}
    </>
  );
}

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
      {props.manager && <NetworkRequests networkId={props.organizationId} onChange={props.onChange} />}
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
