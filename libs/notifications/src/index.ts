export * from './fund-match-fan-out.js';
export * from './mailer.service.js';
export * from './notification.entity.js';
export * from './notification.processors.js';
export * from './notification-pubsub.js';
export * from './notification.resolver.js';
export * from './notifications.module.js';
export * from './notifications.service.js';
