import { Alert, Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface EligibilityCheck {
  rule: string;
  passed: boolean;
  detail: string;
}

/**
 * Every eligibility rule of a fund, passed or failed, with the API's sentence saying why: the failing
 * ones first, so an organization that does not match reads at once why not.
 */
export function EligibilityChecklist({ eligible, checks }: { eligible: boolean; checks: EligibilityCheck[] }) {
  const { t } = useTranslation();
  const failing = checks.filter((c) => !c.passed);
  const ordered = [...failing, ...checks.filter((c) => c.passed)];
  return (
    <Box data-testid="eligibility">
      <Alert
        color={eligible ? 'green' : 'red'}
        variant="light"
        mb="sm"
        title={eligible ? t('funding.eligibility.eligible') : t('funding.eligibility.notEligible')}
      >
        {eligible
          ? t('funding.eligibility.allPassed', { count: checks.length })
          : t('funding.eligibility.failing', { count: failing.length, total: checks.length })}
      </Alert>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('funding.eligibility.rules')}>
        {ordered.map((check) => (
          <li key={check.rule} data-rule={check.rule} data-passed={check.passed}>
            <Group gap={8} wrap="nowrap" align="flex-start" py={4}>
              <Text
                component="span"
                aria-hidden="true"
                fw={700}
                c={check.passed ? 'green.9' : 'red.9'}
                style={{ flex: '0 0 auto', width: 16 }}
              >
                {check.passed ? '✓' : '✗'}
              </Text>
              <Text size="sm">
                <strong>
                  {t('funding.eligibility.line', {
                    rule: t(`funding.rule.${check.rule}`, { defaultValue: check.rule }),
                    result: check.passed ? t('funding.eligibility.passed') : t('funding.eligibility.failed'),
                  })}
                </strong>{' '}
                — {check.detail}
              </Text>
            </Group>
          </li>
        ))}
      </Box>
    </Box>
  );
}
