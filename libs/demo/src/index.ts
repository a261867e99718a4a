export * from './demo-activities.js';
export * from './demo-organizations.js';
export * from './demo.module.js';
export * from './demo.seeder.js';
