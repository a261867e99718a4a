export * from './consultation.entity.js';
export * from './consultation-invitations.service.js';
export * from './consultations.service.js';
export * from './contributions.service.js';
export * from './dialogue.inputs.js';
export * from './dialogue.loaders.js';
export * from './dialogue.module.js';
