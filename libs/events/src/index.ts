export * from './event-types.js';
export * from './events.module.js';
export * from './events.service.js';
export * from './outbox-event.entity.js';
export * from './record-event.js';
export * from './queue-email.js';
