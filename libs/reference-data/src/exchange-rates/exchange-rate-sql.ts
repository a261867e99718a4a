import type { EcbRates } from './ecb-csv.js';

/**
 * SQL over the exchange rates, for PostgreSQL and PGlite alike. Amounts convert through the euro:
 * an amount in A is `amount / units_per_eur(A) * units_per_eur(B)` in B, with the latest rate of each
 * currency (the view current_exchange_rate, where EUR is 1). For many rows, a join on the view
 * (`JOIN current_exchange_rate r ON r.currency = t.currency`) is the fastest; convertSql's scalar
 * subqueries cost about 20 µs a row.
 */

/**
 * Scalar subquery: the latest units per euro of the currency that `currencySql` evaluates to (NULL
 * when none): the row of current_exchange_rate, read straight from exchange_rate's primary key (one
 * backward index step, the fastest form for a lookup per row).
 */
export function unitsPerEurSql(currencySql: string): string {
  return `(SELECT er.units_per_eur FROM exchange_rate er WHERE er.currency = (${currencySql}) ORDER BY er.rate_date DESC LIMIT 1)`;
}

/** Scalar subquery: the date of that rate (NULL when none). */
export function rateDateSql(currencySql: string): string {
  return `(SELECT er.rate_date FROM exchange_rate er WHERE er.currency = (${currencySql}) ORDER BY er.rate_date DESC LIMIT 1)`;
}

/**
 * Expression: the amount `amountSql` in the currency `fromCurrencySql`, converted to
 * `toCurrencySql` (numeric). The same currency gives the amount itself (also for a currency without
 * a reference rate); NULL when an amount or currency is NULL or a currency has no rate — compare
 * with care (`converted >= x` is then NULL, neither true nor false). The arguments are SQL
 * expressions: column references or bind parameters ($1 / :name), never user text.
 */
export function convertSql(amountSql: string, fromCurrencySql: string, toCurrencySql: string): string {
  return (
    `(CASE WHEN (${fromCurrencySql}) = (${toCurrencySql}) THEN (${amountSql})::numeric ` +
    `ELSE (${amountSql})::numeric / ${unitsPerEurSql(fromCurrencySql)} * ${unitsPerEurSql(toCurrencySql)} END)`
  );
}

type Query = (sql: string, parameters: unknown[]) => Promise<unknown>;

/** Rows per INSERT (three parameters each, far under PostgreSQL's 65,535). */
const CHUNK = 1000;

/**
 * Inserts or replaces the rates of a parsed file, with EUR at 1 for each of its dates; `query` is
 * a query runner's or an entity manager's (the caller's transaction). Returns the rows written.
 */
export async function upsertExchangeRates(query: Query, parsed: EcbRates): Promise<number> {
  const rows: Array<[string, string, string]> = [
    ...parsed.dates.map((date): [string, string, string] => ['EUR', date, '1']),
    ...parsed.rates.map((r): [string, string, string] => [r.currency, r.rateDate, r.unitsPerEur]),
  ];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const values = chunk.map((_, j) => `($${j * 3 + 1}, $${j * 3 + 2}::date, $${j * 3 + 3}::numeric)`);
    await query(
      `INSERT INTO exchange_rate (currency, rate_date, units_per_eur) VALUES ${values.join(', ')} ` +
        `ON CONFLICT (currency, rate_date) DO UPDATE SET units_per_eur = EXCLUDED.units_per_eur`,
      chunk.flat(),
    );
  }
  return rows.length;
}
