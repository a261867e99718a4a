import { BadInputError } from '../errors/domain-error.js';
import { text } from '../i18n/translate.js';

/**
 * A partial update of T: a field left out (undefined) keeps its current value, an explicit null
 * clears it. The Update…Input types (PartialType of a create input) have this shape.
 */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

export interface PatchOptions<T> {
  /** The path of the patch in the request, for error fields ("input" → "input.name"). */
  path?: string;
  /** Fields that cannot be cleared: null on one is BAD_USER_INPUT naming it (nothing is written). */
  required?: ReadonlyArray<keyof T & string>;
  /** Object-valued fields patched field by field themselves (their own omitted fields stay) instead of replaced. */
  nested?: ReadonlyArray<keyof T & string>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * The one rule of every update mutation: `current` (the stored object in its input shape) with the
 * fields the patch gives. The result is a new object, to be validated as a whole (bounds, cross-field
 * rules) exactly like a create input before anything is written.
 */
export function applyPatch<T extends object>(
  current: T,
  patch: Patch<T> | null | undefined,
  options: PatchOptions<T> = {},
): T {
  const result = { ...current } as Record<string, unknown>;
  if (!patch) return result as T;
  const required = new Set<string>(options.required ?? []);
  const nested = new Set<string>(options.nested ?? []);
  const prefix = options.path ? `${options.path}.` : '';
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const field = `${prefix}${key}`;
    if (value === null) {
      if (required.has(key)) {
        throw new BadInputError(field, text('validation.cannotBeNull', { field }));
      }
      result[key] = null;
    } else if (nested.has(key) && isPlainObject(value)) {
      const base = isPlainObject(result[key]) ? result[key] : {};
      result[key] = applyPatch(base, value, { path: field });
    } else {
      result[key] = value;
    }
  }
  return result as T;
}
