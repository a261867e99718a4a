export * from './indicator.entity.js';
export * from './project.entity.js';
export * from './project.inputs.js';
export * from './project.loaders.js';
export * from './project.resolver.js';
export * from './projects.module.js';
export * from './projects.service.js';
export * from './personal-data.js';
