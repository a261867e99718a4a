import type { CombinedError } from 'urql';
import i18n from '../i18n';

export interface FormErrors {
  /** field name (last segment of the API's `extensions.field`, e.g. "input.email" → "email") → message */
  fields: Record<string, string>;
  /** an error that names no field */
  general: string | null;
}

export function fieldOf(path: unknown): string | null {
  return typeof path === 'string' && path ? (path.split('.').pop() ?? null) : null;
}

/**
 * Codes whose sentence does not depend on what was asked: said in the interface language
 * (`errors.code.<CODE>`). The others (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT…) keep the API's
 * sentence, which names the field, role or rule at fault; so does a code without a translation. The API
 * writes its sentences in the language the client sends as accept-language (graphql/client.ts).
 */
const GENERIC_CODES = new Set([
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'QUERY_TOO_COMPLEX',
]);

/** The sentence to show for one GraphQL error: translated for a generic code, else the API's. */
export function errorMessage(error: { message: string; extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.code;
  if (typeof code === 'string' && GENERIC_CODES.has(code))
    return i18n.t(`errors.code.${code}`, { defaultValue: error.message });
  return error.message;
}

/** Splits a GraphQL answer's errors into the messages shown next to their fields and a general one. */
export function formErrors(error: CombinedError | undefined): FormErrors {
  const result: FormErrors = { fields: {}, general: null };
  if (!error) return result;
  for (const e of error.graphQLErrors) {
    const field = fieldOf(e.extensions?.field);
    // a field's first message stands beside it (a second one about the same field is not a general error)
    if (field) result.fields[field] ??= errorMessage(e);
    else result.general ??= errorMessage(e);
  }
  // "Failed to fetch" and the like: the browser's words, not the user's language
  if (error.networkError) result.general ??= i18n.t('errors.network', { defaultValue: error.networkError.message });
  return result;
}
