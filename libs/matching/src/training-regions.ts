import { createRequire } from 'node:module';
import { registerEnumType } from '@nestjs/graphql';

const require = createRequire(import.meta.url);

/**
 * Regions a training offer may be reserved for (its audience; docs/matching.md, "Trainings"). The
 * continents are the UN M49 regions — Africa, Asia, Europe, Oceania, and the Americas in M49's two
 * parts, Northern America and Latin America and the Caribbean. GLOBAL_SOUTH is UNCTAD's "developing
 * economies" group: Africa, Latin America and the Caribbean, Asia without Israel, Japan and the
 * Republic of Korea, and Oceania without Australia and New Zealand; GLOBAL_NORTH is every other
 * country. Countries come from countries-list's continents (the same data as the country table's
 * region), with M49's placement where the two differ (Russia is in Europe).
 */
export enum AudienceRegion {
  AFRICA = 'AFRICA',
  ASIA = 'ASIA',
  EUROPE = 'EUROPE',
  NORTHERN_AMERICA = 'NORTHERN_AMERICA',
  LATIN_AMERICA_AND_CARIBBEAN = 'LATIN_AMERICA_AND_CARIBBEAN',
  OCEANIA = 'OCEANIA',
  GLOBAL_SOUTH = 'GLOBAL_SOUTH',
  GLOBAL_NORTH = 'GLOBAL_NORTH',
}
registerEnumType(AudienceRegion, {
  name: 'AudienceRegion',
  description:
    'UN M49 regions (the Americas as Northern America / Latin America and the Caribbean) and UNCTAD’s ' +
    'Global South (developing economies) / Global North; docs/matching.md lists the countries',
});

/** M49's Northern America; the rest of countries-list's North and South America is Latin America and the Caribbean. */
const NORTHERN_AMERICA = ['BM', 'CA', 'GL', 'PM', 'US'];
/** Where M49 differs from countries-list's continents. */
const M49_OVERRIDES: Record<string, string> = { RU: 'EU' };
/** Asian and Oceanian countries (and territories of developed ones) that UNCTAD does not count as developing. */
const NOT_GLOBAL_SOUTH = ['AU', 'NZ', 'NF', 'UM', 'JP', 'KR', 'IL', 'CC', 'CX', 'IO'];

function buildRegions(): Record<AudienceRegion, string[]> {
  const { countries } = require('countries-list') as { countries: Record<string, { continent: string }> };
  const regions = Object.fromEntries(Object.values(AudienceRegion).map((r) => [r, [] as string[]])) as Record<
    AudienceRegion,
    string[]
  >;
  for (const [code, { continent: listed }] of Object.entries(countries)) {
    const continent = M49_OVERRIDES[code] ?? listed;
    let region: AudienceRegion | null = null;
    if (continent === 'AF') region = AudienceRegion.AFRICA;
    else if (continent === 'AS') region = AudienceRegion.ASIA;
    else if (continent === 'EU') region = AudienceRegion.EUROPE;
    else if (continent === 'OC') region = AudienceRegion.OCEANIA;
    else if (continent === 'NA' || continent === 'SA') {
      region = NORTHERN_AMERICA.includes(code)
        ? AudienceRegion.NORTHERN_AMERICA
        : AudienceRegion.LATIN_AMERICA_AND_CARIBBEAN;
    }
    if (!region) continue; // Antarctica and its islands
    regions[region].push(code);
    const south =
      region === AudienceRegion.AFRICA ||
      region === AudienceRegion.LATIN_AMERICA_AND_CARIBBEAN ||
      ((region === AudienceRegion.ASIA || region === AudienceRegion.OCEANIA) && !NOT_GLOBAL_SOUTH.includes(code));
    regions[south ? AudienceRegion.GLOBAL_SOUTH : AudienceRegion.GLOBAL_NORTH].push(code);
  }
  for (const codes of Object.values(regions)) codes.sort();
  return regions;
}

/** The countries (ISO 3166-1 alpha-2) of each audience region. */
export const AUDIENCE_REGION_COUNTRIES: Readonly<Record<AudienceRegion, readonly string[]>> = buildRegions();

/**
 * The regions as one SQL parameter: 'REGION:CC' for every country of every region, so that a rule
 * can test `region || ':' || country = ANY(…)` without a table.
 */
export const AUDIENCE_REGION_PAIRS: readonly string[] = Object.entries(AUDIENCE_REGION_COUNTRIES).flatMap(
  ([region, codes]) => codes.map((code) => `${region}:${code}`),
);

/** The audience regions a country belongs to (for messages and tests). */
export function regionsOf(country: string): AudienceRegion[] {
  return (Object.keys(AUDIENCE_REGION_COUNTRIES) as AudienceRegion[]).filter((r) =>
    AUDIENCE_REGION_COUNTRIES[r].includes(country),
  );
}
