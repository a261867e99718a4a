import { Alert, Anchor, Badge, Button, Card, Container, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import type { NotificationPageQuery } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';

const PAGE_SIZE = 20;

const NotificationPage = graphql(`
  query NotificationPage($after: String, $first: Int, $unreadOnly: Boolean) {
    myNotifications(after: $after, first: $first, unreadOnly: $unreadOnly) {
      id
      cursor
      kind
      title
      body
      link
      readAt
      createdAt
      organization {
        id
        name
        slug
      }
    }
  }
`);

const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);

const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

type Item = NotificationPageQuery['myNotifications'][number];

/** /notifications: every notification, newest first, a page at a time; each opens the page it is about. */
export default function NotificationCentre() {
  const { t, i18n } = useTranslation();
  const { user, ready } = useSession();
  const [unreadOnly, setUnreadOnly] = useState(false);
  // the cursors of the pages shown after the first one
  const [cursors, setCursors] = useState<string[]>([]);
  const [readNow, setReadNow] = useState<Record<string, string>>({});
  const [allRead, setAllRead] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, markOne] = useMutation(MarkNotificationReadMutation);
  const [{ fetching: markingAll }, markAll] = useMutation(MarkAllNotificationsReadMutation);
  useEffect(() => {
    setCursors([]);
    setAllRead(null);
  }, [unreadOnly]);
  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/notifications' }} />;
  if (!ready) return <Loading />;
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  async function read(item: Item) {
    if (item.readAt || readNow[item.id]) return;
    const result = await markOne({ id: item.id });
    if (result.data) setReadNow((r) => ({ ...r, [item.id]: result.data!.markNotificationRead.readAt ?? '' }));
    else setError(formErrors(result.error).general);
  }
  async function readAll() {
    setError(null);
    // the answer is a count: tell the cache that notifications changed (the bell's count reloads)
    const result = await markAll({}, { additionalTypenames: ['Notification'] });
    if (result.error) return setError(formErrors(result.error).general);
    setAllRead(result.data?.markAllNotificationsRead ?? 0);
  }
  const pages = [undefined, ...cursors];
  return (
    <Container size="md">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={1}>{t('account.inbox.title')}</Title>
        <Button onClick={() => void readAll()} loading={markingAll} variant="light">
          {t('account.inbox.markAll')}
        </Button>
      </Group>
      <Stack>
        <Switch
          label={t('account.inbox.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Text role="status" size="sm" data-testid="mark-all-status">
          {allRead !== null ? t('account.inbox.markedAll', { count: allRead }) : ''}
        </Text>
        {pages.map((after, index) => (
          <NotificationList
            key={`${unreadOnly}-${after ?? 'first'}`}
            after={after}
            unreadOnly={unreadOnly}
            last={index === pages.length - 1}
            readNow={readNow}
            allRead={allRead !== null}
            dates={dates}
            onRead={read}
            onMore={(cursor) => setCursors((c) => [...c, cursor])}
          />
        ))}
      </Stack>
    </Container>
  );
}

function NotificationList(props: {
  after: string | undefined;
  unreadOnly: boolean;
  last: boolean;
  readNow: Record<string, string>;
  /** every notification loaded so far was marked read */
  allRead: boolean;
  dates: Intl.DateTimeFormat;
  onRead: (item: Item) => Promise<void>;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: NotificationPage,
    variables: { after: props.after, first: PAGE_SIZE, unreadOnly: props.unreadOnly || undefined },
    requestPolicy: 'network-only',
  });
  if (error)
    return (
      <Alert color="red" role="alert">
        {formErrors(error).general}
      </Alert>
    );
  if (!data) return fetching ? <Loading /> : null;
  const items = data.myNotifications;
  if (items.length === 0 && !props.after) return <Text>{t('notifications.empty')}</Text>;
  return (
    <>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="notification-list">
        {items.map((item) => {
          const read = Boolean(item.readAt || props.readNow[item.id] || props.allRead);
          return (
            <Card
              key={item.id}
              component="li"
              withBorder
              padding="sm"
              data-testid="notification"
              data-read={read}
              style={{ borderLeft: read ? undefined : '4px solid var(--mantine-color-teal-9)' }}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  {item.link ? (
                    <Anchor
                      component={Link}
                      to={item.link}
                      fw={read ? 500 : 700}
                      onClick={() => void props.onRead(item)}
                    >
                      {item.title}
                    </Anchor>
                  ) : (
                    <Text fw={read ? 500 : 700}>{item.title}</Text>
                  )}
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.body}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {props.dates.format(new Date(item.createdAt))}
                    {item.organization && (
                      <>
                        {' · '}
                        <Anchor component={Link} to={`/organizations/${item.organization.slug}`} size="xs">
                          {item.organization.name}
                        </Anchor>
                      </>
                    )}
                  </Text>
                </div>
                {read ? (
                  <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                    {t('account.inbox.read')}
                  </Badge>
                ) : (
                  <Button
                    size="xs"
                    variant="default"
                    style={{ flexShrink: 0 }}
                    onClick={() => void props.onRead(item)}
                    aria-label={t('account.inbox.markOneNamed', { title: item.title })}
                  >
                    {t('account.inbox.markOne')}
                  </Button>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      {props.last && items.length === PAGE_SIZE && (
        <Button variant="default" onClick={() => props.onMore(items[items.length - 1].cursor)}>
          {t('account.inbox.more')}
        </Button>
      )}
    </>
  );
}
