import { Alert, Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface EligibilityCheck {
  rule: string;
  passed: boolean;
  /** Passes only because the organization left the fact blank: to be stated and confirmed by the funder. */
  unconfirmed: boolean;
  detail: string;
}

/**
 * The colour of "to be confirmed": a dark amber, 6.3:1 against white and 6:1 against Mantine's palest
 * yellow (WCAG AA asks 4.5:1), so the mark stays readable where the green ✓ and the red ✗ are.
 */
export const UNCONFIRMED_COLOR = '#8a5300';

type State = 'failed' | 'unconfirmed' | 'passed';
const stateOf = (check: EligibilityCheck): State =>
  !check.passed ? 'failed' : check.unconfirmed ? 'unconfirmed' : 'passed';
const MARK: Record<State, { sign: string; color: string }> = {
  failed: { sign: '✗', color: 'red.9' },
  unconfirmed: { sign: '?', color: UNCONFIRMED_COLOR },
  passed: { sign: '✓', color: 'green.9' },
};

/**
 * Every eligibility rule of a fund with the API's sentence saying why: the failing ones first, so an
 * organization that does not match reads at once why not, then those that pass only because a fact of
 * its profile is blank (to be confirmed: the sentence says what to state), then the rules it meets.
 */
export function EligibilityChecklist({ eligible, checks }: { eligible: boolean; checks: EligibilityCheck[] }) {
  const { t } = useTranslation();
  const byState = (state: State) => checks.filter((c) => stateOf(c) === state);
  const failing = byState('failed');
  const unconfirmed = byState('unconfirmed');
  const passed = byState('passed');
  const ordered = [...failing, ...unconfirmed, ...passed];
  const result: Record<State, string> = {
    failed: t('funding.eligibility.failed'),
    unconfirmed: t('funding.eligibility.unconfirmed'),
    passed: t('funding.eligibility.passed'),
  };
  let summary: string;
  if (!eligible)
    summary =
      unconfirmed.length > 0
        ? t('funding.eligibility.failingAndUnconfirmed', {
            count: failing.length,
            total: checks.length,
            unconfirmed: unconfirmed.length,
          })
        : t('funding.eligibility.failing', { count: failing.length, total: checks.length });
  else
    summary =
      unconfirmed.length > 0
        ? t('funding.eligibility.passedAndUnconfirmed', { count: passed.length, unconfirmed: unconfirmed.length })
        : t('funding.eligibility.allPassed', { count: checks.length });
  return (
    <Box data-testid="eligibility">
      <Alert
        color={eligible ? 'green' : 'red'}
        variant="light"
        mb="sm"
        title={eligible ? t('funding.eligibility.eligible') : t('funding.eligibility.notEligible')}
      >
        {summary}
      </Alert>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('funding.eligibility.rules')}>
        {ordered.map((check) => {
          const state = stateOf(check);
          return (
            <li
              key={check.rule}
              data-rule={check.rule}
              data-passed={check.passed}
              data-unconfirmed={state === 'unconfirmed' || undefined}
            >
              <Group gap={8} wrap="nowrap" align="flex-start" py={4}>
                <Text
                  component="span"
                  aria-hidden="true"
                  fw={700}
                  c={MARK[state].color}
                  style={{ flex: '0 0 auto', width: 16, textAlign: 'center' }}
                >
                  {MARK[state].sign}
                </Text>
                <Text size="sm">
                  <strong>
                    {t('funding.eligibility.line', {
                      rule: t(`funding.rule.${check.rule}`, { defaultValue: check.rule }),
                      result: result[state],
                    })}
                  </strong>{' '}
                  — {check.detail}
                </Text>
              </Group>
            </li>
          );
        })}
      </Box>
    </Box>
  );
}
