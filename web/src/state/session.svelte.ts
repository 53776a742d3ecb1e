/**
 * Signing in (DESIGN.md "Roles and privacy"): `npm start` prints a one-time link
 * `/?login=CODE`; the code is traded for a session token (POST /api/auth/login),
 * which is kept in localStorage and sent as a bearer token. The code is removed
 * from the address bar at once (history.replaceState) so it is neither
 * bookmarked nor left in the history. Any 401 later shows the sign-in screen.
 */
import { ApiClient, ApiError } from '../lib/api-client.ts';
import type { LoginAnswer, Principal } from '../lib/api-types.ts';
import { syncLocation } from './location.svelte.ts';

const TOKEN_KEY = 'support-radar.token';

type Status = 'checking' | 'signed-in' | 'signed-out';

export const session = $state<{ status: Status; principal: Principal | null; problem: { kind: 'login' | 'ended'; message: string } | null }>({
  status: 'checking',
  principal: null,
  problem: null,
});

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return memoryToken;
  }
}

let memoryToken: string | null = null;

function writeToken(token: string | null): void {
  memoryToken = token;
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage off: the token lives in memory for this visit.
  }
}

function signedOut(kind: 'login' | 'ended', message: string): void {
  session.status = 'signed-out';
  session.principal = null;
  session.problem = { kind, message };
}

export const api = new ApiClient({
  token: readToken,
  onUnauthorized: (err) => {
    writeToken(null);
    signedOut('ended', err.message);
  },
});

/** Takes `?login=` out of the address bar, keeping everything else. */
function dropLoginParam(): string | null {
  const url = new URL(location.href);
  const code = url.searchParams.get('login');
  if (code === null) return null;
  url.searchParams.delete('login');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  syncLocation();
  return code;
}

/** On load: trade a login code if the URL has one, then check the token with GET /api/auth/me. */
export async function signIn(): Promise<void> {
  const code = dropLoginParam();
  if (code) {
    try {
      // Without the 401 hook: a used link must not end a session this browser already has.
      const answer = await new ApiClient({ token: () => null }).post<LoginAnswer>('/api/auth/login', { code });
      writeToken(answer.token);
    } catch (err) {
      // A used or stale link: keep an older token if there is one, else say why.
      if (!readToken()) return signedOut('login', err instanceof ApiError ? err.message : String(err));
    }
  }
  if (!readToken()) return signedOut('ended', '');
  try {
    session.principal = await api.get<Principal>('/api/auth/me');
    session.status = 'signed-in';
    session.problem = null;
  } catch (err) {
    if (session.status !== 'signed-out') signedOut('ended', err instanceof ApiError ? err.message : String(err));
  }
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/auth/logout', {});
  } finally {
    writeToken(null);
    signedOut('ended', '');
  }
}

/** compliance and admin may see personal data (server/auth/roles.ts). */
export function mayUnmask(): boolean {
  const role = session.principal?.role;
  return role === 'compliance' || role === 'admin';
}
