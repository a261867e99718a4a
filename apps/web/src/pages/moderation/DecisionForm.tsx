import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { FormError } from '../../components/forms/FormError';
import { useFormErrors } from '../../components/forms/useFormErrors';

/**
 * A moderator's decision on one verification request: approve or reject with a note. A rejection
 * needs a note (checked here, and the API's BAD_USER_INPUT on `note` stands beside the field too).
 */
export function DecisionForm({
  organizationName,
  onDecide,
}: {
  organizationName: string;
  onDecide: (approve: boolean, note: string | null) => Promise<{ error?: CombinedError }>;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const decide = async (approve: boolean) => {
    const trimmed = note.trim();
    if (!form.check({ note: !approve && !trimmed && t('moderation.decision.noteRequired') })) return;
    setBusy(true);
    const { error } = await onDecide(approve, trimmed || null);
    setBusy(false);
    form.settle(error);
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Stack gap="xs">
        <FormError message={form.general} />
        <Textarea
          label={t('moderation.decision.note')}
          description={t('moderation.decision.noteHelp')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={form.fields.note}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group gap="sm" wrap="wrap">
          <Button
            color="teal.9"
            loading={busy}
            onClick={() => void decide(true)}
            aria-label={t('moderation.decision.approveLabel', { name: organizationName })}
          >
            {t('moderation.decision.approve')}
          </Button>
          <Button
            color="red.8"
            variant="outline"
            loading={busy}
            onClick={() => void decide(false)}
            aria-label={t('moderation.decision.rejectLabel', { name: organizationName })}
          >
            {t('moderation.decision.reject')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
