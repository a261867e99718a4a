/**
 * The ECB reference rates shipped with the code, loaded by the ExchangeRates migration: the text of
 * libs/reference-data/data/ecb-eurofxref-2026-02-20.csv (see the README there for its source), kept
 * here too so that the built code (dist/, the Docker image) has it; test/exchange-rates.e2e-spec.ts
 * checks that the two are the same, byte for byte. Newer rates: `npm run cli -- rates:import <file>`.
 */
export const SHIPPED_ECB_RATES = {
  file: 'ecb-eurofxref-2026-02-20.csv',
  date: '2026-02-20',
  csv: 'Date, USD, JPY, CZK, DKK, GBP, HUF, PLN, RON, SEK, CHF, ISK, NOK, TRY, AUD, BRL, CAD, CNY, HKD, IDR, ILS, INR, KRW, MXN, MYR, NZD, PHP, SGD, THB, ZAR, \n20 February 2026, 1.1767, 182.63, 24.241, 7.4716, 0.87280, 379.65, 4.2238, 5.0978, 10.6745, 0.9132, 144.90, 11.2540, 51.5932, 1.6697, 6.1358, 1.6112, 8.1294, 9.1961, 19872.87, 3.6783, 107.0155, 1705.81, 20.2402, 4.5927, 1.9763, 68.428, 1.4931, 36.719, 18.9417, \n',
} as const;
