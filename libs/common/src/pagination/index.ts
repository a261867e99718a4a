export * from './connection.js';
export * from './keyset.js';
export * from './nested.js';
export * from './entity-rows.js';
export * from './selected-columns.js';
export * from './prefetch.js';
