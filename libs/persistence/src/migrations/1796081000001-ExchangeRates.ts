import { MigrationInterface, QueryRunner } from 'typeorm';
import { parseEcbCsv } from '../../../reference-data/src/exchange-rates/ecb-csv.js';
import { upsertExchangeRates } from '../../../reference-data/src/exchange-rates/exchange-rate-sql.js';
import { SHIPPED_ECB_RATES } from '../../../reference-data/src/exchange-rates/shipped-rates.js';

/**
 * Exchange rates (issue 15): exchange_rate, the ECB's euro reference rates by currency and date
 * (EUR at 1 on every date loaded), and the view current_exchange_rate, the latest rate of each
 * currency. Loads the rates shipped with the code (libs/reference-data/data/ecb-eurofxref-2026-02-20.csv);
 * newer ones come with `npm run cli -- rates:import <file>`.
 */
export class ExchangeRates1796081000001 implements MigrationInterface {
  name = 'ExchangeRates1796081000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "exchange_rate" ("currency" text NOT NULL, "rate_date" date NOT NULL, "units_per_eur" numeric NOT NULL, CONSTRAINT "CHK_exchange_rate_currency" CHECK ("currency" ~ '^[A-Z]{3}$'), CONSTRAINT "CHK_exchange_rate_positive" CHECK ("units_per_eur" > 0), CONSTRAINT "PK_889650aa43317c8b4dbf33e3723" PRIMARY KEY ("currency", "rate_date"))`,
    );
    // the latest row of each currency: a loose index scan for the currencies (a recursive step per
    // currency on the primary key), then one backward step of the key each. A plain DISTINCT ON sorts
    // a currency's whole history on every lookup (200 s for 20,000 correlated lookups over 27 years
    // of rates, against under a second so; a join on the view takes milliseconds).
    await queryRunner.query(
      `CREATE VIEW "current_exchange_rate" AS WITH RECURSIVE currencies(currency) AS (SELECT min(currency) FROM exchange_rate UNION ALL SELECT (SELECT min(e.currency) FROM exchange_rate e WHERE e.currency > c.currency) FROM currencies c WHERE c.currency IS NOT NULL) SELECT c.currency, l.rate_date, l.units_per_eur FROM currencies c CROSS JOIN LATERAL (SELECT e.rate_date, e.units_per_eur FROM exchange_rate e WHERE e.currency = c.currency ORDER BY e.rate_date DESC LIMIT 1) l`,
    );
    await upsertExchangeRates(
      (sql, parameters) => queryRunner.query(sql, parameters),
      parseEcbCsv(SHIPPED_ECB_RATES.csv),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW "current_exchange_rate"');
    await queryRunner.query('DROP TABLE "exchange_rate"');
  }
}
