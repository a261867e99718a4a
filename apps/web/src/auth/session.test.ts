import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError, getAccessToken, getSessionState, refresh, signIn, signOut } from './session';

const user = { id: 'u1', name: 'Amina', email: 'amina@example.org', platformRole: 'USER' as const };
const session = (accessToken: string, expiresIn = 900) =>
  new Response(JSON.stringify({ accessToken, expiresIn, user }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
const refused = () =>
  new Response(JSON.stringify({ code: 'UNAUTHENTICATED', message: 'The refresh token was already used' }), {
    status: 401,
  });

describe('the browser session', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.useFakeTimers();
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(async () => {
    await signOut();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const paths = () => fetchMock.mock.calls.map(([url]) => url);

  it('refreshes the access token a minute before it expires, with the cookie and a JSON POST', async () => {
    fetchMock.mockResolvedValueOnce(session('first', 900)).mockResolvedValueOnce(session('second', 900));
    await signIn('amina@example.org', 'a-password');
    expect(getAccessToken()).toBe('first');
    await vi.advanceTimersByTimeAsync(839_000);
    expect(paths()).toEqual(['/auth/sign-in']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(paths()).toEqual(['/auth/sign-in', '/auth/refresh']);
    const init = fetchMock.mock.calls[1][1]!;
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(getAccessToken()).toBe('second');
  });

  it('forgets the user when the refresh is refused (e.g. a replayed cookie revoked the sign-in)', async () => {
    fetchMock.mockResolvedValueOnce(session('first', 120)).mockResolvedValueOnce(refused());
    await signIn('amina@example.org', 'a-password');
    await vi.advanceTimersByTimeAsync(61_000);
    expect(getAccessToken()).toBeNull();
    expect(getSessionState()).toEqual({ user: null, ready: true });
  });

  it('makes one refresh request for concurrent callers', async () => {
    fetchMock.mockResolvedValueOnce(session('only'));
    const [a, b] = await Promise.all([refresh(), refresh()]);
    expect([a, b]).toEqual(['only', 'only']);
    expect(paths()).toEqual(['/auth/refresh']);
  });

  it('reports a refused sign-in with its code and field, and keeps no token', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ code: 'BAD_USER_INPUT', field: 'email', message: 'email must be valid' }), {
        status: 400,
      }),
    );
    const error = await signIn('nope', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(getAccessToken()).toBeNull();
  });

  it('signs out with a POST that clears the cookie server-side, and forgets the token even if it fails', async () => {
    fetchMock.mockResolvedValueOnce(session('first'));
    await signIn('amina@example.org', 'a-password');
    fetchMock.mockRejectedValueOnce(new TypeError('network down'));
    await expect(signOut()).rejects.toThrow('network down');
    expect(getAccessToken()).toBeNull();
    expect(paths()).toEqual(['/auth/sign-in', '/auth/sign-out']);
  });
});
