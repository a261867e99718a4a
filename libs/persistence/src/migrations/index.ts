import { InitialSchema1795564056524 } from './1795564056524-InitialSchema.js';
import { ProjectsAndPartnerships1795564806584 } from './1795564806584-ProjectsAndPartnerships.js';
import { FundsAndApplications1795565233809 } from './1795565233809-FundsAndApplications.js';

/** Every migration, in order. Add new ones at the end (npm run cli -- migration:generate <Name>). */
export const MIGRATIONS: Array<new () => unknown> = [
  InitialSchema1795564056524,
  ProjectsAndPartnerships1795564806584,
  FundsAndApplications1795565233809,
];
