/**
 * The ECB's euro foreign exchange reference rates in its CSV formats, read without a CSV package
 * (the files have no quoting): the day's file (eurofxref.csv: `Date, USD, JPY, …, ` and one row
 * dated `20 February 2026`) and the history (eurofxref-hist.csv: `Date,USD,…,` and one row a day,
 * newest first, ISO dates, `N/A` where a currency had no rate that day). Both end each line with a
 * comma. A rate is how many units of the currency one euro buys.
 */

export interface EcbRate {
  currency: string;
  /** ISO date, YYYY-MM-DD */
  rateDate: string;
  /** the rate as written in the file (a decimal string, kept exact for the numeric column) */
  unitsPerEur: string;
}

export interface EcbRates {
  /** the dates of the file, ascending */
  dates: string[];
  /** the currencies that have at least one rate, sorted */
  currencies: string[];
  rates: EcbRate[];
}

/** A file that is not the ECB's format: names the line and, where there is one, the column. */
export class EcbCsvError extends Error {
  constructor(
    readonly line: number,
    readonly column: number | null,
    readonly problem: string,
    readonly header: string | null = null,
    readonly file: string | null = null,
  ) {
    super(
      `${file ? `${file}, ` : ''}line ${line}${column === null ? '' : `, column ${column}${header ? ` (${header})` : ''}`}: ${problem}`,
    );
    this.name = 'EcbCsvError';
  }
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** At most this many data lines (the history since 1999 has about 7,000). */
export const MAX_ECB_LINES = 20_000;
const RATE = /^\d{1,12}(\.\d{1,10})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** `2026-02-20` or `20 February 2026` → `2026-02-20`; null when it is neither or no such day. */
export function parseEcbDate(text: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const long = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (long) {
    const month = MONTHS.indexOf(long[2].toLowerCase());
    if (month < 0) return null;
    [y, m, d] = [Number(long[3]), month + 1, Number(long[1])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Reads an ECB reference-rate file. Throws EcbCsvError at the first problem: no `Date` header, a
 * column that is not a three-letter currency (or is EUR, or comes twice), a line with more or fewer
 * cells than the header, a date that is not one (or comes twice, or is after `latest`), a rate that
 * is not a positive decimal number. Empty and `N/A` cells are days without a rate.
 */
export function parseEcbCsv(text: string, options: { latest?: string } = {}): EcbRates {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new EcbCsvError(1, null, 'the file is empty');
  if (lines.length - 1 > MAX_ECB_LINES) {
    throw new EcbCsvError(MAX_ECB_LINES + 2, null, `more than ${MAX_ECB_LINES} dates in one file`);
  }
  const cells = (line: string) => {
    const parts = line.split(',').map((cell) => cell.trim());
    // every line of the ECB's files ends with a comma
    if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    return parts;
  };

  const header = cells(lines[0]);
  if (header[0] !== 'Date') {
    throw new EcbCsvError(1, 1, `the header must start with "Date" (found "${header[0].slice(0, 40)}")`);
  }
  if (header.length < 2) throw new EcbCsvError(1, null, 'the header names no currency');
  const seen = new Set<string>();
  header.slice(1).forEach((currency, i) => {
    const column = i + 2;
    if (!CURRENCY.test(currency)) {
      throw new EcbCsvError(1, column, `"${currency.slice(0, 40)}" is not a three-letter currency code`);
    }
    if (currency === 'EUR') throw new EcbCsvError(1, column, 'EUR is the base currency, it has no column');
    if (seen.has(currency)) throw new EcbCsvError(1, column, `${currency} comes twice`);
    seen.add(currency);
  });

  const dates = new Set<string>();
  const currencies = new Set<string>();
  const rates: EcbRate[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') throw new EcbCsvError(line, null, 'empty line');
    const row = cells(lines[i]);
    if (row.length !== header.length) {
      throw new EcbCsvError(line, null, `${row.length} cells where the header has ${header.length}`);
    }
    const rateDate = parseEcbDate(row[0]);
    if (!rateDate) {
      throw new EcbCsvError(line, 1, `"${row[0].slice(0, 40)}" is not a date (YYYY-MM-DD or "20 February 2026")`);
    }
    if (options.latest && rateDate > options.latest) {
      throw new EcbCsvError(line, 1, `${rateDate} is in the future`);
    }
    if (dates.has(rateDate)) throw new EcbCsvError(line, 1, `${rateDate} comes twice`);
    dates.add(rateDate);
    for (let c = 1; c < row.length; c++) {
      const value = row[c];
      if (value === '' || value === 'N/A') continue;
      if (!RATE.test(value) || Number(value) <= 0) {
        throw new EcbCsvError(
          line,
          c + 1,
          `"${value.slice(0, 40)}" is not a rate (a positive decimal number, or N/A)`,
          header[c],
        );
      }
      currencies.add(header[c]);
      rates.push({ currency: header[c], rateDate, unitsPerEur: value });
    }
  }
  if (dates.size === 0) throw new EcbCsvError(2, null, 'the file has a header and no rates');
  if (rates.length === 0) throw new EcbCsvError(2, null, 'every cell of the file is N/A');
  return { dates: [...dates].sort(), currencies: [...currencies].sort(), rates };
}
