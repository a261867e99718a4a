export * from './base.entity.js';
export * from './embedded-database.js';
export * from './persistence.module.js';
export * from './query-counter.js';
export * from './redis.service.js';
export * from './snake-naming.strategy.js';
export * from './status-history.js';
export * from './transaction.js';
