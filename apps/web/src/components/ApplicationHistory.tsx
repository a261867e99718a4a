import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from './matching/OrganizationChooser';

export interface ApplicationHistoryEvent {
  id: string;
  fromStatus?: string | null;
  toStatus: string;
  note?: string | null;
  createdAt: string;
}

/**
 * Every move of an application, oldest first: "Submitted → Under review", when, and the note given
 * (the applicant's application page and the funder's inbox show the same history).
 */
export function ApplicationHistory({
  history,
  testId,
  bulletSize = 14,
}: {
  history: readonly ApplicationHistoryEvent[];
  testId?: string;
  bulletSize?: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const events = [...history].sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  return (
    <Timeline active={events.length - 1} bulletSize={bulletSize} lineWidth={2} data-testid={testId}>
      {events.map((event) => (
        <Timeline.Item
          key={event.id}
          title={
            event.fromStatus
              ? t('funding.application.transition', {
                  from: t(`funding.status.${event.fromStatus}`),
                  to: t(`funding.status.${event.toStatus}`),
                })
              : t(`funding.status.${event.toStatus}`)
          }
        >
          <Text size="sm" c="dimmed">
            <time dateTime={event.createdAt}>{formatDate(event.createdAt, lang, true)}</time>
          </Text>
          {event.note && <Text size="sm">{event.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
