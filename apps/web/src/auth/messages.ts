import type { TFunction } from 'i18next';
import { AuthError } from './session';

/** The message for an error of the /auth endpoints, translated when the portal knows its kind. */
export function authErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof AuthError) {
    if (error.code === 'UNAUTHENTICATED') return t('auth.wrongCredentials');
    if (error.code === 'RATE_LIMITED') return t('auth.rateLimited');
    return error.message;
  }
  return t('app.error', { message: error instanceof Error ? error.message : String(error) });
}
