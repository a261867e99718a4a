import { Alert, Anchor, Container, NativeSelect, Text, Title } from '@mantine/core';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { managedFunders, MyFunderOrganizations, type FunderOrganization } from './funder-access';

countries.registerLocale(en);
countries.registerLocale(fr);
countries.registerLocale(es);

/**
 * The funder organizations the signed-in user manages (OWNER or ADMIN of an organization of a kind
 * that funds), and the one chosen with `?funder=<id>` (else the first).
 */
export function useFunders() {
  const { user, ready } = useSession();
  const [params, setParams] = useSearchParams();
  const [{ data, fetching }] = useQuery({ query: MyFunderOrganizations, pause: !user });
  const funders = managedFunders(data);
  const wanted = params.get('funder');
  const chosen = funders.find((f) => f.id === wanted) ?? funders[0] ?? null;
  const choose = (id: string) =>
    setParams(
      (p) => {
        p.set('funder', id);
        p.delete('after');
        return p;
      },
      { replace: true },
    );
  return { user, ready, loading: !ready || (!!user && !data && fetching), funders, chosen, choose };
}

export function FunderChooser({
  funders,
  chosen,
  choose,
}: {
  funders: FunderOrganization[];
  chosen: FunderOrganization | null;
  choose: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (funders.length < 2) return null;
  return (
    <NativeSelect
      label={t('funder.actingFor')}
      data={funders.map((f) => ({ value: f.id, label: f.name }))}
      value={chosen?.id ?? ''}
      onChange={(e) => choose(e.currentTarget.value)}
      maw={420}
    />
  );
}

/** What a signed-in user who manages no funder sees on the funder pages. */
export function NoFunder({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Container size="md">
      <Title order={1}>{title}</Title>
      <Alert color="gray" mt="md">
        <Text>{t('funder.noFunder')}</Text>
        <Anchor component={Link} to="/me/organizations/new">
          {t('funder.createFunder')}
        </Anchor>
      </Alert>
    </Container>
  );
}

/** A country's name in the interface language (i18n-iso-countries), else the API's name. */
export function countryLabel(code: string, language: string, fallback?: string): string {
  return countries.getName(code, language.slice(0, 2)) ?? countries.getName(code, 'en') ?? fallback ?? code;
}

export interface CountryOption {
  value: string;
  label: string;
}
export interface CountryGroup {
  group: string;
  items: CountryOption[];
}

/**
 * Countries as the options of a searchable multi-select, grouped by region (the API's continent,
 * translated), each group and its countries sorted in the interface language.
 */
export function countryGroups(
  list: ReadonlyArray<{ code: string; name: string; region?: string | null }>,
  language: string,
  regionLabel: (region: string) => string,
): CountryGroup[] {
  const collator = new Intl.Collator(language);
  const groups = new Map<string, CountryOption[]>();
  for (const c of list) {
    const group = regionLabel(c.region ?? 'OTHER');
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push({ value: c.code, label: countryLabel(c.code, language, c.name) });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([group, items]) => ({ group, items: items.sort((a, b) => collator.compare(a.label, b.label)) }));
}

export const APPLICATION_STATUS_COLORS: Record<string, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  UNDER_REVIEW: 'indigo',
  SHORTLISTED: 'violet',
  AWARDED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'dark',
};

export const FUND_STATUS_COLORS: Record<string, string> = { DRAFT: 'gray', OPEN: 'green', CLOSED: 'dark' };
