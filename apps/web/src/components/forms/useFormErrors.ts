import { useCallback, useMemo, useState } from 'react';
import type { CombinedError } from 'urql';
import { formErrors, type FormErrors } from '../../graphql/errors';

const NONE: FormErrors = { fields: {}, general: null };

export interface FormErrorsState extends FormErrors {
  /** forgets every error (before a new attempt) */
  clear: () => void;
  /**
   * The form's own checks: shows `fields` next to their inputs and answers whether there were none,
   * e.g. `if (!form.check({ name: name ? '' : t('auth.required') })) return;` (empty messages are no error).
   */
  check: (fields: Record<string, string | null | undefined | false>) => boolean;
  /** The API's answer: its errors next to the fields they name, the others above the form; true when none. */
  settle: (error: CombinedError | undefined) => boolean;
}

/**
 * The errors of one form: what the form's own checks find and what the API refuses (BAD_USER_INPUT
 * with `extensions.field` beside that field, anything else as the form's general error).
 */
export function useFormErrors(): FormErrorsState {
  const [errors, setErrors] = useState<FormErrors>(NONE);
  const clear = useCallback(() => setErrors(NONE), []);
  const check = useCallback((fields: Record<string, string | null | undefined | false>) => {
    const found = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => !!entry[1]));
    setErrors({ fields: found, general: null });
    return Object.keys(found).length === 0;
  }, []);
  const settle = useCallback((error: CombinedError | undefined) => {
    setErrors(formErrors(error));
    return !error;
  }, []);
  return useMemo(() => ({ ...errors, clear, check, settle }), [errors, clear, check, settle]);
}
