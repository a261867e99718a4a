import { Anchor, Group, SegmentedControl, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CountryRole } from '../../gql/graphql';
import { countryName } from '../../i18n/names';
import { buckets } from './scale';
import classes from './WorldMap.module.css';

const MapSvg = lazy(() => import('./MapSvg'));

const CountryCounts = graphql(`
  query WorldMapCounts($by: CountryRole!) {
    organizationCountsByCountry(by: $by) {
      code
      count
    }
  }
`);

/** The directory's query parameter for each role. */
const PARAM: Record<CountryRole, 'residence' | 'origin'> = { RESIDENCE: 'residence', ORIGIN: 'origin' };

/**
 * The home page's world map: organizations per country of residence or of origin, a legend, and the
 * same numbers as a table of links (the accessible alternative to the shapes).
 */
export function WorldMap() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [by, setBy] = useState<CountryRole>('RESIDENCE');
  const [{ data, error, operation }] = useQuery({ query: CountryCounts, variables: { by } });
  // urql keeps the previous role's answer while the new one loads: the links follow the role of the
  // answer shown, never a residence count with an ?origin= link
  const shownBy = (operation?.variables as { by?: CountryRole } | undefined)?.by ?? by;
  const rows = useMemo(() => data?.organizationCountsByCountry ?? [], [data]);
  const counts = useMemo(() => new Map(rows.map((row) => [row.code, row.count])), [rows]);
  const scale = useMemo(() => buckets(Math.max(0, ...rows.map((row) => row.count))), [rows]);
  const numbers = new Intl.NumberFormat(lang);
  const href = (code: string) => `/directory?${PARAM[shownBy]}=${code}`;
  const label = (code: string, count: number) =>
    t('worldMap.countryLabel', { country: countryName(code, lang), count, formatted: numbers.format(count) });
  const heading = shownBy === 'RESIDENCE' ? t('worldMap.byResidence') : t('worldMap.byOrigin');

  return (
    <Stack component="section" aria-labelledby="world-map-title" gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3" id="world-map-title">
          {t('worldMap.title')}
        </Title>
        <SegmentedControl
          aria-label={t('worldMap.toggle')}
          value={by}
          onChange={(value) => setBy(value as CountryRole)}
          data={[
            { value: 'RESIDENCE', label: t('worldMap.residence') },
            { value: 'ORIGIN', label: t('worldMap.origin') },
          ]}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('worldMap.help')}
      </Text>
      {error && <Text c="red.8">{t('app.error', { message: error.message })}</Text>}
      <Suspense fallback={<div className={classes.placeholder} />}>
        <MapSvg counts={counts} scale={scale} href={href} label={label} title={heading} />
      </Suspense>
      {scale.length > 0 && (
        <Group gap="md" wrap="wrap" aria-label={t('worldMap.legend')} role="list" data-testid="world-map-legend">
          {scale.map((bucket) => (
            <Group key={bucket.from} gap={6} role="listitem" wrap="nowrap">
              <span className={classes.swatch} style={{ background: bucket.color }} aria-hidden="true" />
              <Text size="sm">
                {bucket.from === bucket.to
                  ? numbers.format(bucket.from)
                  : t('worldMap.range', { from: numbers.format(bucket.from), to: numbers.format(bucket.to) })}
              </Text>
            </Group>
          ))}
        </Group>
      )}
      <details>
        <summary>
          <Text component="span" fw={500}>
            {t('worldMap.tableSummary', { count: rows.length })}
          </Text>
        </summary>
        {!data ? (
          <Skeleton h={80} mt="sm" />
        ) : (
          <Table mt="sm" striped data-testid="world-map-table">
            <Table.Caption>{heading}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('worldMap.country')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('worldMap.organizations')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.code}>
                  <Table.Td>
                    <Anchor component={Link} to={href(row.code)}>
                      {countryName(row.code, lang)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="end">{numbers.format(row.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </details>
    </Stack>
  );
}
