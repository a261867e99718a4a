export * from './account-lifecycle.service.js';
export * from './account.module.js';
export * from './account.resolver.js';
