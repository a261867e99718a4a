import { Box, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../i18n/names';
import { composition, type CompositionGroup } from './composition';
import type { ShortlistEntry } from './shortlist';

const COLORS: Record<CompositionGroup['id'], string> = {
  residence: 'var(--mantine-color-teal-7)',
  origin: 'var(--mantine-color-blue-7)',
  kind: 'var(--mantine-color-grape-7)',
  leadership: 'var(--mantine-color-orange-8)',
};

/** One distribution as labelled bars: each row says its label, count, total and share in words. */
function Bars({ group, total }: { group: CompositionGroup; total: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(i18n.language);
  return (
    <Box component="figure" m={0} data-testid={`composition-${group.id}`}>
      <Text component="figcaption" fw={600} size="sm" mb={4} id={id}>
        {t(`government.composition.${group.id}`)}
      </Text>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={id}>
        {group.bars.map((bar) => {
          const share = total ? bar.count / total : 0;
          return (
            <li key={bar.key} data-key={bar.key} data-count={bar.count}>
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {t('government.composition.bar', {
                  label: bar.label,
                  count: count.format(bar.count),
                  total: count.format(total),
                  percent: percent.format(share),
                })}
              </Text>
              <Box
                aria-hidden="true"
                h={8}
                mb={4}
                style={{ background: 'var(--mantine-color-gray-2)', borderRadius: 4, overflow: 'hidden' }}
              >
                <Box h="100%" style={{ width: `${Math.round(share * 1000) / 10}%`, background: COLORS[group.id] }} />
              </Box>
            </li>
          );
        })}
      </Box>
    </Box>
  );
}

/**
 * The shortlist's spread by country of residence, community of origin, kind and women-/youth-led
 * leadership, as small bar charts whose every bar is also text (so the balance can be read, not
 * just seen).
 */
export function CompositionPanel({ entries }: { entries: readonly ShortlistEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const groups = composition(entries, {
    kind: (kind) => t(`kind.${kind}`, { defaultValue: kind }),
    country: (code, fallback) => countryName(code, lang, fallback),
    womenLed: t('government.composition.womenLed'),
    youthLed: t('government.composition.youthLed'),
    neither: t('government.composition.neither'),
    none: t('government.composition.none'),
    locale: lang,
  });
  return (
    <Card withBorder component="section" padding="md" aria-labelledby="composition-title" data-testid="composition">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="composition-title">
            {t('government.composition.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {entries.length ? t('government.composition.intro') : t('government.composition.empty')}
          </Text>
        </div>
        {entries.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {groups.map((group) => (
              <Bars key={group.id} group={group} total={entries.length} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
