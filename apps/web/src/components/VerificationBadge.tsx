import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOURS = { VERIFIED: 'teal', PENDING: 'yellow', REJECTED: 'red', UNVERIFIED: 'gray' } as const;
const KEYS = {
  VERIFIED: 'organization.verified',
  PENDING: 'organization.pending',
  REJECTED: 'organization.rejected',
  UNVERIFIED: 'organization.unverified',
} as const;

export function VerificationBadge({ status }: { status: keyof typeof COLOURS }) {
  const { t } = useTranslation();
  if (status === 'UNVERIFIED') return null;
  // dark text on a light badge keeps the label readable (contrast ≥ 4.5:1)
  return (
    <Badge color={COLOURS[status]} variant="light" c={`${COLOURS[status]}.9`} data-testid="verification-badge">
      {t(KEYS[status])}
    </Badge>
  );
}
