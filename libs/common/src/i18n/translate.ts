import { en } from './catalogue.en.js';
import { es } from './catalogue.es.js';
import { fr } from './catalogue.fr.js';
import { DEFAULT_LOCALE, Locale } from './locale.js';

/** A sentence's key in the catalogues (catalogue.en.ts is the reference: every key, in English). */
export type MessageKey = keyof typeof en;
/** A complete catalogue: a template for every key. */
export type Catalogue = Record<MessageKey, string>;
/** The keys that come in plural forms (`<base>.one`, `<base>.other`; see `translatePlural`). */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}.one` ? B : never }[MessageKey];

/**
 * A value put in a template's `{name}`: a string as it is, a number in the locale's notation (see
 * `formatNumber`), a list joined with ", " ("none" in the locale when empty), a nested sentence, an
 * amount of money (`formatMoney`), or sentences joined with "; " (`common.semicolon`).
 */
export type Param =
  | string
  | number
  | readonly string[]
  | Text
  | MoneyParam
  | Sentences
  | Alternatives
  | AnyOf
  | Capitalized
  | List
  | DateParam
  | DecimalParam;
/**
 * A moment (ISO 8601), to the minute in UTC: `2026-12-01 10:05` in English (what the notifications
 * always wrote), `1 décembre 2026 à 10:05` in French, `1 de diciembre de 2026 a las 10:05` in Spanish.
 */
export interface DateParam {
  readonly date: string;
}
/** A number with exactly `digits` decimals (`formatDecimal`: `0.75` in English, `0,75` in French). */
export interface DecimalParam {
  readonly decimal: number;
  readonly digits: number;
}
/** Values joined with the locale's " or " ("OWNER or ADMIN", "A or B or C"). */
export interface Alternatives {
  readonly alternatives: readonly string[];
}
/** Values joined with ", " and the locale's " or " before the last ("A, B or C"; `listOr` in English). */
export interface AnyOf {
  readonly anyOf: readonly string[];
}
/**
 * Values, some of them sentences, joined with ", " or with the template of `separator` (a key such as
 * `common.sentenceBreak`, ". ").
 */
export interface List {
  readonly list: ReadonlyArray<string | Text>;
  readonly separator?: MessageKey;
}
/** A nested sentence with its first letter in upper case (when it starts a sentence). */
export interface Capitalized {
  readonly capitalized: Text;
}
/** An amount of money in a sentence, written as the locale writes amounts (`formatMoney`). */
export interface MoneyParam {
  readonly money: number;
  readonly currency: string;
}
/** Several sentences (or parts of one) joined with the locale's "; ". */
export interface Sentences {
  readonly sentences: readonly Text[];
}
export type Params = Readonly<Record<string, Param>>;

/** A sentence not yet written in a language: a key and its values (what errors carry). */
export interface Text {
  readonly key: MessageKey;
  readonly params?: Params;
}

export function text(key: MessageKey, params?: Params): Text {
  return params ? { key, params } : { key };
}

/** The catalogues by locale: a key missing from one falls back to English. */
const CATALOGUES: Record<Locale, Partial<Catalogue>> = { en, fr, es };

/** The names of the placeholders of a template (`{name}`). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/**
 * The sentence of `key` in `locale` with `params` put in its placeholders (English when the locale's
 * catalogue lacks the key; a placeholder without a value stays as it is).
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = CATALOGUES[locale]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? render(locale, params[name]) : whole,
  );
}

/** A Text written in a locale. */
export function translateText(locale: Locale, value: Text): string {
  return translate(locale, value.key, value.params);
}

/** `<base>.one` or `<base>.other` as the locale's plural rules choose for `count` (put in `{count}`). */
export function translatePlural(locale: Locale, base: PluralKey, count: number, params: Params = {}): string {
  const form = pluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return translate(locale, `${base}.${form}` as MessageKey, { count, ...params });
}

function render(locale: Locale, value: Param): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(locale, value);
  if (Array.isArray(value)) return value.length ? value.join(', ') : translate(locale, 'common.none');
  if ('alternatives' in value) return value.alternatives.join(translate(locale, 'common.or'));
  if ('anyOf' in value) {
    const all = value.anyOf;
    return all.length <= 1
      ? (all[0] ?? '')
      : `${all.slice(0, -1).join(', ')}${translate(locale, 'common.or')}${all[all.length - 1]}`;
  }
  if ('list' in value) {
    const separator = value.separator ? translate(locale, value.separator) : ', ';
    return value.list.map((item) => (typeof item === 'string' ? item : translateText(locale, item))).join(separator);
  }
  if ('capitalized' in value) {
    const sentence = translateText(locale, value.capitalized);
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
  }
  if ('money' in value) return formatMoney(locale, value.money, value.currency);
  if ('date' in value) return formatMinute(locale, value.date);
  if ('decimal' in value) return formatDecimal(locale, value.decimal, value.digits);
  if ('sentences' in value)
    return value.sentences.map((t) => translateText(locale, t)).join(translate(locale, 'common.semicolon'));
  return translateText(locale, value as Text);
}

const cache = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}
const pluralRules = (locale: Locale) => cached(`plural:${locale}`, () => new Intl.PluralRules(locale));

/**
 * A number as the sentences write it: English keeps the plain notation it always had (1500, 2.5);
 * French and Spanish use Intl's (1 500, 2,5), at most 2 decimals.
 */
export function formatNumber(locale: Locale, value: number): string {
  if (locale === DEFAULT_LOCALE) return String(value);
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value);
}

/**
 * A moment to the minute, in UTC (the sentence says "UTC" after it): English keeps the
 * `YYYY-MM-DD HH:MM` it always wrote; French and Spanish write the date in words (Intl, long date).
 */
export function formatMinute(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (locale === DEFAULT_LOCALE) return date.toISOString().slice(0, 16).replace('T', ' ');
  return cached(
    `minute:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
  ).format(date);
}

/** A number with exactly `digits` decimals (`4.5` in English, `4,5` in French). */
export function formatDecimal(locale: Locale, value: number, digits: number): string {
  if (locale === DEFAULT_LOCALE) return value.toFixed(digits);
  return cached(
    `decimal:${locale}:${digits}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(value);
}

/**
 * An amount of money as the eligibility sentences write it: `EUR 10,000` in English (as before),
 * `10 000 EUR` in French, `10.000 EUR` in Spanish (Intl's grouping, at most 2 decimals).
 */
export function formatMoney(locale: Locale, amount: number, currency: string): string {
  if (locale === DEFAULT_LOCALE) return `${currency} ${amount.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
  return `${cached(`number:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(amount)} ${currency}`;
}

/** Whether `key` is a key of the catalogues. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Whether the locale's own catalogue has the key (else translate falls back to English). */
export function hasTranslation(locale: Locale, key: MessageKey): boolean {
  return CATALOGUES[locale]?.[key] !== undefined;
}
