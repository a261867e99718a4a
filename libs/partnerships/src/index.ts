export * from './partnership-facts.service.js';
export * from './partnership.entity.js';
export * from './partnership.loaders.js';
export * from './partnerships.module.js';
export * from './partnerships.service.js';
export * from './personal-data.js';
