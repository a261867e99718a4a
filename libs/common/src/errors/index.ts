export * from './domain-error.js';
export * from './format-error.js';
export * from './graphql-exception.filter.js';
export * from './infrastructure-error.js';
export * from './state-machine.js';
