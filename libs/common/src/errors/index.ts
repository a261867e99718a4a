export * from './domain-error.js';
export * from './format-error.js';
