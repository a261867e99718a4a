export * from './input-validation.pipe.js';
export * from './validators.js';
export * from './ids.js';
export * from './id-normalisation.interceptor.js';
