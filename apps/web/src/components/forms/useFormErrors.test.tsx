import { act, renderHook } from '@testing-library/react';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { useFormErrors } from './useFormErrors';

const refusal = (...errors: [string, Record<string, unknown>][]) =>
  new CombinedError({
    graphQLErrors: errors.map(([message, extensions]) => new GraphQLError(message, { extensions })),
  });

describe('useFormErrors', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('puts the API’s field errors next to their fields (last segment of extensions.field), the rest above', () => {
    const { result } = renderHook(() => useFormErrors());
    let ok = true;
    act(() => {
      ok = result.current.settle(
        refusal(
          ['website must be an http(s) URL', { code: 'BAD_USER_INPUT', field: 'input.website' }],
          ['website is also too long', { code: 'BAD_USER_INPUT', field: 'input.website' }],
          ['Only OWNER/ADMIN may edit', { code: 'FORBIDDEN' }],
        ),
      );
    });
    expect(ok).toBe(false);
    // the first message of a field wins
    expect(result.current.fields).toEqual({ website: 'website must be an http(s) URL' });
    expect(result.current.general).toBe('Only OWNER/ADMIN may edit');
  });

  it('says a network failure above the form, and a success clears every error', () => {
    const { result } = renderHook(() => useFormErrors());
    act(() => void result.current.settle(new CombinedError({ networkError: new Error('Failed to fetch') })));
    expect(result.current.general).toBe('The server could not be reached. Check your connection and try again.');
    let ok = false;
    act(() => {
      ok = result.current.settle(undefined);
    });
    expect(ok).toBe(true);
    expect([result.current.fields, result.current.general]).toEqual([{}, null]);
  });

  it('shows the form’s own checks, ignoring empty messages, and answers whether all passed', () => {
    const { result } = renderHook(() => useFormErrors());
    let ok = true;
    act(() => {
      ok = result.current.check({ name: 'Required', city: false, website: '' });
    });
    expect(ok).toBe(false);
    expect(result.current.fields).toEqual({ name: 'Required' });
    act(() => {
      ok = result.current.check({ name: false });
    });
    expect(ok).toBe(true);
    expect(result.current.fields).toEqual({});
  });

  it('forgets the errors on clear and keeps its functions across renders', () => {
    const { result, rerender } = renderHook(() => useFormErrors());
    const { settle, check, clear } = result.current;
    act(() => void result.current.settle(refusal(['Nope', { code: 'FORBIDDEN' }])));
    rerender();
    expect([result.current.settle, result.current.check, result.current.clear]).toEqual([settle, check, clear]);
    act(() => result.current.clear());
    expect([result.current.fields, result.current.general]).toEqual([{}, null]);
  });
});
