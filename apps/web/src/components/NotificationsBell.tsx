import { ActionIcon, Indicator, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';

const RecentNotifications = graphql(`
  query RecentNotifications {
    unreadNotificationCount
    myNotifications(first: 10) {
      id
      title
      body
      link
      readAt
      createdAt
    }
  }
`);

const NotificationAdded = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      title
      body
      link
      readAt
      createdAt
    }
  }
`);

type Item = { id: string; title: string; body: string; link: string | null; readAt: string | null; createdAt: string };

/**
 * The bell: the latest notifications, updated live over graphql-ws, and the number of unread ones
 * (the API's count, plus the unread ones that arrived live since it was read).
 */
export function NotificationsBell() {
  const { t, i18n } = useTranslation();
  const [{ data }] = useQuery({ query: RecentNotifications });
  const [live, setLive] = useState<Item[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [{ data: added }] = useSubscription({ query: NotificationAdded });
  useEffect(() => {
    const item = added?.notificationAdded;
    if (!item) return;
    setLive((items) => (items.some((i) => i.id === item.id) ? items : [item, ...items]));
    setAnnouncement(t('notifications.live', { title: item.title }));
  }, [added, t]);
  const loaded = data?.myNotifications ?? [];
  const known = new Set(loaded.map((i) => i.id));
  const arrived = live.filter((i) => !known.has(i.id));
  const items = [...arrived, ...loaded].slice(0, 10);
  const unread = (data?.unreadNotificationCount ?? 0) + arrived.filter((i) => !i.readAt).length;
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <Menu position="bottom-end" width={320} withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
            data-testid="notifications-bell"
          >
            <Indicator label={unread} size={16} disabled={unread === 0} offset={2} color="red.9">
              <svg
                aria-hidden="true"
                width="22"
                height="22"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
              </svg>
            </Indicator>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {items.length === 0 && <Menu.Label>{t('notifications.empty')}</Menu.Label>}
          {items.map((item) => (
            <Menu.Item key={item.id} component={Link} to={item.link ?? '/'}>
              <Text size="sm" fw={item.readAt ? 400 : 700}>
                {item.title}
              </Text>
              <Text size="xs" c="dimmed">
                {dates.format(new Date(item.createdAt))}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item component={Link} to="/notifications" data-testid="notifications-all">
            <Text size="sm">{t('account.inbox.seeAll')}</Text>
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </>
  );
}
