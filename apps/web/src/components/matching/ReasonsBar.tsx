import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNCONFIRMED_COLOR } from './EligibilityChecklist';

export interface Reason {
  factor: string;
  points: number;
  detail: string;
}

/** One colour per factor (WCAG AA against white for the text next to them is not needed: they are swatches). */
const COLORS: Record<string, string> = {
  THEMES: '#1c7ed6',
  SDGS: '#2f9e44',
  GEOGRAPHY: '#e8590c',
  BUDGET: '#9c36b5',
  TEXT: '#0c8599',
  PRIORITY: '#c2255c',
  NEEDS: '#1c7ed6',
  LANGUAGE: '#2f9e44',
  PLACE: '#e8590c',
  SUBSIDY: '#9c36b5',
  RATING: '#0c8599',
  KIND: '#364fc7',
  CAPACITY: '#087f5b',
};
const FALLBACK = ['#5f3dc4', '#364fc7', '#087f5b', '#a61e4d', '#d9480f'];

export function factorColor(factor: string, index: number): string {
  return COLORS[factor] ?? FALLBACK[index % FALLBACK.length];
}

/** Points of a 0..1 score as points out of 100, formatted for the language. */
export function asPoints(points: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(points * 100);
}

/**
 * A reason without points that says the match rests on facts the organization left blank (founding
 * year, not-for-profit status, income, members): its detail names them. It is no part of the score.
 */
export const isUnconfirmedNote = (r: Reason) => r.factor === 'UNCONFIRMED' && r.points === 0;

/**
 * The API's sentence without its lead when that lead is the label shown before it ("To be confirmed:
 * the fund’s rules ask…" under "To be confirmed" reads "the fund’s rules ask…"), so the words are not said twice.
 */
export function withoutLead(detail: string, label: string): string {
  const colon = detail.indexOf(':');
  if (colon < 0) return detail;
  const lead = detail.slice(0, colon).trim();
  return lead.localeCompare(label, undefined, { sensitivity: 'accent' }) === 0
    ? detail.slice(colon + 1).trim()
    : detail;
}

/**
 * A match's score as the points of each reason: a horizontal stacked bar (one segment per factor that
 * earned points, out of 100) described for screen readers, under it what is still to be confirmed
 * (an UNCONFIRMED reason, as a note rather than a segment), and the scored reasons as a text list.
 */
export function ReasonsBar({ reasons, score, id }: { reasons: Reason[]; score?: number; id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const total = score ?? reasons.reduce((sum, r) => sum + r.points, 0);
  const label = (factor: string) => t(`funding.factor.${factor}`, { defaultValue: factor });
  const notes = reasons.filter(isUnconfirmedNote);
  const scored = reasons.filter((r) => !isUnconfirmedNote(r));
  const earning = scored.filter((r) => r.points > 0);
  const summary = t('funding.reasons.summary', {
    total: asPoints(total, lang),
    parts: earning.map((r) => `${label(r.factor)} ${asPoints(r.points, lang)}`).join(', ') || t('funding.reasons.none'),
  });
  return (
    <Stack gap={6} data-testid="reasons">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} id={`${id}-score`}>
          {t('funding.reasons.score', { total: asPoints(total, lang) })}
        </Text>
      </Group>
      <Box
        role="img"
        aria-label={summary}
        data-testid="reasons-bar"
        style={{
          display: 'flex',
          height: 14,
          width: '100%',
          borderRadius: 7,
          overflow: 'hidden',
          background: 'var(--mantine-color-gray-2)',
        }}
      >
        {earning.map((r, index) => (
          <span
            key={r.factor}
            data-factor={r.factor}
            title={`${label(r.factor)}: ${asPoints(r.points, lang)}`}
            style={{
              width: `${Math.min(100, Math.round(r.points * 10000) / 100)}%`,
              background: factorColor(r.factor, index),
              borderRight: '1px solid white',
            }}
          />
        ))}
      </Box>
      {notes.map((r, index) => (
        <Group key={`unconfirmed-${index}`} gap={6} wrap="nowrap" align="flex-start" data-testid="reasons-unconfirmed">
          <Text
            component="span"
            aria-hidden="true"
            size="sm"
            fw={700}
            c={UNCONFIRMED_COLOR}
            style={{ flex: '0 0 auto', width: 10, textAlign: 'center' }}
          >
            ?
          </Text>
          <Text size="sm">
            <strong>{t('funding.reasons.unconfirmed')}</strong> —{' '}
            {withoutLead(r.detail, t('funding.reasons.unconfirmed'))}
          </Text>
        </Group>
      ))}
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={`${id}-score`}>
        {scored.map((r, index) => (
          <li key={r.factor} data-factor={r.factor}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <span
                aria-hidden="true"
                style={{
                  flex: '0 0 auto',
                  width: 10,
                  height: 10,
                  marginTop: 5,
                  borderRadius: 2,
                  background: r.points > 0 ? factorColor(r.factor, earning.indexOf(r)) : 'var(--mantine-color-gray-5)',
                }}
                data-index={index}
              />
              <Text size="sm">
                <strong>
                  {label(r.factor)} · {t('funding.reasons.points', { points: asPoints(r.points, lang) })}
                </strong>{' '}
                — {r.detail}
              </Text>
            </Group>
          </li>
        ))}
      </Box>
    </Stack>
  );
}
