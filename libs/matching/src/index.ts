export * from './match.models.js';
export * from './matching.module.js';
export * from './partner-suggestions.service.js';
export * from './weights.js';
