export * from './reference.entities.js';
export * from './reference-data.module.js';
export * from './reference-data.service.js';
export * from './exchange-rates/index.js';
