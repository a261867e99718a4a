/**
 * Country and language names in the interface language, from the browser's CLDR data
 * (Intl.DisplayNames): maintained, complete, and nothing to download. `fallback` is the API's name.
 */
const cache = new Map<string, Intl.DisplayNames>();

function displayNames(locale: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${locale}:${type}`;
  if (!cache.has(key)) {
    try {
      cache.set(key, new Intl.DisplayNames([locale], { type, fallback: 'none' }));
    } catch {
      return null;
    }
  }
  return cache.get(key) ?? null;
}

export function countryName(code: string, locale: string, fallback?: string): string {
  try {
    return displayNames(locale, 'region')?.of(code.toUpperCase()) ?? fallback ?? code;
  } catch {
    return fallback ?? code;
  }
}

export function languageName(code: string, locale: string, fallback?: string): string {
  try {
    return displayNames(locale, 'language')?.of(code.toLowerCase()) ?? fallback ?? code;
  } catch {
    return fallback ?? code;
  }
}

/** Sorts options by their label in the interface language. */
export function byLabel<T extends { label: string }>(locale: string) {
  const collator = new Intl.Collator(locale);
  return (a: T, b: T) => collator.compare(a.label, b.label);
}
