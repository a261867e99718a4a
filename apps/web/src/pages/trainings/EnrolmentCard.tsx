import { Alert, Anchor, Badge, Button, Card, Group, Rating, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { formatDate } from '../../components/matching/OrganizationChooser';
import { graphql } from '../../gql';
import type { EnrolmentStatus } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';

const CancelEnrolment = graphql(`
  mutation CancelEnrolment($id: ID!) {
    cancelEnrolment(id: $id) {
      id
      status
      cancelledAt
    }
  }
`);

const RateTraining = graphql(`
  mutation RateTraining($enrolmentId: ID!, $rating: Int!, $comment: String) {
    rateTraining(enrolmentId: $enrolmentId, rating: $rating, comment: $comment) {
      id
      rating
      comment
      ratedAt
    }
  }
`);

export const ENROLMENT_COLORS: Record<EnrolmentStatus, string> = {
  APPLIED: 'blue',
  ACCEPTED: 'green',
  WAITLISTED: 'orange',
  COMPLETED: 'teal',
  CANCELLED: 'dark',
  DECLINED: 'red',
};

export interface EnrolmentView {
  id: string;
  status: EnrolmentStatus;
  /** 1 = the next to get a seat; null unless WAITLISTED */
  waitlistPosition?: number | null;
  createdAt: string;
  rating: number | null;
  comment: string | null;
  training: { id: string; title: string; startsAt: string; waitlisted: number; seatsLeft: number };
}

/** One enrolment: its status (with the waiting list), cancelling while it holds or waits for a seat, rating once completed. */
export function EnrolmentCard({ enrolment, onChange }: { enrolment: EnrolmentView; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ fetching: cancelling }, cancel] = useMutation(CancelEnrolment);
  const [{ fetching: rating }, rate] = useMutation(RateTraining);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const e = enrolment;

  async function act(action: () => Promise<{ error?: Parameters<typeof formErrors>[0] }>) {
    setFields({});
    setGeneral(null);
    const result = await action();
    if (result.error) {
      const errors = formErrors(result.error);
      setFields(errors.fields);
      setGeneral(errors.general);
    } else onChange();
  }

  return (
    <Card withBorder padding="sm" data-testid="enrolment" component="article">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor component={Link} to={`/trainings/${e.training.id}`} fw={600}>
          {e.training.title}
        </Anchor>
        <Badge color={ENROLMENT_COLORS[e.status]} c="dark.8" variant="light">
          {t(`funding.enrolmentStatus.${e.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('funding.trainings.starts', { date: formatDate(e.training.startsAt, lang) })} ·{' '}
        {t('funding.trainings.enrolledOn', { date: formatDate(e.createdAt, lang) })}
      </Text>
      {e.status === 'WAITLISTED' && (
        <Text size="sm" data-testid="waitlist">
          {e.waitlistPosition
            ? t('funding.trainings.waitlistPosition', {
                position: new Intl.NumberFormat(lang).format(e.waitlistPosition),
                count: e.training.waitlisted,
              })
            : t('funding.trainings.waitlistInfo', { count: e.training.waitlisted })}
        </Text>
      )}
      {general && (
        <Alert color="red" role="alert" mt="xs">
          {general}
        </Alert>
      )}
      {(e.status === 'ACCEPTED' || e.status === 'WAITLISTED' || e.status === 'APPLIED') && (
        <Group mt="xs">
          <Button
            size="xs"
            variant="outline"
            color="red"
            loading={cancelling}
            onClick={() => void act(() => cancel({ id: e.id }))}
          >
            {t('funding.trainings.cancel')}
          </Button>
        </Group>
      )}
      {e.status === 'COMPLETED' && e.rating !== null && (
        <Text size="sm" mt="xs">
          {t('funding.trainings.yourRating', { rating: e.rating })}
          {e.comment ? ` — ${e.comment}` : ''}
        </Text>
      )}
      {e.status === 'COMPLETED' && e.rating === null && (
        <Stack gap="xs" mt="xs">
          <Text size="sm" fw={600} id={`rate-${e.id}`}>
            {t('funding.trainings.rate')}
          </Text>
          <Rating
            value={stars}
            onChange={setStars}
            aria-labelledby={`rate-${e.id}`}
            getSymbolLabel={(value) => t('funding.trainings.stars', { count: value })}
          />
          {fields.rating && (
            <Text size="sm" c="red.9">
              {fields.rating}
            </Text>
          )}
          <Textarea
            label={t('funding.trainings.comment')}
            value={comment}
            onChange={(ev) => setComment(ev.currentTarget.value)}
            error={fields.comment}
            autosize
            minRows={2}
          />
          <Group>
            <Button
              size="xs"
              loading={rating}
              disabled={stars === 0}
              onClick={() =>
                void act(() => rate({ enrolmentId: e.id, rating: stars, comment: comment.trim() || null }))
              }
            >
              {t('funding.trainings.sendRating')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
