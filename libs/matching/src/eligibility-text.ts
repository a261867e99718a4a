import { isMessageKey, Locale, MessageKey, Params, Text, translateText } from '@app/common';

/** A fund row read with FUND_COLUMNS_SELECT (the values the failure sentences name). */
type FundValues = Record<string, unknown>;

const codes = (value: unknown): readonly string[] => (value as string[] | null) ?? [];
const money = (value: unknown, currency: unknown) => ({ money: Number(value), currency: String(currency) });

/**
 * The values of each rule's failure sentence (`eligibility.<RULE>.failed` in the catalogues of
 * libs/common/src/i18n): the values the fund accepts. A rule not listed has a sentence without values.
 */
const FAILED: Record<string, (v: FundValues) => Params | { key: MessageKey; params: Params }> = {
  ORGANIZATION_KIND: (v) => ({ kinds: codes(v.eligible_organization_kinds) }),
  RESIDENCE: (v) => ({ countries: codes(v.eligible_countries_of_residence) }),
  REGION_OF_RESIDENCE: (v) => ({ regions: codes(v.eligible_regions_of_residence) }),
  EXCLUDED_RESIDENCE: (v) => ({ countries: codes(v.excluded_countries_of_residence) }),
  ORIGIN: (v) => ({ countries: codes(v.eligible_countries_of_origin) }),
  ORGANIZATION_AGE: (v) => ({ years: Number(v.min_organization_age_years) }),
  ANNUAL_INCOME: (v) => {
    const min = v.min_organization_annual_income;
    const max = v.max_organization_annual_income;
    const params = { min: money(min, v.currency), max: money(max, v.currency) };
    const variant = min != null && max != null ? 'range' : min != null ? 'min' : 'max';
    return { key: `eligibility.ANNUAL_INCOME.failed.${variant}`, params };
  },
  ORGANIZATION_SIZE: (v) => ({ members: Number(v.max_organization_members) }),
  REQUIRED_THEMES: (v) => ({ themes: codes(v.required_themes) }),
  IMPLEMENTATION: (v) => ({ countries: codes(v.eligible_countries_of_implementation) }),
  ALL_IMPLEMENTATION_COUNTRIES: (v) => ({ countries: codes(v.eligible_countries_of_implementation) }),
  PROJECT_KIND: (v) => ({ kinds: codes(v.eligible_project_kinds) }),
  EXCLUDED_PROJECT_KIND: (v) => ({ kinds: codes(v.excluded_project_kinds) }),
  PROJECT_THEMES: (v) => ({ themes: codes(v.required_themes) }),
  TOTAL_PROJECT_BUDGET: (v) => ({ max: money(v.max_total_project_budget, v.currency) }),
  MINIMUM_GRANT: (v) => ({ min: money(v.min_grant, v.currency) }),
  CO_FUNDING: (v) => ({ percent: Number(v.co_funding_percent), rest: 100 - Number(v.co_funding_percent) }),
};

/**
 * A rule's sentence as a Text (any language: `translateText`), or null when the catalogues have no
 * sentence for the rule (a rule added without one: its own English sentence is used).
 */
export function eligibilityText(rule: string, passed: boolean, fund: FundValues): Text | null {
  const key = `eligibility.${rule}.${passed ? 'passed' : 'failed'}`;
  if (passed || !FAILED[rule]) return isMessageKey(key) ? { key } : null;
  const values = FAILED[rule](fund);
  if ('key' in values && typeof values.key === 'string') return values as Text;
  return isMessageKey(key) ? { key, params: values as Params } : null;
}

/** The sentence of a rule in a language (null: see `eligibilityText`). */
export function eligibilitySentence(rule: string, passed: boolean, fund: FundValues, locale: Locale): string | null {
  const value = eligibilityText(rule, passed, fund);
  return value ? translateText(locale, value) : null;
}

/**
 * An error's text quoting the rules that failed (`{details}`, joined with "; "), or undefined when a
 * rule has no sentence in the catalogues (the error then stays in English).
 */
export function eligibilityFailure(key: MessageKey, failed: ReadonlyArray<{ text?: Text }>): Text | undefined {
  if (!failed.every((c) => c.text)) return undefined;
  return { key, params: { details: { sentences: failed.map((c) => c.text as Text) } } };
}
