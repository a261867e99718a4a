export * from './bullmq-queue.js';
export * from './in-process-queue.js';
export * from './job-queue.js';
export * from './queue.module.js';
