import en from './bundles/en';
import es from './bundles/es';
import fr from './bundles/fr';

export type { Tree } from './bundle';

/**
 * Every language's strings at once, for the tests and the pages that compare languages. The portal
 * itself loads English with its first page and another language only when it is chosen (index.ts).
 */
export const translations = { en, fr, es };
