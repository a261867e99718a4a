export * from './ecb-csv.js';
export * from './exchange-rate-sql.js';
export * from './exchange-rate.entity.js';
export * from './exchange-rates.service.js';
export * from './format-conversion.js';
export * from './shipped-rates.js';
