import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAccessToken, signOut } from '../auth/session';
import i18n from '../i18n';
import SignIn from './SignIn';

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function renderSignIn() {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', Component: SignIn },
      { path: '/me/organizations', element: <p>signed in page</p> },
    ],
    { initialEntries: ['/sign-in'] },
  );
  render(
    <MantineProvider>
      <RouterProvider router={router} />
    </MantineProvider>,
  );
  return router;
}

function fill(email: string, password: string) {
  fireEvent.change(screen.getByLabelText(/E-mail address/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignIn', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(async () => {
    await signOut();
    vi.unstubAllGlobals();
  });

  it('shows the API’s validation error next to the field it names', async () => {
    fetchMock.mockResolvedValueOnce(
      answer(400, { code: 'BAD_USER_INPUT', field: 'email', message: 'email must be a valid e-mail address' }),
    );
    renderSignIn();
    fill('not-an-address', 'whatever-password');
    const input = screen.getByLabelText(/E-mail address/);
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    const described = input.getAttribute('aria-describedby') ?? '';
    const errorText = described
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(errorText).toContain('email must be a valid e-mail address');
    expect(screen.getByLabelText(/^Password/).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('says the e-mail or password is wrong, in the interface language, without naming which', async () => {
    await i18n.changeLanguage('fr');
    fetchMock.mockResolvedValueOnce(
      answer(401, { code: 'UNAUTHENTICATED', message: 'Wrong e-mail address or password' }),
    );
    renderSignIn();
    fireEvent.change(screen.getByLabelText(/Adresse e-mail/), { target: { value: 'a@example.org' } });
    fireEvent.change(screen.getByLabelText(/^Mot de passe/), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(getAccessToken()).toBeNull();
  });

  it('flags empty fields without asking the API', async () => {
    renderSignIn();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getAllByText('This field is required.')).toHaveLength(2));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in with a JSON POST, keeps the access token in memory only and opens the signed-in page', async () => {
    fetchMock.mockResolvedValueOnce(
      answer(200, {
        accessToken: 'access-1',
        expiresIn: 900,
        user: { id: 'u1', name: 'Amina', email: null, platformRole: 'USER' },
      }),
    );
    const router = renderSignIn();
    fill('amina@example.org', 'a-good-password');
    await screen.findByText('signed in page');
    expect(router.state.location.pathname).toBe('/me/organizations');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/auth/sign-in');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(getAccessToken()).toBe('access-1');
    expect(JSON.stringify({ ...localStorage })).not.toContain('access-1');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('access-1');
    expect(document.cookie).not.toContain('access-1');
  });
});
