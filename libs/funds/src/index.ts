export * from './application.entity.js';
export * from './applications.service.js';
export * from './fund.entity.js';
export * from './fund.inputs.js';
export * from './fund.models.js';
export * from './funds.module.js';
export * from './funds.service.js';
