import { readFile, stat } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EcbCsvError, EcbRates, parseEcbCsv } from './ecb-csv.js';
import { upsertExchangeRates } from './exchange-rate-sql.js';
import { ExchangeRates } from './exchange-rate.entity.js';
import { Conversion, formatConversion } from './format-conversion.js';

/** What an import wrote. */
export interface ExchangeRateImport {
  /** the file's dates, ascending */
  dates: string[];
  /** currencies with at least one rate in the file (EUR not counted) */
  currencies: string[];
  /** rows inserted or replaced, EUR's included */
  rows: number;
  /** the latest date of a rate in the database after the import */
  latest: string | null;
}

/** The largest file `importFile` reads (the whole history since 1999 is about 2 MB). */
export const MAX_ECB_FILE_BYTES = 20 * 1024 * 1024;

export const ECB_SOURCE = 'European Central Bank, euro foreign exchange reference rates';

/**
 * Money across currencies (issue 15): the ECB's reference rates by date (table exchange_rate,
 * view current_exchange_rate), conversions at the latest rates, and the import of the ECB's CSV
 * files (the admin CLI's rates:import). SQL for matchers: convertSql in exchange-rate-sql.ts.
 */
@Injectable()
export class ExchangeRatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each currency at its latest rate (EUR at 1), with the latest date. */
  async current(): Promise<ExchangeRates> {
    const rows: Array<{ currency: string; rate_date: string; units_per_eur: string }> = await this.dataSource.query(
      `SELECT currency, to_char(rate_date, 'YYYY-MM-DD') AS rate_date, units_per_eur::text AS units_per_eur
         FROM current_exchange_rate ORDER BY currency`,
    );
    const rates = rows.map((r) => ({
      currency: r.currency,
      rateDate: r.rate_date,
      unitsPerEur: Number(r.units_per_eur),
    }));
    const date = rates.reduce<string | null>((max, r) => (max === null || r.rateDate > max ? r.rateDate : max), null);
    return { date, source: ECB_SOURCE, rates };
  }

  /** The latest rate of each of `currencies` that has one. */
  async latestRates(currencies: readonly string[]): Promise<Map<string, { unitsPerEur: number; rateDate: string }>> {
    const unique = [...new Set(currencies)];
    if (unique.length === 0) return new Map();
    const rows: Array<{ currency: string; rate_date: string; units_per_eur: string }> = await this.dataSource.query(
      `SELECT currency, to_char(rate_date, 'YYYY-MM-DD') AS rate_date, units_per_eur::text AS units_per_eur
         FROM current_exchange_rate WHERE currency = ANY($1::text[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.currency, { unitsPerEur: Number(r.units_per_eur), rateDate: r.rate_date }]));
  }

  /**
   * `amount` in `from` converted to `to` at the latest reference rates (through the euro), with the
   * rate (units of `to` per unit of `from`) and its date; null when either currency has no rate.
   * The same currency converts to itself (rate 1, no date), rate or not.
   */
  async convert(amount: number, from: string, to: string): Promise<Conversion | null> {
    if (from === to) return { amount, rate: 1, rateDate: null };
    const rates = await this.latestRates([from, to]);
    const a = rates.get(from);
    const b = rates.get(to);
    if (!a || !b) return null;
    const rate = b.unitsPerEur / a.unitsPerEur;
    return {
      amount: (amount / a.unitsPerEur) * b.unitsPerEur,
      rate,
      rateDate: a.rateDate < b.rateDate ? a.rateDate : b.rateDate,
    };
  }

  /** convert() and the reason sentence ("GBP 40,000 ≈ EUR 45,830 at the ECB reference rate of 20 Feb 2026"). */
  async describe(
    amount: number,
    from: string,
    to: string,
    language = 'en',
  ): Promise<{ conversion: Conversion; text: string } | null> {
    const conversion = await this.convert(amount, from, to);
    if (!conversion) return null;
    return { conversion, text: formatConversion({ amount, currency: from }, to, conversion, language) };
  }

  /**
   * Imports an ECB file (eurofxref.csv or eurofxref-hist.csv) in one transaction: every rate is
   * inserted or replaces the one of the same currency and date, EUR is 1 on each date. A file with a
   * problem writes nothing (EcbCsvError naming the line and column).
   */
  async importCsv(text: string): Promise<ExchangeRateImport> {
    const [result] = await this.importRates([parseEcbCsv(text, { latest: latestAllowedDate() })]);
    return result;
  }

  /** Files read and checked first (readEcbFile), then imported together in one transaction. */
  async importFiles(paths: readonly string[]): Promise<ExchangeRateImport[]> {
    const parsed: EcbRates[] = [];
    for (const path of paths) parsed.push(await readEcbFile(path));
    return this.importRates(parsed);
  }

  /** Parsed files (parseEcbCsv, readEcbFile) written in one transaction, in order. */
  async importRates(files: readonly EcbRates[]): Promise<ExchangeRateImport[]> {
    const rows = await this.dataSource.transaction(async (manager) => {
      const written: number[] = [];
      for (const parsed of files) {
        written.push(await upsertExchangeRates((sql, parameters) => manager.query(sql, parameters), parsed));
      }
      return written;
    });
    const [{ latest }] = await this.dataSource.query(
      `SELECT to_char(max(rate_date), 'YYYY-MM-DD') AS latest FROM exchange_rate`,
    );
    return files.map((parsed, i) => ({ dates: parsed.dates, currencies: parsed.currencies, rows: rows[i], latest }));
  }
}

/** Rates dated after this are refused (a day ahead, for time zones). */
function latestAllowedDate(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reads and checks an ECB file without the database (the CLI does this before it starts the app):
 * a regular file of at most MAX_ECB_FILE_BYTES in the ECB's format; errors name the file.
 */
export async function readEcbFile(path: string): Promise<EcbRates> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new Error(`${path} is not a file`);
  if (info.size > MAX_ECB_FILE_BYTES) throw new Error(`${path} is larger than ${MAX_ECB_FILE_BYTES} bytes`);
  try {
    return parseEcbCsv(await readFile(path, 'utf8'), { latest: latestAllowedDate() });
  } catch (error) {
    if (error instanceof EcbCsvError) {
      throw new EcbCsvError(error.line, error.column, error.problem, error.header, path);
    }
    throw error;
  }
}

/** The CLI's line after an import. */
export function describeImport(result: ExchangeRateImport): string {
  const first = result.dates[0];
  const last = result.dates[result.dates.length - 1];
  const span = first === last ? first : `${first} to ${last}`;
  return (
    `Imported ECB reference rates of ${span} (${result.dates.length} date${result.dates.length === 1 ? '' : 's'}): ` +
    `${result.currencies.length} currencies and EUR, ${result.rows} rows; latest rate date now ${result.latest}`
  );
}
