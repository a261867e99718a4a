export * from './reference.entities.js';
export * from './reference-data.module.js';
export * from './reference-data.service.js';
