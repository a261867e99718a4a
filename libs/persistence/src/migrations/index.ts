import { InitialSchema1795564056524 } from './1795564056524-InitialSchema.js';

/** Every migration, in order. Add new ones at the end (npm run cli -- migration:generate <Name>). */
export const MIGRATIONS: Array<new () => unknown> = [InitialSchema1795564056524];
