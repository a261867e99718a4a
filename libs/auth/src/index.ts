export * from './auth.inputs.js';
export * from './auth.module.js';
export * from './auth.service.js';
export * from './password.service.js';
export * from './rate-limiter.service.js';
export * from './refresh-token.entity.js';
export * from './user.entity.js';
export * from './users.service.js';
