import { Alert, Anchor, Badge, Button, Card, Container, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import type { VerificationQueueQuery } from '../../gql/graphql';
import { DecisionForm } from './DecisionForm';

const VerificationQueueDocument = graphql(`
  query VerificationQueue($first: Int, $after: String) {
    verificationQueue(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        requestedAt
        note
        previousStatus
        requestedBy {
          id
          name
        }
        evidence {
          id
          fileName
          contentType
          size
          createdAt
          url
        }
        organization {
          id
          slug
          name
          kind
          verification
          verificationHistory {
            id
            createdAt
            fromStatus
            toStatus
            note
          }
        }
      }
    }
  }
`);

const DecideVerification = graphql(`
  mutation DecideVerification($organizationId: ID!, $approve: Boolean!, $note: String) {
    decideVerification(organizationId: $organizationId, approve: $approve, note: $note) {
      id
      verification
    }
  }
`);

type Request = VerificationQueueQuery['verificationQueue']['nodes'][number];

const PAGE = 20;

function formatSize(bytes: number, language: string) {
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
    Math.max(1, Math.round(bytes / 1024)),
  );
}

function RequestCard({ request, onDecided }: { request: Request; onDecided: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [, decide] = useMutation(DecideVerification);
  const org = request.organization;
  const headingId = `request-${request.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid="verification-request">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h3" id={headingId}>
              <Anchor component={Link} to={`/organizations/${org.slug}`}>
                {org.name}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {t(`kind.${org.kind}`, { defaultValue: org.kind })}
            </Text>
          </div>
          <Badge variant="light" c="dark.8">
            {t('moderation.queue.previous', {
              status: t(`account.organization.verificationShort.${request.previousStatus}`),
            })}
          </Badge>
        </Group>
        <Text size="sm" data-testid="requested">
          {request.requestedBy
            ? t('moderation.queue.requestedBy', {
                date: formatDate(request.requestedAt, lang, true),
                name: request.requestedBy.name,
              })
            : t('moderation.queue.requestedAt', { date: formatDate(request.requestedAt, lang, true) })}
        </Text>
        {request.note && (
          <Text size="sm" fs="italic">
            {request.note}
          </Text>
        )}
        <section aria-labelledby={`${headingId}-evidence`}>
          <Title order={3} size="h5" id={`${headingId}-evidence`}>
            {t('moderation.queue.evidence', { count: request.evidence.length })}
          </Title>
          {request.evidence.length === 0 ? (
            <Text size="sm">{t('moderation.queue.noEvidence')}</Text>
          ) : (
            <List size="sm" data-testid="evidence">
              {request.evidence.map((f) => (
                <List.Item key={f.id}>
                  <Anchor href={f.url} target="_blank" rel="noopener noreferrer">
                    {f.fileName}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    ({formatSize(f.size, lang)}, {formatDate(f.createdAt, lang)})
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </section>
        <section aria-labelledby={`${headingId}-history`}>
          <Title order={3} size="h5" id={`${headingId}-history`}>
            {t('moderation.queue.history')}
          </Title>
          <List size="sm" data-testid="verification-history">
            {org.verificationHistory.map((e) => (
              <List.Item key={e.id}>
                {formatDate(e.createdAt, lang, true)} · {t(`account.organization.verificationShort.${e.fromStatus}`)} →{' '}
                {t(`account.organization.verificationShort.${e.toStatus}`)}
                {e.note ? ` — ${e.note}` : ''}
              </List.Item>
            ))}
          </List>
        </section>
        <DecisionForm
          organizationName={org.name}
          onDecide={async (approve, note) => {
            const result = await decide({ organizationId: org.id, approve, note });
            if (!result.error)
              onDecided(
                t(approve ? 'moderation.decision.approved' : 'moderation.decision.rejected', { name: org.name }),
              );
            return result;
          }}
        />
      </Stack>
    </Card>
  );
}

/** The verification queue: pending requests, oldest first, with their evidence, history and the decision. */
export default function VerificationQueue() {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1];
  const moderator = !!user && user.platformRole !== 'USER';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: VerificationQueueDocument,
    variables: { first: PAGE, after },
    pause: !moderator,
    requestPolicy: 'cache-and-network',
  });
  const [message, setMessage] = useState<string | null>(null);
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/moderation/verification' }} />;
  if (!ready) return <Loading />;
  const queue = data?.verificationQueue;
  return (
    <Container size="md">
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('moderation.queue.title')}</Title>
          {queue && (
            <Text c="dimmed" data-testid="queue-count">
              {t('moderation.queue.count', { count: queue.totalCount })}
            </Text>
          )}
        </div>
        <div role="status" aria-live="polite">
          {message && (
            <Alert color="teal" data-testid="queue-message">
              {message}
            </Alert>
          )}
        </div>
        {!moderator ? (
          <Alert color="gray">{t('moderation.notModerator')}</Alert>
        ) : error && !data ? (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        ) : fetching && !data ? (
          <Loading />
        ) : queue && queue.nodes.length === 0 ? (
          <Text>{t('moderation.queue.empty')}</Text>
        ) : (
          queue?.nodes.map((r) => (
            <RequestCard
              key={r.id}
              request={r}
              onDecided={(m) => {
                setMessage(m);
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          ))
        )}
        <Group gap="sm">
          {cursors.length > 1 && (
            <Button variant="default" onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('moderation.queue.previousPage')}
            </Button>
          )}
          {queue?.pageInfo.hasNextPage && (
            <Button variant="default" onClick={() => setCursors((c) => [...c, queue.pageInfo.endCursor ?? null])}>
              {t('moderation.queue.nextPage')}
            </Button>
          )}
        </Group>
      </Stack>
    </Container>
  );
}
