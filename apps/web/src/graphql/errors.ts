import type { CombinedError } from 'urql';

export interface FormErrors {
  /** field name (last segment of the API's `extensions.field`, e.g. "input.email" → "email") → message */
  fields: Record<string, string>;
  /** an error that names no field */
  general: string | null;
}

export function fieldOf(path: unknown): string | null {
  return typeof path === 'string' && path ? (path.split('.').pop() ?? null) : null;
}

/** Splits a GraphQL answer's errors into the messages shown next to their fields and a general one. */
export function formErrors(error: CombinedError | undefined): FormErrors {
  const result: FormErrors = { fields: {}, general: null };
  if (!error) return result;
  for (const e of error.graphQLErrors) {
    const field = fieldOf(e.extensions?.field);
    // a field's first message stands beside it (a second one about the same field is not a general error)
    if (field) result.fields[field] ??= e.message;
    else result.general ??= e.message;
  }
  if (error.networkError) result.general ??= error.networkError.message;
  return result;
}
