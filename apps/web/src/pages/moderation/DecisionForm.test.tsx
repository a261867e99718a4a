import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import '../../i18n';
import { DecisionForm } from './DecisionForm';

Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
});

const renderForm = (onDecide: Parameters<typeof DecisionForm>[0]['onDecide']) =>
  render(
    <MantineProvider>
      <DecisionForm organizationName="Asso" onDecide={onDecide} />
    </MantineProvider>,
  );

describe('the verification decision form', { timeout: 30_000 }, () => {
  it('refuses a rejection without a note before asking the API', async () => {
    const onDecide = vi.fn(async () => ({}));
    renderForm(onDecide);
    fireEvent.click(screen.getByRole('button', { name: 'Reject Asso' }));
    await waitFor(() => expect(screen.getByText('A rejection needs a note')).toBeTruthy());
    expect(onDecide).not.toHaveBeenCalled();
  });

  it('sends a rejection with its note and an approval without one', async () => {
    const onDecide = vi.fn(async () => ({}));
    renderForm(onDecide);
    fireEvent.click(screen.getByRole('button', { name: 'Verify Asso' }));
    await waitFor(() => expect(onDecide).toHaveBeenCalledWith(true, null));
    fireEvent.change(screen.getByRole('textbox', { name: /Note to the organization/ }), {
      target: { value: '  Send your statutes  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reject Asso' }));
    await waitFor(() => expect(onDecide).toHaveBeenCalledWith(false, 'Send your statutes'));
  });

  it('shows the API’s BAD_USER_INPUT on the note beside the field', async () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('note must be at most 2000 characters', {
          extensions: { code: 'BAD_USER_INPUT', field: 'note' },
        }),
      ],
    });
    renderForm(async () => ({ error }));
    fireEvent.change(screen.getByRole('textbox', { name: /Note to the organization/ }), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject Asso' }));
    await waitFor(() => expect(screen.getByText('note must be at most 2000 characters')).toBeTruthy());
    expect(screen.getByRole('textbox', { name: /Note to the organization/ }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('form-error')).toBeNull();
  });
});
