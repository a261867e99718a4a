import { execFile, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  convertSql,
  EcbCsvError,
  ExchangeRatesService,
  formatConversion,
  parseEcbCsv,
  readEcbFile,
  SHIPPED_ECB_RATES,
  rateDateSql,
  unitsPerEurSql,
} from '@app/reference-data';
import { TestApp } from './support/test-app.js';
import { dataSource } from './support/fixtures.js';

/*
 * Issue 15, money across currencies: the ECB reference rates shipped with the code and loaded by the
 * migration, the import of the ECB's two CSV formats (what `npm run cli -- rates:import` runs),
 * conversions and their reason sentence, and the SQL helper the matchers use. Every rate below is
 * the ECB's own (the shipped file of 20 February 2026 and lines of its published files).
 */

/** The ECB's day file of 8 October 2024 (eurofxref.csv, before Bulgaria joined the euro: BGN is there). */
const DAY_2024_10_08 =
  'Date, USD, JPY, BGN, CZK, DKK, GBP, HUF, PLN, RON, SEK, CHF, ISK, NOK, TRY, AUD, BRL, CAD, CNY, HKD, IDR, ILS, INR, KRW, MXN, MYR, NZD, PHP, SGD, THB, ZAR, \n' +
  '08 October 2024, 1.0982, 162.49, 1.9558, 25.313, 7.4579, 0.83778, 400.55, 4.3083, 4.9773, 11.3490, 0.9410, 148.50, 11.6870, 37.6381, 1.6293, 6.0528, 1.4981, 7.7449, 8.5370, 17183.10, 4.1473, 92.2065, 1478.22, 21.1383, 4.7074, 1.7933, 62.392, 1.4307, 36.724, 19.1784, \n';

/** Three lines of the ECB's history file (eurofxref-hist.csv): N/A for currencies without a rate that day. */
const HIST_HEADER =
  'Date,USD,JPY,BGN,CYP,CZK,DKK,EEK,GBP,HUF,LTL,LVL,MTL,PLN,ROL,RON,SEK,SIT,SKK,CHF,ISK,NOK,HRK,RUB,TRL,TRY,AUD,BRL,CAD,CNY,HKD,IDR,ILS,INR,KRW,MXN,MYR,NZD,PHP,SGD,THB,ZAR,';
const HIST =
  `${HIST_HEADER}\r\n` +
  '2026-02-19,1.1753,182.05,N/A,N/A,24.245,7.4717,N/A,0.8738,379.73,N/A,N/A,N/A,4.2215,N/A,5.097,10.6915,N/A,N/A,0.9119,144.9,11.253,N/A,N/A,N/A,51.4426,1.6698,6.1519,1.6107,8.1197,9.1846,19883.96,3.6888,107.183,1703.81,20.3086,4.5937,1.9728,68.225,1.4916,36.722,19.062,\r\n' +
  '2026-02-18,1.1845,181.99,N/A,N/A,24.256,7.4714,N/A,0.8724,378.23,N/A,N/A,N/A,4.2165,N/A,5.0929,10.616,N/A,N/A,0.9124,144.9,11.2285,N/A,N/A,N/A,51.8305,1.6748,6.1865,1.6164,8.1833,9.2565,20000,3.6775,107.425,1712.66,20.2709,4.6196,1.973,68.551,1.4971,37.016,18.9794,\r\n' +
  '2025-12-31,1.175,184.09,1.9558,N/A,24.237,7.4689,N/A,0.8726,385.15,N/A,N/A,N/A,4.221,N/A,5.0968,10.8215,N/A,N/A,0.9314,147.2,11.843,N/A,N/A,N/A,50.4838,1.7581,6.4364,1.6088,8.2262,9.1464,19640.83,3.7471,105.5965,1696.94,21.118,4.7682,2.038,69.266,1.5105,37.218,19.4439,\r\n';

const EXCHANGE_RATES = `{ exchangeRates { date source rates { currency unitsPerEur rateDate } } }`;

describe('Exchange rates (issue 15): ECB reference rates, import, conversion and SQL', () => {
  let t: TestApp;
  let ds: DataSource;
  let rates: ExchangeRatesService;
  beforeAll(async () => {
    t = await TestApp.start();
    ds = dataSource(t);
    rates = t.app.get(ExchangeRatesService);
  });
  afterAll(() => t?.close());

  const count = async () => Number((await ds.query('SELECT count(*)::int AS n FROM exchange_rate'))[0].n);
  const current = async (currency: string) =>
    (
      await ds.query(
        `SELECT to_char(rate_date, 'YYYY-MM-DD') AS date, units_per_eur::text AS rate FROM current_exchange_rate WHERE currency = $1`,
        [currency],
      )
    )[0] as { date: string; rate: string } | undefined;

  it('ships the ECB file of 20 February 2026 as data, the same bytes as the migration loads', () => {
    const file = readFileSync(join(process.cwd(), 'libs/reference-data/data', SHIPPED_ECB_RATES.file), 'utf8');
    expect(file).toBe(SHIPPED_ECB_RATES.csv);
    expect(SHIPPED_ECB_RATES.file).toContain(SHIPPED_ECB_RATES.date);
    const parsed = parseEcbCsv(file);
    expect(parsed.dates).toEqual([SHIPPED_ECB_RATES.date]);
    expect(parsed.currencies).toHaveLength(29);
    expect(parsed.currencies).not.toContain('BGN'); // Bulgaria uses the euro since 1 January 2026
  });

  it('the ExchangeRateRow entity and the migration agree (no pending change on exchange_rate)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query).filter((q) => q.includes('exchange_rate'))).toEqual([]);
  });

  it('has the shipped rates after the migrations, EUR at 1, in the view and the public GraphQL query', async () => {
    expect(await current('GBP')).toEqual({ date: '2026-02-20', rate: '0.87280' });
    expect(await current('USD')).toEqual({ date: '2026-02-20', rate: '1.1767' });
    expect(await current('EUR')).toEqual({ date: '2026-02-20', rate: '1' });
    expect(await current('XOF')).toBeUndefined();
    const { exchangeRates } = await t.ok(EXCHANGE_RATES); // no token: public
    expect(exchangeRates.date).toBe('2026-02-20');
    expect(exchangeRates.source).toMatch(/European Central Bank/);
    expect(exchangeRates.rates).toHaveLength(30);
    expect(exchangeRates.rates).toContainEqual({ currency: 'JPY', unitsPerEur: 182.63, rateDate: '2026-02-20' });
    expect(exchangeRates.rates).toContainEqual({ currency: 'EUR', unitsPerEur: 1, rateDate: '2026-02-20' });
  });

  it('converts through the euro at the latest rates and writes the reason sentence', async () => {
    const gbpToEur = await rates.convert(40_000, 'GBP', 'EUR');
    expect(gbpToEur!.amount).toBeCloseTo(40_000 / 0.8728, 6); // 45,829.51
    expect(gbpToEur!.rate).toBeCloseTo(1 / 0.8728, 10);
    expect(gbpToEur!.rateDate).toBe('2026-02-20');
    const gbpToUsd = await rates.convert(40_000, 'GBP', 'USD');
    expect(gbpToUsd!.amount).toBeCloseTo((40_000 / 0.8728) * 1.1767, 6); // 53,927.59
    expect(await rates.convert(100, 'XOF', 'EUR')).toBeNull();
    expect(await rates.convert(100, 'EUR', 'XOF')).toBeNull();
    expect(await rates.convert(250, 'XOF', 'XOF')).toEqual({ amount: 250, rate: 1, rateDate: null });

    expect(formatConversion({ amount: 40_000, currency: 'GBP' }, 'EUR', gbpToEur!)).toBe(
      'GBP 40,000 ≈ EUR 45,830 at the ECB reference rate of 20 Feb 2026',
    );
    expect(formatConversion({ amount: 40_000, currency: 'GBP' }, 'EUR', gbpToEur!, 'fr')).toBe(
      '40\u202f000 GBP ≈ 45\u202f830 EUR au taux de référence de la BCE du 20 févr. 2026',
    );
    expect((await rates.describe(50, 'USD', 'EUR', 'es'))!.text).toBe(
      '50 USD ≈ 42,49 EUR al tipo de referencia del BCE del 20 feb 2026',
    );
    expect(formatConversion({ amount: 1200, currency: 'EUR' }, 'EUR', { amount: 1200, rate: 1, rateDate: null })).toBe(
      'EUR 1,200',
    );
  });

  it('convertSql converts columns and parameters in SQL, NULL without a rate, the amount itself for one currency', async () => {
    const rows: Array<{ id: number; converted: string | null }> = await ds.query(
      `SELECT v.id, (${convertSql('v.amount', 'v.currency', '$1')})::text AS converted
         FROM (VALUES (1, 40000, 'GBP'), (2, 1000, 'EUR'), (3, 500, 'XOF'), (4, 182.63, 'JPY'), (5, NULL, 'GBP'), (6, 7, NULL))
              AS v(id, amount, currency)
        ORDER BY v.id`,
      ['EUR'],
    );
    const value = (id: number) => rows.find((r) => r.id === id)!.converted;
    expect(Number(value(1))).toBeCloseTo(40_000 / 0.8728, 6);
    expect(Number(value(2))).toBe(1000);
    expect(value(3)).toBeNull();
    expect(Number(value(4))).toBeCloseTo(1, 10);
    expect(value(5)).toBeNull();
    expect(value(6)).toBeNull();

    const [{ usd, xof, same, rate }] = await ds.query(
      `SELECT ${convertSql('$1', '$2', '$3')}::float8 AS usd, ${convertSql('$1', '$2', "'XOF'")} AS xof,
              ${convertSql('$1', "'XOF'", "'XOF'")}::float8 AS same, ${unitsPerEurSql("'GBP'")}::text AS rate`,
      [40_000, 'GBP', 'USD'],
    );
    expect(usd).toBeCloseTo((40_000 / 0.8728) * 1.1767, 6);
    expect(xof).toBeNull();
    expect(same).toBe(40_000);
    expect(rate).toBe('0.87280');
    // a comparison the matchers write: an income of GBP 40,000 against a fund limit of EUR 45,000 and 46,000
    const [{ over, under }] = await ds.query(
      `SELECT ${convertSql('40000', "'GBP'", "'EUR'")} >= 45000 AS over, ${convertSql('40000', "'GBP'", "'EUR'")} >= 46000 AS under`,
    );
    expect([over, under]).toEqual([true, false]);
  });

  it('imports the day file and the history file; the view keeps the latest date of each currency', async () => {
    const before = await count();
    const day = await rates.importCsv(DAY_2024_10_08);
    expect(day.dates).toEqual(['2024-10-08']);
    expect(day.currencies).toHaveLength(30);
    expect(day.rows).toBe(31);
    expect(day.latest).toBe('2026-02-20');
    expect(await count()).toBe(before + 31);
    expect(await current('BGN')).toEqual({ date: '2024-10-08', rate: '1.9558' });
    expect(await current('GBP')).toEqual({ date: '2026-02-20', rate: '0.87280' }); // the older file does not win

    const hist = await rates.importCsv(HIST);
    expect(hist.dates).toEqual(['2025-12-31', '2026-02-18', '2026-02-19']);
    // 29 rates a day in 2026, 30 with BGN on 31 December 2025, and EUR each day
    expect(hist.rows).toBe(29 + 29 + 30 + 3);
    expect(await current('BGN')).toEqual({ date: '2025-12-31', rate: '1.9558' });
    expect(await current('GBP')).toEqual({ date: '2026-02-20', rate: '0.87280' });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM exchange_rate WHERE currency = 'EUR'`);
    expect(n).toBe(5);
    const [{ gbp }] = await ds.query(
      `SELECT units_per_eur::text AS gbp FROM exchange_rate WHERE currency = 'GBP' AND rate_date = '2026-02-18'`,
    );
    expect(gbp).toBe('0.8724');

    // the view and the SQL helpers' lookups agree on every currency
    const agree: Array<{ currency: string; same: boolean }> = await ds.query(
      `SELECT c.currency, (c.units_per_eur = ${unitsPerEurSql('c.currency')} AND c.rate_date = ${rateDateSql('c.currency')}) AS same
         FROM current_exchange_rate c`,
    );
    expect(agree.length).toBe(31);
    expect(agree.filter((r) => !r.same)).toEqual([]);

    // importing again replaces, never duplicates
    const total = await count();
    await rates.importCsv(HIST);
    expect(await count()).toBe(total);
  });

  it('rejects a bad file naming the line and column, and writes nothing', async () => {
    const before = await count();
    const [{ sum: sumBefore }] = await ds.query('SELECT sum(units_per_eur)::text AS sum FROM exchange_rate');
    const [header, row] = DAY_2024_10_08.split('\n');
    const bad: Array<[string, RegExp]> = [
      ['', /line 1: the file is empty/],
      [`Datum, USD, \n08 October 2024, 1.0982, \n`, /line 1, column 1: the header must start with "Date"/],
      [
        `Date, USD, US, \n08 October 2024, 1.0982, 1.1, \n`,
        /line 1, column 3: "US" is not a three-letter currency code/,
      ],
      [`Date, USD, EUR, \n08 October 2024, 1.0982, 1, \n`, /line 1, column 3: EUR is the base currency/],
      [`Date, USD, USD, \n08 October 2024, 1.0982, 1.0982, \n`, /line 1, column 3: USD comes twice/],
      [`${header}\n`, /line 2: the file has a header and no rates/],
      [`${header}\n${row.replace('0.83778', 'abc')}\n`, /line 2, column 7 \(GBP\): "abc" is not a rate/],
      [`${header}\n${row.replace('0.83778', '-0.83778')}\n`, /line 2, column 7 \(GBP\): "-0.83778" is not a rate/],
      [`${header}\n${row.replace('0.83778', '0')}\n`, /line 2, column 7 \(GBP\): "0" is not a rate/],
      [`${header}\n${row.replace(' 1.0982,', '')}\n`, /line 2: 30 cells where the header has 31/],
      [
        `${header}\n${row.replace('08 October', '31 February')}\n`,
        /line 2, column 1: "31 February 2024" is not a date/,
      ],
      [`${header}\n${row.replace('08 October 2024', '2999-01-01')}\n`, /line 2, column 1: 2999-01-01 is in the future/],
      [`${HIST}2026-02-19${HIST.split('\n')[1].slice(10)}\n`, /line 5, column 1: 2026-02-19 comes twice/],
      [HIST.replace('1.9558,N/A,24.237', '1.9558,N/A,24,237'), /line 4: 43 cells where the header has 42/],
      [HIST.replace('0.8726', '0,8726'), /line 4: 43 cells/],
      [HIST.replace('2026-02-18,1.1845,181.99,N/A', '2026-02-18,1.1845,181.99,n.a.'), /line 3, column 4 \(BGN\)/],
    ];
    for (const [text, message] of bad) {
      const error = await rates.importCsv(text).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EcbCsvError);
      expect((error as Error).message).toMatch(message);
    }
    expect(await count()).toBe(before);
    const [{ sum: sumAfter }] = await ds.query('SELECT sum(units_per_eur)::text AS sum FROM exchange_rate');
    expect(sumAfter).toBe(sumBefore);
  });

  it('readEcbFile names the file in its errors and refuses what is not a file; importFiles writes all or nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rates-'));
    try {
      const good = join(dir, 'eurofxref.csv');
      writeFileSync(good, DAY_2024_10_08);
      expect((await readEcbFile(good)).dates).toEqual(['2024-10-08']);
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, DAY_2024_10_08.replace('162.49', '16x'));
      await expect(readEcbFile(bad)).rejects.toThrow(`${bad}, line 2, column 3 (JPY): "16x" is not a rate`);
      await expect(readEcbFile(dir)).rejects.toThrow(`${dir} is not a file`);
      await expect(readEcbFile(join(dir, 'missing.csv'))).rejects.toThrow('missing.csv is not a file');
      const before = await count();
      await expect(rates.importFiles([good, bad])).rejects.toThrow(EcbCsvError);
      expect(await count()).toBe(before);
      const [result] = await rates.importFiles([good]);
      expect(result).toMatchObject({ dates: ['2024-10-08'], rows: 31, latest: '2026-02-20' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('npm run cli -- rates:import', () => {
    // the built CLI (CLI_MAIN, or dist/ — built here when it predates the command), on its own embedded database
    const cli = process.env.CLI_MAIN ?? join(process.cwd(), 'dist/apps/cli/src/main.js');
    let dir: string;
    beforeAll(() => {
      if (!existsSync(cli) || !readFileSync(cli, 'utf8').includes('rates:import')) {
        execSync('npm run build', { stdio: 'inherit' });
      }
      dir = mkdtempSync(join(tmpdir(), 'rates-cli-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));

    const run = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const env = {
          ...process.env,
          NODE_ENV: 'development',
          DATABASE_URL: '',
          REDIS_URL: '',
          DATA_DIR: join(dir, 'data'),
          DEMO_DATA: 'false',
          JWT_SECRET: 'rates-cli-test-secret-0123456789abcdef',
        };
        execFile(process.execPath, [cli, 'rates:import', ...args], { env, timeout: 240_000 }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });

    it('checks every file before it starts, then imports the day file and the history file together', async () => {
      const day = join(dir, 'eurofxref.csv');
      const hist = join(dir, 'eurofxref-hist.csv');
      const bad = join(dir, 'bad.csv');
      writeFileSync(day, DAY_2024_10_08);
      writeFileSync(hist, HIST);
      writeFileSync(bad, HIST.replace('0.8724', '0.87.24'));

      const refused = await run(day, bad);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`${bad}, line 3, column 9 (GBP): "0.87.24" is not a rate`);
      expect(existsSync(join(dir, 'data'))).toBe(false); // refused before the database was opened
      const usage = await run();
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('rates:import <eurofxref.csv>');

      const done = await run(day, hist);
      expect(done).toMatchObject({ code: 0 });
      expect(done.stdout).toContain(
        `${day}: Imported ECB reference rates of 2024-10-08 (1 date): 30 currencies and EUR, 31 rows; latest rate date now 2026-02-20`,
      );
      expect(done.stdout).toContain(
        `${hist}: Imported ECB reference rates of 2025-12-31 to 2026-02-19 (3 dates): 30 currencies and EUR, 91 rows`,
      );
    }, 600_000);
  });
});
