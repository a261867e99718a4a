import { bundle, type Tree } from '../bundle';
import base from '../locales/fr.json';

/** Every interface string in this language (one chunk per language: only the reader's is loaded). */
const strings: Tree = bundle(base, import.meta.glob<{ default: Tree }>('../locales/*/fr.json', { eager: true }));
export default strings;
