export * from './languages.js';
export * from './render.js';
export * from './templates.js';
