import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { errorMessage, formErrors } from './errors';

const error = (message: string, extensions: Record<string, unknown>) => new GraphQLError(message, { extensions });

describe('errorMessage', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('says a generic code in the interface language', async () => {
    await i18n.changeLanguage('fr');
    expect(errorMessage(error('Too many requests, retry in 30 s', { code: 'RATE_LIMITED' }))).toBe(
      'Trop de tentatives en peu de temps. Patientez un instant et réessayez.',
    );
    expect(errorMessage(error('Authentication required', { code: 'UNAUTHENTICATED' }))).toBe(
      'Votre session a pris fin. Reconnectez-vous.',
    );
  });

  it('keeps the API’s sentence where it names what is at fault, or the code is unknown', async () => {
    await i18n.changeLanguage('fr');
    for (const [message, code] of [
      ['Only OWNER/ADMIN may edit', 'FORBIDDEN'],
      ['website must be an http(s) URL', 'BAD_USER_INPUT'],
      ['A new rule says no', 'FUND_RULE_NEW'],
      ['No code at all', undefined],
    ])
      expect(errorMessage(error(message!, code ? { code } : {}))).toBe(message);
  });

  it('translates in formErrors too, beside the field or above the form, and a network failure', async () => {
    await i18n.changeLanguage('fr');
    const result = formErrors(
      new CombinedError({
        graphQLErrors: [error('Internal server error', { code: 'INTERNAL_SERVER_ERROR' })],
      }),
    );
    expect(result.general).toBe(
      'Une erreur s’est produite de notre côté. Réessayez ; si elle persiste, prévenez-nous.',
    );
    expect(formErrors(new CombinedError({ networkError: new Error('Failed to fetch') })).general).toBe(
      'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    );
  });
});
