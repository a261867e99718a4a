export * from './connection.js';
export * from './keyset.js';
