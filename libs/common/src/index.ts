export * from './errors/index.js';
export * from './pagination/index.js';
export * from './validation/index.js';
export * from './graphql/context.js';
export * from './auth/decorators.js';
export * from './graphql/loaders.js';
export * from './common.module.js';
