/**
 * The browser session. The access token lives in this module's memory only (never in storage); the
 * refresh token is an HttpOnly cookie scoped to /auth that JavaScript cannot read. On load the portal
 * asks POST /auth/refresh for an access token (it succeeds when the cookie holds a live session) and
 * refreshes it again shortly before it expires.
 */
export interface SessionUser {
  id: string;
  name: string;
  email: string | null;
  platformRole: 'USER' | 'MODERATOR' | 'ADMIN';
}

export interface SessionState {
  user: SessionUser | null;
  /** false until the first refresh attempt has answered */
  ready: boolean;
}

/** An answer of the /auth endpoints that is not a session. `field` names the input at fault. */
export class AuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

interface SessionAnswer {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

let accessToken: string | null = null;
let state: SessionState = { user: null, ready: false };
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
/** When the access token expires (ms since the epoch). */
let expiresAt = 0;
let refreshing: Promise<string | null> | null = null;
const listeners = new Set<(s: SessionState) => void>();

function setState(next: SessionState) {
  state = next;
  for (const listener of listeners) listener(state);
}

export function getSessionState(): SessionState {
  return state;
}

export function subscribeSession(listener: (s: SessionState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getAccessToken(): string | null {
  return accessToken;
}

async function post(path: string, body: unknown = {}): Promise<SessionAnswer | null> {
  const response = await fetch(`/auth/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    // JSON content type: a cross-site form cannot send it without a CORS preflight the API refuses
    headers: { 'content-type': 'application/json', 'x-requested-with': 'nexus-portal' },
    body: JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const answer = (await response.json().catch(() => ({}))) as Partial<SessionAnswer> & {
    code?: string;
    message?: string;
    field?: string;
    reason?: string;
  };
  if (!response.ok) {
    throw new AuthError(answer.code ?? 'ERROR', answer.message ?? response.statusText, answer.field, answer.reason);
  }
  return answer as SessionAnswer;
}

function accept(answer: SessionAnswer): SessionUser {
  accessToken = answer.accessToken;
  expiresAt = Date.now() + answer.expiresIn * 1000;
  clearTimeout(refreshTimer);
  const delay = Math.max(5_000, answer.expiresIn * 1000 - REFRESH_MARGIN_MS);
  refreshTimer = setTimeout(() => void refresh(), delay);
  setState({ user: answer.user, ready: true });
  return answer.user;
}

function clear() {
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  setState({ user: null, ready: true });
}

/** Trades the refresh cookie for a new access token (and a rotated cookie); null when signed out. */
export function refresh(): Promise<string | null> {
  refreshing ??= post('refresh')
    .then((answer) => {
      if (!answer) throw new AuthError('UNAUTHENTICATED', 'No session');
      accept(answer);
      return accessToken;
    })
    .catch(() => {
      clear();
      return null;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

export async function signIn(email: string, password: string): Promise<SessionUser> {
  return accept((await post('sign-in', { email, password }))!);
}

export async function signUp(input: { name: string; email: string; password: string }): Promise<SessionUser> {
  return accept((await post('register', input))!);
}

export async function completeRegistration(input: { token: string; name: string; password: string }) {
  return accept((await post('complete-registration', input))!);
}

export async function signOut(): Promise<void> {
  try {
    await post('sign-out');
  } finally {
    clear();
  }
}

// a timer does not run while the computer sleeps: on coming back, refresh a token that is (nearly) stale
if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && accessToken && Date.now() > expiresAt - REFRESH_MARGIN_MS) {
      void refresh();
    }
  });
}
