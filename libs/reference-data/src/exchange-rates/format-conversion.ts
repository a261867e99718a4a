/** An amount converted at reference rates (ExchangeRatesService.convert). */
export interface Conversion {
  /** the converted amount, unrounded */
  amount: number;
  /** units of the target currency for one unit of the source currency */
  rate: number;
  /** the date of the rates used (the older of the two currencies' latest); null for the same currency */
  rateDate: string | null;
}

const TEMPLATES: Record<string, (from: string, to: string, date: string) => string> = {
  en: (from, to, date) => `${from} ≈ ${to} at the ECB reference rate of ${date}`,
  fr: (from, to, date) => `${from} ≈ ${to} au taux de référence de la BCE du ${date}`,
  es: (from, to, date) => `${from} ≈ ${to} al tipo de referencia del BCE del ${date}`,
};

/** An amount as the reason sentences write it: whole units from 100 on, cents below. */
export function formatAmount(amount: number, currency: string, language = 'en'): string {
  const lang = TEMPLATES[language.slice(0, 2)] ? language.slice(0, 2) : 'en';
  const digits = Math.abs(amount) >= 100 ? 0 : 2;
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang, {
    minimumFractionDigits: digits === 0 || Number.isInteger(amount) ? 0 : 2,
    maximumFractionDigits: digits,
  }).format(amount);
  return lang === 'en' ? `${currency} ${number}` : `${number} ${currency}`;
}

/** `27 Nov 2026` (en), `27 nov. 2026` (fr), `27 nov 2026` (es) for an ISO date. */
export function formatRateDate(isoDate: string, language = 'en'): string {
  const lang = TEMPLATES[language.slice(0, 2)] ? language.slice(0, 2) : 'en';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * The conversion as a reason writes it: "GBP 40,000 ≈ EUR 45,830 at the ECB reference rate of
 * 20 Feb 2026" (English; French and Spanish too, other languages get English). The same currency
 * (no rate date) gives the amount alone.
 */
export function formatConversion(
  from: { amount: number; currency: string },
  toCurrency: string,
  conversion: Conversion,
  language = 'en',
): string {
  const lang = TEMPLATES[language.slice(0, 2)] ? language.slice(0, 2) : 'en';
  const source = formatAmount(from.amount, from.currency, lang);
  if (from.currency === toCurrency || !conversion.rateDate) return source;
  return TEMPLATES[lang](
    source,
    formatAmount(conversion.amount, toCurrency, lang),
    formatRateDate(conversion.rateDate, lang),
  );
}
