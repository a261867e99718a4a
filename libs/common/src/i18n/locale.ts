/** The languages the API writes its sentences in (reasons, eligibility checks, errors). */
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language of a request that names none the API writes. */
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A language tag's primary subtag if it is one of LOCALES (`fr-FR` → fr, `ES` → es), else null. */
export function localeOfTag(tag: unknown): Locale | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().split(/[-_]/)[0].toLowerCase();
  return isLocale(primary) ? primary : null;
}

/** Longer headers are not a browser's: only their start is read. */
const MAX_HEADER = 500;

/**
 * The most preferred of LOCALES in an Accept-Language header (RFC 9110 §12.5.4): tags ranked by
 * their q-value (1 when absent; q=0 means "not this one"), ties in the order given; region subtags
 * are ignored (`fr-CA` → fr). Null when the header names none of LOCALES (or `*` only).
 */
export function parseAcceptLanguage(header: string | string[] | null | undefined): Locale | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return null;
  let best: Locale | null = null;
  let bestQ = 0;
  for (const range of value.slice(0, MAX_HEADER).split(',')) {
    const [tag, ...params] = range.split(';');
    const locale = localeOfTag(tag);
    if (!locale) continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
      if (match) q = Number(match[1]);
      else if (/^\s*q\s*=/i.test(param)) q = 0; // a malformed weight: not trusted
    }
    if (q > bestQ) {
      best = locale;
      bestQ = q;
    }
  }
  return best;
}

/**
 * The language of a request: the Accept-Language header's first choice among LOCALES, else the
 * signed-in user's preferred language, else English.
 */
export function chooseLocale(acceptLanguage: string | string[] | null | undefined, preferred?: unknown): Locale {
  return parseAcceptLanguage(acceptLanguage) ?? localeOfTag(preferred) ?? DEFAULT_LOCALE;
}
