export * from './match.models.js';
export * from './matching.module.js';
export * from './partner-suggestions.service.js';
export * from './weights.js';
export * from './fund-matching.service.js';
export * from './fund-matching.sql.js';
export * from './training-matching.service.js';
export * from './dialogue-counterparts.service.js';
